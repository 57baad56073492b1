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
    # an event noun before "near" names no place: the town is the anchor (precision 2)
    ("in a firefight near Dikwa", ("Dikwa", "near", "Dikwa")),
    ("in Dikwa town near Maiduguri", ("Dikwa town", "in", None)),
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


def test_a_country_name_or_demonym_means_the_country_not_a_namesake_town():
    # Lebanon, Pennsylvania and Peru, Indiana exist; Mexico City answers to "Mexico" too
    assert resolve_place("Lebanon", context_countries=["US"]).geonameid == \
        country_place("LB").geonameid
    assert resolve_place("Peru", context_countries=["US"]).country == "PE"
    mexico = resolve_place("Mexico", context_countries=["MX"])
    assert (mexico.precision, mexico.country) == (3, "MX")
    assert resolve_place("Canadian", context_countries=["US"]).country == "CA"  # not Canadian, TX
    assert resolve_place("Jamaican").country == "JM"
    # a first-level division of the same name still wins in its own country's context
    georgia = resolve_place("Georgia", context_countries=["US"])
    assert (georgia.feature, georgia.country) == ("A.ADM1", "US")


def test_a_division_beats_a_namesake_town_elsewhere_but_not_its_own_seat():
    oregon = resolve_place("Oregon", context_countries=["US"])
    assert (oregon.feature, oregon.admin1) == ("A.ADM1", "Oregon")
    florida = resolve_place("Florida")  # not Florida, Cuba
    assert (florida.feature, florida.country) == ("A.ADM1", "US")
    # Kasserine the town lies in Kasserine governorate: the name means the town
    kasserine = resolve_place("Kasserine", context_countries=["TN"])
    assert (kasserine.precision, kasserine.feature) == (1, "P.PPL")


@pytest.mark.parametrize("name, division", [
    ("Calif.", "California"), ("N.M.", "New Mexico"), ("B.C.", "British Columbia"),
    ("Scottish", "Scotland")])
def test_division_abbreviations_and_adjectives(name, division):
    place = resolve_place(name)
    assert (place.feature, place.admin1) == ("A.ADM1", division)


def test_us_states_carry_their_geonames_ids():
    assert resolve_place("California").geonameid.isdigit()


def test_oceans_and_seas_are_regions_not_towns():
    atlantic = resolve_place("Atlantic", context_countries=["US"])  # not Atlantic, Iowa
    assert (atlantic.geonameid, atlantic.precision) == ("region:atlantic-ocean", 3)
    assert resolve_place("Indian Ocean").geonameid == "region:indian-ocean"


def test_resource_tables_keep_country_codes_as_strings():
    # YAML 1.1 reads a bare NO (Norway) as false: every code must come out a string
    from importlib import resources

    import yaml
    root = resources.files("wirecoder.resources")
    countries = yaml.safe_load(root.joinpath("countries.yaml").read_text("utf-8"))
    assert all(isinstance(code, str) for code in countries)
    for region in yaml.safe_load(root.joinpath("regions.yaml").read_text("utf-8")):
        assert all(isinstance(code, str) for code in region.get("countries") or ())
    divisions = yaml.safe_load(root.joinpath("divisions.yaml").read_text("utf-8"))
    assert all(isinstance(code, str) for code in divisions)


def test_article_countries_add_the_country_of_named_divisions():
    from wirecoder.normalize.where import article_countries

    # Maryland is a US state and a Liberian county; Virginia settles it
    context = article_countries([], ["Maryland", "Virginia"])
    assert context == ["US"]
    maryland = resolve_place("Maryland", context_countries=context)
    assert (maryland.admin1, maryland.country) == ("Maryland", "US")
    # countries the text names come first; an ambiguous division adds nothing
    assert article_countries(["GB"], ["Maryland", "Virginia"]) == ["GB", "US"]
    assert article_countries([], ["Maryland"]) == []
    assert article_countries([], ["Paris"]) == []  # a city before it is a French division
    assert article_countries(["GE"], ["Georgia", "Tbilisi"]) == ["GE"]  # the country, not the state


@pytest.mark.parametrize("name, expected", [
    ("Colorado State University", "Colorado"), ("Kabul University", "Kabul"),
    ("Dubai World Cup", "Dubai"), ("European Commission", "Europe")])
