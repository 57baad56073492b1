"""Drafts of one article -> claims and records (an ``Extraction``), within the article.

Here dates and places get their values (``normalize/``), persons get the organisation they
belong to (so an event between a state force and "Bilel Kobi" is coded against his group, as
ACLED does), events get their ACLED type from the sides, and every record is backed by claims
with deterministic ids. Cross-article identity is decided later, in the store.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from ..claims import Drafts, Evidence
from ..ingest.dateline import find_dateline
from ..model import (Actor, Article, Claim, Event, Extraction, Place, Relation, When, stable_id,
                     to_dict)
from ..nlp.numbers import parse_range
from ..normalize.when import normalize_when
from ..normalize.wording import reworded
from ..normalize.where import (country_place, dateline_places, division_place, finest,
                               resolve_phrase, resolve_place)
from ..resources.vocab import plover_for
from .incidents import is_tally, one_incident
from .typing import acled_type as typed

EXTRACTOR = "wirecoder"
HISTORICAL_AFTER = timedelta(days=60)  # older than this before publication: background
AFFILIATIONS = ("member_of", "leader_of", "commander_of", "spokesman_of", "founder_of")
STATE_TYPES = ("state force", "government")
LEAD_CONFIDENCE = 0.7  # at most, for a place taken from the story's lead, not the event's clause
SOLE_DIVISION_CONFIDENCE = 0.6  # at most, for the one province a story names, not the event's
UNNAMED = frozenset({"unidentified-armed-group"})  # a description, not an actor to relate to


def build_extraction(article: Article, drafts: Drafts, version: str,
                     pipeline: tuple[str, ...] = ()) -> Extraction:
    claims: list[Claim] = []
    drafts = in_pivot_wording(drafts, article.language)
    dateline = find_dateline(article.text)
    filed_from = article.dateline or (dateline.place if dateline else None)
    filed_places = dateline_places(filed_from, drafts.countries) if filed_from else []
    drafts = _with_dateline(drafts, filed_places)
    filed = dateline.day_of(header=article.text[:dateline.start]) \
        if dateline is not None and article.published is None else None
    note = "publication date read from the dateline"
    if filed is None and dateline is not None and article.published is not None:
        local = dateline.day_of(published=article.published)
        if local is not None and local - article.published == timedelta(days=1):
            # a UTC timestamp of the evening before the local day the dateline gives
            # (issue 29, kind 7): "yesterday" counts from the local day
            filed, note = local, "publication date: the dateline's local day, a day after " \
                f"the timestamp's {article.published.isoformat()} (UTC)"
    if filed is not None:  # no publication date given, or a UTC one: the dateline's day
        article = replace(article, published=filed)

    def claim(kind, subject, value, ev: Evidence, **extra) -> Claim:
        c = Claim(article.id, kind, subject, value, ev.start, ev.end, ev.sentence, ev.source,
                  hedged=bool(ev.hedges), negated=extra.pop("negated", False),
                  extractor=extra.pop("extractor", EXTRACTOR), version=version)
        claims.append(c)
        return c

    if filed is not None:
        claim("attribute", article.id, {"attribute": "published", "value": filed.isoformat(),
                                        "note": note},
              Evidence(dateline.start, dateline.end, article.text[dateline.start:dateline.end]))
    actors = []
    for d in drafts.actors.values():
        actors.append(Actor(d.key, d.name, d.type, d.country, tuple(sorted(d.aliases))))
        for start, end, text, via in d.mentions:
            ev = Evidence(start, end, _sentence_at(article.text, start, end), d.evidence.source)
            claim("actor", d.key, {"name": d.name, "type": d.type, "country": d.country,
                                   "text": text, "via": via}, ev)
        for alias in sorted(d.aliases - {d.name}):  # evidence: the sentence declaring it
            claim("alias", d.key, {"alias": alias}, d.alias_evidence.get(alias, d.evidence))
    relations = []
    for r in drafts.relations:
        if r.object in UNNAMED or r.subject in UNNAMED:
            continue
        since = normalize_when(r.since_text, article.published) if r.since_text else None
        relation = Relation(r.subject, r.predicate, r.object, valid_from=since,
                            valid_to=_ended(r.until_text, article.published))
        relations.append(relation)
        claim("relation", r.subject, to_dict(relation), r.evidence)
    for key, attribute, value, ev in drafts.attributes:
        claim("attribute", key, {"attribute": attribute, "value": value}, ev)
    for text, ev in drafts.statements:
        claim("statement", article.id, {"text": text}, ev)
    places, towns, regions = {}, [], {}
    for p in drafts.places:
        place = resolve_place(p.text, context_countries=drafts.countries, text=p.text,
                              context_divisions=drafts.divisions,
                              context_points=drafts.anchors)
        if place is not None:
            places.setdefault(place.geonameid or place.name, place)
            claim("place", place.name, to_dict(place), p.evidence)
            if (place.feature or "").startswith("P.") and place.precision == 1:
                towns.append((p.evidence.start, p.text))
            if place.admin1 and not (dateline and p.evidence.start < dateline.end):
                regions.setdefault((place.country, place.admin1), place)
    placed = {pl.country for pl in [*places.values(), *filed_places] if pl.country}
    region = sole_division(list(regions)) if regions else filed_division(filed_places,
                                                                         filed_from)
    known = {a.id: a for a in actors}
    events = _events(article, drafts, relations, known, claim, towns, region, placed)
    actors = [*actors, *(a for key, a in known.items() if key not in {x.id for x in actors})]
    return Extraction(article, tuple(claims), tuple(actors), tuple(relations), tuple(events),
                      tuple(places.values()), pipeline)


def in_pivot_wording(drafts: Drafts, lang: str | None) -> Drafts:
    """The drafts with their date and place phrases in the wording the normalizers read
    (``normalize/wording.py``); English drafts come back as they are. Evidence is untouched."""
    if lang in (None, "en"):
        return drafts

    def date(text: str) -> str:
        return reworded(text, lang, "dates")

    def place(text: str) -> str:
        return reworded(text, lang, "places")

    events = [replace(d, date_text=date(d.date_text), place_text=place(d.place_text),
                      more_places=[place(p) for p in d.more_places]) for d in drafts.events]
    return replace(drafts, events=events, lead_date=date(drafts.lead_date),
                   lead_place=place(drafts.lead_place))


def _events(article, drafts, relations, actors, claim, towns=(), region=None,
            placed=None) -> list[Event]:
    out = []
    previous: When | None = None
    story: When | None = None  # the first current event's resolved time
    lead = _lead_time(drafts.lead_date, article.published)
    lead_place = resolve_phrase(drafts.lead_place, context_countries=drafts.countries,
                                context_divisions=drafts.divisions,
                                context_points=drafts.anchors) \
        if drafts.lead_place else None
    for d in sorted(drafts.events, key=lambda e: e.trigger_start):
        place = _place(d, drafts, actors.get(affiliation(d.agent, relations, actors)), towns,
                       region=region, placed=placed)
        at_lead = not d.place_text or _within_lead(place, lead_place)
        when = normalize_when(d.date_text, article.published, anchor=previous,
                              tense=d.date_tense) if d.date_text \
            else _story_time(d, story, article.published, lead if at_lead else None,
                             d.trigger_start < drafts.undated_lead_end)
        historical = d.background or _past(when, article.published)
        # "a few days later" counts from the last event that had a time of its own, resolved
        # or not: an older resolved date is not what the writer counted from
        previous = when if d.date_text else previous
        if story is None and d.date_text and when.resolved and not d.background and \
                not _past(when, article.published):
            story = when
        if historical and not d.place_text and not d.more_places:
            place = _place(d, drafts, actors.get(affiliation(d.agent, relations, actors)),
                           towns, lead=False)  # the lead tells today's news, not the past's
        actor1 = affiliation(d.agent, relations, actors)
        sides = [affiliation(p, relations, actors) for p in d.patients]
        sides.sort(key=lambda key: key in UNNAMED)  # a named side before "militants"
        actor2 = sides[0] if sides else None
        type_, sub_type = acled_type(d, actors.get(actor1), actors.get(actor2))
        if actor1 is None and type_ == "Explosions/Remote violence" and actor2 is not None \
                and BOMBERS.search(d.patient_words):
            # "two Boko Haram bombers were killed when they detonated their vests": the
            # dead are the bombers, the doers; a vest or belt makes it a suicide bombing
            actor1, actor2 = actor2, None
            if VESTS.search(d.evidence[0].sentence if d.evidence else ""):
                sub_type = "Suicide bomb"
        if actor1 is None and unknown_doer(type_, actors.get(actor2)):
            actor1 = UNKNOWN_DOER.id
            actors.setdefault(UNKNOWN_DOER.id, UNKNOWN_DOER)
        hedged = any(ev.hedges for ev in d.evidence)
        modality = "denied" if any(ev.denied for ev in d.evidence) else d.modality
        event = Event(
            id=stable_id(article.id, "event", d.trigger_start), type=type_, sub_type=sub_type,
            when=when, place=place,
            actor1=actor1, actor2=actor2,
            assoc_actors=tuple(s for s in dict.fromkeys(sides[1:]) if s and s != actor2),
            **{kind: n if modality == "asserted" else None
               for kind, n in {**d.other_counts, d.count_kind: d.fatalities}.items()},
            **_toll_range(d, modality),
            counts_text=tuple(d.counts_text), historical=historical, modality=modality,
            hedged=hedged, plover=plover_for(type_, sub_type), trigger=d.trigger,
            summary=_summary(d, actors))
        out.append((event, d))
    if article.published is not None and lead is None and not any(  # the story dates nothing
            e.when.resolved and not e.historical for e, _ in out):
        out = [(replace(e, when=_report_week(article.published)) if _undated_news(e, d)
                else e, d) for e, d in out]
    # a tally over a period is context, not an incident: kept as background with its evidence
    out = [(replace(e, historical=True) if is_tally(e, d.simple_past) else e, d) for e, d in out]
    incidents = one_incident([(e, [ev.sentence for ev in d.evidence]) for e, d in out],
                             {key: a.type for key, a in actors.items()})
    for event, members in incidents:  # every report of the incident is its evidence
        for d in (out[i][1] for i in members):
            for ev in d.evidence:
                claim("event", event.id, to_dict(event), ev,
                      negated=event.modality == "negated")
            if d.perpetrator is not None:  # who did it, as the article says someone says
                p = d.perpetrator
                claim("attribute", event.id, {"attribute": "perpetrator", "value": p["actor"],
                                              "hedge": p["hedge"], "cue": p["cue"]},
                      p["evidence"])
    return [e for e, _ in incidents]


BOMBERS = re.compile(r"\bbombers?\b", re.I)
VESTS = re.compile(r"\b(?:vests?|belts?)\b", re.I)
# ACLED codes violence whose perpetrator the sources do not name as done by an "Unidentified
# Armed Group" (ACLED codebook, "Actor names": unidentified armed groups)
UNKNOWN_DOER = Actor("unidentified-armed-group", "Unidentified Armed Group", "armed group")
VIOLENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")
TARGETED_TYPES = ("civilians", "state force")


def unknown_doer(event_type: str, target: Actor | None) -> bool:
    """Whether an event with no named doer gets ACLED's "Unidentified Armed Group" as actor1:
    political violence (``VIOLENT_TYPES``) against civilians or a state's forces ("20
    villagers were killed in an attack on their village"; "16 soldiers were killed in an
    ambush"). Not when the target is itself an armed group or unknown: militants killed by
    no one named were most often killed by a state's forces, and that is not ours to say."""
    return event_type in VIOLENT_TYPES and target is not None and target.type in TARGETED_TYPES


