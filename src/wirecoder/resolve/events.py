"""Across articles: are two reported events one real-world event?

Candidates are blocked in the store (same ACLED type, overlapping dates, another article);
here a pair is compared on what the reports say, and the comparison is kept with its parts:

* hard differences end it: both dated to the day and more than a day apart; both placed
  only at a region or a country (precision 3) or either not placed, one placed only at a
  country (no first-level division to agree on), or the two in different first-level
  divisions, or in two different districts (GeoNames divisions of one level below the
  first), unless the articles are versions of one story (a merge needs positive evidence
  on place at the precision both sides have); one placed only at a region (a province,
  precision 3) against a town or district inside it, unless the articles are versions of
  one story or name a person in common: a province holds many operations against the same
  common armed group on adjacent days, told in one press office's template wording, so
  sharing that group, the province and the boilerplate is no evidence of one occurrence
  (ISAF dev: two detentions of Taliban figures in one province a day apart merged at
  0.655 on actors 1.0, place 0.3, toll 1.0 (none on either side), wording 0.32, while
  every true merge among the 371 releases had a shared town or district, or was a version
  of one story); both placed at a town (precision 1-2) more
  than 30 km apart; different countries; different named initiators (actor1) once actor
  identity is resolved; an undated report against a dated one (not versions of one story)
  sharing less than ``UNDATED_TEXT`` of its evidence wording;
* otherwise a score: 0.35 actor overlap + 0.25 place agreement + 0.15 toll compatibility (a
  higher figure stated as a running toll, "bringing the death toll to nine", agrees with any
  lower one: the follow-up that found more bodies revises the earlier report) +
  0.25 wording overlap of the evidence sentences (two reports in two languages, a French and
  an English one, share no wording: their score is the weighted mean of actors, place and
  toll alone, ``across_languages``); + 0.15 when the two articles name a person
  in common and + 0.15 when the evidence sentences name one site or target that is no place,
  side, agency or office ("the Radisson Blu", "the Bardo": ``shared_names``); a merge needs
  ``MERGE_AT`` (0.6), so the same actors on the same day are not enough without a shared
  place or wording;
* one month, one country, one sub-type and one toll of ten or more (``same_month_and_toll``);
* one day, one country and one toll within reporting variance (``same_day_and_toll``; an
  undated report is placed in the week before its article) is one incident whatever the
  place precision, as an analyst reading both would judge.

The pair decision depends on the two reports only, so the set of merges, and the events that
come out, do not depend on the order in which articles arrive.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import timedelta
from functools import lru_cache
from importlib import resources

from ..resources import load_yaml, read_yaml

from ..folding import name_key
from ..model import Event
from ..normalize.hierarchy import divisions_differ

MERGE_AT = 0.6
UNDATED_TEXT = 0.4  # an undated report must share this much wording with a dated one
TOWN_KM = 30.0
TOLL_RATIO = 0.5  # two tolls of one incident: the lower at least half the higher
DAY_TOLL_MIN = 10  # the higher toll, for one day and one country to suffice: a country-day
# with two incidents of ten or more dead each is rare even where the fighting is heaviest
# (ACLED's event counts), two clashes with four dead each on one day are not
PERSON_WEIGHT = 0.15  # the two articles name a person in common: a rare shared name
SITE_WEIGHT = 0.15  # the two reports' sentences name one site or target: a hotel, a museum
TEXT_WEIGHT = 0.25  # wording overlap of the evidence sentences (one language only)
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                     "march april may june july august september october november december".split())
UNNAMED = frozenset({"unidentified-armed-group", None})
STOP = frozenset("the a an of in on at to and or by for with from was were is are has have "
                 "had said says say that this which who after near".split())


def km(a, b) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _fold(name: str) -> str:
    """"Kandahār Province" and "kandahar" compare equal: accents, case, "province" folded."""
    return name_key(name, drop=frozenset({"province"}))


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2}


def _other_division(pa, pb) -> bool:
    """Two divisions of the same level (two districts: A.ADM2 and below), both placed below a
    region, with different GeoNames ids or, without ids (divisions from our own table, often
    placed at their province's point), different names: two places, not one (a town inside a
    district, or a district against a province, is not a contradiction)."""
    if not (pa.feature and pa.feature == pb.feature and pa.feature.startswith("A.ADM")
            and pa.feature != "A.ADM1" and pa.precision <= 2 and pb.precision <= 2):
        return False
    if pa.geonameid and pb.geonameid:
        return pa.geonameid != pb.geonameid
    return _division_name(pa.name) != _division_name(pb.name)


def _same_division(pa, pb) -> bool:
    """One district named on both sides without GeoNames ids (our own division table)."""
    return bool(pa.feature and pa.feature == pb.feature and pa.feature.startswith("A.ADM")
                and not (pa.geonameid or pb.geonameid) and pa.admin1 == pb.admin1
                and _division_name(pa.name) == _division_name(pb.name))


def _division_name(name: str) -> str:
    return re.sub(r"\b(district|county|department|municipality|lga)\b", " ", _fold(name)).strip()


def _cumulative(event: Event) -> bool:
    """The report's figure is a toll stated as a running total ("the death toll rose to 20",
    "bringing the toll to nine", as ``nlp.event_updates.revised_toll`` keeps its wording): a
    follow-up's count of everyone killed so far, which includes any earlier, lower figure."""
    return any(re.search(r"\btoll\b", text, re.I) for text in event.counts_text)


