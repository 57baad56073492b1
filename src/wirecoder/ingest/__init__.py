"""Readers: plain text, HTML and JSON Lines files (or stdin) -> ``Article``.

``read_paths`` is the entry point; it yields ``Article`` or ``Rejected`` (an input that could
not be read, with its coded reason), and a ``Notice`` (a coded warning) before an Article
that was read with a caveat; it never stops a batch for one bad input. The readers for
one kind of input take bytes or a stream and are usable on their own.
"""

from .decode import MAX_BYTES
from .html import article_from_html, read_html
from .jsonl import article_from_record, read_json, read_jsonl
from .meta import FIELDS, parse_date
from .paths import KINDS, read_paths, read_stream
from .rejected import Notice, Rejected
from .text import article_from_text, read_text

__all__ = [
    "FIELDS", "KINDS", "MAX_BYTES", "Notice", "Rejected", "article_from_html",
    "article_from_record",
    "article_from_text", "parse_date", "read_html", "read_json", "read_jsonl", "read_paths",
    "read_stream", "read_text",
]
