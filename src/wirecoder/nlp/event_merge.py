"""One event per real-world occurrence within an article.

Rules (each a judgement the text supports, not a guess):

1. *Same operation*: "X was killed with Kobi in the same operation" joins the event in which
   Kobi was a victim; the victims add up.
2. *Definite nominal back- or forward-reference*: "The killing of a senior militant by special
   forces" with no date of its own is the event another sentence tells in full (same family of
   sense, compatible agent), within three sentences.
3. *Repeats*: the same sense, agent and victims in one sentence.
4. *The lead told in detail*: the sentences after a story's lead tell its event again with
   what the lead left out ("fought off an attack ..." then "The militants ... late on Monday
   opened fire on a military base"; "Three soldiers were killed ... in a gun battle"). A
   violent mention within two sentences of the lead (or in the sentence right after another
   event), with the same participants or none named, no other time, no place elsewhere
   (another country or division, a town more than 60 km away) and no word of another
   occurrence ("separate", "another", "earlier") fills the gaps; its victims add up.
   A headline ("Fourteen soldiers killed in ambush ...") tells the lead too: it joins the
   first event of the story below it of its sense (or violent like it).
5. *Force against a protest*: "police fired tear gas to break up a protest by traders": the
   violence is how the protest was put down, so the two are one event, a protest (typed by
   who intervened).
6. *One sentence, one raid*: violent triggers in one sentence where one governs the other,
   is the other's doer ("a suicide bomber blew himself up ..., killing 12") or shares its
   subject ("stormed a church and kidnapped 30") are one occurrence; the more specific sense
   (abduction) names it, and every count is kept. So are an attack named as the object of a
   support verb and the killing that qualifies it ("launched a series of attacks ...,
   killing seven"), the dead and the wounded told in coordinated clauses ("a man was killed
   and four were wounded"), and property burned or looted in the raid ("ambushed a convoy
   and burned two vehicles": ACLED codes the attack); a duration ("for hours") is no other
   time (``event_pairs.py``, ``event_updates.py``).
7. *Later sentences update the occurrence* (``event_updates.py``): "three of the wounded later
   died" adds to the toll told before; "the toll rose to 14" replaces it, with its wording;
   a total over "two bombs" told one by one below goes to neither.
8. *A detention told again* (``detentions.py``): the lead's arrest restated in the body is
   one arrest, its detainees counted once.

Pooling: the most precise place and date win later (``resolve/records.py``); the toll is the
largest figure stated for the same dead (``event_pairs.same_counted``), with its wording;
victims of a detail sentence add up; every sentence is kept as evidence.
"""

from __future__ import annotations

from functools import lru_cache

from ..normalize.geo_index import near
from ..normalize.where import resolve_phrase
from .detentions import merge_detentions, other_detainees
from .event_pairs import (aim_and_deed, casualty_pair, own_claim, same_counted,
                          supported_sibling)
from .event_updates import (add_later_deaths, apply_revisions, dates_clash, later_deaths,
                            ordinal_part, plural_total, split_totals)
from .paragraphs import is_headline
from .triggers import PUT_DOWN, closing_host

VIOLENT = frozenset("kill attack clash die wound shoot bomb ied suicide air shell grenade "
                    "abduct sexual".split())
SPECIFIC = frozenset(["abduct", "sexual"])  # "stormed a church and kidnapped 30": an abduction
# told in one raid with a violent trigger, these are part of the attack, not events of their
# own (ACLED codebook: property destruction is coded alone only when no violence covers it)
ANCILLARY = frozenset(["loot"])
SAME_WORDS = frozenset(["same", "that", "this"])
OCCURRENCE_NOUNS = frozenset("operation attack raid ambush strike incident assault clash bomb "
                             "blast bomber".split())
EVENT_NOUNS = frozenset("bombing explosion blast shooting killing kidnapping abduction battle "
                        "fighting firefight offensive airstrike".split())


def merge_mentions(mentions: list) -> list:
    kept: list = []
    for mention in mentions:
        later = later_deaths(mention, kept)
        if later is not None:  # "Three of the wounded later died": the event told before
            target, n = later
            mention.fatalities = None
            absorb(target, mention)
            add_later_deaths(target, mention, n)
            continue
        same_operation = _same_operation(mention, kept)
        target = same_operation or _back_reference(mention, kept) or _repeat(mention, kept) \
            or _nested(mention, kept) or _restated(mention, kept) or _put_down(mention, kept) \
            or _during_crowd(mention, kept)
        detail = None if target is not None else _tells_the_lead(mention, kept)
        if target is not None and target.sense in ANCILLARY and _family(mention):
            absorb(mention, target)  # "burned two vehicles and killed three": the attack
            kept[kept.index(target)] = mention
        elif target is None and detail is None:
            kept.append(mention)
        else:  # only a victim of the same operation adds up; a reference repeats the dead
            absorb(target or detail, mention,
                   add_victims=same_operation is not None or detail is not None)
    # forward references: a dateless definite nominal kept first may be told in full later
    out: list = []
    for mention in kept:
        target = next((m for m in out if _refers_forward(m, mention)), None)
        if target is not None:
            absorb(mention, target)
            out[out.index(target)] = mention
        else:
            out.append(mention)
    for mention in out:
        mention.sense = mention.put_down or mention.sense
    out = split_totals(merge_detentions(out, absorb, _places_agree, dates_clash))
    if out:
        apply_revisions([m for m in out if _family(m) and m.modality == "asserted"],
                        out[0].trigger.doc)
    return out