def compare(a: Event, b: Event, canon, text_a: str, text_b: str,
            same_story: bool = False, same_person: bool = False,
            published: tuple = (None, None),
            languages: tuple = (None, None)) -> tuple[float, dict]:
    """(score, parts); score 0.0 with a ``veto`` part when a hard difference rules it out.
    ``canon`` maps an actor id to its canonical id (cross-article actor identity);
    ``same_story``: the two articles are versions of one story (``store.stories``), the only
    case where reports placed only at a region or country on both sides (or not at all), or
    in different first-level divisions (one of them misplaced), may still be one event;
    ``same_person``: the articles name a person in common (counted for current reports only:
    the person belongs to the story, not to a past incident it recalls), which with
    ``same_story`` is the only evidence that lets a report placed only at a region or a country join a finer one;
    ``published``: the two articles' publication dates, which place an undated report in the
    week before its article (``report_window``);
    ``languages``: the two articles' ISO 639-1 codes; when both are known and differ (a French
    and an English report), the wording of the two sentences cannot be compared (it shares
    only names and figures), so no ``text`` part is measured and the score is the weighted
    mean of actors, place and toll (``across_languages``: wording weight spread over them,
    the person and site bonuses as ever); an undated report still needs a dated one's day
    and toll, its story or a same-language wording to join it."""
    # a person both articles name belongs to their current story, not to the past incident
    # each recalls as background: no evidence that two background reports are one
    same_person = same_person and not (a.historical or b.historical)
    parts: dict = {"story": 1.0} if same_story else {}
    if a.when.precision == "day" and b.when.precision == "day" and a.when.start and \
            b.when.start and abs((a.when.start - b.when.start).days) > 1:
        return 0.0, {"veto": "different days"}
    pa, pb = a.place, b.place
    if same_day_and_toll(a, b, *published) or same_month_and_toll(a, b):
        parts["day_toll"] = 1.0  # one day, one country, one toll: the analyst's incident
    if not same_story and "day_toll" not in parts:
        if not pa or not pb or pa.precision >= 3 and pb.precision >= 3:
            return 0.0, {"veto": "no place below a region on either side"}
        coarse = pa if pa.precision >= 3 else pb if pb.precision >= 3 else None
        fine = pb if coarse is pa else pa
        if coarse is not None and not (coarse.admin1 and fine.admin1) and not same_person:
            return 0.0, {"veto": "a country is no evidence of one place"}
        if divisions_differ(pa, pb):
            return 0.0, {"veto": "different first-level divisions"}
        if _other_division(pa, pb):
            return 0.0, {"veto": "different districts"}
        if coarse is not None and not same_person:
            return 0.0, {"veto": "a region is no evidence of one place"}
    if pa and pb and pa.country and pb.country and pa.country != pb.country:
        return 0.0, {"veto": "different countries"}
    if pa and pb and pa.precision <= 2 and pb.precision <= 2 and pa.lat is not None \
            and pb.lat is not None and km(pa, pb) > TOWN_KM:
        return 0.0, {"veto": f"places {km(pa, pb):.0f} km apart"}
    a1, b1 = canon(a.actor1), canon(b.actor1)
    if a1 not in UNNAMED and b1 not in UNNAMED and a1 != b1:
        return 0.0, {"veto": "different initiators"}
    sides_a = {canon(x) for x in (a.actor1, a.actor2)} - UNNAMED
    sides_b = {canon(x) for x in (b.actor1, b.actor2)} - UNNAMED
    parts["actors"] = len(sides_a & sides_b) / len(sides_a | sides_b) \
        if sides_a and sides_b else 0.5
    for count in ("arrested", "abducted"):  # detentions are counted once, not revised
        ca, cb = getattr(a, count), getattr(b, count)
        if ca and cb and ca != cb:
            return 0.0, {"veto": f"different numbers {count}"}
    towns = pa and pb and pa.precision == 1 and pb.precision == 1
    if pa and pb and pa.precision <= 2 and pb.precision <= 2 and (
            pa.geonameid and pa.geonameid == pb.geonameid or _same_division(pa, pb)
            or towns and pa.lat is not None and pb.lat is not None and km(pa, pb) <= TOWN_KM):
        parts["place"] = 1.0  # the same place; a neighbouring district or a country is not
    else:
        parts["place"] = 0.3 if not pa or not pb or pa.precision == 3 or pb.precision == 3 \
            else 0.0  # unknown or country-level: weak support, not agreement
    ta, tb = a.fatalities, b.fatalities
    if ta == tb:
        parts["toll"] = 1.0
    elif ta and tb and _cumulative(a if ta > tb else b):
        parts["toll"] = 1.0  # "bringing the death toll to nine": the higher figure includes
    elif ta and tb:          # the lower one (a follow-up revising the toll), no disagreement
        parts["toll"] = 0.6 if min(ta, tb) / max(ta, tb) >= 0.4 else 0.1
    else:
        parts["toll"] = 0.5
    other_language = across_languages(*languages)
    if other_language:
        parts["languages"] = 1.0  # two languages: no wording to compare
    else:
        wa, wb = words(text_a), words(text_b)
        parts["text"] = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    if same_person:
        parts["person"] = 1.0
    if not same_story and "day_toll" not in parts and \
            (a.when.start is None) != (b.when.start is None) and \
            parts.get("text", 0.0) < UNDATED_TEXT:
        return 0.0, {"veto": "undated, with little shared wording", **parts}
    site = shared_names(text_a, text_b, a, b)
    if site:
        parts["site"] = 1.0  # "the Radisson Blu" in both: a named site or target
    evidence = 0.35 * parts["actors"] + 0.25 * parts["place"] + 0.15 * parts["toll"]
    if other_language:  # the wording's weight spread over what two languages share
        evidence /= 1.0 - TEXT_WEIGHT
    else:
        evidence += TEXT_WEIGHT * parts["text"]
    score = evidence + PERSON_WEIGHT * parts.get("person", 0.0) \
        + SITE_WEIGHT * parts.get("site", 0.0)
    if "day_toll" in parts:
        score = max(score, MERGE_AT)
    return round(score, 3), {k: round(v, 3) for k, v in parts.items()}