def test_an_institution_named_after_a_place_is_at_that_place(name, expected):
    place = resolve_place(name)
    assert place.name == expected and place.text == name


@pytest.mark.parametrize("name", [
    "University of California",  # no place before the head noun
    "Frenchmen Street",          # a street runs far from any namesake
    "Bouira Bridge"])            # not an institution's head noun: a bridge may lie far off
def test_names_that_do_not_borrow_a_place(name):
    assert resolve_place(name, context_countries=["US"]) is None


def test_seats_of_power_are_landmarks_not_namesake_towns():
    white_house = resolve_place("White House", context_countries=["US"])  # not White House, TN
    assert (white_house.geonameid, white_house.precision) == ("region:white-house", 2)
    assert resolve_place("Kremlin").country == "RU"


def test_a_name_in_capitals_is_not_an_acronym():
    # datelines shout: "LOS ANGELES" is Los Angeles, not the Chilean Los Ángeles
    assert resolve_place("LOS ANGELES", context_countries=["US"]).country == "US"


def test_a_named_division_picks_the_town_inside_it():
    from wirecoder.normalize.where import article_divisions

    divisions = article_divisions(["New Jersey", "Allendale"], ["US"])
    assert divisions == ["New Jersey"]
    allendale = resolve_place("Allendale", context_countries=["US"], context_divisions=divisions)
    assert allendale.admin1 == "New Jersey"
    # without it, the biggest Allendale (Michigan's)
    assert resolve_place("Allendale", context_countries=["US"]).admin1 == "Michigan"


def test_us_towns_carry_their_state():
    # GeoNames' letter admin1 codes are ISO's: a town's state is not guessed from namesakes
    assert resolve_place("Franklin", context_countries=["US"]).admin1 in (
        "Tennessee", "Ohio", "Massachusetts", "Indiana", "New Jersey", "Wisconsin")
    assert resolve_place("Newark", context_countries=["US"]).admin1 == "New Jersey"


def test_us_counties_resolve_to_a_point_inside_them():
    orange = resolve_place("Orange County", context_countries=["US"])  # the biggest Orange County
    assert (orange.feature, orange.admin1, orange.precision) == ("A.ADM2", "California", 2)
    assert 33.3 < orange.lat < 34.0 and -118.2 < orange.lon < -117.4
    # a named state picks its own county
    florida = resolve_place("Orange County", context_countries=["US"],
                            context_divisions=["Florida"])
    assert florida.admin1 == "Florida"
    assert resolve_place("Cuyahoga County, Ohio").admin1 == "Ohio"


def test_a_named_division_does_not_lift_a_hamlet_over_a_city():
    boston = resolve_place("Boston", context_countries=["US"], context_divisions=["Georgia"])
    assert boston.admin1 == "Massachusetts"


def test_dateline_places_read_shouted_and_slashed_datelines():
    from wirecoder.normalize.where import dateline_places

    assert [p.name for p in dateline_places("TUNIS/ALGIERS")] == ["Tunis", "Algiers"]
    assert [p.country for p in dateline_places("MAIDUGURI, Nigeria (Reuters)")] == ["NG", "NG"]
    assert dateline_places("") == []


@pytest.mark.parametrize("name, country, gazetteer", [
    ("Qamishli", "SY", "Al Qāmishlī"), ("Hodeidah", "YE", "Al Ḩudaydah"),
    ("Qaim", "IQ", "Al Qā’im"), ("Tal Afar", "IQ", "Tall ‘Afar"),
    ("Ben Guerdane", "TN", "Ben Gardane")])
def test_a_transliteration_is_found_in_the_articles_countries(name, country, gazetteer):
    place = resolve_place(name, context_countries=[country])
    assert (place.name, place.country, place.precision) == (gazetteer, country, 1)
    assert place.confidence <= 0.6  # found only as another spelling: said so
    assert resolve_place(name, context_countries=["BR"]) is None  # nowhere else
    rows = explain_place(name, context_countries=[country])
    assert rows[0]["spelling"] < 0