def absorb(target, other, add_victims: bool = False) -> None:
    """Fold ``other`` into ``target``: union of evidence, gaps filled. Victims add up only for
    another victim of the same operation; a back-reference ("the killing of a senior militant")
    names the same dead again and keeps the count."""
    told = target.trigger.doc.user_data.setdefault("wc_absorbed", {})
    told.setdefault(target.trigger.i, []).extend([other.trigger.i,
                                                  *told.get(other.trigger.i, ())])
    for sent in other.sents:
        if all(sent.start != s.start for s in target.sents):
            target.sents.append(sent)
    target.sents.sort(key=lambda s: s.start)
    new_victims = [p for p in other.patients if all(p.key != q.key for q in target.patients)]
    _take_count(target, other, add=add_victims and bool(new_victims))
    if add_victims and new_victims:
        target.extra_patients.extend(new_victims)
    if not add_victims:  # "the killing of a senior Algerian militant" = the killing of Kobi
        named = [p for p in target.patients + other.patients if p.type == "person"]
        described = [p.span for p in target.patients + other.patients if p.generic]
        for m in (target, other):
            span = m.patient_span
            if not m.patients and span is not None and span.root.pos_ == "NOUN":
                described.append(span)  # "a senior Malian commander": no actor, a description
        if len(named) == 1 and described:
            target.descriptions.extend((d, named[0]) for d in described)
    target.patients = target.patients or other.patients
    if other.agent is not None and other.agent is not target.agent:
        target.extra_agents.append(other.agent)
    target.agent = target.agent or other.agent
    target.date_text = target.date_text or other.date_text
    for text in (other.place_text, *other.more_places):  # the most precise wins, later
        if text and text != target.place_text and text not in target.more_places:
            target.more_places.append(text)
    target.place_text = target.place_text or other.place_text
    if target.sense == "attack" and other.sense in SPECIFIC:
        target.sense = other.sense


OTHER_OCCURRENCE = frozenset("separate another second earlier previous similar other "
                             "new".split())   # said of an occurrence noun: "in a separate attack"
ELSEWHERE = frozenset("separately meanwhile elsewhere earlier previously also".split())
LEAD_REACH = 2  # sentences after one of the lead's that may tell it in detail
NEXT_REACH = 1  # for another event: the very next sentence
AGREE_KM = 60.0  # two town-level places this close can be one event's


def _tells_the_lead(mention, kept):
    """The event the mention tells more of: the story's lead (within ``LEAD_REACH``
    sentences) or, just after it, the event the story is telling (``NEXT_REACH``)."""
    lead = next((m for m in kept if _family(m) and not in_headline(m)), None)
    told = kept[-1] if kept else None
    if told is None or not _family(told) or in_headline(told) or not _family(mention) \
            or mention.background or told.background or mention.modality != "asserted" \
            or told.modality != "asserted" or _definite_nominal(told):  # rule 2's
        return None
    reach = LEAD_REACH if told is lead else NEXT_REACH
    if mention.trigger.sent.start == told.trigger.sent.start \
            or _sent_distance(told, mention, nearest=True) > reach:
        return None
    if dates_clash(mention, told) or plural_total(told) and ordinal_part(mention):
        return None
    if _another_occurrence(mention.sents[0]) or not _places_agree(told, mention):
        return None
    return told if _same_sides(told, mention) else None


def _places_agree(a, b) -> bool:
    """Whether two mentions' places can be one ("near Djibo" and "20 km south of Djibo";
    "in Nangarhar province" and "40 km south of Jalalabad"): not when they lie in different
    countries, in different divisions, or towns more than ``AGREE_KM`` apart."""
    pa, pb = _where(a), _where(b)
    if pa is None or pb is None:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if pa.precision == 3 or pb.precision == 3:
        broad, narrow = (pa, pb) if pa.precision >= pb.precision else (pb, pa)
        return broad.feature != "A.ADM1" or narrow.admin1 in (None, broad.admin1)
    return pa.lat is None or pb.lat is None or near(pa, pb.lat, pb.lon, AGREE_KM)


