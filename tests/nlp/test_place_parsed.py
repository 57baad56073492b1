"""Which place an event takes when the parse hangs no place on a preposition, on hand-built
parses (no model): a long name can derail the parser, so that the place names of the sentence
are no prepositional phrase at all; one run of them is still the event's place."""

from __future__ import annotations

from hand_parses import parse
from wirecoder.nlp.anchors import place_text

# "Troops held two men in Abu Bakr Khel district , Zabul province ." as the small model may
# parse it: "Abu" a punctuation mark of "in", "district" a conjunct of the verb
DERAILED = [("Troops", 1, "nsubj", "NOUN", "NNS", "troop"),
            ("held", 1, "ROOT", "VERB", "VBD", "hold"),
            ("two", 3, "nummod", "NUM", "CD", "two"),
            ("men", 1, "dobj", "NOUN", "NNS", "man"),
            ("in", 3, "prep", "ADP", "IN", "in"),
            ("Abu", 4, "punct", "PROPN", "NNP", "Abu"),
            ("Bakr", 8, "compound", "PROPN", "NNP", "Bakr"),
            ("Khel", 8, "compound", "PROPN", "NNP", "Khel"),
            ("district", 1, "conj", "NOUN", "NN", "district"),
            (",", 8, "punct", "PUNCT", ",", ","),
            ("Zabul", 11, "compound", "PROPN", "NNP", "Zabul"),
            ("province", 8, "appos", "NOUN", "NN", "province"),
            (".", 1, "punct", "PUNCT", ".", ".")]
RUN = ["O", "O", "O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "B-GPE", "I-GPE", "O"]
APART = ["O", "O", "O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "O", "O", "O"]


def test_one_run_of_place_names_is_the_events_place_whatever_the_parse():
    doc = parse(DERAILED, RUN, tight_punctuation=True)
    assert place_text(doc[1]) == "Abu Bakr Khel district, Zabul province"


def test_a_name_qualifying_a_noun_is_no_place():
    rows = [("U.S.", 1, "compound", "PROPN", "NNP", "U.S."),
            ("troops", 2, "nsubj", "NOUN", "NNS", "troop"),
            ("held", 2, "ROOT", "VERB", "VBD", "hold"),
            ("two", 4, "nummod", "NUM", "CD", "two"),
            ("men", 2, "dobj", "NOUN", "NNS", "man"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ["B-GPE", "O", "O", "O", "O", "O"], tight_punctuation=True)
    assert place_text(doc[2]) == ""


def test_a_single_name_still_counts_and_two_runs_apart_do_not():
    doc = parse(DERAILED, APART, tight_punctuation=True)
    assert place_text(doc[1]) == "Abu Bakr Khel district"