def across_languages(language_a: str | None, language_b: str | None) -> bool:
    """Two reports in two languages ("fr" and "en"): their wording is not comparable. An
    unknown language is taken for the same (the wording is compared as ever)."""
    return bool(language_a and language_b and language_a.lower() != language_b.lower())


REPORT_DAYS = 7  # an undated report of news tells of the week before its article


def report_window(event: Event, published=None):
    """(first, last) day the report can tell of: its own dates when it has them, else the
    week before its article's publication (an undated report of news is recent news: the
    annotation guidelines of the whole-article sets date a report-only event so), else None."""
    w = event.when
    if w.start is not None:
        return w.start, w.end or w.start
    if published is not None and not event.historical:
        return published - timedelta(days=REPORT_DAYS - 1), published
    return None


@lru_cache(maxsize=1)
def _not_site_words() -> frozenset:
    return frozenset(read_yaml("events.yaml")["incidents"]["not_site_words"])


@lru_cache(maxsize=4096)
def _capitalised(text: str) -> frozenset:
    """Capitalised words of three letters or more, not opening a sentence, lower-cased; kept
    per text, as one report's text is compared with every candidate's."""
    out = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        words = re.findall(r"[A-Za-z][A-Za-z'-]+", sentence)
        out |= {w.lower() for w in words[1:] if w[0].isupper() and len(w) > 2}
    return frozenset(out)


