"""An event's ACLED type and sub-type from its sense, its sides and its means, with the reason.

The rules follow the ACLED codebook (2023); they are written beside the table in
resources/events.yaml (``typing``, ``means``, ``protest_cues``) and applied in this order:

1. **Protests and riots** (a sentence telling a protest): force that kills or wounds
   protesters (or harm told beside force used on the protest, with no violence of the
   protesters) is *Excessive force against protesters*; protesters who throw stones, riot,
   burn or clash are a *Violent demonstration*; police dispersing, detaining or using tear gas
   on a protest that stays peaceful is *Protest with intervention*; else *Peaceful protest*.
2. **Mob violence**: a mob, lynching, or a clash between unarmed groups (villagers, youths).
3. **Means fix the sub-type** of violence whatever the verb ("injured in a grenade attack":
   Grenade; "three rockets struck": Shelling; "hit a landmine": IED), strongest first:
   chemical, suicide, grenade, air, shelling, IED.
4. **Sides**: one-sided violence against civilians (by noun: worshippers, students, people;
   by place: a mosque, market, school, village, bus) is *Attack*; an exchange between armed
   sides is *Armed clash*; a state force taking territory is *Government regains territory*.
5. Otherwise the sense's default in ``typing``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..nlp.triggers import lexicon

STATE_TYPES = ("state force", "government")
VIOLENT = frozenset("kill die wound shoot attack bomb shell air ied grenade suicide chemical "
                    "clash".split())
REMOTE_OK = frozenset("kill die wound shoot attack bomb shell air ied grenade suicide "
                      "chemical".split())
RIOT_POLICE = re.compile(r"\briot[\s-]+(?:police\w*|officers?|squads?|gear|control|units?)\b",
                         re.IGNORECASE)
DURING = re.compile(r"\b(?:during|at|while|to hold|from)\b[^.;]{0,40}?\b(?:protest|demonstration|"
                    r"rally|march|sit-in|vigil|human chain)", re.IGNORECASE)
REGAIN = ("retak", "retook", "recapt", "regain", "reclaim", "liberat")  # taken back
PROTEST_FAMILY = frozenset("protest riot kill die wound shoot attack clash arrest".split())


@lru_cache(maxsize=1)
def _patterns() -> dict:
    lex = lexicon()

    def compile_(words):
        alts = sorted((re.escape(w).replace(r"\ ", r"[\s-]+") for w in words), key=len,
                      reverse=True)
        return re.compile(r"\b(?:" + "|".join(alts) + r")(?:s|es)?\b", re.IGNORECASE)

    cues = lex["protest_cues"]
    return {"means": [(k, compile_(v)) for k, v in lex["means"].items()],
            "mob": compile_(lex["mob_cues"]),
            **{k: compile_(v) for k, v in cues.items()}}


def _head(words: str) -> str:
    parts = words.lower().split()
    return parts[-1].strip(".,;:'\"") if parts else ""


def _singular(word: str) -> str:
    irregular = {"men": "man", "women": "woman", "children": "child", "people": "people",
                 "police": "police", "personnel": "personnel"}
    if word in irregular:
        return irregular[word]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _month(found) -> bool:
    """A protest cue that is the month's name: "the March attack" (the press capitalises the
    month, never a march)."""
    return "March" in found.group(0)


def acled_type(draft, actor1, actor2) -> tuple[str, str, str]:
    """(type, sub-type, reason)."""
    lex = lexicon()
    rules = lex["typing"][draft.sense]
    sentence = RIOT_POLICE.sub("police", draft.evidence[0].sentence if draft.evidence else "")
    pats = _patterns()
    heads = [_singular(_head(w)) for w in (draft.patient_words, *draft.counts_text) if w.strip()]
    doer_words = set(re.findall(r"[a-z-]+", draft.agent_words.lower()))
    state_agent = actor1 is not None and actor1.type in STATE_TYPES or (
        actor1 is None or actor1.type != "armed group") and bool(
        doer_words & set(lex["state_words"])) and not doer_words & set(lex["nonstate_words"])
    protesters_hit = (actor2 is not None and actor2.type == "protesters") or any(
        h in ("protester", "demonstrator", "marcher", "crowd") for h in heads)
    protest_told = draft.sense in ("protest", "riot") or protesters_hit or \
        any(not _month(m) for m in pats["protest"].finditer(sentence))
    if draft.sense == "arrest" and not protesters_hit and not DURING.search(sentence):
        protest_told = False  # "arrested 12 protest leaders": an arrest, not at a protest
    if draft.sense in PROTEST_FAMILY and protest_told:
        return _protest(draft, sentence, pats, state_agent, protesters_hit)
    doer = _singular(_head(draft.agent_words)) if draft.agent_words else ""
    if draft.sense == "loot" and (actor1 is not None and actor1.type == "protesters"
                                  or doer in ("protester", "demonstrator")):
        # ACLED codebook: demonstrators who destroy property are a violent demonstration
        return "Riots", "Violent demonstration", f"protesters' destruction ('{draft.trigger}')"
    mob = pats["mob"].search(sentence)
    if draft.sense == "mob" or (doer in lex["mob_nouns"] or mob) and draft.sense in VIOLENT:
        return "Riots", "Mob violence", \
            f"a mob's violence ('{mob.group(0) if mob else doer or draft.trigger}')"
    if draft.sense == "clash" and actor1 is None and doer in lex["civilian_nouns"]:
        return "Riots", "Mob violence", f"a clash between unarmed groups ('{doer}')"
    if draft.sense in REMOTE_OK:
        told = RIOT_POLICE.sub("police", draft.means_text or sentence)
        for means, pattern in pats["means"]:
            found = pattern.search(told)
            if found and not _tear_gas(told, found):
                rule = lex["typing"][means]["default"]
                return rule[0], rule[1], f"the means named in its sentence: '{found.group(0)}'"
    civilians = lex["civilian_nouns"] | frozenset(lex["civilian_places"])
    armed_hit = actor2 is not None and actor2.type in ("armed group", "state force") or any(
        h in lex["armed_targets"] for h in heads) or state_agent and any(
        h in lex["armed_ranks"] for h in heads)  # "forces killed a top aide of the emir"
    if armed_hit and draft.sense in VIOLENT and "vs_civilians" in rules:
        who = actor2.name if actor2 is not None else draft.patient_words
        return (*rules["default"], f"two armed sides: the target '{who}' is armed")
    place = [_singular(w) for w in re.findall(r"[a-z]+", draft.place_text.lower())]
    heads += [w for w in place if w in lex["civilian_places"]]
    vs_civilians = (actor2 is not None and actor2.type in ("civilians", "person")) or any(
        h in civilians for h in heads)
    if vs_civilians and "vs_civilians" in rules:
        who = actor2.name if actor2 is not None else next(h for h in heads if h in civilians)
        return (*rules["vs_civilians"], f"one-sided: the target '{who}' is civilian")
    if state_agent and "state_agent" in rules:
        who = actor1.name if actor1 is not None else draft.agent_words
        return (*rules["state_agent"], f"the doer '{who}' is a state force")
    if draft.sense == "arrest" and not state_agent and (
            actor1 is not None and actor1.type == "armed group" or doer in lex["abductors"]):
        return ("Violence against civilians", "Abduction/forced disappearance",
                f"people taken by a non-state side ('{actor1.name if actor1 else doer}'): "
                "ACLED codes arrests by state forces only")
    if draft.sense == "territory" and draft.trigger.lower().startswith(REGAIN) and not (
            actor1 is not None and actor1.type == "armed group"
            or doer_words & set(lex["nonstate_words"])):
        return (*rules["state_agent"], f"'{draft.trigger}' tells territory taken back, by no "
                "named non-state side (ACLED: the government regains it)")
    if draft.sense == "territory" and actor1 is None and not draft.agent_words and \
            actor2 is not None and actor2.type == "armed group":  # ACLED: regained from them
        return (*rules["state_agent"], f"no doer named; the side driven out, '{actor2.name}', "
                "is a non-state armed group")
    rule = rules["default"]
    if draft.sense in VIOLENT:
        sides = " vs ".join(a.name for a in (actor1, actor2) if a is not None) or "unnamed"
        return rule[0], rule[1], f"violence between armed sides or no civilian target ({sides})"
    return rule[0], rule[1], f"sense '{draft.sense}' is coded {rule[1]}"


def _tear_gas(sentence: str, found) -> bool:
    before = sentence[max(0, found.start() - 5):found.start()].lower()
    return "tear" in before


CAUSE = re.compile(r"\b(?:after|over|against|following|about|protesting|protested|to protest|"
                   r"demanding|denouncing|condemning)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?"
                   r"(?:\w+\s+)?$", re.IGNORECASE)


def _intervention(sentence: str, pats):
    """The first force-on-the-protest cue that is not the protest's cause ("a sit-in after
    the arrest of two councillors" protests an arrest; no one was arrested at it)."""
    return next((m for m in pats["intervention"].finditer(sentence)
                 if not CAUSE.search(sentence[max(0, m.start() - 40):m.start()])), None)