def _past(when: When, published) -> bool:
    """Background by its time: over more than ``HISTORICAL_AFTER`` before publication, or
    dated only to a year that was over before it ("last year", "in 2017" in a January
    story: today's news is told with a finer time than a past year)."""
    if not (when.end and published):
        return False
    return when.end < published - HISTORICAL_AFTER or \
        when.precision == "year" and when.end < published


def _within_lead(place, lead_place) -> bool:
    """An event placed in the lead's own division is told in the lead's story, and so is one
    placed no finer than the lead's country ("Forces detained two men in X district, Y
    province, yesterday. ... In Afghanistan, forces also found a cache"): a country holds the
    lead's place and names no other."""
    if place is None or lead_place is None:
        return False
    if place.admin1 is not None:
        return place.admin1 == lead_place.admin1
    return (place.feature or "").startswith("A.PCL") and place.country is not None \
        and place.country == lead_place.country


def _undated_news(event: Event, draft) -> bool:
    """An event told in the simple past with no time at all, in a story that dates nothing."""
    return event.when.start is None and not draft.date_text and not draft.background \
        and draft.simple_past and not event.historical


def _lead_time(text: str, published) -> When | None:
    """The lead's time, if it resolves to a day (or a night) within HISTORICAL_AFTER before
    publication: the story's news, not its background."""
    if not text:
        return None
    when = normalize_when(text, published)
    if not when.resolved or when.precision != "day" or published is None \
            or when.end < published - HISTORICAL_AFTER or when.start > published:
        return None
    return when


