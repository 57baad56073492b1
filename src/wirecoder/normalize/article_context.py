"""The article's context for place resolution: its countries (``article_countries``, most
named first) and first-level divisions (``article_divisions``), read once per article from the
place names it contains and handed to ``where.resolve_place`` for every name.

A country named only by a word that is also a first-level division of another of the
article's countries ("Georgia" beside "Atlanta") is no context of its own
(``_only_a_division_here``).
"""

from __future__ import annotations

from collections import Counter

from ..resources.countries import country_by_word
from .anchors import _shared_division
from .geo_index import norm

SOLE_NAMES = 1  # names found in one country only that bring it into an article's context


# ``where`` imports this module; its scorer is reached at call time (no import cycle)
def explain_place(name, **kw):
    from .where import explain_place as explain

    return explain(name, **kw)


def resolve_place(name, **kw):
    from .where import resolve_place as resolve

    return resolve(name, **kw)


def _bare(name: str) -> str:
    from .where import _bare as bare

    return bare(name)


def article_countries(named: list[str], place_names: list[str]) -> list[str]:
    """The article's countries for disambiguation, most named first: ``named`` (the countries
    its country names and demonyms name), then the countries of the first-level divisions it
    names, where the name means a division first and every division of that name lies in one
    country ("Maryland" is ambiguous, US or Liberia, but "Virginia" brings the United States;
    "Paris" is a city before it is a French division), then the countries where names that
    no other country has lie ("Rapides Parish", "Gainesville"), most such names first: what
    an article names only one country has tells where the article is."""
    counts: dict[str, int] = {}
    sole: dict[str, int] = {}  # names whose every place lies in one country
    for name, mentions in Counter(place_names).items():
        if country_by_word(name) is not None:
            continue  # "Georgia" the country says nothing of the US state
        rows = explain_place(name)
        everywhere = {r["candidate"].country for r in rows}
        if len(everywhere) == 1 and None not in everywhere and len(norm(name)) > 3:
            iso2 = next(iter(everywhere))  # "Rapides Parish", "Gainesville": one country's
            sole[iso2] = sole.get(iso2, 0) + 1
        if not rows or rows[0]["candidate"].kind != "admin1":
            continue  # "Paris" is a city before it is a French division
        found = {r["candidate"].country for r in rows if r["candidate"].kind == "admin1"}
        if len(found) == 1 and None not in found:
            iso2 = found.pop()
            counts[iso2] = counts.get(iso2, 0) + mentions
    extra = sorted((c for c in counts if c not in named), key=lambda c: -counts[c])
    voted = sorted((c for c in sole if c not in named and c not in counts and
                    sole[c] >= SOLE_NAMES), key=lambda c: (-sole[c], c))
    others = {*extra, *voted}
    everyone = [*named, *extra, *voted]
    named = [c for c in named if not _only_a_division_here(c, place_names, others, everyone)]
    return [*named, *extra, *voted]


def _only_a_division_here(iso2: str, place_names: list[str], others: set[str],
                          everyone=()) -> bool:
    """"Georgia" in a story whose other places are American: the state, not the country. A
    country named only by names that are also first-level divisions of another of the
    article's countries is no context of its own, where that country comes only from the
    article's other places (``others``), or where the division is the one the article's other
    places share (``_shared_division``: "Georgia" beside "Valdosta", "Tifton" and "Moultrie",
    though "United States" is named too)."""
    names = {n for n in place_names if (c := country_by_word(n)) is not None and c.iso2 == iso2}
    if not names:
        return False
    divisions = {n: [r["candidate"] for r in explain_place(n) if r["candidate"].kind == "admin1"
                     and r["candidate"].country != iso2] for n in names}
    if all(any(d.country in others for d in found) for found in divisions.values()):
        return True
    if _division_holds_a_city_named(iso2, place_names, names, divisions, everyone):
        return True
    return all(any(d.country in everyone and _bare(_shared_division(place_names, [d.country])
                                                   or "") == _bare(d.name) for d in found)
               for found in divisions.values())


def _division_holds_a_city_named(iso2: str, place_names: list[str], names: set[str],
                                 divisions: dict, everyone) -> bool:
    """"Georgia" beside "Atlanta" and "United States": the state, where the largest namesake
    of another of the article's names (a city, town or village) lies in the division named
    like the country, in another of the article's countries, and none of the article's other
    names has any namesake in the country itself ("Tbilisi" keeps Georgia the country)."""
    rest = [n for n in dict.fromkeys(place_names) if n not in names and country_by_word(n) is None]
    biggest = []
    for name in rest:
        found = [r["candidate"] for r in explain_place(name)]
        if any(c.country == iso2 for c in found):
            return False
        towns = [c for c in found if c.kind in ("city", "town", "village")]
        if towns:
            biggest.append(max(towns, key=lambda c: c.population))
    return bool(biggest) and all(
        any(d.country in everyone and any(b.country == d.country and b.admin1
                                          and _bare(b.admin1) == _bare(d.name) for b in biggest)
            for d in found) for found in divisions.values())


def article_divisions(place_names: list[str], countries=()) -> list[str]:
    """The first-level divisions an article names ("New Jersey", "Kasserine governorate"), by
    the name their towns carry as admin1, and those that hold a county it names whose every
    namesake lies in one division ("Rapides Parish": Louisiana): context for its towns."""
    found = []
    for name in dict.fromkeys(place_names):
        place = resolve_place(name, context_countries=countries)
        if place is not None and place.feature == "A.ADM1" and place.admin1:
            found.append(place.admin1)
        elif place is not None and place.feature == "A.ADM2" and place.admin1 and len(
                {r["candidate"].admin1 for r in explain_place(name)}) == 1:
            found.append(place.admin1)
    shared = _shared_division(place_names, countries)
    if shared is not None and _bare(shared) not in {_bare(d) for d in found}:
        found.append(shared)
    return list(dict.fromkeys(found))


TOWN_KINDS = ("city", "admin1", "county")


def towns_country(names: list[str]) -> str | None:
    """The one country (ISO2) an article's towns agree on, for an article that names no
    country; None where they do not (issue 29, kind 3: the most populous namesake of a town
    made an African town's victims civilians of Russia; no country is better than a wrong one).

    Each distinct name the place index knows as a town or division (``TOWN_KINDS``) gives the
    set of countries its namesakes lie in (those of that very name, where there are some, before
    those filed under it as an alternate name); the country is the one every such set holds ("Djibo"
    and "Dori" agree on Burkina Faso). Where several remain, the one whose namesake is a
    national capital decides ("Paris" alone is France's); otherwise none."""
    from .geo_index import geo_index

    sets, capitals = [], set()
    for name in dict.fromkeys(names):
        found = [c for c in geo_index().lookup(name) if c.kind in TOWN_KINDS and c.country]
        exact = [c for c in found if norm(c.name) == norm(name)]
        found = exact or found  # "Mora" is Mora's before it is an old name of Bilimora
        if found:
            sets.append({c.country for c in found})
            capitals |= {c.country for c in found if c.feature == "P.PPLC"}
    if not sets:
        return None
    common = set.intersection(*sets)
    if len(common) == 1:
        return next(iter(common))
    capital = common & capitals
    return next(iter(capital)) if len(capital) == 1 else None