def test_a_village_is_found_in_the_articles_countries_only():
    chibok = resolve_place("Chibok", context_countries=["NG"])
    assert (chibok.country, chibok.precision, chibok.geonameid is not None) == ("NG", 1, True)
    assert chibok.confidence == 1.0  # its own name, not a respelling
    assert abs(chibok.lat - 10.87) < 0.3 and abs(chibok.lon - 12.85) < 0.3
    assert resolve_place("Chibok") is None
    assert resolve_place("Chibok", context_countries=["FR"]) is None


@pytest.mark.parametrize("name, country", [("Derna", "LY"), ("Misrata", "LY"),
                                           ("Daraa", "SY")])
def test_a_division_defers_to_its_seat_spelled_another_way(name, country):
    place = resolve_place(name, context_countries=[country])
    assert (place.feature, place.precision, place.country) == ("P.PPL", 1, country)


def test_a_small_countrys_division_does_not_outrank_a_big_city_of_its_name():
    assert resolve_place("Manchester").country == "GB"  # not Jamaica's Manchester parish
    assert resolve_place("Florida").feature == "A.ADM1"  # the US state, not the Cuban town


def test_a_phrase_in_parts_takes_its_most_precise_part_with_its_relation():
    from wirecoder.normalize.where import resolve_phrase

    p = resolve_phrase("in a district of Nangarhar province, about 40 km south of the "
                       "provincial capital Jalalabad", context_countries=["AF"])
    assert (p.precision, p.relation, p.anchor) == (2, "south of", "Jalalabad")
    p = resolve_phrase("in the town of Zabid, about 100 km south of Hodeidah",
                       context_countries=["YE"])
    assert p.precision == 1 and p.name.startswith("Zab")
    p = resolve_phrase("near Djibo in northern Burkina Faso", context_countries=["BF"])
    assert (p.precision, p.relation) == (2, "near")


def test_bare_congo_is_the_democratic_republic():
    from wirecoder.resources.gazetteer import country_by_word

    assert country_by_word("Congo").iso2 == "CD"
    assert country_by_word("Republic of Congo").iso2 == "CG"


def test_a_countrys_capital_and_a_piece_of_a_name_abroad():
    from wirecoder.normalize.where import resolve_phrase

    assert resolve_phrase("in the Libyan capital", context_countries=["LY"]).name == "Tripoli"
    assert resolve_phrase("in Yemen's capital", context_countries=["YE"]).country == "YE"
    # "al-Juma" of a Tripoli district is no town abroad
    assert resolve_phrase("in the Souq al-Juma district", context_countries=["LY"]) is None


@pytest.mark.parametrize("phrase, admin1, precision, country", [
    ("in Mastung district, Balochistan province", "Balochistan", 2, "PK"),
    ("in the Arghandab district of Kandahar province", "Kandahar", 2, "AF"),
    ("in Zhari district, Kandahar province", "Kandahar", 2, "AF"),  # not Zary, Poland
    ("in Roma, Cabo Delgado", "Cabo Delgado", 3, "MZ"),  # not Rome: the province, for sure
    ("in Paris, Texas", "Texas", 1, "US"),
    # a province named like its seat: the province holds the district, not the town
    ("in Nawur district, Ghazni", "Ghazni", 2, "AF"),
    ("in Zzyqorab, Kunduz", "Kunduz", 3, "AF"),  # a name no index has
    # a country's division of a name a larger region shares: the division
    ("in the Sahel region of Burkina Faso", "Sahel", 3, "BF"),
    ("in the Far North region of Cameroon", "Far North", 3, "CM"),
])
def test_a_place_nested_in_its_division_lies_inside_it(phrase, admin1, precision, country):
    from wirecoder.normalize.where import resolve_phrase

    place = resolve_phrase(phrase)
    assert (place.admin1, place.precision, place.country) == (admin1, precision, country)


def test_a_nested_district_in_a_province_named_like_its_seat_is_no_town():
    from wirecoder.normalize.where import resolve_phrase

    place = resolve_phrase("in Nawur district, Ghazni", context_countries=["AF"])
    assert (place.feature, place.precision) == ("A.ADM2", 2)


def test_a_division_is_found_under_its_admin1_name():
    from wirecoder.normalize.where import division_place

    # GeoNames names the division "Kunduz Province"; places carry admin1 "Kunduz"
    place = division_place("Kunduz", "AF")
    assert (place.feature, place.admin1, place.precision) == ("A.ADM1", "Kunduz", 3)
    assert division_place("Kunduz", "PK") is None


