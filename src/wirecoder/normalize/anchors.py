"""The article's local context: its anchor points, the division its names share, and the
namesakes these bring in or settle.

The article's anchor points: where the places it names without doubt lie, so that a
namesake near them wins ("Moscow" in a story that also names Pullman is Moscow, Idaho).

``article_anchors`` resolves each distinct place name of an article once, with the article's
countries and divisions, and keeps the point of each that resolves to a town, village or
county with confidence ``ANCHOR_CONFIDENCE`` or more (``where.resolve_place``'s confidence:
the winner's share of the top two scores). ``Anchors.near`` then tells whether a candidate
lies within ``NEAR_KM`` of the anchor of some *other* name; ``Anchors.beside`` whether it lies
within ``PAIR_KM`` of any namesake of another name in the article's first country (two
ambiguous names, "Clay County" and "Brazil", meet only where both are meant: in Indiana). Local news names places near
each other: the rule is the "minimum distance" heuristic of toponym resolution (Leidner 2007,
"Toponym resolution in text"), here with one anchor per name.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .geo_index import Candidate, near

NEAR_KM = 150.0
PAIR_KM = 40.0  # two ambiguous names whose namesakes meet this close: a town and its county
ANCHOR_CONFIDENCE = 0.55
LOCAL = ("city", "town", "village", "county")
CONTEXT_SPELLED = 3  # a name matched only by spelling, or a small place, must lie in one of
# the article's first countries


class Anchors:
    """Points (lat, lon, degrees) filed by name key in a one-degree grid, with the countries
    (ISO2) they lie in."""

    def __init__(self, points: list[tuple[str, float, float]], countries=(),
                 namesakes: list[tuple[str, float, float]] = ()):
        self.points = points
        self.anchored = {key: (lat, lon) for key, lat, lon in points}
        self.countries = frozenset(countries)
        self.cells = _grid(points)
        self.namesakes = _grid(namesakes)  # every local candidate of every name

    def near(self, c: Candidate, key: str, km: float = NEAR_KM) -> bool:
        """Whether ``c`` lies within ``km`` of an anchor of a name other than ``key``."""
        return _near(self.cells, c, key, km)

    def beside(self, c: Candidate, key: str, km: float = PAIR_KM) -> bool:
        """Whether ``c`` lies within ``km`` of some namesake of a name other than ``key``
        ("Clay County" and "Brazil", both ambiguous, meet only in Indiana)."""
        return _near(self.namesakes, c, key, km)

    def __bool__(self) -> bool:
        return bool(self.points)


def _grid(points) -> dict[tuple[int, int], list[tuple[str, float, float]]]:
    cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    for key, lat, lon in points:
        cells.setdefault((math.floor(lat), math.floor(lon)), []).append((key, lat, lon))
    return cells


def _near(cells, c: Candidate, key: str, km: float) -> bool:
    if c.lat is None or not cells:
        return False
    dlat = int(km / 111.0) + 1
    dlon = int(km / (111.0 * max(0.2, math.cos(math.radians(c.lat))))) + 1
    row, col = math.floor(c.lat), math.floor(c.lon)
    for i in range(row - dlat, row + dlat + 1):
        for j in range(col - dlon, col + dlon + 1):
            for other, lat, lon in cells.get((i, j), ()):
                if other != key and near(c, lat, lon, km):
                    return True
    return False


def article_anchors(place_names: list[str], countries=(), divisions=()) -> Anchors:
    """The anchor points of an article's place names (see the module's docstring)."""
    from ..resources.countries import country_by_word
    from .geo_index import norm
    from .where import explain_place

    points, where, namesakes = [], [], []
    for name in dict.fromkeys(place_names):
        if not name[:1].isupper() or country_by_word(name) is not None:
            continue
        rows = explain_place(name, context_countries=countries, context_divisions=divisions)
        namesakes += [(norm(name), r["candidate"].lat, r["candidate"].lon) for r in rows
                      if r["candidate"].kind in LOCAL and r["candidate"].lat is not None
                      and r["candidate"].country in countries[:1]]
        if not rows or rows[0]["candidate"].kind not in LOCAL or rows[0]["candidate"].lat is None:
            continue
        best, runner_up = rows[0]["total"], (rows[1]["total"] if len(rows) > 1 else 0.0)
        if runner_up > 0 and best / (best + runner_up) < ANCHOR_CONFIDENCE:
            continue
        c = rows[0]["candidate"]
        points.append((norm(name), c.lat, c.lon))
        where.append(c.country)
    return Anchors(points, where, namesakes)


# ---- namesakes the article's context brings in or settles (used by ``where``) ----

TOWN_KM = 25.0  # a countrystatecity town this close to a GeoNames place of its name is that place


def _with_villages(name: str, candidates: list[Candidate], countries: list[str]) -> list[Candidate]:
    """``candidates`` and GeoNames' smaller places of the same name (500 people or more) in the
    article's first countries: "Fairfield" in a story about Ottumwa and Mount Pleasant is
    Iowa's town of 10,000 (GeoNames id, population), not a countrystatecity namesake without
    either. A
    countrystatecity town within TOWN_KM of such a place is that place and is dropped. Not for
    a country's name or a division's abbreviation, whose candidates are settled."""
    from ..resources.countries import country_by_word
    from .geo_index import geo_index, norm

    if country_by_word(name) is not None or name.endswith("."):
        return candidates
    villages = [v for v in geo_index().villages.get(norm(name), ())
                if v.country in countries and v not in candidates]
    if not villages:
        return candidates
    kept = [c for c in candidates if not (c.kind == "town" and c.geonameid is None and any(
        v.country == c.country and near(v, c.lat, c.lon, TOWN_KM) for v in villages))]
    return kept + villages


def _town_not_country(name: str, candidates: list[Candidate], anchors: "Anchors") -> list:
    """A country's name in an article none of whose sure places lies in that country, with
    a namesake town within ``anchors.NEAR_KM`` of one of them: the town ("Peru" beside
    Kokomo is Peru, Indiana; "Brazil" beside Terre Haute is Brazil, Indiana).
    Otherwise ``candidates`` unchanged."""
    from ..resources.countries import country_by_word
    from .geo_index import geo_index, norm

    country = country_by_word(name)
    if country is None or country.iso2 in anchors.countries:
        return candidates
    key = norm(name)
    index = geo_index()
    towns = [c for c in (*index.lookup(name), *index.villages.get(key, ()))
             if c.kind in LOCAL and c.country != country.iso2 and anchors.near(c, key)]
    return list(dict.fromkeys(towns)) or candidates


SHARED_NAMES = 2  # names that must have a namesake in one division, more than in any other


def _shared_division(place_names: list[str], countries=()) -> str | None:
    """The first-level division where most of an article's distinct place names have a
    namesake (a town, a county or the division itself), if at least SHARED_NAMES do and no
    other division has as many: a local story names places near each other ("Valdosta",
    "Tifton" and "Moultrie" share Georgia). Only in the
    article's first country (None without one); a country's name votes for nothing."""
    from ..resources.countries import country_by_word
    from .where import _bare, explain_place

    if not countries:
        return None
    home, cover, written = countries[0], Counter(), {}
    for name in dict.fromkeys(place_names):
        if country_by_word(name) is not None:
            continue
        divisions = {r["candidate"].admin1 for r in explain_place(name, context_countries=[home])
                     if r["candidate"].country == home and r["candidate"].admin1
                     and r["candidate"].kind in ("city", "town", "village", "county", "admin1")}
        for d in divisions:
            written.setdefault(_bare(d), d)
        cover.update({_bare(d) for d in divisions})
    ranked = cover.most_common(2)
    if not ranked or ranked[0][1] < SHARED_NAMES or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return written[ranked[0][0]]


COUNTY_WORDS = ("County", "Parish", "Borough")


def counties_named(name: str, countries=()) -> list[Candidate]:
    """The counties (parishes, boroughs) named "``name`` County" in ``countries`` (ISO2): US
    local news writes a county by its bare name ("in Oconee and Clarke counties", "Oconee
    officials"). Empty for a name that already carries a kind word."""
    from .geo_index import geo_index

    if not countries or re.search(r"\b(?:county|parish|borough|co)\.?$", name, re.I):
        return []
    index = geo_index()
    return [c for word in COUNTY_WORDS for c in index.lookup(f"{name} {word}")
            if c.kind == "county" and c.country in countries]


def _county_named_in_article(name: str, candidates: list[Candidate],
                             anchors: "Anchors") -> list[Candidate]:
    """A bare name whose county the article also names in full and places surely ("Barrow
    County" ... "Barrow"): that county, unless a town of the name lies within ``PAIR_KM`` of it
    (then "Lancaster" beside "Lancaster County" is the town, ranked as usual). Else []."""
    from .geo_index import geo_index, norm

    key = norm(name)
    for word in COUNTY_WORDS:
        point = anchors.anchored.get(f"{key} {word.lower()}")
        if point is None:
            continue
        county = next((c for c in geo_index().lookup(f"{name} {word}") if c.kind == "county"
                       and (c.lat, c.lon) == point), None)
        if county is None:
            return []
        if any(c.kind in ("city", "town", "village") and near(c, county.lat, county.lon, PAIR_KM)
               for c in (*candidates, *geo_index().villages.get(key, ()))):
            return []
        return [county]
    return []