def _story_time(draft, story: When | None, published, lead: When | None = None,
                in_undated_lead: bool = False) -> When:
    """An event the story tells in the simple past with no time of its own ("Two of them said
    four civilians were killed", "In Kisumu, police shot dead two protesters") happened in the
    story's news: on the day of the lead when the lead gives one and the event no place of
    its own outside the lead's division ("Forces conducted an operation in X yesterday. ... Two insurgents were
    killed": the inverted pyramid; "In Kisumu, police shot dead two" is another event), else
    between its first dated event and publication (a range, so noted); when the story dates
    nothing, ``_events`` gives the week up to publication (``_report_week``). A perfect
    ("have killed") or a background clause stays unknown, unless it is the lead's own
    event and a later sentence says when the occurrence took place (``in_undated_lead``:
    "Forces have killed a commander ... The Friday evening operation took place in X")."""
    if lead is not None and published is not None and not draft.background \
            and (draft.simple_past or in_undated_lead):
        return replace(lead, note="no time of its own: the day of the story's lead")
    if story is None or published is None or draft.background or not draft.simple_past \
            or story.start > published:
        return When(note="no time expression")
    return When(story.start, published, "range", "",
                note="no time of its own: between the story's first dated event and publication")


REPORT_WEEK = timedelta(days=6)  # the report's day and the six before it: a week


