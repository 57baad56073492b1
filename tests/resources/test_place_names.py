"""Places under their French names (issue 30, item 4, groundwork): towns through GeoNames'
alternate names in the place index, countries through the generated
``resources/lang/fr/countries.tsv`` (scripts/make_place_names.py)."""

from __future__ import annotations

import pytest

from wirecoder.resources.countries import country_names_in


@pytest.mark.parametrize("french, geonameid, english", [
    ("Tombouctou", "2449067", "Timbuktu"), ("Alger", "2507480", "Algiers"),
    ("Tillabéri", "2438678", "Tillabéri"), ("Tunis", "2464470", "Tunis"),
])
def test_french_town_names_are_the_geonames_towns(french, geonameid, english):
    from wirecoder.normalize.geo_index import geo_index

    best = geo_index().lookup(french)[0]
    assert (best.kind, best.geonameid, best.name) == ("city", geonameid, english)


def test_menaka_is_found_under_its_french_spelling():
    from wirecoder.normalize.geo_index import geo_index

    assert any(c.country == "ML" for c in geo_index().lookup("Ménaka"))


def test_french_country_names_table():
    names = country_names_in("fr")
    assert names["algérie"] == "DZ" and names["tunisie"] == "TN" and names["libye"] == "LY"
    assert names["tchad"] == "TD" and names["maroc"] == "MA"
    assert "mali" not in names  # the English name too: nothing to add
    assert country_names_in("xx") == {}
