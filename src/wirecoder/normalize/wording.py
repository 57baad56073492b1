"""Date and place wording of another language, reworded into the wording ``when.py`` and
``where.py`` read.

The normalizers were written on English wording ("last Tuesday", "40 km north of"). A
language folder's ``dates.yaml`` and ``places.yaml`` (``resources/lang/<code>/``) give, under
``rewrite``, ordered regular-expression rewrites from its own wording into that pivot
("mardi dernier" -> "last Tuesday", "à 40 km au nord de" -> "40 km north of"). Only the value
is reworded: the claim's evidence keeps the article's own words. A language without the file
(English) is returned unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources.languages import language_data


@lru_cache(maxsize=16)
def _rules(lang: str, name: str) -> tuple[tuple[re.Pattern, str], ...]:
    spec = language_data(lang, name)
    return tuple((re.compile(p, re.IGNORECASE), r) for p, r in spec.get("rewrite") or ())


def reworded(text: str, lang: str | None, kind: str) -> str:
    """``text`` (a date or place phrase in ``lang``) in the pivot wording; ``kind`` is
    ``"dates"`` or ``"places"``."""
    if not text or not lang:
        return text
    rules = _rules(lang, kind)
    if not rules:
        return text
    out = text.replace("\u00a0", " ").replace("\u202f", " ")
    for pattern, replacement in rules:
        out = pattern.sub(replacement, out)
    return re.sub(r"\s+", " ", out).strip()
