"""A place named inside the division that holds it: "in X district, Y province", "in the X
district of Y province", "X, Y" (Y a first-level division or a country).

The enclosing division decides among X's namesakes: only places inside it count ("Zhari
district, Kandahar" is not Żary in Poland; "Roma, Cabo Delgado" is not Rome). A district is a
part of a region (ACLED precision 2) at the point of its namesake town inside the division, or
at the division's own point when none is known; admin1 is the division's either way. When X
is not found inside, the division itself is the answer (precision 3): what the text says for
certain. An outer name that is both a town and the division holding it ("X district,
Ghazni") is the division.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Place

DISTRICT = re.compile(r"\s+(?:district|districts|county|sub-?district|municipality|tehsil|"
                      r"subdistrict|commune|department)$", re.I)
OF_FORM = re.compile(r"^(?P<inner>.+?\b(?:district|county|municipality|tehsil))\s+of\s+"
                     r"(?P<outer>(?:the\s+)?[A-Z].*)$", re.I)
OUTER_FEATURES = ("A.ADM1", "A.PCLI")
# "the Sahel region of Burkina Faso": a first-level division named within its country
DIVISION_OF = re.compile(r"^(?:in\s+|at\s+)?(?:the\s+)?(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)"
                         r"\s+(?:region|province|state|governorate|department)\s+of\s+"
                         r"(?P<outer>(?:the\s+)?[A-Z][^,]*)$")


def split_nested(phrase: str) -> tuple[str, str] | None:
    """(inner, outer) wording of a nested place phrase, or None."""
    from .where import LEADING

    text = LEADING.sub("", " ".join(phrase.split()))
    m = OF_FORM.match(text)
    if m:
        return m["inner"], m["outer"]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) == 2 and parts[1][:1].isupper():  # not "Djibo, the capital of Soum"
        return parts[0], parts[1]
    return None


def _division_of_seat(outer: Place | None, written: str) -> Place | None:
    """"X district, Ghazni", "Chahar Dara, Kunduz": a place named inside another lies in a
    division, not in a town; where the outer name is a town and the first-level division of
    the same name that holds it (its seat's province), the division is meant."""
    from .geo_index import norm
    from .where import _bare, division_place

    if outer is None or not (outer.feature or "").startswith("P.") or not outer.admin1:
        return outer
    if _bare(outer.admin1) != _bare(written) and norm(outer.admin1) != norm(written):
        return outer
    return division_place(outer.admin1, outer.country) or outer


def _division_of_country(phrase: str, context_countries=()) -> Place | None:
    """"the Sahel region of Burkina Faso": the country's first-level division of that name
    (not the Sahel across Africa), at precision 3; ``None`` when the phrase is not of that
    shape or the country has no division of the name."""
    from ..resources.countries import country_by_word
    from .where import division_place

    m = DIVISION_OF.match(" ".join(phrase.split()))
    country = country_by_word(m["outer"]) if m else None
    if country is None:
        return None
    place = division_place(m["name"], country.iso2)
    return replace(place, text=phrase.strip()) if place is not None else None


def resolve_nested(phrase: str, context_countries=(), context_divisions=()) -> Place | None:
    """The inner place of a nested phrase, resolved inside the outer division; ``None`` when
    the phrase is not of that shape or the outer part names no division or country."""
    from .geo_index import geo_index
    from .where import _bare, parse_place_phrase, resolve_place

    division = _division_of_country(phrase, context_countries)
    if division is not None:
        return division
    split = split_nested(phrase)
    if split is None:
        return None
    inner_text, outer_text = split
    outer_name, relation, _ = parse_place_phrase(outer_text)
    inner_name, inner_relation, anchor = parse_place_phrase(inner_text)
    if relation != "in" or not inner_name or not outer_name:
        return None
    outer = resolve_place(outer_name, context_countries=context_countries,
                          context_divisions=context_divisions)
    outer = _division_of_seat(outer, outer_name)
    if outer is None or outer.feature not in OUTER_FEATURES or outer.country is None:
        return None
    district = DISTRICT.search(inner_name)
    bare = inner_name[:district.start()].strip() if district else inner_name
    if not bare[:1].isupper():
        return None
    index = geo_index()
    division = _bare(outer.admin1) if outer.feature == "A.ADM1" and outer.admin1 else None

    def inside(c) -> bool:
        return c.country == outer.country and c.kind not in ("country", "region") and (
            division is None or c.admin1 is not None and _bare(c.admin1) == division)

    found = [c for c in index.lookup(bare) if inside(c)] or \
        [c for c in index.village(bare) if inside(c)] or \
        [c for c in index.spelled_like(bare) if inside(c)]
    found = [c for c in found if c.feature != "A.ADM1" or district is None]
    text = phrase.strip()
    if not found:
        if district is None and outer.feature == "A.PCLI":
            return None  # "Springfield, United States": the usual resolution decides
        if district is not None and outer.feature == "A.ADM1":
            return replace(outer, name=f"{bare} {district.group().strip()}", precision=2,
                           geonameid=None, feature="A.ADM2", text=text)
        return replace(outer, text=text)
    best = max(found, key=lambda c: (c.kind == "city", c.population, c.geonameid or ""))
    precision = 2 if district is not None or inner_relation not in ("in", "along") \
        else best.precision
    return Place(name=f"{bare} {district.group().strip()}" if district else best.name,
                 geonameid=None if district else best.geonameid, lat=best.lat, lon=best.lon,
                 country=best.country, admin1=outer.admin1 or best.admin1,
                 feature="A.ADM2" if district else best.feature, precision=precision,
                 relation=inner_relation, anchor=anchor, text=text, confidence=1.0)
