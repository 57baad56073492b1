"""Kind 6 of issue 29: a speaker after an inverted verb is the source; an accusation is the
accusers' claim, hedged, and its denial the denier's (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article


@pytest.fixture(scope="module")
def nlp():
    from wirecoder.nlp.load import load_nlp

    return load_nlp()


@pytest.mark.parametrize("text, source", [
    ("Soldiers killed six militants near Gao on Monday, said the governor.", "the governor"),
    ("Soldiers killed six militants near Gao on Monday, said Moussa Keita, the regional "
     "governor.", "Moussa Keita"),
    ("Police said two people were killed.", "Police"),
])
def test_the_speaker_before_or_after_the_verb(nlp, text, source):
    [att] = nlp(text)._.wc_attributions.values()
    assert att.source == source
    assert text[att.source_start:att.source_end] == source


def test_an_accusation_is_the_accusers_hedged_claim(nlp):
    text = "Residents accused soldiers of killing 12 villagers near Mopti on Sunday."
    [att] = nlp(text)._.wc_attributions.values()
    assert (att.source, att.hedges, att.denied) == ("Residents", ["alleged"], False)
    assert text[att.content_start:att.content_end].startswith("soldiers of killing")


def test_a_denial_of_the_accusation_is_the_deniers(nlp):
    [att] = nlp("The army denied the accusation.")._.wc_attributions.values()
    assert (att.source, att.denied) == ("The army", True)


def test_the_event_of_an_accusation_carries_its_source_and_hedge(pipeline):
    x = pipeline.process(Article.make(
        "Residents accused soldiers of killing 12 villagers near Mopti on Sunday. The army "
        "denied the accusation.", published=date(2024, 3, 6)))
    [event] = x.events
    assert event.hedged
    assert {c.source for c in x.claims if c.kind == "event"} == {"Residents"}
