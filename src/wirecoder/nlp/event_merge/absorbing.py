"""Folding one mention into another (``absorb``): evidence pooled, gaps filled, counts taken
as ``_take_count`` says (the largest figure for the same dead, or the sum for new victims).
"""

from __future__ import annotations

from ..event_pairs import own_claim, same_counted

SPECIFIC = frozenset(["abduct", "sexual"])  # "stormed a church and kidnapped 30": an abduction


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


def _take_count(target, other, add: bool) -> None:
    """The main count (deaths first) and the others kept aside (``other_counts``: wounded,
    abducted, arrested); counts of one kind add up for new victims; "no one was killed" (0)
    fills a count not given, never lowers one given."""
    for kind, n in other.other_counts.items():
        target.other_counts.setdefault(kind, n)
    if other.fatalities == 0:  # "no one was killed": none of that kind, unless one counted
        if target.fatalities is None:
            target.fatalities, target.count_kind = 0, other.count_kind
            target.counts_text = list(other.counts_text)
        elif target.count_kind != other.count_kind:
            target.other_counts.setdefault(other.count_kind, 0)
        return
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
