"""Business, labour and political news that names no ACLED event, on sentences written for
these tests: commercial and labour accords, a contest for an office, a labour strike told by
its story, a participle that says who an actor is, a habit of support, a war dated decades
back, and a possibility (loads the model)."""

from __future__ import annotations

import pytest

from article_coding import code, current

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    # (a) accords a company or a union makes, or whose terms are commerce or labour, even
    # beside a conflict word ("army", "missile") or a name shared with an armed group
    "Harbor Defense Inc said it signed a three-year agreement under which the army will buy "
    "its trucks.",
    "Union Federal Corp said it signed a definitive agreement under which its Ohio unit will "
    "merge with Tristate Bank.",
    "The union reached agreement with the defence contractor on a new contract for workers "
    "at its missile plant.",
    "She said it is possible to reach agreement with the rebels before the end of the month.",
    # (b) a participle that says who the object of a clause is
    "Weapons bought abroad were shipped to guerrillas fighting the military government, "
    "the inquiry found.",
    # (c) a contest for an office, not a fight
    "The former army chief faces a bruising battle for the nomination, aides said.",
    # (d) a strike noun in a story about labour
    "Workers of the Seafarers' Union met on Monday. \"I promise you a strike,\" its "
    "president said.",
    # (e) a war dated decades before publication
    "The hill town was seized by the army in the 1948 war, the guide said.",
    # (f) a habit of support: the attacks a side backs
    "Syria has backed Kurdish fighters in attacks on army positions in the north.",
])
def test_no_current_event_in_business_labour_or_background(pipeline, text):
    x = code(pipeline, text)
    assert current(x) == [], [(e.sub_type, e.trigger, e.modality) for e in x.events]


@pytest.mark.parametrize("text, expected", [
    ("The government and the rebels signed a ceasefire agreement in Juba on Monday.",
     "Agreement"),
    ("The warring factions reached an agreement on a prisoner exchange on Sunday.",
     "Agreement"),
    ("Troops killed three militants attacking a checkpoint in Kandahar on Monday.",
     "Armed clash"),
    ("Rebels and troops fought for control of the airport near Sanaa on Sunday.",
     "Armed clash"),
    ("A drone strike killed four militants in North Waziristan on Monday.", "Air/drone strike"),
    ("Rebels seized the town of Kidal in northern Mali on Monday.",
     "Non-state actor overtakes territory"),
])
def test_conflict_events_beside_them_are_kept(pipeline, text, expected):
    x = code(pipeline, text)
    assert expected in {e.sub_type for e in current(x)}, [
        (e.sub_type, e.trigger, e.modality) for e in x.events]


def test_a_year_the_ner_took_for_an_event_is_a_date():
    from spacy.tokens import Span

    from wirecoder.nlp.fix_ents import corrected_ents
    from wirecoder.nlp.load import load_nlp

    doc = load_nlp()("The hill town was seized by the army in the 1948 war.")
    doc.ents = [Span(doc, 9, 11, "EVENT")]  # the NER's cut: "the 1948"
    assert [(e.text, e.label_) for e in corrected_ents(doc)] == [("1948", "DATE")]


def test_an_ordinary_word_of_ucdp_is_no_alias_of_a_curated_actor():
    from wirecoder.resources.gazetteer import load_actor_gazetteer

    assert load_actor_gazetteer().lookup("Union") is None
