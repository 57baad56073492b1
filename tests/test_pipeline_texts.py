"""The whole per-article pipeline on short texts written for these tests (loads the model).

Names here are invented on purpose: what is found must come from the wording, not from a
gazetteer entry, except where a test is about the gazetteer.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article

pytestmark = pytest.mark.slow
PUBLISHED = date(2021, 3, 10)  # a Wednesday



def run(pipeline, text, published=PUBLISHED):
    return pipeline.process(Article.make(text, published=published, outlet="Test Wire"))


def relations(extraction):
    names = {a.id: a.name for a in extraction.actors}
    return {(names.get(r.subject, r.subject), r.predicate, names.get(r.object, r.object))
            for r in extraction.relations}


def test_acronym_definition_links_both_forms(pipeline):
    x = run(pipeline, "Fighters of the Movement for Northern Unity (MNU) attacked a checkpoint. "
                      "The MNU later withdrew, residents said.")
    actor = next(a for a in x.actors if "Movement for Northern Unity" in a.name
                 or "Movement for Northern Unity" in a.aliases)
    assert "MNU" in actor.aliases or actor.name == "MNU"


def test_alias_statement_and_role_relations(pipeline):
    x = run(pipeline, "Police arrested Karim Haddadi, a top aide to Youssef Benali, better known "
                      "as Abu Tarek al-Maghribi, the leader of the Sons of the Dunes Brigade.")
    assert ("Karim Haddadi", "aide_to", "Youssef Benali") in relations(x)
    benali = next(a for a in x.actors if a.name == "Youssef Benali")
    assert "Abu Tarek al-Maghribi" in benali.aliases


def test_security_forces_killing_militants_is_a_battle_dated_last_month(pipeline):
    x = run(pipeline, "Last month, Nigerian soldiers killed twelve militants near Maiduguri, "
                      "an army spokesman said.")
    event = next(e for e in x.events if e.fatalities == 12)
    assert (event.type, event.sub_type) == ("Battles", "Armed clash")
    assert (event.when.start, event.when.end, event.when.precision) == \
        (date(2021, 2, 1), date(2021, 2, 28), "month")
    assert event.place is not None and event.place.country == "NG"
    claims = [c for c in x.claims if c.kind == "event" and c.subject == event.id]
    assert claims and any(c.source and "spokesman" in c.source for c in claims)


def test_militants_killing_civilians_is_violence_against_civilians(pipeline):
    x = run(pipeline, "Gunmen killed seven villagers in an attack near Gao in Mali on Monday, "
                      "local officials said.")
    event = next(e for e in x.events if e.fatalities == 7)
    assert event.type == "Violence against civilians"
    assert event.when.start == date(2021, 3, 8)


def test_background_event_is_historical(pipeline):
    x = run(pipeline, "The town has been quiet since a suicide bomber killed 20 people at its "
                      "market in May 2014, residents said.")
    assert x.events and all(e.historical for e in x.events)


def test_negated_event_is_not_counted(pipeline):
    x = run(pipeline, "The army said no soldiers were killed in the clash, and officials denied "
                      "that troops had abducted anyone.")
    assert all(e.modality != "asserted" or not e.fatalities for e in x.events)


def test_no_publication_date_leaves_relative_dates_unresolved(pipeline):
    x = run(pipeline, "Last month, soldiers killed four militants near Kidal in Mali.",
            published=None)
    assert x.events and not any(e.when.resolved for e in x.events)


def test_a_few_days_later_counts_from_the_last_dated_event_not_an_older_one(pipeline):
    x = run(pipeline, "In 2013, gunmen attacked a gas plant near Tiguentourine in Algeria.\n\n"
                      "In the past two weeks, soldiers killed eight militants near Bouira and "
                      "then killed a commander a few days later.", published=None)
    later = next(e for e in x.events if "later" in (e.when.text or ""))
    assert not later.when.resolved  # its anchor, the past two weeks, has no date to count from
    assert any(e.when.resolved and e.when.start.year == 2013 for e in x.events)


def test_the_dateline_is_context_for_the_places_named(pipeline):
    text = "Gunmen attacked a market in Paris on Tuesday, police said."
    assert run(pipeline, text).events[0].place.country == "FR"
    x = pipeline.process(Article.make(text, published=PUBLISHED, dateline="DALLAS, Texas"))
    place = x.events[0].place
    assert (place.name, place.country, place.admin1) == ("Paris", "US", "Texas")


def test_a_wire_dateline_in_the_text_is_context_too(pipeline):
    x = run(pipeline, "Market attack\n\nDALLAS, Texas (Wire) - Gunmen attacked a market in "
                      "Paris on Tuesday, police said.")
    place = next(e.place for e in x.events if e.place is not None)
    assert (place.name, place.country) == ("Paris", "US")


def test_same_text_same_ids(pipeline):
    text = "Police killed two robbers in Lagos on Tuesday, officials said."
    first, second = run(pipeline, text), run(pipeline, text)
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    assert [e.id for e in first.events] == [e.id for e in second.events]


def test_description_introduces_the_person_it_describes(pipeline):
    x = run(pipeline, "The killing of a senior Malian commander by soldiers has alarmed the "
                      "region, officials say.\n\nLast week, Nigerien soldiers killed Adama "
                      "Traore, a top aide to Hamadoun Kone, near Ayorou.")
    assert ("Adama Traore", "nationality", "ML") in relations(x)
    assert ("Adama Traore", "aide_to", "Hamadoun Kone") in relations(x)
    killings = [e for e in x.events if e.fatalities]
    assert len(killings) == 1 and killings[0].fatalities == 1  # one death, told twice


def test_time_and_place_the_parser_hangs_deep_in_the_clause(pipeline):
    x = run(pipeline, "Kenyan police fired tear gas and shot into the air to break up a protest "
                      "by hundreds of traders in Nairobi on Monday, wounding at least nine "
                      "people, witnesses said.")
    shot = next(e for e in x.events if e.trigger in ("shot", "fired"))
    assert (shot.when.start, shot.when.precision) == (date(2021, 3, 8), "day")
    assert (shot.place.name, shot.place.precision) == ("Nairobi", 1)


def test_an_attack_on_a_town_the_parser_hangs_on_the_attackers(pipeline):
    x = run(pipeline, "Nigerian soldiers fought off an attack by militants on the town of "
                      "Damboa in Borno State, killing 12 insurgents, an army spokesman said.")
    event = next(e for e in x.events if e.fatalities == 12)
    assert (event.place.name, event.place.country, event.place.precision) == ("Damboa", "NG", 1)


def test_the_reporting_clause_and_other_times_do_not_date_the_event(pipeline):
    x = run(pipeline, "Soldiers killed seven fighters near Kidal in Mali, an army spokesman "
                      "told reporters in Bamako on Tuesday.")
    event = next(e for e in x.events if e.fatalities == 7)
    # not the reporting clause's Tuesday: the story gives its news no day of its own, so the
    # week up to publication (ACLED time precision 2), never a day
    assert event.when.precision == "week" and "no day" in event.when.note
    assert event.place.name == "Kidal"
    x = run(pipeline, "The town has been attacked repeatedly since rebels launched their "
                      "uprising in 2012.")
    assert not any(e.when.resolved and e.when.start.year == 2012 and e.trigger == "attacked"
                   for e in x.events)
