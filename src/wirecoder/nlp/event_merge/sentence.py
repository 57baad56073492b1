"""Rules 5-6 of ``event_merge``: triggers of one sentence that tell one occurrence, where one
governs the other or is its doer ("a suicide bomber blew himself up ..., killing 12"), and force
used to put a crowd down ("police fired tear gas to break up a protest").
"""

from __future__ import annotations

from ..event_pairs import aim_and_deed, casualty_pair, supported_sibling
from ..event_updates import dates_clash
from ..triggers import PUT_DOWN, closing_host, relative_host
from .traits import ANCILLARY, family

CROWD = frozenset(["protest", "riot"])


def put_down(mention, kept):
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
        if family(other) and other.sents[0].start == mention.sents[0].start and \
                (other.trigger.i == verb.i or _governs(other.trigger, verb)):
            other.put_down = mention.sense
            return other
    return None


def during_crowd(mention, kept):
    """"Farmers battled police during a march": the march is when and where the violence
    happened, one occurrence (the violent mention's, which the crowd's doers type)."""
    trigger = mention.trigger
    if mention.sense not in CROWD or trigger.dep_ != "pobj" or \
            trigger.head.lower_ not in ("during", "at"):
        return None
    return next((o for o in kept if family(o) and o.trigger.i == trigger.head.head.i), None)


def nested(mention, kept):
    """"killed 11 villagers in an attack on Gwoza", "were killed when fighters attacked", "a
    truck bomb killed 500 people": violent triggers in one sentence, one governing the other,
    tell one occurrence."""
    if not _joins(mention) or mention.position >= 0:
        return None
    for other in kept:
        if other.position >= 0 or not _joins(other) or aim_and_deed(other, mention) or \
                other.sents[0].start != mention.sents[0].start or \
                not (family(mention) or family(other)):
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
    return family(mention) or mention.sense in ANCILLARY


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
        if node.dep_ == "relcl" and node.head.i != head.i and not (
                (host := relative_host(node)) is not None and host.i == head.i):
            return False  # "a counterassault on a hotel where gunmen killed three": the clause
            # tells of the place (what happened there), not of the event word above it
        node, steps = node.head, steps + 1
        if node.i == head.i:
            return True
    return False



def alternatives(mention, kept):
    """"Killed or captured 20 jihadists": two verbs joined by "or" tell one occurrence whose
    outcome the source leaves open, not two."""
    trigger = mention.trigger
    if trigger.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ == "or"
                                         for c in trigger.head.children):
        return None
    return next((o for o in kept if o.trigger.i == trigger.head.i), None)
