"""``wc_aliases``: names the article itself declares equal.

* acronym definitions: ``al Qaeda in the Islamic Maghreb (AQIM)``;
* alias statements: ``X, better known as Y``, ``also known as``, ``a.k.a.``, ``alias``,
  ``known by his nom de guerre Y``, ``whose real name is Y``.

Sets ``doc._.wc_alias_pairs``: ``(name span, alias span, cue)`` with the first name first.
A name the NER missed after a cue becomes an entity with the label of the other side.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .doc_cache import set_ents

Doc.set_extension("wc_alias_pairs", default=None, force=True)

CUES = (
    ("better", "known", "as"), ("also", "known", "as"), ("known", "as"), ("a.k.a.",), ("aka",),
    ("a.k.a",), ("alias",), ("known", "by", "his", "nom", "de", "guerre"),
    ("known", "by", "the", "nom", "de", "guerre"), ("whose", "real", "name", "is"),
    ("known", "by", "his", "kunya"), ("nicknamed",),
)
CUE_STARTS = frozenset(cue[0] for cue in CUES)
FILLER = frozenset("his her their its the nom de guerre kunya name".split())
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,9}$")
SKIP_INITIAL = frozenset("of the in and for al el de du des la le wal".split())


@Language.component("wc_aliases", requires=["doc.ents"], assigns=["doc._.wc_alias_pairs", "doc.ents"])
def aliases(doc):
    pairs, new_ents = find_alias_pairs(doc)
    if new_ents:
        set_ents(doc, _with(doc.ents, new_ents))
    doc._.wc_alias_pairs = pairs
    return doc


def find_alias_pairs(doc) -> tuple[list[tuple[Span, Span, str]], list[Span]]:
    ent_end = {ent.end: ent for ent in doc.ents}
    ent_start = {ent.start: ent for ent in doc.ents}
    pairs, new_ents = [], []
    lowers = [t.lower_ for t in doc]  # once: this loop runs over every token of every article
    texts = [t.text for t in doc]
    for i, word in enumerate(lowers):
        if word != "(" and word not in CUE_STARTS:
            continue
        # ---- acronym definition: NAME ( ACR )
        if texts[i] == "(" and i + 2 < len(doc) and texts[i + 2] == ")" \
                and ACRONYM.match(texts[i + 1]):
            long = ent_end.get(i)
            acr = doc[i + 1:i + 2]
            if long is None:  # the NER missed the long form: its initials still spell it
                long = _long_form(doc, i, acr.text)
                if long is not None:
                    new_ents.append(long)
            if long is not None and (_initials_match(long, acr.text) or long.label_ == "ORG"):
                alias = ent_start.get(i + 1) or Span(doc, i + 1, i + 2, label=long.label_)
                pairs.append((long, alias, "acronym"))
                if (i + 1) not in ent_start:
                    new_ents.append(alias)
            continue
        # ---- alias statements
        for cue in CUES:
            if lowers[i:i + len(cue)] != list(cue):
                continue
            left = i
            while left > 0 and doc[left - 1].text in (",", "(", "—", "–"):
                left -= 1
            name = ent_end.get(left)
            right = i + len(cue)
            while right < len(doc) and doc[right].lower_ in FILLER:
                right += 1
            if name is None:
                continue
            quoted = _quoted(doc, right)  # nicknamed "the Butcher": the words in the quotes
            if quoted is not None:
                alias = ent_start.get(quoted.start)
                if alias is None or alias.end != quoted.end:
                    alias = Span(doc, quoted.start, quoted.end, label=name.label_)
                    new_ents.append(alias)
                pairs.append((name, alias, " ".join(cue)))
                break
            alias = ent_start.get(right)
            if alias is None:
                end = right
                while end < len(doc) and (doc[end].is_title or doc[end].lower_ in ("al", "bin", "ibn", "abu", "-")):
                    end += 1
                if end == right:
                    continue
                alias = Span(doc, right, end, label=name.label_)
                new_ents.append(alias)
            pairs.append((name, alias, " ".join(cue)))
            break
    return pairs, new_ents


QUOTES = frozenset('" “ ” \' ‘ ’'.split())


def _quoted(doc, i: int) -> Span | None:
    """The words between the quote mark at token ``i`` and its closing mark, at most eight
    words on: a nickname in quotes ("the Butcher"); None when ``i`` opens no short quote."""
    if i >= len(doc) or doc[i].text not in QUOTES:
        return None
    for end in range(i + 2, min(len(doc), i + 10)):
        if doc[end].text in QUOTES:
            return doc[i + 1:end]
    return None


def _long_form(doc, end: int, acronym: str) -> Span | None:
    """The capitalized words just before "(ACR)" whose initials are exactly ACR."""
    target = acronym.replace("-", "").upper()
    for start in range(end - 1, max(-1, end - 12), -1):
        first = doc[start]
        if not (first.is_title or first.lower_ in SKIP_INITIAL) or first.ent_type_:
            break
        if not first.is_title:
            continue
        initials = "".join(t.text[0].upper() for t in doc[start:end]
                           if t.is_alpha and t.lower_ not in SKIP_INITIAL)
        if initials == target:
            return Span(doc, start, end, label="ORG")
    return None


def _initials_match(span: Span, acronym: str) -> bool:
    initials = "".join(t.text[0].upper() for t in span
                       if t.is_alpha and t.lower_ not in SKIP_INITIAL)
    full = "".join(t.text[0].upper() for t in span if t.is_alpha)
    return acronym.upper() in (initials, full) or initials.startswith(acronym.upper())


def _with(ents, extra: list[Span]) -> list[Span]:
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    keep = list(ents)
    for span in extra:
        if not any(i in taken for i in range(span.start, span.end)):
            keep.append(span)
            taken.update(range(span.start, span.end))
    return sorted(keep, key=lambda s: s.start)
