"""Rules 1-3 of ``event_merge``, and restatements: a mention that names an event told
elsewhere in the article ("in the same operation", "the killing of ...", "this attack", the same
sense, doer and victims again, the same doer and toll a paragraph later).
"""

from __future__ import annotations

from ..detentions import other_detainees
from .lead import YEAR
from .traits import (DEMONSTRATIVE, OCCURRENCE_NOUNS, definite_nominal, family, in_headline,
                     sent_distance)

SAME_WORDS = frozenset(["same", "that", "this"])


def same_operation(mention, kept):
    """Rule 1: "X was killed with Kobi in the same operation" is the kept event Kobi was a
    victim of, or None."""
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


def _compatible(a, b) -> bool:
    if not (family(a) and family(b)):
        return a.sense == b.sense and False
    if a.agent is None or b.agent is None:
        return True
    return a.agent.key == b.agent.key


def back_reference(mention, kept):
    """"The killing of a senior militant" within three sentences, or "this (cowardly)
    attack" at any distance, is the last compatible event told before."""
    if not definite_nominal(mention):
        return None
    this = any(c.lower_ in DEMONSTRATIVE and c.dep_ == "det" for c in mention.trigger.lefts)
    for other in reversed(kept):
        if other.trigger.i != mention.trigger.i and _compatible(other, mention) and \
                (this or sent_distance(other, mention) <= 3):
            return other
    return None


def refers_forward(nominal, later) -> bool:
    """Rule 2 forward, and a headline: ``nominal`` (a dateless definite nominal, or a headline's
    mention) is ``later``, told in full within three sentences (or below the headline)."""
    if in_headline(nominal) and not in_headline(later) and not later.background:
        if YEAR.search(nominal.date_text or "") and not later.date_text:
            return False  # a file photo's caption ("..., on June 6, 2013"), not the headline
        return nominal.sense == later.sense or _compatible(nominal, later)
    return (definite_nominal(nominal) and nominal.trigger.i < later.trigger.i
            and later.date_text and sent_distance(nominal, later) <= 3
            and _compatible(nominal, later))


def restated(mention, kept):
    """"Boko Haram gunmen killed 11 villagers in Gwoza, he said.", a paragraph after the same
    killing was told with its date: the same doer, the same toll, no other time."""
    if mention.date_text or mention.fatalities is None or mention.agent is None:
        return None
    for other in kept:
        if family(other) and other.agent is not None and other.agent.key == mention.agent.key \
                and other.fatalities == mention.fatalities and other.position < 0:
            return other
    return None


def repeat(mention, kept):
    """Rule 3: the kept event of the same sentence with the same sense, doer, date and
    victims (of different detainees, two arrests), or None."""
    for other in kept:
        if other.sents[0].start == mention.sents[0].start and other.sense == mention.sense \
                and other.agent is mention.agent and other.date_text == mention.date_text and \
                [p.key for p in other.patients] == [p.key for p in mention.patients] \
                and not other_detainees(other, mention):
            return other
    return None
