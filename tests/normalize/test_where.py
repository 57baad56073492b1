from __future__ import annotations

import random
import string

import pytest

from wirecoder.normalize.where import (country_place, explain_place, parse_place_phrase,
                                       resolve_place)


@pytest.mark.parametrize("phrase, expected", [
    ("east of the capital Algiers", ("Algiers", "east of", "Algiers")),
    ("in the mountainous Kasserine region", ("Kasserine region", "in", None)),
    ("in Sousse", ("Sousse", "in", None)),
    ("outside Mogadishu", ("Mogadishu", "near", "Mogadishu")),
    ("50 km south of Maiduguri", ("Maiduguri", "south of", "Maiduguri")),
    ("about 35 km (22 miles) southeast of the state capital Maiduguri",
     ("Maiduguri", "southeast of", "Maiduguri")),
    ("in a mountainous region along the Tunisian-Algerian border",
     ("Tunisian-Algerian border", "along", None)),
])
def test_parse_place_phrase(phrase, expected):
    assert parse_place_phrase(phrase) == expected


def test_context_decides_between_namesakes():
    assert resolve_place("Paris", context_countries=["US"]).country == "US"
    assert resolve_place("Paris", context_countries=["FR"]).country == "FR"
    assert resolve_place("Paris").country == "FR"  # the big one when nothing says otherwise


def test_towns_and_their_precision():
    sousse = resolve_place("Sousse", context_countries=["TN"])
    assert (sousse.country, sousse.precision, sousse.feature[:1]) == ("TN", 1, "P")
    assert resolve_place("Kef", context_countries=["TN"]).country == "TN"
    algiers = resolve_place("Algiers")
    assert (algiers.country, algiers.feature) == ("DZ", "P.PPLC")


def test_relative_place_is_precision_two_anchored():
    place = resolve_place("Algiers", relation="east of", anchor="Algiers")
    assert (place.precision, place.relation, place.anchor) == (2, "east of", "Algiers")


def test_countries_regions_and_divisions():
    tunisia = resolve_place("Tunisia")
    assert (tunisia.precision, tunisia.country) == (3, "TN") and tunisia.lat is not None
    assert country_place("DZ").precision == 3
    assert resolve_place("Sahel").geonameid == "region:sahel"
    borno = resolve_place("Borno state", context_countries=["NG"])
    assert (borno.country, borno.admin1, borno.precision) == ("NG", "Borno", 3)
    assert resolve_place("Kasserine region").feature == "A.ADM1"
    border = resolve_place("Tunisian-Algerian border", context_countries=["TN", "DZ"])
    assert (border.country, border.precision) == ("TN", 2)


def test_explain_ranks_candidates_with_reasons():
    rows = explain_place("Paris", context_countries=["US"])
    assert rows[0]["candidate"].country == "US" and rows[0]["context"] > 0
    assert rows[0]["total"] >= rows[1]["total"]


@pytest.mark.parametrize("noise", ["", "state", "north", "the", "xyzzy plugh", "a", "border"])
def test_noise_is_not_a_place(noise):
    assert resolve_place(noise) is None


def test_random_strings_never_raise():
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 25)))
        resolve_place(text)
        parse_place_phrase(text)


def test_an_acronym_is_not_a_town_spelled_the_same():
    from wirecoder.normalize.where import resolve_place

    place = resolve_place("EU", context_countries=["FR"])
    assert place is not None and place.name == "European Union"


def test_a_continent_adjective_names_the_continent():
    from wirecoder.normalize.where import resolve_place

    place = resolve_place("European")
    assert place is not None and place.geonameid == "6255148" and place.precision == 3
