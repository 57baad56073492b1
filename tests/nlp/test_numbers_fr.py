"""Counts worded in French (resources/lang/fr/lexicon.yaml), read while a French article is
read; English counts unchanged. Phrases written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.nlp.numbers import parse_count
from wirecoder.resources.languages import reading


@pytest.mark.parametrize("words, count", [
    ("trois", 3), ("douze", 12), ("vingt-et-un", 21), ("quatre-vingt-dix", 90),
    ("au moins 14", 14), ("plus de 40", 41), ("une dizaine", 10), ("une centaine", 100),
    ("1 200", 1200),
])
def test_french_counts(words, count):
    with reading("fr"):
        assert parse_count(words) == count


def test_english_counts_are_read_as_before():
    assert parse_count("at least twelve") == 12
    assert parse_count("sept") is None  # a French word means nothing in an English article
