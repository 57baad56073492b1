"""Place phrases -> places: ``parse_place_phrase`` splits "east of the capital Algiers" into the
name, the relation and the anchor; ``resolve_phrase`` reads a phrase that holds several names or
parts ("in an attack on Gwoza in Borno state", "on the border with Uganda", "in the Libyan
capital") and returns the most precise place it names, each name resolved by
``where.resolve_place``; ``dateline_places`` reads a dateline ("TUNIS/ALGIERS", "DALLAS, Texas").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Place
from ..resources.countries import country_by_word
from .districts import district_place
from .hierarchy import depth
from .nesting import resolve_nested

if TYPE_CHECKING:
    from .anchors import Anchors


# ``where`` imports this module at its end; its resolver is reached at call time
def resolve_place(name, **kw):
    from .where import resolve_place as resolve

    return resolve(name, **kw)


def _abbreviation(written: str) -> bool:
    from .where import _abbreviation as abbreviation

    return abbreviation(written)


def _country_facts() -> dict:
    from .where import _country_facts as facts

    return facts()


def country_place(iso2: str):
    from .where import country_place as place

    return place(iso2)


DIRECTIONS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
RELATION = re.compile(
    r"^(?:(?:about|some|around)\s+)?(?:(?P<dist>\d[\d,.]*)\s*(?:km|kilometres|kilometers|miles)"
    r"(?:\s*\([^)]*\))?\s+)?(?P<rel>" + DIRECTIONS + r"(?:ern)?\s+of|near|outside|"
    r"close\s+to|on\s+the\s+outskirts\s+of|around|along|off)\s+", re.I)
LEADING = re.compile(r"^(?:in|at|on|into|inside|across|throughout|from|to|within|of)\s+", re.I)
MODIFIERS = frozenset(
    "the a an its their mountainous remote restive rural troubled volatile desert coastal "
    "central northern southern eastern western northeastern northwestern southeastern "
    "southwestern north-eastern north-western south-eastern south-western far largely "
    "capital city town village district commune port area neighbouring neighboring "
    "provincial regional "
    "nearby same main key strategic border-town of state".split())
GENERIC = frozenset("region area zone mountains mountain hills town village city beach border "
                    "desert forest".split())
INNER = re.compile(r"\s+(along|near|outside|close to)\s+", re.I)

def parse_place_phrase(phrase: str) -> tuple[str, str, str | None]:
    """"east of the capital Algiers" -> ("Algiers", "east of", "Algiers");
    "in the mountainous Kasserine region" -> ("Kasserine region", "in", None)."""
    text = " ".join(phrase.replace("\u2019", "'").split())
    text = LEADING.sub("", text)
    relation, anchor = "in", None
    m = RELATION.match(text)
    if m:
        rel = " ".join(m["rel"].lower().split())
        relation = "near" if rel in ("outside", "close to", "on the outskirts of", "around",
                                     "along", "off") else rel.replace("ern of", " of")
        text = text[m.end():]
    inner = INNER.search(text)
    if inner:  # "a region along the Tunisian-Algerian border": the head names a place, or not
        head = _strip_modifiers(text[:inner.start()].split())
        if [w for w in head if w.lower() not in GENERIC and w[:1].isupper()]:
            text = " ".join(head)  # (a head of common words, "a clash near X", names none)
        else:
            name, _, _ = parse_place_phrase(text[inner.end():])
            rel = "near" if inner[1].lower() != "along" else "along"
            return name, rel, name if rel == "near" else None
    words = _strip_modifiers(text.split())
    name = " ".join(words).strip(" ,;:")
    if not _abbreviation(name):  # "Ky." keeps the stop that makes it Kentucky
        name = name.rstrip(".").strip(" ,;:")
    if relation != "in" and relation != "along":
        anchor = name
    return name, relation, anchor


def _strip_modifiers(words: list[str]) -> list[str]:
    words = [w.strip(",") for w in words]
    while words and (words[0].lower() in MODIFIERS or words[0].lower().endswith("ern")
                     and words[0].lower().rstrip("n").rstrip("er") in
                     ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest")):
        words = words[1:]
    return words


# how much ground a precision-3 place covers, smallest first: a second-level division, a
# first-level one, a country, a region across countries ("the Sahel", "the Sahara")
AREA_RANK = {"A.ADM2": 0, "A.ADM1": 1, "A.PCLI": 2}
SPANNING = 3


def finest(places):
    """The most precise of ``places`` (ACLED precision, then, among precision-3 places, the
    one covering least ground: ``AREA_RANK``, then the deeper division in ISO 3166-2,
a province before the region holding it), the first on a tie; ``None`` for none.
    "Northern Burkina Faso" and "Yagha province" give Yagha; "the Sahara" and "Algeria",
    Algeria."""
    places = list(places)
    if not places:
        return None
    return min(places, key=lambda p: (p.precision, AREA_RANK.get(p.feature or "", SPANNING),
                                      -depth(p.admin1, p.country))
               if p.precision == 3 else (p.precision, 0, 0))


# "the Sahel's Yagha province": the possessor is the place that holds the other
POSSESSIVE = re.compile(r"['\u2019]s\s+(?=[A-Z])")

NAME_CHUNK = re.compile(r"[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z][\w'\u2019-]+|al|el|de))*"
                        r"(?:\s+(?:state|province|region|governorate|district|county))?")


# a town's name before the site it holds: "a Tunis museum", "the Kabul hotel", "a Gao market"
# (only a town: a region or a people before a noun is an adjective, "a Sahel village")
SITE_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(
    "museum hotel market mosque church school university hospital airport prison base camp "
    "stadium station checkpoint mall restaurant cafe bar nightclub theatre courthouse "
    "embassy consulate port".split())) + r")s?\b")

MODIFIED = re.compile(r"\s+(?!(?:in|on|at|near|of|and|or|to|from|outside|state|province|"
                      r"region|governorate|district|county|town|city|village|area)\b)[a-z]")


def resolve_phrase(phrase: str, *, context_countries=(), context_divisions=(),
                   context_points: Anchors | None = None) -> Place | None:
    """A place phrase that does not parse to one name ("in an attack on Gwoza in Borno
    state"): the most precise of the names it contains, the first on a tie; a phrase in
    comma-separated parts, the most precise of its parts, each read with its relation ("in a
    district of Nangarhar, about 40 km south of Jalalabad": 40 km south of Jalalabad)."""
    beyond = BORDER_WITH.search(phrase)
    if beyond and country_by_word(beyond[1]) is not None:  # "on the border with Uganda"
        rest = phrase[:beyond.start()].strip(" ,")
        place = resolve_phrase(rest, context_countries=context_countries,
                               context_divisions=context_divisions) \
            if NAME_CHUNK.search(rest) else None
        return place or _this_side(country_by_word(beyond[1]).iso2, context_countries)
    nested = resolve_nested(phrase, context_countries, context_divisions)
    if nested is not None:  # "in X district, Y province": X inside Y
        return nested
    name, relation, anchor = parse_place_phrase(phrase)
    place = resolve_place(name, context_countries=context_countries, relation=relation,
                          anchor=anchor, text=phrase, context_divisions=context_divisions,
                          context_points=context_points) if name else None
    district = district_place(name, context_countries, text=phrase) \
        if name and relation == "in" else None
    if district is not None and (place is None or place.admin1 != district.admin1):
        return district  # "X district": GeoNames' district of the article's country
    inner = INNER.search(phrase)
    if place is not None and place.precision == 3 and inner:
        # "in the Sahara desert near Hassi Messaoud": near the town, not the desert
        tail = resolve_phrase(phrase[inner.start():].strip(), context_countries=context_countries,
                              context_divisions=context_divisions, context_points=context_points)
        if tail is not None and tail.precision < 3 and (
                place.country is None or tail.country == place.country):
            return tail
    if place is not None:
        return place
    parts = [part for part in phrase.split(",") if part.strip()]
    if len(parts) > 1:  # "in the town of Zabid, about 100 km south of the port city of Hodeidah"
        found = [p for p in (resolve_phrase(part.strip(), context_countries=context_countries,
                                            context_divisions=context_divisions,
                                            context_points=context_points)
                             for part in parts) if p is not None]
        return finest(found)
    chunks, sited = [], set()
    for m in NAME_CHUNK.finditer(phrase):
        if MODIFIED.match(phrase, m.end()):  # "a Mediterranean beach" is a beach, but
            if not SITE_AFTER.match(phrase, m.end()):  # "a Tunis museum" is in Tunis
                continue
            sited.add(m.group())
        chunks += POSSESSIVE.split(m.group())
    near = relation not in ("in", "along")  # "near Djibo in northern Burkina Faso": near Djibo
    found = [p for p, chunk in ((resolve_place(chunk, context_countries=context_countries,
                                               text=phrase, context_divisions=context_divisions,
                                               relation=relation if near and i == 0 else "in",
                                               anchor=chunk if near and i == 0 else None), chunk)
                                for i, chunk in enumerate(chunks))
             if p is not None and (chunk not in sited or p.precision < 3)]
    if context_countries:  # a piece of a longer name ("al-Juma" of "Souq al-Juma") found
        found = [p for p in found if p.country in context_countries or p.precision == 3]
    capital = _capital_named(phrase, context_countries, context_divisions)
    found = [capital] if capital is not None else found
    return finest(found)


CAPITAL_OF = re.compile(r"\b([A-Z][\w'\u2019.-]+?)(?:['\u2019]s)? capital\b(?!\s+[A-Z])")


def _capital_named(phrase: str, context_countries, context_divisions) -> Place | None:
    """"in the Libyan capital", "in Yemen's capital": the country's capital city."""
    m = CAPITAL_OF.search(phrase)
    country = country_by_word(m[1]) if m else None
    if country is None:
        return None
    name = _country_facts().get(country.iso2, {}).get("capital")
    return resolve_place(name, context_countries=[country.iso2], text=phrase,
                         context_divisions=context_divisions) if name else None


def dateline_places(dateline: str, countries=()) -> list[Place]:
    """The places a story is filed from: "TUNIS/ALGIERS", "MAIDUGURI, Nigeria", "DALLAS, Texas"
    (shouted names are read in title case: "TUNIS" is no acronym)."""
    parts = [p.strip(" .-") for p in re.split(r"[/;,]", re.sub(r"\([^)]*\)", "", dateline or ""))]
    parts = [p.title() if p.isupper() and len(p) > 2 else p for p in parts if p]
    named = [*countries, *(c.iso2 for c in map(country_by_word, parts) if c is not None)]
    places = [resolve_place(p, context_countries=named) for p in parts]
    return [p for p in places if p is not None]


BORDER_WITH = re.compile(r"\b(?:on|along|near|at|by)?\s*the\s+border\s+(?:with|of)\s+"
                         r"((?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)")


def _this_side(other: str, context_countries) -> Place | None:
    """"on the border with Uganda" is not in Uganda: the article's first country that borders
    it, as a country (precision 3); None if the article names no neighbour."""
    neighbours = _country_facts().get(other, {}).get("neighbours", "").split(",")
    here = next((c for c in context_countries if c in neighbours), None)
    place = country_place(here) if here else None
    return replace(place, relation="near", anchor=other) if place else None
