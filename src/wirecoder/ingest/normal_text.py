"""The text the parser reads: one form per character, with a map back to the article's own.

``normal_text(text)`` returns a ``NormalText``: ``text`` is the article in Unicode NFC
(``unicodedata.normalize``: a decomposed "e" + U+0301 becomes one "é"), every space separator
(category Zs: no-break, thin, narrow no-break, ideographic) a plain space, and the characters of
``resources/characters.yaml`` replaced (typographer's apostrophes by "'", a non-breaking hyphen
by "-") or dropped (soft hyphens, zero-width spaces). ``span(start, end)`` maps a character
range of the normal text back to the range of the ORIGINAL text that it was made from, so that
evidence, mentions and places stored after parsing point into the article as published.

All offsets are character offsets (Python string indices). A text already in normal form (most
are) costs one regular-expression search and maps by identity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..resources import load_yaml


@lru_cache(maxsize=1)
def replacements() -> dict[str, str]:
    """Character -> its replacement ("" to drop it): the table of ``characters.yaml`` and every
    space separator (Zs) other than the plain space, as a space."""
    text = resources.files("wirecoder.resources").joinpath("characters.yaml").read_text("utf-8")
    table = {chr(int(code, 16)): value
             for group in load_yaml(text).values() for code, value in group.items()}
    # every Zs character lies below U+3001 (Unicode 15): scanning that far finds them all
    spaces = {chr(c): " " for c in range(0x3001)
              if chr(c) != " " and unicodedata.category(chr(c)) == "Zs"}
    return {**spaces, **table}


@lru_cache(maxsize=1)
def _special() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(replacements())) + "]")


@dataclass(frozen=True)
class NormalText:
    """``text``: what the parser reads. ``starts[i]``/``ends[i]``: where normal character
    ``i`` begins and ends in the original (None: the identity map, nothing changed place)."""
    text: str
    original: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original range of normal range [start, end); raises IndexError outside the
        normal text. An empty range maps to an empty range at the same place."""
        if self.starts is None:
            if not 0 <= start <= end <= len(self.text):
                raise IndexError(f"span ({start}, {end}) outside a text of {len(self.text)}")
            return start, end
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside a text of {len(self.text)}")
        first = self.starts[start] if start < len(self.text) else len(self.original)
        if end == start:
            return first, first
        return first, self.ends[end - 1]


def normal_text(text: str) -> NormalText:
    """``text`` in the parser's form, with its map back (see the module docstring)."""
    nfc = unicodedata.is_normalized("NFC", text)
    if nfc and _special().search(text) is None:
        return NormalText(text, text)
    table = replacements()
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    moved = False
    for start, end, piece in _pieces(text, nfc):
        if end - start == 1 and len(piece) == 1 and piece not in table:  # most of them
            out.append(piece)
            starts.append(start)
            ends.append(end)
            continue
        piece = "".join(table.get(c, c) for c in piece)
        moved = moved or len(piece) != end - start
        if len(piece) == end - start:  # one for one: each character keeps its own place
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:
            starts.extend([start] * len(piece))
            ends.extend([end] * len(piece))
        out.append(piece)
    normal = "".join(out)
    if not moved:
        return NormalText(normal, text)  # only one-for-one replacements: offsets unchanged
    return NormalText(normal, text, tuple(starts), tuple(ends))


def _pieces(text: str, nfc: bool):
    """(start, end, piece in NFC) covering ``text`` in order: in an NFC text, the stretches
    between special characters whole and each special character alone; otherwise each base
    character with the combining marks after it, the unit NFC composes (Hangul syllables,
    composed from several base jamo, are the exception this ignores: the pipeline reads
    English)."""
    if nfc:
        at = 0
        for m in _special().finditer(text):
            if m.start() > at:
                yield at, m.start(), text[at:m.start()]
            yield m.start(), m.end(), m.group()
            at = m.end()
        if at < len(text):
            yield at, len(text), text[at:]
        return
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            piece = unicodedata.normalize("NFC", text[start:i])
            if len(piece) == i - start:
                for k, c in enumerate(piece):
                    yield start + k, start + k + 1, c
            else:
                yield start, i, piece
            start = i
