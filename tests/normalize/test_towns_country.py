"""Kind 3 of issue 29: an article that names no country takes the one its towns agree on, never
the most populous namesake of one of them (place index, no model)."""

from __future__ import annotations

import pytest

from wirecoder.normalize.article_context import towns_country


@pytest.mark.parametrize("towns, country", [
    (["Djibo", "Dori"], "BF"),       # two towns of one country
    (["Bunia", "Beni"], "CD"),       # a town of two countries' names beside an unambiguous one
    (["Beni", "Bunia"], "CD"),       # whatever the order
    (["Nairobi"], "KE"),
    (["Paris"], "FR"),               # a national capital among its namesakes
    (["Mora"], "CM"),                # the town of that name before an old name of another
])
def test_the_towns_decide(towns, country):
    assert towns_country(towns) == country


@pytest.mark.parametrize("towns", [
    ["Beni"],                 # Congo's town, Bolivia's department: nothing else to decide
    ["Bama"],                 # towns of Nigeria and of Burkina Faso
    ["Kidal", "Bunia"],       # two countries' towns: no one country
    [],
    ["Nowhere-in-particular"],
])
def test_no_country_is_better_than_a_wrong_one(towns):
    assert towns_country(towns) is None
