"""Where no sentence may end (``nlp/paragraphs.py``): inside a run of proper nouns on one line
and before a bracketed gloss. Texts are written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from wirecoder.nlp.paragraphs import paragraphs


def tagged(words_tags: list[tuple[str, str]]) -> Doc:
    words = [w for w, _ in words_tags]
    return Doc(spacy.blank("en").vocab, words=words, tags=[t for _, t in words_tags],
               spaces=[True] * (len(words) - 1) + [False])


def test_no_sentence_starts_inside_a_two_word_name():
    doc = paragraphs(tagged([("Police", "NNS"), ("searched", "VBD"), ("Abdul", "NNP"),
                             ("Rahim", "NNP"), ("Khel", "NNP"), ("village", "NN")]))
    assert doc[3].is_sent_start is False and doc[4].is_sent_start is False


def test_nor_before_a_bracketed_gloss():
    doc = paragraphs(tagged([("They", "PRP"), ("left", "VBD"), ("today", "NN"), ("[", "-LRB-"),
                             ("Sunday", "NNP"), ("]", "-RRB-")]))
    assert doc[3].is_sent_start is False


def test_a_name_after_a_common_word_may_still_start_a_sentence():
    doc = paragraphs(tagged([("They", "PRP"), ("left", "VBD"), ("Police", "NNP"), ("came", "VBD")]))
    assert doc[2].is_sent_start is None  # left to the parser


@pytest.mark.slow
def test_the_parser_keeps_the_gloss_in_its_sentence(pipeline):
    doc = pipeline.nlp("Rebels withdrew today [Sunday] from the town.")
    assert len(list(doc.sents)) == 1
