"""Comparison keys for names: one place for the accent, case and punctuation folding that
matching across spellings needs ("Kandahār Province", "kandahar province", "KANDAHAR-Province").

Each caller adds its own vocabulary on top (words that do not name: "province" for admin1
comparisons, a leading "the" for place keys); the folding itself is this module's.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['\u2019`]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def ascii_lower(text: str | None) -> str:
    """NFKD-decomposed, non-ASCII dropped, lower-cased: "Lé-Kef" -> "le-kef", "Ħal" -> "al".

    Characters with no ASCII decomposition (curly quotes, Arabic script) are dropped, not kept:
    keys of names in Latin script only. ``None`` gives ""."""
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()


def name_key(text: str | None, *, drop: frozenset[str] = frozenset(),
             join_apostrophes: bool = False) -> str:
    """Words of ``text`` (ASCII letters and digits, see :func:`ascii_lower`) joined by one space,
    without the words in ``drop``: ``name_key("Kandahār Province", drop={"province"})`` ->
    ``"kandahar"``. With ``join_apostrophes`` an apostrophe joins its neighbours ("O'Neill" ->
    "oneill") instead of splitting them ("o neill")."""
    text = ascii_lower(text)
    if join_apostrophes:
        text = _APOSTROPHES.sub("", text)
    words = _NOT_WORD.sub(" ", text).split()
    if drop:
        words = [w for w in words if w not in drop]
    return " ".join(words)
