"""Kind 4 of issue 29: an abduction told without "abduct" or "kidnap"; an alliance ("fights
alongside the army") is no battle (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article

ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")


def _types(pipeline, text):
    return [(e.type, e.sub_type) for e in pipeline.process(
        Article.make(text, published=date(2024, 3, 6))).events]


@pytest.mark.parametrize("text", [
    "Two aid workers were taken by armed men near Gao on Monday.",
    "A teacher was snatched by gunmen outside his school in Kidal on Monday.",
    "A journalist was forced into an unmarked van in Bamako on Friday.",
])
def test_an_abduction_without_the_verb(pipeline, text):
    assert _types(pipeline, text) == [ABDUCTION]


@pytest.mark.parametrize("text", [
    "The children were taken by their parents to the clinic in Gao on Monday.",
    "Soldiers took three suspects into custody in Gao on Monday.",
])
def test_taken_by_someone_else_is_no_abduction(pipeline, text):
    assert ABDUCTION not in _types(pipeline, text)


@pytest.mark.parametrize("text, events", [
    ("The Wagner Group fights alongside the Malian army in the north.", []),
    ("The militia has fought alongside government troops since 2021.", []),
    ("The militia fought alongside the army against the rebels near Beni on Monday, "
     "killing six.", [("Battles", "Armed clash")]),
    ("Troops fought with militants near Gao on Monday.", [("Battles", "Armed clash")]),
])
def test_an_alliance_is_no_battle(pipeline, text, events):
    assert _types(pipeline, text) == events
