"""One incident, one event, within an article: a news story tells its incident in its lead,
again in the detail paragraphs, in the quotes about it and in the toll update, often many
sentences apart and with a different verb ("stormed", "opened fire", "the ambush"). The
mention-level rules of ``nlp/event_merge`` join what the parse shows to be one occurrence
within a few sentences; this stage joins, over the whole article, the reports that nothing
tells apart.

A current report joins an earlier current report of the story (the earliest it agrees with)
when, in the analyst's way of telling incidents apart (ACLED codebook: an event is one
actor pair, one place, one day, one type), nothing distinguishes them:

* both asserted, both political violence (Battles, Violence against civilians,
  Explosions/Remote violence), or property destruction beside violence (ACLED codes the
  attack, not the burning that came with it); both current news, or both background (a past
  incident the story recalls twice is still one past incident, never joined to today's);
* their resolved dates overlap (a report with no date of its own agrees with any);
* their places agree through the hierarchy: one country (when both say), one first-level
  division (when both say), towns at most ``AGREE_KM`` apart; a country or a region holds
  any town inside it;
* their named initiators (actor1) are not two different actors, nor their named targets
  (actor2), unless one target is a site ("other org": the museum, the company);
* the later report's sentence does not announce another occurrence ("in a separate attack",
  "another ambush", "elsewhere", "meanwhile": ``incidents`` in resources/events.yaml; "another
  six were wounded" names no other occurrence);
* and they share something positive (``positively_alike``), or the later is a burning whose
  sentence names the lead's occurrence ("the attack took place in X, where homes were also
  burned": ``refers_back``, ``same_occurrence_determiners``): a named side, one day, one place
  below the country, or one toll; or the first is the story's lead (its first current
  incident) and one of the two, of one ACLED sub-type, has no day and no place below the
  country of its own (``vague``): a vague lead ("at least 100 civilians were killed in an
  attack on a village") is told precisely below, or a precise lead is retold vaguely; or the
  later report, after a lead still the only current incident told, has nothing of its own at
  all (``empty``: no named side, day, place below the country or count: "a witness said he
  heard shells landing"), of the lead's ACLED type whatever its sub-type (after two incidents
  it could retell either: WikiEvents' documents); or two background reports of political
  violence were coded from one sentence ("since November 2015, when a suicide bombing in the
  capital killed 12": the bombing and the killing, the first one's type kept; current ones
  are ``nlp/event_merge``'s). Not differing is not enough elsewhere: an article that tells several
  incidents (WikiEvents' documents) names them with few places and dates.

Apart from these, a vague current report of any type that places itself by reference back to
the scene ("a magazine emptied of its cartridges was found at the scene":
``incidents.scene_references``) is a detail of the lead, joined to it as evidence without
its counts or type.

The joined report adds its evidence to the first; the first keeps its id; the finer date and
place win, a named side fills an unnamed one, and the toll is the largest stated for the
incident (as ``nlp/event_merge`` pools the dead). A sentence that opens on a total ("In all,
at least 63 people were killed": ``incidents.total_openers``) joins without its count,
which may sum several incidents.

The decision reads the two reports only and runs in text order, so it is the same on every
run; its cost is the number of current reports times the incidents kept (a digest of many
incidents in many places keeps many, each compared once per later report).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ..resources import load_yaml, read_yaml

from ..model import Event, Place
from ..normalize.hierarchy import divisions_differ
from ..normalize.phrases import finest
from .events import UNNAMED, finest_when, km

VIOLENT = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
PROPERTY = "Looting/property destruction"
AGREE_KM = 60.0  # two town-level places this close can be one incident's (as event_merge)
SITE = "other org"  # a target of this type is a site or a firm, not a side that tells apart
COUNTS = ("fatalities", "wounded", "abducted", "arrested")


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    spec = read_yaml("events.yaml")["incidents"]

    def words(items):
        return r"\b(?:" + "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)) \
            + r")\b"
    other = words(spec["other_occurrence_adverbs"]) + "|" \
        + words(spec["other_occurrence_determiners"]) + r"(?:\s+\w+){0,2}?\s+" \
        + words(spec["occurrence_nouns"])
    same = words(spec["same_occurrence_determiners"]) + r"\s+" + words(spec["occurrence_nouns"])
    return (re.compile(other, re.I),
            re.compile(r"^\W*" + words(spec["total_openers"]) + r"\s*,", re.I),
            re.compile(same, re.I),
            re.compile(words(spec["scene_references"]), re.I))


@lru_cache(maxsize=4096)
def announces_other(sentence: str) -> bool:
    """The sentence tells of another occurrence ("In a separate attack, ..."). Asked once per
    pair of reports: kept per sentence."""
    return bool(_cues()[0].search(sentence or ""))


def refers_back(sentence: str) -> bool:
    """The sentence names an occurrence already told ("the attack took place ...")."""
    return bool(_cues()[2].search(sentence or ""))


@lru_cache(maxsize=4096)
def refers_to_scene(sentence: str) -> bool:
    """The sentence places what it tells by reference back to the incident already reported
    ("found at the scene"): ``incidents.scene_references``."""
    return bool(_cues()[3].search(sentence or ""))


def opens_on_total(sentence: str) -> bool:
    """The sentence opens on a total ("In all, ...", "Altogether, ...")."""
    return bool(_cues()[1].search(sentence or ""))


TALLY_DAYS = 31  # a count over a longer period, told in the perfect, is a tally


def is_tally(event: Event, simple_past: bool) -> bool:
    """"More than 100 militants have been killed in the first half of the year": a count over
    a period longer than ``TALLY_DAYS``, told in the perfect, not the simple past. A statistic
    over several incidents, not an incident (ACLED codes each incident; the annotation
    guidelines of the whole-article sets leave statistics uncoded); ``resolve/records`` keeps
    it as background, with its evidence. "Last year forces killed the group's leader" (simple
    past) is an incident dated to its year."""
    w = event.when
    counted = any(getattr(event, kind) for kind in COUNTS)
    return counted and not simple_past and w.start is not None and w.end is not None \
        and (w.end - w.start).days > TALLY_DAYS


def joinable(event: Event) -> bool:
    """A current report of political violence (or of property destroyed beside it)."""
    return not event.historical and violent_report(event)


def violent_report(event: Event) -> bool:
    """An asserted report of political violence or property destruction, current or not."""
    return event.modality == "asserted" and (event.type in VIOLENT or event.sub_type == PROPERTY)


def empty(event: Event) -> bool:
    """Nothing of its own: no named side, no day, no place below the country, no count
    ("his son saw someone who got shot at the resort"). Such a report cannot tell an
    incident apart; after a lead it retells the lead."""
    return vague(event) and not ({event.actor1, event.actor2} - UNNAMED) and not any(
        getattr(event, kind) for kind in COUNTS)


def places_agree(a: Place | None, b: Place | None) -> bool:
    """One place could hold both reports: see the module's list."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if divisions_differ(a, b):  # (a province and the region holding it do not)
        return False
    if a.precision <= 2 and b.precision <= 2 and None not in (a.lat, a.lon, b.lat, b.lon):
        return km(a, b) <= AGREE_KM
    return True


