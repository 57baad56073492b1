"""Plain text -> Article.

The text is kept as the file has it, title line included, so character offsets point into
what the user gave us. Newlines are the one change: ``\\r\\n`` and ``\\r`` become ``\\n``, as
Python's own text mode does, so offsets match ``open(path, encoding="utf-8-sig").read()``;
Unicode's line and paragraph separators (U+2028, U+2029, NEL) become ``\n`` one for one.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..model import Article
from .decode import check_text, decode, line_breaks
from .language import with_language
from .meta import clean_meta

TITLE_MAX = 200  # characters; a longer first paragraph is a lede, not a headline


def read_text(data: bytes, *, origin: str, meta: Mapping[str, Any] | None = None) -> Article:
    """Bytes of a plain-text article -> Article; ``meta`` wins over the title line."""
    text = decode(data, origin=origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return article_from_text(text, origin=origin, meta=meta)


def article_from_text(text: str, *, origin: str,
                      meta: Mapping[str, Any] | None = None) -> Article:
    """Text already decoded (a file's, or pasted into ``POST /api/ingest``) -> Article.

    Raises EmptyInput (W101), BinaryInput (W102) as ``decode.check_text`` says, and
    BadMetadata (W109) for ``meta`` that does not check.
    """
    check_text(text, origin=origin)
    text = line_breaks(text)
    fields = clean_meta(meta, origin=origin)
    if not fields.get("title"):
        title = guess_title(text)
        if title:
            fields["title"] = title
    return Article.make(text, origin=origin, **with_language(fields, text))


def guess_title(text: str) -> str | None:
    """The first line, if it is short and a blank line separates it from more text."""
    head, sep, rest = text.lstrip().partition("\n")
    if not sep or len(head.strip()) >= TITLE_MAX:
        return None
    blank, sep, body = rest.partition("\n")
    if not sep or blank.strip() or not body.strip():
        return None
    return head.strip() or None