def shared_names(text_a: str, text_b: str, a: Event, b: Event) -> set[str]:
    """Capitalised words, not opening a sentence, that both reports' evidence sentences use
    and that name no place, country, people or side of either report and no day or month:
    the named site or target ("Radisson", "Bardo", "Imperial Marhaba") two outlets share."""
    from ..resources.gazetteer import country_by_word

    known = set(CALENDAR) | _not_site_words()
    for event in (a, b):
        for value in (event.place.name if event.place else "", event.place.admin1
                      if event.place else "", event.actor1 or "", event.actor2 or "",
                      *event.assoc_actors):
            known |= set(re.findall(r"[a-z]+", (value or "").lower().replace("-", " ")))
    shared = _capitalised(text_a) & _capitalised(text_b)
    return {w for w in shared - known if country_by_word(w.capitalize()) is None}


def same_day_and_toll(a: Event, b: Event, published_a=None, published_b=None) -> bool:
    """Two reports of violence dated to one day (a day apart at most: time zones, a night; or
    one undated, its article published in the week after the other's day: ``_one_day``),
    in one country (both placed: an unplaced report would bridge two towns' incidents), each
    stating a death toll, the two tolls
    within reporting variance (the lower at least ``TOLL_RATIO`` of the higher; news tolls
    grow as bodies are counted, 19 then 22) and the higher at least ``DAY_TOLL_MIN``: one
    incident even where neither report names a
    place below the country, as an analyst reading the two would judge. ISAF's formulaic
    releases rarely state a toll and are placed below the province; news reports of one
    incident often are placed only at a country while their village goes unrecognised."""
    if not _one_day(a, b, published_a, published_b):
        return False
    if not (a.fatalities and b.fatalities) or max(a.fatalities, b.fatalities) < DAY_TOLL_MIN \
            or min(a.fatalities, b.fatalities) / max(a.fatalities, b.fatalities) < TOLL_RATIO:
        return False
    ca = a.place.country if a.place else None
    cb = b.place.country if b.place else None
    return bool(ca) and ca == cb and a.historical == b.historical


def same_month_and_toll(a: Event, b: Event) -> bool:
    """Two reports dated no finer than a month on one side ("in November 2015, a suicide
    bombing in Tunis killed 12"; "the November 2015 bombing that killed 12 guards"), whose
    dates overlap, in one country, of one ACLED sub-type, stating one and the same toll of at
    least ``DAY_TOLL_MIN``: one incident, however differently placed (a town on one side, the
    country on the other). The toll must be equal, not merely close: over a month, a close
    figure is no evidence; an exact one of ten or more is."""
    wa, wb = a.when, b.when
    if not (wa.start and wb.start) or "month" not in (wa.precision, wb.precision) or \
            {wa.precision, wb.precision} - {"day", "week", "month"}:
        return False
    if not (wa.start <= (wb.end or wb.start) and wb.start <= (wa.end or wa.start)):
        return False
    if not a.fatalities or a.fatalities != b.fatalities or a.fatalities < DAY_TOLL_MIN:
        return False
    ca = a.place.country if a.place else None
    cb = b.place.country if b.place else None
    return bool(ca) and ca == cb and a.sub_type == b.sub_type and a.historical == b.historical