def _report_week(published) -> When:
    """A story that gives its news no time at all ("Forces detained two men in X district.",
    under a dated dateline) tells of something done before it was filed, not which day: the
    week up to publication, at ACLED time precision 2 ("sometime during the week", ACLED
    Codebook, "Time precision codes"), so noted. Never a day: the text does not give one, and
    ACLED records nothing vaguer than a month."""
    return When(published - REPORT_WEEK, published, "week", "",
                note="the report gives no day: in the week up to publication "
                     "(ACLED time precision 2)")


def _ended(until_text: str, published) -> When | None:
    """When a tie ended: "until 2019" as normalized; "former" / "ex-" only before
    publication (``end`` the publication date, no start: the text gives none)."""
    if not until_text:
        return None
    when = normalize_when(until_text, published)
    if when.resolved:
        return when
    return When(None, published, "unknown", until_text,
                note="ended before publication (the text says it no longer holds)")


def affiliation(key: str | None, relations: list[Relation], actors: dict, depth: int = 0):
    """The organisation a person acts for, through the article's own relations (ties still
    holding: a "former member" acts for no one by that tie)."""
    actor = actors.get(key)
    if actor is None or actor.type != "person" or depth > 3:
        return key
    for r in relations:
        if r.subject == key and r.predicate in AFFILIATIONS and r.object in actors \
                and r.valid_to is None:
            return r.object
    for r in relations:
        if r.subject == key and r.predicate == "aide_to":
            return affiliation(r.object, relations, actors, depth + 1)
    return key


def acled_type(draft, actor1: Actor | None, actor2: Actor | None) -> tuple[str, str]:
    """(type, sub-type): resolve/typing.py decides, with its reason."""
    return typed(draft, actor1, actor2)[:2]


def _with_dateline(drafts: Drafts, filed: list[Place]) -> Drafts:
    """The places a story is filed from (``filed``, read from its dateline) are context for
    the places it names: their countries join the article's (after those its text names),
    their divisions its divisions."""
    if not filed:
        return drafts
    countries = dict.fromkeys([*drafts.countries, *(p.country for p in filed if p.country)])
    divisions = dict.fromkeys([*drafts.divisions, *(p.admin1 for p in filed if p.admin1)])
    return replace(drafts, countries=list(countries), divisions=list(divisions))


THE_TOWN = re.compile(r"\bthe (?:town|city|village)\b(?!\s+of\b)", re.IGNORECASE)


def named_town(phrase: str, towns, before: int) -> str:
    """"in the town", "on the edge of the city": the town the story last named before the
    event (``towns``: (offset, name) of places resolved to a town), put in for the words."""
    named = [name for start, name in towns if start < before]
    return THE_TOWN.sub(named[-1], phrase, count=1) if named else phrase


def sole_division(divisions: list[tuple[str | None, str]]) -> Place | None:
    """The first-level division (GeoNames ADM1) that every place the text names lies in,
    when there is exactly one (``divisions``: the (ISO2, admin1) of each, in text order):
    where an event the story tells with no place of its own most likely happened ("In Khost
    last night, a joint force searched a compound ...": Khost province). ``None`` when the
    text's places lie in none or in several. The dateline's place is left out by the caller:
    a wire story is filed from the capital about events elsewhere."""
    if len(divisions) != 1:
        return None
    iso2, admin1 = divisions[0]
    return division_place(admin1, iso2)


