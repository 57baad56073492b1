"""One detention told twice in an article is one arrest, counted once.

Press releases about raids tell the detention in the lead and again in the body: "a security
force detained several suspects in the district" then "after questioning residents, the force
detained four suspects"; "police detained two men ..." then "The two men were taken in for
questioning". ACLED codes one event per occurrence (codebook 2023, "Arrests": one event for the
detentions of one operation), so the later mention is the same arrest, and its count is the
count of the same people, not new ones, unless the text says they are others.

A later arrest mention (sense ``arrest``, asserted, in the story's present) restates the
nearest earlier one of the article when nothing says another occurrence or other people
("also", "additional", "other", "another", "separate", "more", "remaining", "further"), no
other time is named, the places can be one (``event_merge.lead.places_agree``), and its count does
not name new people: the same number, a definite description ("the two men", "the commander
and three of his aides"), no number at all, or an exact number where the earlier gave only a
vague one ("several" then "four"). The restated count replaces the earlier one when it is
larger or exact where the earlier was vague (the detail the lead left out); the union of the
evidence is kept. Otherwise the detainees are others and the counts add up, as before.
"""

from __future__ import annotations

from .numbers import VAGUE

OTHERS = frozenset("also additional other others another separate separately more remaining "
                   "further second".split())
OPERATIONS = frozenset("operation raid search sweep patrol mission".split())


def merge_detentions(mentions: list, absorb, places_agree, dates_clash) -> list:
    """``mentions`` in article order -> the same list less the arrest mentions that restate an
    earlier one (folded into it with ``absorb``). The three callables are event_merge's and
    event_updates' (passed in to keep the import graph one-way)."""
    out: list = []
    for mention in mentions:
        target = _restates(mention, out, places_agree, dates_clash) \
            if _detention(mention) else None
        if target is None:
            out.append(mention)
            continue
        before, before_text = target.fatalities, list(target.counts_text)
        absorb(target, mention)
        target.fatalities, target.counts_text = before, before_text
        if _replaces(target, mention):
            target.fatalities, target.counts_text = mention.fatalities, list(mention.counts_text)
    return out


def other_detainees(a, b) -> bool:
    """"Arrested a Taliban leader and detained four suspected insurgents": two arrests in one
    sentence with counts of their own and differently worded detainees are other people,
    though both are of one group (``event_merge.references.repeat`` must not fold them)."""
    return a.sense == b.sense == "arrest" and a.fatalities is not None \
        and b.fatalities is not None and a.patient_words != b.patient_words


def _detention(mention) -> bool:
    return mention.sense == "arrest" and mention.modality == "asserted" \
        and not mention.background and mention.count_kind == "arrested"


def _restates(mention, kept, places_agree, dates_clash):
    if _others_told(mention):
        return None
    for other in reversed(kept):
        if not _detention(other):
            continue
        if other.sents[0].start == mention.sents[0].start:
            return None  # "captured a leader and detained three suspects": other people
        if dates_clash(mention, other) or not places_agree(other, mention):
            return None
        return other if _same_people(other, mention) else None
    return None


def _others_told(mention) -> bool:
    """"The force also detained two suspects", "Multiple additional insurgents were detained",
    "in a separate operation": the sentence tells of other detainees."""
    trigger = mention.trigger
    span = mention.patient_span
    for t in trigger.subtree:
        if t.lower_ not in OTHERS:
            continue
        if t.head.i == trigger.i or span is not None and span.start <= t.i < span.end \
                or t.head.lemma_.lower() in OPERATIONS:
            return True
    return False


def _vague(mention) -> bool:
    """Is the count worded vaguely ("several suspects", "a number of men")?"""
    return any(f" {w} " in f" {text.lower()} " for text in mention.counts_text for w in VAGUE)


def _same_people(earlier, later) -> bool:
    if later.fatalities is None or earlier.fatalities is None:
        return True
    if later.fatalities == earlier.fatalities:
        return True
    if _definite(later):
        return True
    return _vague(earlier) and not _vague(later)


def _definite(mention) -> bool:
    """"The two men", "the commander (and ...)", "the targeted individual": people told before."""
    span = mention.patient_span
    if span is None:
        return False
    first = span.root.doc[span.root.left_edge.i]
    return first.lower_ in ("the", "those", "these", "both")


def _replaces(target, mention) -> bool:
    if mention.fatalities is None:
        return False
    if target.fatalities is None:
        return True
    if _vague(target) and not _vague(mention) and not _definite(mention):
        return True  # "several suspects" then "four suspects"; "the commander" is one of them
    return mention.fatalities > target.fatalities
