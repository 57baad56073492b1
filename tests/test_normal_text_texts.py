"""Kind 2 of issue 29: a name written with a decomposed accent, a no-break space or a
non-breaking hyphen is the same place, and every stored span still points into the article
as published (sentences written for these tests)."""

from __future__ import annotations

import unicodedata
from datetime import date

from wirecoder.model import Article


def _process(pipeline, text):
    return pipeline.process(Article.make(text, published=date(2024, 3, 6)))


def test_a_no_break_space_and_hyphen_inside_a_name_keep_the_place(pipeline):
    x = _process(pipeline, "Gunmen killed three villagers near Deir\u00a0ez\u2011Zor on Monday, "
                           "officials said.")
    assert [e.place.name for e in x.events] == ["Deir ez-Zor"]


def test_evidence_spans_point_at_the_original_characters(pipeline):
    text = unicodedata.normalize(
        "NFD", "Gunmen killed three soldiers in Médéa on Monday, the army said.\n\n"
               "The attack in Médéa was the second this month.")
    x = _process(pipeline, text)
    assert x.events and x.events[0].place.name == "Médéa"
    places = [c for c in x.claims if c.kind == "place"]
    assert len(places) == 2
    for claim in places:  # the decomposed name as published: 7 characters, not 5
        assert text[claim.start:claim.end] == unicodedata.normalize("NFD", "Médéa")
    for claim in x.claims:  # every quoted sentence is the article's own
        assert claim.sentence in text
    last = max(c.end for c in x.claims)
    assert last <= len(text)


def test_no_country_for_an_actor_from_a_town_two_countries_share(pipeline):
    x = _process(pipeline, "Soldiers killed five villagers near Beni on Sunday, a local "
                           "official said.")
    assert not [a for a in x.actors if a.country == "BO"]


def test_the_articles_other_town_decides_the_actors_country(pipeline):
    x = _process(pipeline, "Soldiers killed five villagers near Beni on Sunday. The attack came "
                           "days after fighting in Bunia.")
    assert {a.country for a in x.actors} == {"CD"}
