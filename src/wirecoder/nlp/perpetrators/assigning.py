"""Giving each statement of responsibility its event: the attack the statement names, else
one told in its sentence or nearby, when that event has no other named doer; and turning round
events whose doer is a state force firing on an attacker (the defenders are its target).
"""

from __future__ import annotations

from .statement import STATE_TYPES, Perpetrator, table, unnamed


def assign(events: list, found: list[Perpetrator], doc) -> None:
    """Make each perpetrator the doer of the attack its statement concerns (the event named
    by its wording, else one in its sentence, else the nearest told before it within
    ``reach_sentences``, else the first told after it), when that event has no named doer,
    has the same one, or names only defenders responding to the attack. Then any remaining
    defenders-as-doer events are turned round."""
    for claim in found:
        concerned = _concerned(events, claim, doc)
        for event in concerned:
            _set_doer(event, claim.actor)
            event.perpetrator = event.perpetrator or claim  # the first account is kept
            if all(s.start != claim.sent.start for s in event.sents):
                event.sents.append(claim.sent)  # the claim tells of the event too
                event.sents.sort(key=lambda s: s.start)
        if concerned and claim.actor not in (doc._.wc_mentions or []):
            doc._.wc_mentions = sorted([*(doc._.wc_mentions or []), claim.actor],
                                       key=lambda m: m.start)
    for event in events:
        if event.perpetrator is None and _defenders(event) is not None:
            _set_doer(event, _defenders(event))


def _concerned(events: list, claim: Perpetrator, doc) -> list:
    """The events a statement concerns: the attack its wording names, else those told in its
    sentence, else in the nearest sentence before it that tells one (within
    ``reach_sentences``), else in the first after it; none of those that already have
    another named doer (two accounts of one attack are not spread over two)."""
    violent = [e for e in events if e.sense in CLAIMABLE and e.modality != "negated"]
    if claim.about is not None:
        named = next((e for e in violent if e.trigger.i == claim.about.i), None)
        if named is not None:
            return [named] if _open_to(named, claim.actor) else []
    sent_starts = [s.start for s in doc.sents]
    here = sent_starts.index(claim.sent.start)
    reach = table()["reach_sentences"]

    def index(e):
        return sent_starts.index(e.trigger.sent.start)

    # a state force's own operation is nobody's claimed attack: passed over, not a stop
    violent = [e for e in violent if e.agent is None or e.agent.type not in STATE_TYPES
               or _defenders(e) is not None]
    same = [e for e in violent if any(s.start == claim.sent.start for s in e.sents)]
    before = [e for e in violent if here - reach <= index(e) < here and not e.background]
    after = [e for e in violent if index(e) > here]
    group = same or before[::-1] or after
    if not group:
        return []
    # the events told in that one sentence (one occurrence the parse may have split in two)
    told = [e for e in violent if index(e) == index(group[0]) and not e.background
            or e is group[0]]
    return [e for e in told if _open_to(e, claim.actor)]


# senses of an attack someone may claim or be blamed for (a clash has two sides, no culprit)
CLAIMABLE = frozenset("kill attack die wound shoot bomb ied suicide air shell grenade "
                      "abduct sexual".split())


def _open_to(event, actor) -> bool:
    """Whether ``actor`` may be the event's doer: it has none named, the same one, or only
    defenders responding to the attack."""
    agent = event.agent
    return agent is None or unnamed(agent) or agent.key == actor.key or \
        _defenders(event) is not None


def _defenders(event):
    """The attacker when the event's doer is a state force firing on one ("police fired on a
    suicide bomber", "troops repelled the attackers"), else None: an armed description among
    the targets, or a doer of a merged-in mention, while the sense is one an attacker does."""
    agent = event.agent
    if agent is None or agent.type not in STATE_TYPES or event.sense not in (
            "attack", "bomb", "suicide", "ied", "grenade", "shoot"):
        return None
    nouns = table()["attacker_nouns"]
    for m in [*event.extra_agents, *event.patients]:
        if m.type == "armed group" and m.span.root.lower_ in nouns and m.key != agent.key:
            return m
    return None


def _set_doer(event, actor) -> None:
    """``actor`` becomes the doer; a state force that was the doer (defenders) becomes a
    target in place of the attacker's description."""
    old = event.agent
    if old is not None and old.key != actor.key and old.type in STATE_TYPES:
        event.patients = [old, *(p for p in event.patients if p.key != actor.key and not (
            unnamed(p) and p.type == "armed group"))]
    event.agent = actor
