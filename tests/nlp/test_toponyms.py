"""Toponym recognition: which entity spans name places."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from wirecoder.nlp.toponyms import names_a_people_place, toponym_spans


@pytest.mark.parametrize("word, expected", [
    ("Algerian", True), ("Sahelian", True), ("North African", True),
    ("Sousse", True), ("Muslim", False), ("Republican", False), ("Catholics", False),
    ("Arab", False)])
def test_a_demonym_names_a_place_a_faith_or_party_does_not(word, expected):
    assert names_a_people_place(word) is expected


def test_toponym_spans_keep_places_and_people_of_places_only():
    nlp = spacy.blank("en")
    doc = nlp("Algerian troops and Muslim clerics met in Kasserine near the Chaambi mountains .")
    doc.ents = [Span(doc, 0, 1, "NORP"), Span(doc, 3, 4, "NORP"), Span(doc, 7, 8, "GPE"),
                Span(doc, 10, 12, "LOC")]
    assert [e.text for e in toponym_spans(doc)] == ["Algerian", "Kasserine", "Chaambi mountains"]


@pytest.mark.slow
def test_a_division_taken_for_a_person_is_a_place():
    from wirecoder.nlp.fix_ents import corrected_ents
    from wirecoder.nlp.load import load_nlp

    doc = load_nlp()("Officials from Tamil Nadu said Kent Walker would attend.")
    doc.ents = [Span(doc, 2, 4, "PERSON"), Span(doc, 5, 7, "PERSON")]
    assert [(e.text, e.label_) for e in corrected_ents(doc)] == [
        ("Tamil Nadu", "GPE"), ("Kent Walker", "PERSON")]


@pytest.mark.slow
def test_a_name_before_a_division_noun_is_a_place():
    from wirecoder.nlp.fix_ents import corrected_ents
    from wirecoder.nlp.load import load_nlp

    doc = load_nlp()("Troops searched a compound in Zormandi province on Monday.")
    doc.ents = [Span(doc, 5, 6, "ORG")]  # the NER's error: a province's name as a group
    assert [(e.text, e.label_) for e in corrected_ents(doc)] == [("Zormandi province", "GPE")]


@pytest.mark.parametrize("text, dateline", [
    ("MAIDUGURI, Nigeria, March 4 (Reuters) - Gunmen killed ten.", "MAIDUGURI, Nigeria"),
    ("Headline\n\nTUNIS/ALGIERS (Reuters) - The killing of a militant", "TUNIS/ALGIERS"),
    ("Gunmen attacked Paris on Tuesday.", None)])
def test_text_dateline(text, dateline):
    from wirecoder.nlp.paragraphs import text_dateline

    assert text_dateline(text) == dateline