def test_admin1_is_written_one_way_for_towns_and_divisions():
    from wirecoder.normalize.where import resolve_place

    town = resolve_place("Taloqan", context_countries=["AF"])
    division = resolve_place("Takhar province", context_countries=["AF"])
    assert town.admin1 == division.admin1 == "Takhar"


@pytest.mark.parametrize("written, division", [
    ("Ky.", "Kentucky"), ("Pa.", "Pennsylvania"), ("Calif.", "California"),
    ("NSW", "New South Wales")])
def test_a_divisions_abbreviation_is_the_division(written, division):
    from wirecoder.normalize.where import resolve_place

    assert resolve_place(written).name == division


def test_a_name_only_one_country_has_brings_that_country_into_context():
    from wirecoder.normalize.where import article_countries, article_divisions, resolve_place

    names = ["Alexandria", "Rapides Parish"]
    countries = article_countries([], names)
    divisions = article_divisions(names, countries)
    assert countries == ["US"] and divisions == ["Louisiana"]
    place = resolve_place("Alexandria", context_countries=countries,
                          context_divisions=divisions)
    assert (place.country, place.admin1) == ("US", "Louisiana")


@pytest.mark.parametrize("names, feature", [
    (["Georgia", "Valdosta", "Lowndes County"], "A.ADM1"),  # the state
    (["Georgia", "Tbilisi", "Russia"], "A.PCLI"),  # the country
])
def test_a_country_named_like_a_division_follows_the_articles_other_places(names, feature):
    from wirecoder.evaluate.geoparse import context_countries
    from wirecoder.normalize.where import article_countries, resolve_place

    countries = article_countries(context_countries(names), names)
    assert resolve_place("Georgia", context_countries=countries).feature == feature


def test_an_apposition_after_a_comma_is_no_enclosing_division():
    from wirecoder.normalize.nesting import split_nested

    assert split_nested("20 km south of Dori, the capital of Seno province") is None
    assert split_nested("in Dori, Sahel region") == ("Dori", "Sahel region")


def test_a_province_filed_under_another_spelling_is_found_through_its_namesake_town(
        monkeypatch):
    """"X province" where the gazetteer files the division as "Xo" and only a town is
    called X: the town's admin1 leads to the division, by its spelling key; "X" alone may
    still be the town."""
    from wirecoder.normalize import where
    from wirecoder.normalize.geo_index import Candidate, norm
    from wirecoder.normalize.spelling import skeleton

    town = Candidate("town", "Zarkand", "1", 30.0, 60.0, "ZZ", "Zarkand", "P.PPL", 5000, 1)
    division = Candidate("admin1", "Zorkand", "2", 30.5, 60.5, "ZZ", "Zarkand", "A.ADM1",
                         500000, 3)
    elsewhere = Candidate("admin1", "Zurkend", "3", 10.0, 10.0, "YY", "Zurkend", "A.ADM1",
                          500000, 3)

    class Index:
        variants = {"~" + skeleton(norm("Zarkand"), where.SEAT_CONSONANTS):
                    [division, elsewhere]}

    monkeypatch.setattr(where, "geo_index", lambda: Index())
    assert where._division_of_namesake("Zarkand", [town], "Zarkand province") == [division]
    assert where._division_of_namesake("Zarkand", [town], "Zarkand") == []  # no division word
    assert where._division_of_namesake("Zarkand", [], "Zarkand province") == []


def test_a_word_for_a_division_s_people_is_the_division():
    # "Nebraskans voted on Tuesday", "Albertans", "a Tasmanian": the division's place
    for word, division in (("Nebraskans", "Nebraska"), ("Albertans", "Alberta"),
                           ("Tasmanian", "Tasmania")):
        place = resolve_place(word)
        assert (place.name, place.feature) == (division, "A.ADM1"), word


def test_a_division_is_found_by_the_admin1_name_places_carry():
    from wirecoder.normalize.where import resolve_place

    # the division's listed name is "Nimruz"; GeoNames' ASCII admin1 name is "Nimroz"
    place = resolve_place("Nimroz province", context_countries=["AF"])
    assert (place.feature, place.admin1) == ("A.ADM1", "Nimroz")
    assert resolve_place("Nimroz").feature == "A.ADM1"  # and it brings its own country