def _one_day(a: Event, b: Event, published_a=None, published_b=None) -> bool:
    """Both dated to the day and a day apart at most, or one dated to the day and the other
    undated (its article published in the week after that day: ``report_window``) or dated
    to a week that holds the day ("this week", or the report week of a story that dates
    nothing)."""
    if a.when.precision == "day" and b.when.precision == "day":
        return bool(a.when.start and b.when.start) and abs((a.when.start - b.when.start).days) <= 1
    for day, other, published in ((a, b, published_b), (b, a, published_a)):
        if day.when.precision == "day" and day.when.start and (
                other.when.start is None or other.when.precision == "week"):
            window = report_window(other, published)
            return window is not None and window[0] - timedelta(days=1) <= day.when.start \
                <= window[1]
    return False


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4, "unknown": 9}


def finest_when(whens):
    """The most precise of several reports' times: by precision, then the narrowest span."""
    return min(whens, key=lambda w: (PRECISION_RANK.get(w.precision, 9),
                                     (w.end - w.start).days if w.start and w.end else 10**6))


def merged(events: list[Event], origin: dict[str, tuple[str, str]]) -> Event:
    """One record for a cluster (``origin``: event id -> (article id, published ISO date)),
    built field by field: the most precise date and place its sources support; the first
    named actors; fatalities as UCDP GED gives them: low and high bound the reports, best is
    the latest report's figure (tolls are revised as bodies are counted; ACLED codebook: the
    most recent reliable report, and the lower figure where reports of that day conflict), its wording
    in ``counts_text`` and every report's figure with its source in ``toll_history``; the
    other counts, trigger and summary from the latest report that states them (an empty field
    never replaces a filled one); associated actors of every report."""
    from dataclasses import replace

    head = min(events, key=lambda e: e.id)
    when = finest_when(e.when for e in events)
    placed = [e.place for e in events if e.place is not None]
    place = min(placed, key=lambda p: (p.precision, -p.confidence)) if placed else None
    tolls = [(origin.get(e.id, ("", ""))[1] or "", e.fatalities) for e in events
             if e.fatalities is not None]
    # ACLED's rule: the most recent report; where reports of that day conflict, the lower
    latest_day = max(t[0] for t in tolls) if tolls else None
    best = min(t for d, t in tolls if d == latest_day) if tolls else None
    latest = sorted(events, key=lambda e: (origin.get(e.id, ("", ""))[1] or "", e.id))
    told = [e for e in latest if e.fatalities is not None]
    source = max(told, key=lambda e: (origin.get(e.id, ("", ""))[1] or "", -e.fatalities)) \
        if told else head
    history = tuple((e.fatalities, origin.get(e.id, ("", ""))[1] or "",
                     origin.get(e.id, (e.id, ""))[0], "; ".join(e.counts_text)) for e in told)

    def filled(attr):  # the latest report that states it: no empty field replaces a filled one
        return next((getattr(e, attr) for e in reversed(latest)
                     if getattr(e, attr) not in (None, "", ())), getattr(head, attr))
    actor1 = next((e.actor1 for e in sorted(events, key=lambda e: e.id)
                   if e.actor1 not in UNNAMED), head.actor1)
    actor2 = next((e.actor2 for e in sorted(events, key=lambda e: e.id)
                   if e.actor2 not in UNNAMED), head.actor2)
    # the type most reports give; on a tie, the one whose target is an organisation
    votes = Counter(e.type for e in events)
    typed = max(events, key=lambda e: (votes[e.type], e.actor2 not in UNNAMED, e.id < head.id))
    return replace(head, type=typed.type, sub_type=typed.sub_type, plover=typed.plover,
                   when=when, place=place, actor1=actor1, actor2=actor2, fatalities=best,
                   fatalities_low=min(t for _, t in tolls) if tolls else None,
                   fatalities_high=max(t for _, t in tolls) if tolls else None,
                   sources=len({origin.get(e.id, (e.id, ""))[0] for e in events}),
                   members=tuple(sorted(e.id for e in events)),
                   historical=all(e.historical for e in events),
                   counts_text=source.counts_text, toll_history=history,
                   wounded=filled("wounded"), abducted=filled("abducted"),
                   arrested=filled("arrested"), trigger=filled("trigger"),
                   summary=filled("summary"),
                   assoc_actors=tuple(dict.fromkeys(a for e in events for a in e.assoc_actors
                                                    if a not in (actor1, actor2))))