def _where(mention):
    return _resolved(mention.place_text, tuple(mention.sent_countries)) \
        if mention.place_text else None


@lru_cache(maxsize=4096)
def _resolved(text: str, countries: tuple):
    """A mention's place phrase resolved once, however many mentions it is compared with."""
    return resolve_phrase(text, context_countries=countries)


def _another_occurrence(sent) -> bool:
    """"In a separate attack", "Elsewhere, ...", "Gunmen also killed ...": the sentence tells
    of something else ("killed 23 soldiers and injured another 15" does not)."""
    return any(t.lower_ in ELSEWHERE and t.dep_ == "advmod"
               or t.lower_ in OTHER_OCCURRENCE and t.head.pos_ == "NOUN"
               and t.head.lemma_.lower() in OCCURRENCE_NOUNS | EVENT_NOUNS for t in sent)


def _same_sides(lead, mention) -> bool:
    """The mention's doer (if named) is one of the lead's sides, or an unnamed armed group
    where the lead has an armed group."""
    doer = mention.agent
    if doer is None:
        return True
    sides = [s for s in (lead.agent, *lead.extra_agents, *lead.patients, *lead.extra_patients)
             if s is not None]
    return not sides or any(s.key == doer.key or doer.generic and s.type == doer.type
                            for s in sides)


CROWD = frozenset(["protest", "riot"])


def _put_down(mention, kept):
    """The violent event in the same sentence whose purpose was to put the crowd down; it
    becomes the crowd's event (its sense turns to the protest's)."""
    trigger = mention.trigger
    crowd = trigger.head if trigger.dep_ == "acl" else trigger  # "... supporters protesting"
    while crowd.dep_ == "pobj" and crowd.head.lower_ == "of":  # "hundreds of supporters"
        crowd = crowd.head.head
    verb = crowd.head
    if mention.sense not in CROWD or crowd.dep_ != "dobj" \
            or verb.lemma_.lower() not in PUT_DOWN:
        return None
    for other in kept:
        if _family(other) and other.sents[0].start == mention.sents[0].start and \
                (other.trigger.i == verb.i or _governs(other.trigger, verb)):
            other.put_down = mention.sense
            return other
    return None


def _during_crowd(mention, kept):
    """"Farmers battled police during a march": the march is when and where the violence
    happened, one occurrence (the violent mention's, which the crowd's doers type)."""
    trigger = mention.trigger
    if mention.sense not in CROWD or trigger.dep_ != "pobj" or \
            trigger.head.lower_ not in ("during", "at"):
        return None
    return next((o for o in kept if _family(o) and o.trigger.i == trigger.head.head.i), None)


def _take_count(target, other, add: bool) -> None:
    """The main count (deaths first) and the others kept aside (``other_counts``: wounded,
    abducted, arrested); counts of one kind add up for new victims."""
    for kind, n in other.other_counts.items():
        target.other_counts.setdefault(kind, n)
    if not other.fatalities:
        return
    if target.fatalities and target.count_kind == other.count_kind:
        if add:
            target.fatalities += other.fatalities
            target.counts_text.extend(other.counts_text)
        elif other.fatalities > target.fatalities and same_counted(target, other) \
                and not own_claim(other):
            # the largest figure stated for the same dead, as worded
            target.fatalities, target.counts_text = other.fatalities, list(other.counts_text)
        return
    if target.fatalities and (target.count_kind == "fatalities"
                              or other.count_kind != "fatalities"):
        target.other_counts.setdefault(other.count_kind, other.fatalities)  # kept aside
        return
    if target.fatalities:
        target.other_counts.setdefault(target.count_kind, target.fatalities)
    target.fatalities, target.count_kind = other.fatalities, other.count_kind
    target.counts_text = list(other.counts_text)


def _family(mention) -> bool:
    return mention.sense in VIOLENT


def _same_operation(mention, kept):
    trigger = mention.trigger
    sent_words = {t.lower_ for t in trigger.sent}
    if not (sent_words & SAME_WORDS and sent_words & OCCURRENCE_NOUNS):
        return None
    companions = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"]
    keys = {t.ent_id_ or t.text for c in companions for t in c.subtree}
    for other in reversed(kept):
        victims = other.patients + other.extra_patients
        if any(p.span.root.text in keys or p.span.text in keys for p in victims):
            return other
    return None


def _definite_nominal(mention) -> bool:
    t = mention.trigger
    return t.pos_ == "NOUN" and not mention.date_text and \
        any(c.lower_ == "the" or c.lower_ in DEMONSTRATIVE and c.dep_ == "det" for c in t.lefts)


