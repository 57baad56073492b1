"""Docs with a parse written by hand, for tests of the rules that read a parse without the
model. Imported by name (``pythonpath = ["tests"]`` in pyproject.toml)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab


def parse(rows, ents=None, tight_punctuation: bool = False) -> Doc:
    """rows: (word, head index, dep, pos, tag, lemma); ``ents``: IOB tags, one a word.
    With ``tight_punctuation`` no space goes before "," and "." (the text reads as written)."""
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    spaces = [nxt not in (",", ".") for nxt in words[1:]] + [False] \
        if tight_punctuation else None
    return Doc(Vocab(), words=list(words), spaces=spaces, heads=list(heads), deps=list(deps),
               pos=list(pos), tags=list(tags), lemmas=list(lemmas),
               ents=ents or ["O"] * len(rows))
