"""What the place index holds: :class:`Candidate` records, the name key they are filed under
(:func:`norm`), and :class:`GeoIndex`, the tables of them by name, spelling key and village.
Built by ``build.py``; loaded through ``geo_index()`` (``__init__.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from ...folding import name_key
from ..spelling import MIN_CONSONANTS, skeleton, unarticled, variant_keys


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for: its GeoNames id where it has one (else ``iso:``,
    ``county:``, ``region:`` ids or None), point (degrees), ISO 3166-1 country and admin1 name,
    GeoNames feature code, people, and ACLED geo-precision (1 the town, 2 part of a region,
    3 a region or country)."""

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


def latin(name: str) -> bool:
    """Whether ``name`` is written in Latin script (no character above U+024F)."""
    return all(ord(c) < 0x250 for c in name)


class GeoIndex:
    """Candidates filed by :func:`norm` key (``by_name``), ISO country code (``countries``),
    spelling key (``variants``), and GeoNames' small places apart (``villages``)."""

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


def near(c: Candidate, lat: float, lon: float, km: float) -> bool:
    """Whether ``c`` lies within ``km`` of the point (flat-earth: for short distances)."""
    if c.lat is None:
        return False
    dy = (c.lat - lat) * 111.0
    dx = (c.lon - lon) * 111.0 * math.cos(math.radians(lat))
    return dx * dx + dy * dy <= km * km


def log_population(candidate: Candidate) -> float:
    """log10(people + 1): the size measure that ranks candidates of one name."""
    return math.log10(candidate.population + 1)
