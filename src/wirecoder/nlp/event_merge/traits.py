"""What the merge rules ask of one mention or a pair: its family of sense (violent or not),
whether it is a definite nominal ("the killing", "this attack") or told in the headline, and how
many sentences lie between two mentions. Shared by every rule module of ``event_merge``.
"""

from __future__ import annotations

from bisect import bisect_left

from ..paragraphs import is_headline

VIOLENT = frozenset("kill attack clash die wound shoot bomb ied suicide air shell grenade "
                    "abduct sexual".split())
# Told in one raid with a violent trigger, these are part of the attack, not events of their
# own (ACLED codebook: property destruction is coded alone only when no violence covers it)
ANCILLARY = frozenset(["loot"])
OCCURRENCE_NOUNS = frozenset("operation attack raid ambush strike incident assault clash bomb "
                             "blast bomber".split())
DEMONSTRATIVE = frozenset(["this", "that"])


def family(mention) -> bool:
    """Whether the mention's sense is a violent one (``VIOLENT``)."""
    return mention.sense in VIOLENT


def definite_nominal(mention) -> bool:
    """A dateless noun trigger after "the", "this" or "that": "the killing", "this attack"."""
    t = mention.trigger
    return t.pos_ == "NOUN" and not mention.date_text and \
        any(c.lower_ == "the" or c.lower_ in DEMONSTRATIVE and c.dep_ == "det" for c in t.lefts)


def in_headline(mention) -> bool:
    """Whether the mention's trigger is in the headline (``paragraphs.is_headline``). Asked
    for many pairs of mentions: the answer is kept per trigger."""
    trigger = mention.trigger
    kept = trigger.doc.user_data.setdefault("wc_in_headline", {})
    answer = kept.get(trigger.i)
    if answer is None:
        answer = kept[trigger.i] = is_headline(trigger.sent)
    return answer


def sentence_number(mention) -> int:
    """The number of the mention's first sentence in the Doc (0 for the first)."""
    return bisect_left(_sentence_starts(mention.trigger.doc), mention.sents[0].start)


def sent_distance(a, b, nearest: bool = False) -> int:
    """Sentences between two mentions' first sentences (or, ``nearest``, between ``b``'s
    and the nearest of ``a``'s)."""
    starts = _sentence_starts(a.trigger.doc)
    ours = [bisect_left(starts, s.start) for s in (a.sents if nearest else a.sents[:1])]
    theirs = bisect_left(starts, b.sents[0].start)  # the index of a start: by bisection
    return min(abs(i - theirs) for i in ours)


def _sentence_starts(doc) -> list[int]:
    """Sentence start offsets, computed once per Doc (``doc.sents`` walks every token)."""
    cached = doc.user_data.get("wc_sent_starts")
    if cached is None:
        cached = doc.user_data["wc_sent_starts"] = [s.start for s in doc.sents]
    return cached