FILED_CONFIDENCE = 0.4  # at most, for the division of the town a story is filed from


def filed_division(filed: list[Place], dateline: str | None = None) -> Place | None:
    """The first-level division of the town a story is filed from ("MAIDUGURI, Nigeria":
    Borno), for a story whose text names no place finer than a country: a correspondent
    filing from a provincial town reports on its region. Never the national capital's (a
    wire filed from KABUL or ABUJA covers the whole country). Precision 3, confidence at most
    ``FILED_CONFIDENCE``, its ``text`` the dateline it comes from. ``filed``: the
    dateline's places (``where.dateline_places``)."""
    for place in filed:
        if (place.feature or "").startswith("P.") and place.feature != "P.PPLC" and place.admin1:
            found = division_place(place.admin1, place.country)
            if found is not None:
                return replace(found, text=f"dateline: {dateline}",
                               confidence=min(found.confidence, FILED_CONFIDENCE))
    return None


def _place(draft, drafts: Drafts, actor1: Actor | None, towns=(), lead: bool = True,
           region: Place | None = None, placed: set | None = None):
    """The most precise place the event's sentences give (its own phrase first on a tie:
    "in eastern Afghanistan", then "in Pachir Aw Agam district ..., 40 km south of
    Jalalabad"); else the lead's place; else the one first-level division the story names
    (``region``, from ``sole_division``, or when it names none the dateline town's, from
    ``filed_division``) when it lies in the event's country, at precision 3 and confidence
    ``SOLE_DIVISION_CONFIDENCE`` at most; else only the country, from the strongest cue:
    the doer's state, the one country its sentence names, the article's first country that
    its text names as a place (``placed``: a nationality alone, "French aid workers were
    killed", places nothing)."""
    found = []
    for text in filter(None, (draft.place_text, *draft.more_places)):
        place = resolve_phrase(named_town(text, towns, draft.trigger_start),
                               context_countries=drafts.countries,
                               context_divisions=drafts.divisions,
                               context_points=drafts.anchors)
        if place is not None:
            found.append(place)
    if found:
        return finest(found)
    at_lead = resolve_phrase(drafts.lead_place, context_countries=drafts.countries,
                             context_divisions=drafts.divisions, context_points=drafts.anchors) \
        if drafts.lead_place and lead else None
    cue = actor1.country if actor1 is not None and actor1.type in STATE_TYPES else None
    cue = cue or (draft.sent_countries[0] if len(draft.sent_countries) == 1 else None)
    if at_lead is not None and at_lead.feature != "A.PCLI" and not draft.background \
            and (cue is None or at_lead.country == cue):
        # told with no place of its own, after a lead that gives one, in no other country
        # its doer or its sentence names: there (less sure)
        return replace(at_lead, confidence=min(at_lead.confidence, LEAD_CONFIDENCE))
    country = cue or (drafts.countries[0] if drafts.countries else None)
    if region is not None and lead and not draft.background and region.country == country:
        # the story's one province, or its dateline's: there, at its precision (3), less sure
        return replace(region, confidence=min(region.confidence, SOLE_DIVISION_CONFIDENCE))
    # Only the country is known: say so (precision 3), from the strongest cue available.
    if actor1 is not None and actor1.type in STATE_TYPES and actor1.country:
        return country_place(actor1.country)  # a state's forces act on its soil by default
    if len(draft.sent_countries) == 1:
        return country_place(draft.sent_countries[0])  # the one country its sentence names
    about = [c for c in drafts.countries if placed is None or c in placed]
    if about:
        place = country_place(about[0])  # the country the article is about
        return replace(place, confidence=0.5) if place else None
    return None


def _summary(draft, actors: dict) -> str:
    agent = actors[draft.agent].name if draft.agent in actors else "unknown actor"
    return f"{agent} {draft.trigger} {draft.patient_words}".strip()


def _toll_range(d, modality: str) -> dict:
    """``fatalities_low`` and ``fatalities_high`` of a toll worded as a range ("between 15 and
    20 villagers": 15 and 20; the event's ``fatalities`` is the low one, ACLED's rule), else
    nothing. One wording only: two wordings are two groups of victims, not a range."""
    if modality != "asserted" or d.count_kind != "fatalities" or len(d.counts_text) != 1:
        return {}
    span = parse_range(d.counts_text[0])
    return {"fatalities_low": span[0], "fatalities_high": span[1]} if span else {}


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()
