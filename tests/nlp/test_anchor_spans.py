"""Place phrase spans on hand-built parses (no model): a fronted place phrase the parser ran on
into the subject is cut before it; an apposition naming a place goes on."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirecoder.nlp.anchors import _before_next_subject


def parse(words, heads, tags, lemmas):
    return Doc(Vocab(), words=words, heads=heads, tags=tags, lemmas=lemmas,
               deps=["dep"] * len(words))


def test_a_fronted_place_stops_before_the_subject_the_parse_ran_into():
    words = ["In", "Jurm", "district", ",", "a", "patrol", "detained", "two", "men"]
    doc = parse(words, [6, 2, 0, 2, 5, 2, 6, 8, 6],
                ["IN", "NNP", "NN", ",", "DT", "NN", "VBD", "CD", "NNS"],
                ["in", "Jurm", "district", ",", "a", "patrol", "detain", "two", "man"])
    assert _before_next_subject(doc, 0, 6) == 3  # "In Jurm district"


def test_an_apposition_naming_a_place_is_kept():
    words = ["in", "Gwoza", ",", "a", "town", "in", "Borno"]
    doc = parse(words, [0, 0, 1, 4, 1, 4, 5],
                ["IN", "NNP", ",", "DT", "NN", "IN", "NNP"],
                ["in", "Gwoza", ",", "a", "town", "in", "Borno"])
    assert _before_next_subject(doc, 0, 7) == 7


def test_a_district_name_joined_by_wa_is_one_name_however_the_parse_cuts_it():
    from wirecoder.nlp.anchors import _joined_name

    words = ["in", "Darra", "wa", "Kotal", "district", ",", "Kunar", "province"]
    pos = ["ADP", "PROPN", "VERB", "PROPN", "NOUN", "PUNCT", "PROPN", "NOUN"]
    doc = Doc(Vocab(), words=words, pos=pos, lemmas=[w.lower() for w in words],
              heads=[0, 0, 0, 4, 2, 4, 7, 4], deps=["dep"] * len(words))
    assert _joined_name(doc, 2) == 5        # "in Darra wa Kotal district"
    assert _joined_name(doc, 5) == 5        # nothing joined after the comma