def _protest(draft, sentence, pats, state_agent, protesters_hit) -> tuple[str, str, str]:
    intervention = _intervention(sentence, pats)
    deadly = draft.sense in ("kill", "die", "shoot", "wound") or bool(draft.fatalities) \
        and draft.count_kind in ("fatalities", "wounded")  # 40 arrested is no toll
    violent = pats["protester_violence"].search(sentence)
    harm = pats["protester_harm"].search(sentence)
    lethal = (protesters_hit or state_agent) and (
        deadly or draft.sense == "attack" and not intervention)
    if not lethal and (harm or deadly) and (state_agent or intervention):
        lethal = True  # "two died in the crackdown", "struck a marcher with his baton"
    if lethal and not violent:  # ACLED: excessive force is force against peaceful protesters
        return ("Protests", "Excessive force against protesters",
                "force that killed, wounded or beat protesters")
    if draft.sense in ("riot", "clash") or violent:
        why = f"protesters' violence: '{violent.group(0)}'" if violent else "a riot"
        return "Riots", "Violent demonstration", why
    if intervention or draft.sense in ("arrest", "attack"):
        cue = intervention.group(0) if intervention else draft.trigger
        return "Protests", "Protest with intervention", f"a protest met by force: '{cue}'"
    return "Protests", "Peaceful protest", "a protest with no violence told"


