"""A weapons find told with the operation's main action is part of that occurrence.

A raid report often tells what the force found ("discovered a weapons cache", "seized two
IEDs") beside what it did to people ("detained two suspected insurgents", "killed one
insurgent"), in one sentence or in the next ones. ACLED codes one event per occurrence, typed
by its main action; a seizure of weapons is coded *Disrupted weapons use* alone only when
nothing else happened in the operation, as property destruction is coded alone only when no
violence covers it (ACLED Codebook 2023, "Strategic developments" and the one-event-per-
occurrence rule). So a find (sense ``disrupt``) folds into the arrest or violent action of the
same operation: the same sentence or one within ``REACH`` sentences, by the same force (or
none named), at the same place and time, with no word of another occurrence. The find's
sentence stays as evidence, its place and time fill the gaps.

Used by ``nlp/events.py`` after ``event_merge.merge_mentions``.
"""

from __future__ import annotations

from .event_merge.absorbing import absorb
from .event_merge.lead import places_agree
from .event_merge.traits import sent_distance
from .event_updates import dates_clash

FINDS = frozenset(["disrupt"])            # a cache found, weapons seized, a device defused
# what the force did to people in the operation; not a remote attack ("air defences
# intercepted missiles fired by jets": the interception is the disrupted attack itself)
MAIN = frozenset("arrest kill clash shoot".split())
REACH = 2                                 # sentences between the find and the main action
# "In a separate operation", "Elsewhere, ...": the sentence tells another occurrence, or sums
# up several ("during separate operations"); "also" does not ("The patrol also detained a
# man" adds to the same raid)
ANOTHER = frozenset("separate another second other earlier previous".split())
ELSEWHERE = frozenset("separately meanwhile elsewhere earlier previously".split())


def fold_finds(mentions: list) -> list:
    """``mentions`` (merged ``EventMention``s, article order) less the finds folded into the
    operation's main action; the main mention keeps its sense and gains the find's evidence.
    A find with no such action in reach is kept as it is."""
    out = list(mentions)
    folded = True
    while folded:  # a find folded in brings the operation's next find within reach
        folded = False
        for find in [m for m in out if m.sense in FINDS]:
            main = _main_action(find, out)
            if main is not None:
                absorb(main, find)
                out.remove(find)
                folded = True
    return out


def _current(m) -> bool:
    return m.modality == "asserted" and not m.background


def _main_action(find, mentions):
    """The nearest asserted arrest or violent action of the same operation, if any."""
    if not _current(find):
        return None
    best, best_distance = None, REACH + 1
    for other in mentions:
        if other is find or other.sense not in MAIN or not _current(other):
            continue
        distance = sent_distance(other, find, nearest=True)
        if distance >= best_distance or dates_clash(find, other) \
                or not _same_force(find, other) or not places_agree(other, find):
            continue
        if _another_occurrence(find.trigger.sent) or _another_occurrence(other.trigger.sent):
            continue  # "during separate operations": a summary of several occurrences
        best, best_distance = other, distance
    return best


def _same_force(a, b) -> bool:
    """The doers are one force, or one of them is not named ("The cache was found ...")."""
    if a.agent is None or b.agent is None:
        return True
    return a.agent.key == b.agent.key or a.agent.type == b.agent.type == "state force"


def _another_occurrence(sent) -> bool:
    return any(t.lower_ in ELSEWHERE and t.dep_ == "advmod"
               or t.lower_ in ANOTHER and t.dep_ == "amod"
               and t.head.lemma_.lower() in ("operation", "raid", "patrol", "search", "incident",
                                             "clearing")
               for t in sent)
