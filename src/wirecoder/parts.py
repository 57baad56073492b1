"""Articles longer than spaCy's ``nlp.max_length`` (1,000,000 characters): parsed in parts.

The input limit (``--max-bytes``, 2,000,000 bytes by default) lets through texts up to twice
spaCy's limit, which spaCy refuses whole. ``split_points`` cuts such a text where a sentence
certainly ends, never inside one: a blank line first, then a line break after a closing stop
(both end a sentence in ``nlp/paragraphs.py``), then a stop followed by a capital, and only in
a text with none of these, at a space. Each part is parsed on its own and ``merge_drafts``
joins their drafts, offsets moved to be characters in the whole article again. What is lost
at a cut is what crosses it: a pronoun or short name resolved to a name before the cut.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from .claims import Drafts, Evidence

# Best first. Each match's end is where the next part starts; its whitespace stays behind.
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),                                   # a blank line
    re.compile(r"(?<=[.!?\"\u201d\u2019])[ \t]*\n\s*"),             # a line ending a sentence
    re.compile(r"(?<=[.!?])[\"\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])"),  # ". The"
    re.compile(r"\s+"),                                             # any space at all
)


def split_points(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) character ranges that cover ``text`` in order, each at most ``max_chars``
    long. A text with no space in ``max_chars`` characters is cut there (nothing better)."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be 1 or more, got {max_chars}")
    ranges, start = [], 0
    while len(text) - start > max_chars:
        end = start + _cut(text[start:start + max_chars])
        ranges.append((start, end))
        start = end
    ranges.append((start, len(text)))
    return ranges


def _cut(window: str) -> int:
    """Where to end a part that may not go past ``len(window)``: the best kind of break in the
    window's second half, else the best kind anywhere, else the window's end."""
    fallback = None
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(window):
            last = match.end()
        if last and last >= len(window) // 2:
            return last
        fallback = fallback or last
    return fallback or len(window)


def merge_drafts(parts: list[tuple[int, Drafts]]) -> Drafts:
    """One article's Drafts from its parts' ``(offset of the part, drafts)``, in text order.

    An actor named in several parts is one draft (its first evidence, every mention and
    alias); the article's countries and divisions are recounted over the whole article; the
    lead's time and place are the first part's.
    """
    from .normalize.anchors import article_anchors
    from .normalize.where import article_countries, article_divisions

    out, counts = Drafts(), Counter()
    for offset, drafts in parts:
        def moved(ev: Evidence) -> Evidence:
            return dataclasses.replace(ev, start=ev.start + offset, end=ev.end + offset)

        for key, actor in drafts.actors.items():
            mentions = [(s + offset, e + offset, *rest) for s, e, *rest in actor.mentions]
            said = {alias: moved(ev) for alias, ev in actor.alias_evidence.items()}
            if key in out.actors:
                out.actors[key].mentions.extend(mentions)
                out.actors[key].aliases |= actor.aliases
                out.actors[key].alias_evidence = {**said, **out.actors[key].alias_evidence}
            else:
                out.actors[key] = dataclasses.replace(actor, evidence=moved(actor.evidence),
                                                      mentions=mentions, alias_evidence=said)
        out.relations += [dataclasses.replace(r, evidence=moved(r.evidence))
                          for r in drafts.relations]
        out.events += [dataclasses.replace(
            e, evidence=[moved(x) for x in e.evidence], trigger_start=e.trigger_start + offset,
            perpetrator=e.perpetrator and {**e.perpetrator,
                                           "evidence": moved(e.perpetrator["evidence"])})
            for e in drafts.events]
        out.statements += [(text, moved(ev)) for text, ev in drafts.statements]
        out.attributes += [(key, name, value, moved(ev))
                           for key, name, value, ev in drafts.attributes]
        out.places += [dataclasses.replace(p, evidence=moved(p.evidence)) for p in drafts.places]
        counts.update(drafts.country_counts)
        # the story's lead is the first part's (nlp.anchors.lead_anchors)
        out.lead_date = out.lead_date or drafts.lead_date
        out.lead_place = out.lead_place or drafts.lead_place
    names = [p.text for p in out.places]
    out.country_counts = dict(counts)
    out.countries = article_countries(sorted(counts, key=lambda c: -counts[c]), names)
    out.divisions = article_divisions(names, out.countries)
    out.anchors = article_anchors(names, out.countries, out.divisions)
    return out


def to_original(drafts: Drafts, form) -> Drafts:
    """``drafts`` of the parser's text (``ingest.normal_text.NormalText.text``) with every
    character offset moved into the original article (``form.span``) and every evidence
    sentence read from the original, so a claim quotes the article as published. Names and
    phrases stay in the normal form the rules matched. ``drafts`` is changed in place and
    returned; a form that changed nothing returns it untouched."""
    if not form.changed:
        return drafts
    sentences: dict[tuple[str, int], str] = {}

    def original_sentence(sentence: str, start: int, end: int) -> str:
        key = (sentence, start)
        if key not in sentences:
            # the sentence holds [start, end): it begins at most len(sentence) before it
            at = form.text.rfind(sentence, max(0, end - len(sentence)), start + len(sentence))
            if at < 0:
                sentences[key] = sentence
            else:
                first, last = form.span(at, at + len(sentence))
                sentences[key] = form.original[first:last].strip()
        return sentences[key]

    def moved(ev: Evidence) -> Evidence:
        start, end = form.span(ev.start, ev.end)
        return dataclasses.replace(ev, start=start, end=end,
                                   sentence=original_sentence(ev.sentence, ev.start, ev.end))

    for actor in drafts.actors.values():
        actor.evidence = moved(actor.evidence)
        actor.mentions = [(*form.span(s, e), *rest) for s, e, *rest in actor.mentions]
        actor.alias_evidence = {a: moved(ev) for a, ev in actor.alias_evidence.items()}
    drafts.relations = [dataclasses.replace(r, evidence=moved(r.evidence))
                        for r in drafts.relations]
    for event in drafts.events:
        event.evidence = [moved(x) for x in event.evidence]
        event.trigger_start = form.span(event.trigger_start, event.trigger_start)[0]
        if event.perpetrator is not None:
            event.perpetrator = {**event.perpetrator,
                                 "evidence": moved(event.perpetrator["evidence"])}
    drafts.statements = [(text, moved(ev)) for text, ev in drafts.statements]
    drafts.attributes = [(key, name, value, moved(ev))
                         for key, name, value, ev in drafts.attributes]
    drafts.places = [dataclasses.replace(p, evidence=moved(p.evidence)) for p in drafts.places]
    return drafts