def _compatible(a, b) -> bool:
    if not (_family(a) and _family(b)):
        return a.sense == b.sense and False
    if a.agent is None or b.agent is None:
        return True
    return a.agent.key == b.agent.key


DEMONSTRATIVE = frozenset(["this", "that"])


def _back_reference(mention, kept):
    """"The killing of a senior militant" within three sentences, or "this (cowardly)
    attack" at any distance, is the last compatible event told before."""
    if not _definite_nominal(mention):
        return None
    this = any(c.lower_ in DEMONSTRATIVE and c.dep_ == "det" for c in mention.trigger.lefts)
    for other in reversed(kept):
        if other.trigger.i != mention.trigger.i and _compatible(other, mention) and \
                (this or _sent_distance(other, mention) <= 3):
            return other
    return None


def _refers_forward(nominal, later) -> bool:
    if in_headline(nominal) and not in_headline(later) and not later.background:
        return nominal.sense == later.sense or _compatible(nominal, later)
    return (_definite_nominal(nominal) and nominal.trigger.i < later.trigger.i
            and later.date_text and _sent_distance(nominal, later) <= 3
            and _compatible(nominal, later))


def in_headline(mention) -> bool:
    return is_headline(mention.trigger.sent)


def _sent_distance(a, b, nearest: bool = False) -> int:
    """Sentences between two mentions' first sentences (or, ``nearest``, between ``b``'s
    and the nearest of ``a``'s)."""
    starts = _sentence_starts(a.trigger.doc)
    ours = [starts.index(s.start) for s in (a.sents if nearest else a.sents[:1])]
    theirs = starts.index(b.sents[0].start)
    return min(abs(i - theirs) for i in ours)


def _sentence_starts(doc) -> list[int]:
    """Sentence start offsets, computed once per Doc (``doc.sents`` walks every token)."""
    cached = doc.user_data.get("wc_sent_starts")
    if cached is None:
        cached = doc.user_data["wc_sent_starts"] = [s.start for s in doc.sents]
    return cached


def _nested(mention, kept):
    """"killed 11 villagers in an attack on Gwoza", "were killed when fighters attacked", "a
    truck bomb killed 500 people": violent triggers in one sentence, one governing the other,
    tell one occurrence."""
    if not _joins(mention) or mention.position >= 0:
        return None
    for other in kept:
        if other.position >= 0 or not _joins(other) or aim_and_deed(other, mention) or \
                other.sents[0].start != mention.sents[0].start or \
                not (_family(mention) or _family(other)):
            continue
        if any(_governs(t, mention.trigger) or _governs(mention.trigger, t)
               for t in _triggers(other)) or _done_by(mention, other) or _done_by(other, mention) \
                or supported_sibling(other, mention) or casualty_pair(other, mention):
            if dates_clash(mention, other):
                continue
            return other
    return None


def _triggers(mention) -> list:
    """The mention's trigger and those of the mentions merged into it ("a man was killed and
    four were wounded when gunmen opened fire": the shooting governs the wounding)."""
    doc = mention.trigger.doc
    told = doc.user_data.get("wc_absorbed", {}).get(mention.trigger.i, ())
    return [mention.trigger, *(doc[i] for i in told)]


def _joins(mention) -> bool:
    return _family(mention) or mention.sense in ANCILLARY


def _done_by(mention, other) -> bool:
    """"A suicide bomber blew himself up ..., killing 12": the killing's doer is the bomber,
    itself the other mention."""
    return mention.doer_token is not None and mention.doer_token.i == other.trigger.i


def _governs(head, token) -> bool:
    host = closing_host(token)
    if host is not None and host.i == head.i:
        return True
    node, steps = token, 0
    while node.head.i != node.i and steps < 4:
        if node.dep_ not in ("advcl", "pobj", "prep", "pcomp", "xcomp", "acl", "dobj", "relcl",
                             "nsubj", "conj"):
            return False
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False  # "gunmen stormed a church and kidnapped 30": one subject, one raid
        node, steps = node.head, steps + 1
        if node.i == head.i:
            return True
    return False


def _restated(mention, kept):
    """"Boko Haram gunmen killed 11 villagers in Gwoza, he said.", a paragraph after the same
    killing was told with its date: the same doer, the same toll, no other time."""
    if mention.date_text or mention.fatalities is None or mention.agent is None:
        return None
    for other in kept:
        if _family(other) and other.agent is not None and other.agent.key == mention.agent.key \
                and other.fatalities == mention.fatalities and other.position < 0:
            return other
    return None


def _repeat(mention, kept):
    for other in kept:
        if other.sents[0].start == mention.sents[0].start and other.sense == mention.sense \
                and other.agent is mention.agent and other.date_text == mention.date_text and \
                [p.key for p in other.patients] == [p.key for p in mention.patients] \
                and not other_detainees(other, mention):
            return other
    return None
