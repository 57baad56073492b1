"""Namesakes decided by the article's other places (sentences and names written for these
tests): GeoNames' smaller places, the division an article's names share, the points of its
surely-placed names, a country's name that is a town beside them, divisions' abbreviations,
and countries' and divisions' points."""

from wirecoder.evaluate.geoparse import context_countries
from wirecoder.normalize.anchors import article_anchors
from wirecoder.normalize.where import (article_countries, article_divisions, country_place,
                                       parse_place_phrase, resolve_place)


def _in_article(names: list[str], target: str):
    """``target`` resolved with the context the article's ``names`` give, as the pipeline and
    the geoparsing scorer read it."""
    countries = article_countries(context_countries(names), names)
    divisions = article_divisions(names, countries)
    anchors = article_anchors(names, countries, divisions)
    name = parse_place_phrase(target)[0]
    return resolve_place(name, context_countries=countries, context_divisions=divisions,
                         context_points=anchors)


def test_a_small_town_in_the_article_s_division_has_its_geonames_id():
    # "Flooding closed roads between Ottumwa, Mount Pleasant and Fairfield."
    fairfield = _in_article(["Ottumwa", "Mount Pleasant", "Fairfield"], "Fairfield")
    assert fairfield.admin1 == "Iowa" and fairfield.geonameid.isdigit()


def test_the_division_an_article_s_towns_share_is_context():
    # "Storms hit Valdosta, Tifton and Moultrie overnight."
    assert "Georgia" in article_divisions(["Valdosta", "Tifton", "Moultrie"], ["US"])
    assert _in_article(["Valdosta", "Tifton", "Moultrie"], "Moultrie").admin1 == "Georgia"


def test_georgia_beside_the_state_s_towns_is_the_state():
    # "Schools in Valdosta, Tifton and Moultrie lead Georgia, and the United States, in ..."
    names = ["Valdosta", "Tifton", "Moultrie", "Georgia", "United States"]
    georgia = _in_article(names, "Georgia")
    assert (georgia.country, georgia.feature) == ("US", "A.ADM1")
    # "Tbilisi asked Washington and the United States to back Georgia": the country
    georgia = _in_article(["Tbilisi", "Georgia", "United States", "Washington"], "Georgia")
    assert (georgia.country, georgia.feature) == ("GE", "A.PCLI")


def test_a_namesake_near_the_article_s_sure_places_wins():
    # "The Pullman and Moscow campuses": Moscow, Idaho, 13 km from Pullman
    assert _in_article(["Pullman", "Moscow"], "Moscow").admin1 == "Idaho"
    assert _in_article(["Moscow"], "Moscow").country == "RU"


def test_a_country_s_name_beside_its_namesake_town_is_the_town():
    # "Kokomo and Peru lost power": Peru, Indiana, 25 km from Kokomo
    peru = _in_article(["Kokomo", "Peru"], "Peru")
    assert (peru.country, peru.admin1) == ("US", "Indiana")
    # "Brazil beat Argentina in Sao Paulo": the country
    assert _in_article(["Brazil", "Sao Paulo"], "Brazil").feature == "A.PCLI"


def test_two_ambiguous_names_meet_where_both_are_meant():
    # "Clay County deputies searched a farm outside Brazil, near Terre Haute"
    names = ["Clay County", "Brazil", "Terre Haute"]
    assert _in_article(names, "Clay County").admin1 == "Indiana"
    assert _in_article(names, "Brazil").admin1 == "Indiana"


def test_division_abbreviations_keep_their_stop():
    assert parse_place_phrase("in Ky.")[0] == "Ky."
    assert _in_article(["Harlan", "Corbin", "Ky."], "Ky.").name == "Kentucky"
    assert _in_article(["Sacramento", "Calif."], "in Calif.").name == "California"
    assert parse_place_phrase("near Kabul.")[0] == "Kabul"  # a sentence's stop goes


def test_country_and_division_points_are_the_areas_own():
    us = country_place("US")  # the centre of the contiguous states, in Kansas
    assert 39.0 < us.lat < 40.5 and -99.5 < us.lon < -97.5
    state = resolve_place("New York State")  # upstate, not the city's point
    assert state.feature == "A.ADM1" and state.lat > 42.0


def test_breakaway_regions_and_their_adjectives_are_places():
    # "Abkhaz and South Ossetian officials met in Sochi"
    assert resolve_place("Abkhaz").country == "GE"
    assert resolve_place("South Ossetian").name == "South Ossetia"
    assert resolve_place("Transnistria").country == "MD"


def test_a_region_that_is_a_geonames_division_carries_its_id():
    assert resolve_place("West Bank").geonameid.isdigit()


def test_a_county_written_by_its_bare_name_is_the_county():
    # "Crews from Council Bluffs worked across Pottawattamie through the night, Iowa officials
    # said": no town carries the name, the county of the article's country does
    place = _in_article(["Council Bluffs", "Pottawattamie", "Iowa"], "Pottawattamie")
    assert (place.feature, place.admin1) == ("A.ADM2", "Iowa")


def test_a_bare_name_after_its_county_named_in_full_is_that_county():
    # "Lowndes County schools reopened in Valdosta on Monday; Lowndes had closed them ..."
    place = _in_article(["Lowndes County", "Valdosta", "Lowndes"], "Lowndes")
    assert (place.name, place.admin1) == ("Lowndes County", "Georgia")
    # "Lancaster County ... in Lancaster": a town of the name inside the county stays the town
    place = _in_article(["Lancaster County", "Pennsylvania", "Lancaster"], "Lancaster")
    assert (place.feature[:1], place.admin1) == ("P", "Pennsylvania")


def test_a_county_abbreviated_co_is_the_county():
    # "a crash on a Tift Co. road near Tifton, Georgia"
    place = _in_article(["Tift Co.", "Tifton", "Georgia"], "Tift Co.")
    assert (place.name, place.admin1) == ("Tift County", "Georgia")


def test_georgia_beside_a_city_of_the_state_is_the_state():
    # "Savannah port workers, the largest group in Georgia, joined a strike across America and
    # into Florida": Savannah's largest namesake lies in the state, nothing in the country
    names = ["Savannah", "Georgia", "America", "Florida"]
    georgia = _in_article(names, "Georgia")
    assert (georgia.country, georgia.feature) == ("US", "A.ADM1")
    assert _in_article(names, "Savannah").admin1 == "Georgia"
    # "Batumi and Georgia's Black Sea coast, seen from America": the country
    georgia = _in_article(["Batumi", "Georgia", "America"], "Georgia")
    assert (georgia.country, georgia.feature) == ("GE", "A.PCLI")