def dates_agree(a: Event, b: Event) -> bool:
    wa, wb = a.when, b.when
    if not (wa.start and wb.start):
        return True
    return wa.start <= (wb.end or wb.start) and wb.start <= (wa.end or wa.start)


def same_incident(first: Event, later: Event, sentences: list[str], lead: bool = False,
                  kinds: dict | None = None, first_sentences: frozenset = frozenset(),
                  alone: bool = False) -> bool:
    """Whether ``later`` (with its evidence ``sentences``) tells ``first`` again; ``lead``:
    ``first`` is the story's first current incident, which a vague later report retells;
    ``kinds``: actor id -> actor type; ``first_sentences``: the evidence sentences of the
    reports ``first`` already holds; ``alone``: ``first`` is the only current incident
    told so far, so a report with nothing of its own (``empty``) can only retell it."""
    kinds = kinds or {}
    if first.type == later.type == "Riots" and first.sub_type == later.sub_type \
            and first.modality == later.modality == "asserted" \
            and first.historical == later.historical and first.actor1 == later.actor1 \
            and first_sentences.intersection(sentences):
        return True  # "protesters threw stones at police and burned tyres": one riot
    if lead and vague(later) and later.modality == "asserted" and not later.historical \
            and any(refers_to_scene(s) for s in sentences) and dates_agree(first, later) \
            and places_agree(first.place, later.place):
        return True  # "a magazine was found at the scene": the lead's scene, whatever its type
    if not (violent_report(first) and violent_report(later)) \
            or first.historical != later.historical:
        return False  # background joins background (one past incident told twice)
    if first.sub_type == PROPERTY and later.sub_type == PROPERTY:
        return False  # two burnings are two unless violence ties them
    if not dates_agree(first, later) or not places_agree(first.place, later.place):
        return False
    for side in ("actor1", "actor2"):
        x, y = getattr(first, side), getattr(later, side)
        if x not in UNNAMED and y not in UNNAMED and x != y and not (
                side == "actor2" and SITE in (kinds.get(x), kinds.get(y))):
            return False  # (a museum or a company hit is the site, not who was hit)
    if any(announces_other(s) for s in sentences):
        return False
    if first.historical:  # a story's background names the same sides again and again
        return bool(first_sentences.intersection(sentences)) and (  # one sentence: "since
            first.type == later.type or {first.type, later.type} <= VIOLENT) \
            or positively_alike(first, later, sides=False)  # 2015, when a bombing killed 12"
    if lead and later.sub_type == PROPERTY and first.type in VIOLENT \
            and any(refers_back(s) for s in sentences):
        return True  # "the attack took place in X, where homes were also burned"
    return positively_alike(first, later) or lead and (
        (vague(later) or vague(first)) and later.sub_type == first.sub_type
        or alone and empty(later) and later.type == first.type)