def explain_event(store, key: str, pipeline) -> list[str]:
    """Why a stored event exists and why it has its type: each report re-read from its
    article (the pipeline is deterministic), its trigger, sense, doer, target and the typing
    rule that applied. Raises ``KeyError`` for an unknown event."""
    from ..model import stable_id
    from .records import affiliation, build_extraction

    event = store.event(key)
    if event is None:
        raise KeyError(key)
    lines = [f"event {event.id}: {event.type} / {event.sub_type} ({event.sources} source(s))"]
    for claim in store.event_claims(event):
        article = store.article(claim.article_id)
        if article is None or any(line.startswith(f"  report {claim.subject}")
                                  for line in lines):
            continue
        drafts = pipeline.drafts(article)
        x = build_extraction(article, drafts, pipeline.version, pipeline.stages)
        actors = {a.id: a for a in x.actors}
        for d in drafts.events:
            if stable_id(article.id, "event", d.trigger_start) != claim.subject:
                continue
            a1 = actors.get(affiliation(d.agent, list(x.relations), actors))
            sides = [affiliation(p, list(x.relations), actors) for p in d.patients]
            a2 = actors.get(sides[0]) if sides else None
            type_, sub, why = acled_type(d, a1, a2)
            lines += [f"  report {claim.subject} in article {article.id}: "
                      f"\"{d.evidence[0].sentence[:160]}\"",
                      f"    exists: {d.reason or 'trigger ' + repr(d.trigger)}",
                      f"    type:   {type_} / {sub}: {why}"]
            lines += field_lines(d, next((e for e in x.events if e.id == claim.subject), None),
                                 drafts, a1)
    return lines


def field_lines(d, event, drafts, actor1) -> list[str]:
    """Which rule decided each field of one report (issue 29 (d)): its date (the wording and
    the resolver's note), place (the phrase, the relation and the confidence), actor1 (the
    actor and how its mention was found: gazetteer, "members of", a state role, ...), toll
    (the wording, its kind, a range's ends) and source (who the article says said it, with
    its hedges). ``event``: the report as resolved (None: it was folded into another)."""
    out = []
    when = event.when if event is not None else None
    if when is not None:
        said = repr(d.date_text) if d.date_text else "no time of its own"
        out.append(f"    date:   {when.start or '?'}..{when.end or '?'} ({when.precision}) "
                   f"from {said}{': ' + when.note if when.note else ''}")
    place = event.place if event is not None else None
    if place is not None:
        out.append(f"    place:  {place.name} [{place.country or '-'}] precision "
                   f"{place.precision}, confidence {place.confidence} from "
                   f"{place.text or d.place_text or 'the article'!r}"
                   f"{' (' + place.relation + ')' if place.relation else ''}")
    else:
        out.append(f"    place:  none (phrase {d.place_text!r})" if d.place_text
                   else "    place:  none")
    if actor1 is not None:
        first = d.evidence[0]
        via = next((m[3] for m in drafts.actors.get(d.agent, None).mentions
                    if first.start <= m[0] < first.end + 1), "") \
            if d.agent in drafts.actors else ""
        out.append(f"    actor1: {actor1.name} ({actor1.type}) from "
                   f"{d.agent_words or d.agent!r}{', found by ' + via if via else ''}")
    else:
        out.append(f"    actor1: none{' (doer ' + repr(d.agent_words) + ')' if d.agent_words else ''}")
    if d.fatalities is not None:
        low_high = (f", range {event.fatalities_low}-{event.fatalities_high}"
                    if event is not None and event.fatalities_low is not None else "")
        out.append(f"    toll:   {d.fatalities} {d.count_kind} from "
                   f"{'; '.join(d.counts_text) or 'the wording'!r}{low_high}")
    source = d.evidence[0].source
    hedges = d.evidence[0].hedges
    out.append(f"    source: {source or 'the article itself'}"
               f"{' (hedged: ' + ', '.join(hedges) + ')' if hedges else ''}")
    return out
