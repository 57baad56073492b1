"""The article's anchor points: where the places it names without doubt lie, so that a
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

from .geo_index import Candidate, near

NEAR_KM = 150.0
PAIR_KM = 40.0  # two ambiguous names whose namesakes meet this close: a town and its county
ANCHOR_CONFIDENCE = 0.55
LOCAL = ("city", "town", "village", "county")


class Anchors:
    """Points (lat, lon, degrees) filed by name key in a one-degree grid, with the countries
    (ISO2) they lie in."""

    def __init__(self, points: list[tuple[str, float, float]], countries=(),
                 namesakes: list[tuple[str, float, float]] = ()):
        self.points = points
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
