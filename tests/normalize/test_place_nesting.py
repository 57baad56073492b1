"""The finest place a report gives, and divisions inside divisions (no model): a province is
finer than its country and than a region across countries; "X's Y province" is Y; a town
"near" a broad region's mention wins over the region; a province and the region holding it
(ISO 3166-2 parents) are one place, not a contradiction. Sentences written for these tests."""

from __future__ import annotations

from wirecoder.model import Place
from wirecoder.normalize.hierarchy import divisions_differ, within
from wirecoder.normalize.phrases import finest, resolve_phrase
from wirecoder.normalize.where import resolve_place

COUNTRY = Place("Burkina Faso", country="BF", feature="A.PCLI", precision=3)
PROVINCE = Place("Yagha", country="BF", admin1="Yagha", feature="A.ADM1", precision=3)
SPANNING = Place("Sahel", geonameid="region:sahel", feature="L.RGN", precision=3)
TOWN = Place("Sebba", country="BF", admin1="Yagha", feature="P.PPLA2", precision=1)


def test_finest_prefers_precision_then_the_smaller_division():
    assert finest([COUNTRY, PROVINCE]) is PROVINCE
    assert finest([SPANNING, COUNTRY]) is COUNTRY
    assert finest([PROVINCE, TOWN]) is TOWN
    assert finest([COUNTRY, Place("Niger", country="NE", feature="A.PCLI")]) is COUNTRY  # tie
    assert finest([]) is None


def test_a_possessive_names_the_province_inside():
    place = resolve_phrase("in Gorgadji village in the Sahel's Yagha province",
                           context_countries=["BF"])
    assert place is not None and place.admin1 == "Yagha" and place.country == "BF"


def test_an_unknown_village_in_a_province_is_placed_at_the_province():
    place = resolve_phrase("in Tindirga village in Yagha province", context_countries=["BF"])
    assert place is not None and place.admin1 == "Yagha"


def test_a_town_near_a_broad_region_is_the_place():
    place = resolve_phrase("in the Sahara desert near Hassi Messaoud",
                           context_countries=["DZ"])
    assert place is not None and place.country == "DZ" and place.precision == 2
    assert place.anchor == "Hassi Messaoud"


def test_a_countrys_own_division_beats_a_region_across_countries():
    in_story = resolve_place("Sahel", context_countries=["BF"])
    assert in_story.country == "BF" and in_story.admin1 == "Sahel"
    elsewhere = resolve_place("Sahel", context_countries=["ML"])
    assert elsewhere.geonameid == "region:sahel"  # Mali has no division of that name


def test_a_province_lies_in_its_region():
    assert within("Yagha", "Sahel", "BF")
    assert not within("Sahel", "Yagha", "BF")
    assert not within("Kandahar", "Helmand", "AF")
    assert not within("Yagha", "Sahel", None)


def test_divisions_differ_only_when_neither_holds_the_other():
    region = Place("Sahel", country="BF", admin1="Sahel", feature="A.ADM1")
    other = Place("Centre-Nord", country="BF", admin1="Centre-Nord", feature="A.ADM1")
    assert not divisions_differ(PROVINCE, region)
    assert not divisions_differ(region, PROVINCE)
    assert divisions_differ(PROVINCE, other)
    assert not divisions_differ(PROVINCE, COUNTRY)  # a country names no division


def test_a_towns_name_before_the_site_it_holds_places_the_site():
    place = resolve_phrase("in a Gao market bombing", context_countries=["ML"])
    assert place is not None and place.name == "Gao" and place.precision == 1
    assert resolve_phrase("on a Mediterranean beach", context_countries=["TN"]) is None
