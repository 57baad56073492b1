"""Whole-Doc views computed once per Doc, so a question asked per mention costs the mention's
sentence, not the whole document.

spaCy rebuilds ``doc.text`` (a join over every token), ``doc.ents`` (a walk over every token)
and ``span.ents`` (a walk over ``doc.ents``) on each access. Asked once per event mention, each
makes a long document's cost grow with the square of its length (issue 32: a 500 KB digest
took twenty times its parse). Here they are computed once and kept in ``doc.user_data``.

The text never changes. The entities do, in the stages that set them: assign ``doc.ents``
only through :func:`set_ents`, which drops the kept copy.
"""

from __future__ import annotations

from bisect import bisect_left

_TEXT = "wc_text"
_ENTS = "wc_ents"  # (entities in order, their start token offsets)
_SENTS = "wc_sents"  # (sentence start token offsets, the sentences)


def doc_text(doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def set_ents(doc, ents) -> None:
    """``doc.ents = ents``, forgetting the kept entities."""
    doc.ents = ents
    doc.user_data.pop(_ENTS, None)


def _ents(doc) -> tuple[tuple, list[int]]:
    kept = doc.user_data.get(_ENTS)
    if kept is None:
        ents = tuple(doc.ents)
        kept = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return kept


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once (until :func:`set_ents`)."""
    return _ents(doc)[0]


def span_ents(span) -> list:
    """``span.ents`` (the entities wholly inside ``span``, in order), by bisection over the
    kept entities: the same list spaCy's walk gives."""
    ents, starts = _ents(span.doc)
    out = []
    for k in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[k]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def ent_at(doc, i: int):
    """The entity covering token ``i``, or None."""
    ents, starts = _ents(doc)
    k = bisect_left(starts, i + 1) - 1
    if k >= 0 and ents[k].start <= i < ents[k].end:
        return ents[k]
    return None


def sentences(doc) -> tuple[list[int], list]:
    """(start token offsets, sentence spans) of ``doc.sents``, built once. Only for stages
    after the parser (sentence starts no longer change)."""
    kept = doc.user_data.get(_SENTS)
    if kept is None:
        sents = list(doc.sents)
        kept = doc.user_data[_SENTS] = ([s.start for s in sents], sents)
    return kept


def sent_of(token):
    """``token.sent`` from the kept sentences (spaCy walks the tokens to both ends)."""
    starts, sents = sentences(token.doc)
    return sents[bisect_left(starts, token.i + 1) - 1]


def overlapping_ents(span) -> list:
    """The entities with at least one token in ``span``, in order."""
    ents, starts = _ents(span.doc)
    out = []
    for k in range(max(0, bisect_left(starts, span.start) - 1), len(ents)):
        ent = ents[k]
        if ent.start >= span.end:
            break
        if ent.end > span.start:
            out.append(ent)
    return out
