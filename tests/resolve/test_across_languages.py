"""Across languages: a French and an English report of one incident share no wording, so
``resolve.events.compare`` measures none for them (``languages``) and weighs actors, place
and toll alone; within one language the wording counts as before; the vetoes hold in any
language. Sentences, places and tolls are invented for these tests."""

from __future__ import annotations

from datetime import date

from wirecoder.model import Event, Place, When
from wirecoder.resolve.events import MERGE_AT, across_languages, compare

DAY = date(2022, 6, 11)
FRENCH = "Des hommes armés ont tué sept villageois samedi à Tenkoro, selon un élu local."
ENGLISH = "Gunmen killed seven villagers in Tenkoro on Saturday, a local official said."


def report(eid, *, day=DAY, toll=7, lat=13.2, lon=-4.1, actor1=None):
    """A report of an attack on civilians in an invented village (precision 1, a town)."""
    return Event(id=eid, type="Violence against civilians", sub_type="Attack",
                 when=When(day, day, "day" if day else "unknown"),
                 place=Place(name="Tenkoro", country="ML", admin1="Segou", lat=lat, lon=lon,
                             precision=1, feature="P.PPL"),
                 actor1=actor1, fatalities=toll)


def canon(key):
    return key


def test_two_languages_are_told_apart():
    assert across_languages("fr", "en") and across_languages("FR", "en")
    assert not across_languages("en", "en")
    assert not across_languages(None, "fr") and not across_languages("fr", None)


def test_a_french_and_an_english_report_of_one_incident_are_one():
    a, b = report("a"), report("b", toll=8)
    same_wording, parts = compare(a, b, canon, FRENCH, ENGLISH)
    assert parts["text"] < 0.2 and same_wording < MERGE_AT  # the words barely meet
    score, parts = compare(a, b, canon, FRENCH, ENGLISH, languages=("fr", "en"))
    assert "text" not in parts and parts["languages"] == 1.0
    assert score >= MERGE_AT


def test_one_language_still_reads_the_wording():
    a, b = report("a"), report("b", toll=8)
    plain, _ = compare(a, b, canon, ENGLISH, ENGLISH)
    told, parts = compare(a, b, canon, ENGLISH, ENGLISH, languages=("en", "en"))
    assert told == plain and parts["text"] == 1.0


def test_across_languages_the_vetoes_hold():
    a = report("a")
    for other, why in ((report("b", day=date(2022, 6, 14)), "different days"),
                       (report("b", lat=13.9), "km apart"),
                       (report("b", actor1="group-two"), None)):
        first = report("a", actor1="group-one") if why is None else a
        score, parts = compare(first, other, canon, FRENCH, ENGLISH, languages=("fr", "en"))
        assert score == 0.0 and (why is None or why in parts["veto"])


def test_an_undated_report_in_another_language_needs_more_than_the_place():
    score, parts = compare(report("a"), report("b", day=None, toll=None), canon, FRENCH,
                           ENGLISH, languages=("fr", "en"))
    assert score == 0.0 and "undated" in parts["veto"]


def test_the_store_reads_each_article_language(stores_at):
    """Written through the store, the French and the English report of one attack in one
    town (no actor named, tolls 7 and 8) are one stored event; two English reports that
    word it as differently are not (the wording still counts within one language)."""
    from wirecoder.model import Article, Claim, Extraction, stable_id, to_dict
    from wirecoder.store import Store

    def extraction(text, toll, language):
        article = Article.make(text, published=date(2022, 6, 12), title=text[:30],
                               language=language)
        event = Event(stable_id(article.id, "event", 0), "Violence against civilians",
                      "Attack", When(DAY, DAY, "day"),
                      Place("Tenkoro", None, 13.2, -4.1, "ML", "Segou", "P.PPL", 1),
                      fatalities=toll)
        claims = (Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text),)
        return Extraction(article, claims, (), (), (event,), (event.place,), ("test",))

    with Store(stores_at / "l.db") as store:
        store.write(extraction(FRENCH, 7, "fr"))
        store.write(extraction(ENGLISH, 8, "en"))
        assert sorted(e.sources for e in store.events()) == [2]
    with Store(stores_at / "e.db") as store:
        store.write(extraction(ENGLISH, 7, "en"))
        store.write(extraction("Armed men shot dead eight people at a Tenkoro well at dawn.",
                               8, "en"))
        assert sorted(e.sources for e in store.events()) == [1, 1]