def vague(event: Event) -> bool:
    """No day and no place below the country of its own: nothing to tell it from the lead."""
    return event.when.precision != "day" and (event.place is None or event.place.precision >= 3
                                              and not event.place.admin1)


def positively_alike(first: Event, later: Event, sides: bool = True) -> bool:
    """Something the two reports share beyond not differing: a named side, one day (both
    dated to the day), one place below the country (towns within ``AGREE_KM``, or one
    first-level division), or one toll. Without it, two mentions in an article that tells
    several incidents ("a bomb killed five ...; gunmen shot two ...") stay two."""
    named = {first.actor1, first.actor2} - UNNAMED
    if sides and named & ({later.actor1, later.actor2} - UNNAMED):
        return True  # (``sides=False``: not for background, whose sides recur)
    wa, wb = first.when, later.when
    if wa.precision == "day" and wb.precision == "day" and dates_agree(first, later):
        return True
    a, b = first.place, later.place
    if a is not None and b is not None and a.precision <= 2 and b.precision <= 2:
        return True  # places_agree has held them within AGREE_KM or one division
    if a is not None and b is not None and a.admin1 and b.admin1 and not divisions_differ(a, b):
        return True  # one division, or a province and the region holding it
    return first.fatalities is not None and first.fatalities == later.fatalities


def pooled(first: Event, later: Event, counted: bool = True) -> Event:
    """``first`` with what ``later`` adds (``counted=False``: not its counts)."""
    when = finest_when((first.when, later.when))
    place = finest(p for p in (first.place, later.place) if p is not None)
    changes = {"when": when, "place": place}
    if first.sub_type == PROPERTY and later.type in VIOLENT:
        changes.update(type=later.type, sub_type=later.sub_type, plover=later.plover,
                       trigger=later.trigger, summary=later.summary)
    for side, other in (("actor1", "actor2"), ("actor2", "actor1")):
        mine = getattr(first, side)
        if mine in UNNAMED and getattr(later, side) not in UNNAMED and not (
                mine is not None and getattr(later, other) == mine):
            # (not when the later report has our unnamed side on the other side: "two
            # gunmen opened fire ...; police killed one of the gunmen" is the response)
            changes[side] = getattr(later, side)
    if counted:
        for kind in COUNTS:
            a, b = getattr(first, kind), getattr(later, kind)
            if b is not None and (a is None or b > a):
                changes[kind] = b
        changes["counts_text"] = tuple(dict.fromkeys(first.counts_text + later.counts_text))
    assoc = [x for x in (*first.assoc_actors, *later.assoc_actors)
             if x not in (changes.get("actor1", first.actor1), changes.get("actor2", first.actor2))]
    changes["assoc_actors"] = tuple(dict.fromkeys(assoc))
    changes["hedged"] = first.hedged and later.hedged
    return replace(first, **changes)


def first_current(kept: list[list]) -> int:
    """Index of the story's first current incident among those kept (-1 when none)."""
    return next((n for n, k in enumerate(kept) if joinable(k[0])), -1)


def one_incident(reports: list[tuple[Event, list[str]]],
                 kinds: dict | None = None) -> list[tuple[Event, list[int]]]:
    """Reports in text order, each with its evidence sentences -> the events kept, each with
    the indexes (into ``reports``) of the reports it tells; ``kinds``: actor id -> type."""
    kept: list[list] = []  # [event, [indexes], {sentences}]
    for i, (event, sentences) in enumerate(reports):
        lead = first_current(kept)  # once per report: kept does not change while it is asked
        alone = sum(joinable(k[0]) for k in kept) == 1
        told = set(sentences)  # one that shares a sentence with it first, then the earliest
        order = sorted(range(len(kept)), key=lambda n: not (kept[n][2] & told))
        target = next((kept[n] for n in order
                       if same_incident(kept[n][0], event, sentences, lead=n == lead,
                                        kinds=kinds, first_sentences=kept[n][2],
                                        alone=alone)), None)
        if target is None:
            kept.append([event, [i], frozenset(sentences)])
            continue
        total = any(opens_on_total(s) for s in sentences)
        scene = not violent_report(event)  # a detail at the scene adds evidence, not a count
        target[0] = pooled(target[0], event, counted=not (total or scene))
        target[1].append(i)
        target[2] = target[2] | frozenset(sentences)
    return [(event, members) for event, members, _ in kept]
