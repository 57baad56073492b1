"""JSON Lines records -> Articles, streamed: one line in memory at a time.

Record fields (one JSON object per line; names are case-sensitive):

    text       required; aliases ``body``, ``content``. The article text, kept exactly as given.
    title
    url
    outlet     alias ``source``
    published  alias ``date``. ``2025-03-04``; an ISO 8601 datetime (``2025-03-04T10:00:00Z``);
               RFC 2822 (``Tue, 04 Mar 2025 10:00:00 GMT``); Reuters-21578
               (``26-FEB-1987 15:01:01.79``). A time zone is dropped, not converted.
               Missing or null: no date (never guessed). Not a date (``2024-02-30``): the
               article is kept with no date and a ``Notice`` (W110) comes before it.
    language   ISO 639-1 code (``fr``; ``fr-FR`` is read as ``fr``); missing: detected from
               the text (``language.py``)
    dateline   e.g. ``MAIDUGURI, Nigeria``
    id         ignored: an article's id is always a hash of its text

Other fields are ignored. Where a field and its alias are both set, the name listed first wins.
Metadata given by the caller (CLI flags) fills fields a record lacks and never overrides one.
Blank lines are skipped; line numbers count every line, so ``file:12`` is line 12 in an editor.
A bad line is rejected on its own (origin ``file:LINENO``); a file with no record at all is
rejected once as empty.

A ``.json`` file may hold one such object or a list of them. It is parsed whole, so keep big
collections in JSON Lines; a ``.json`` file that turns out to be JSON Lines is read as such.
A list's records are ``file.json:N`` with N the line where the record starts, or, when two
records start on one line (``[{...}, {...}]``), N the record's number in the list (from 1).
"""

from __future__ import annotations

import codecs
import io
import json
from typing import Any, BinaryIO, Iterator, Mapping

from ..errors import (DateIgnored, DecodeFailed, EmptyInput, InputError,
                      MalformedRecord, MissingText, OutOfRange, TooLarge)
from ..model import Article
from .decode import MAX_BYTES, check_size, check_text, line_breaks
from .language import with_language
from .meta import FIELDS, DateOutOfRange, clean_meta, fill, parse_date
from .rejected import Notice, Rejected, one_line

ALIASES = {"text": ("text", "body", "content"), "outlet": ("outlet", "source"),
           "published": ("published", "date")}
# A line may be longer than its text: JSON escapes a 2-byte character as 6 bytes ("\u0645").
LINE_OVERHEAD = 4
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "true/false", type(None): "null"}


def read_jsonl(stream: BinaryIO, *, name: str, meta: Mapping[str, Any] | None = None,
               max_bytes: int = MAX_BYTES) -> Iterator[Article | Rejected | Notice]:
    """Records of a binary JSON Lines stream; origins are ``name:LINENO``."""
    limit = LINE_OVERHEAD * max_bytes + 65_536
    lineno = records = 0
    while line := stream.readline(limit + 1):  # bounded: one huge line must not fill memory
        lineno += 1
        origin = f"{name}:{lineno}"
        if len(line) > limit:
            size = len(line) + _skip_line(stream)
            yield Rejected(origin, TooLarge(f"a line of {size:,} bytes is over the {limit:,}-byte "
                                            "line limit (raise it with --max-bytes)", origin=origin))
            continue
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        records += 1
        notices: list[Notice] = []
        try:
            article = article_from_line(line, origin=origin, meta=meta, max_bytes=max_bytes,
                                        notices=notices)
        except InputError as exc:
            yield Rejected(origin, exc)
        else:
            yield from notices
            yield article
    if not records:  # else an empty file would vanish from the batch without a word
        yield Rejected(name, EmptyInput("no records, only blank lines", origin=name))


def read_json(text: str, *, name: str, meta: Mapping[str, Any] | None = None,
              max_bytes: int = MAX_BYTES) -> Iterator[Article | Rejected | Notice]:
    """A whole ``.json`` document: one record (origin ``name``) or a list (``name:LINENO``)."""
    if not text.strip():
        yield Rejected(name, EmptyInput("nothing but whitespace", origin=name))
        return
    try:
        value = _loads(text, origin=name)
    except MalformedRecord as exc:
        yield Rejected(name, exc)
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several top-level values: JSON Lines named .json
            yield from read_jsonl(io.BytesIO(text.encode("utf-8")), name=name, meta=meta,
                                  max_bytes=max_bytes)
            return
        origin = f"{name}:{exc.lineno}"
        yield Rejected(origin, MalformedRecord(
            f"not valid JSON: {exc.msg} at column {exc.colno}", origin=origin))
        return
    if isinstance(value, dict):
        yield from _record(value, origin=name, meta=meta, max_bytes=max_bytes)
    elif isinstance(value, list):
        lines = list(_item_lines(text))
        if len(set(lines)) < len(lines):  # records share a line: number them instead
            lines = list(range(1, len(value) + 1))
        for lineno, item in zip(lines, value):
            yield from _record(item, origin=f"{name}:{lineno}", meta=meta, max_bytes=max_bytes)
    else:
        yield Rejected(name, MalformedRecord(
            f"holds {_json_type(value)}; expected an object or a list of objects", origin=name))


def article_from_line(line: bytes, *, origin: str, meta: Mapping[str, Any] | None = None,
                      max_bytes: int = MAX_BYTES, notices: list | None = None) -> Article:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeFailed(f"not UTF-8: byte 0x{line[exc.start]:02X} at column {exc.start + 1}",
                           origin=origin) from None
    try:
        record = _loads(text, origin=origin)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON: {exc.msg} at column {exc.colno}",
                              origin=origin) from None
    return article_from_record(record, origin=origin, meta=meta, max_bytes=max_bytes,
                               notices=notices)


def article_from_record(record: Any, *, origin: str, meta: Mapping[str, Any] | None = None,
                        max_bytes: int = MAX_BYTES, notices: list | None = None) -> Article:
    """One record -> Article; the record's fields win over ``meta``, which fills gaps.

    Raises an InputError when the record cannot be an article. A ``published`` that is not a
    date is dropped instead (the article keeps an unknown date) and a W110 ``Notice`` is
    appended to ``notices`` when given.
    """
    if not isinstance(record, dict):
        raise MalformedRecord(f"{_json_type(record)} where an object was expected", origin=origin)
    key, text = _pick(record, "text")
    if text is None:
        raise MissingText(f"no text (one of the fields {', '.join(ALIASES['text'])})",
                          origin=origin)
    if not isinstance(text, str):
        raise MalformedRecord(f"{key!r} is {_json_type(text)}; expected a string", origin=origin)
    check_size(len(text.encode("utf-8")), max_bytes, origin=origin, what=f"{key!r}: ")
    check_text(text, origin=origin, what=f"{key!r}: ")
    fields, names = {}, {}
    for field in FIELDS:
        names[field], fields[field] = _pick(record, field)
    bad_date, warning = _drop_bad_date(fields, names["published"])
    fields = clean_meta(fields, origin=origin, names=names)
    given = clean_meta(meta, origin=origin)
    if bad_date and notices is not None:
        then = (f"the caller's date {given['published']} used instead" if "published" in given
                else "stored with an unknown date")
        notices.append(Notice(origin, warning(f"{bad_date}; {then}", origin=origin)))
    text = line_breaks(text)
    return Article.make(text, origin=origin, **with_language(fill(fields, given), text))


def _drop_bad_date(fields: dict, key: str) -> tuple[str | None, type | None]:
    """Drop a ``published`` that is not a date from ``fields``; why, in one line, and the
    warning to give: W110 (not a date), W112 (a date out of range, e.g. year 9999)."""
    try:
        parse_date(fields.get("published"))
    except ValueError as exc:
        del fields["published"]
        reason = one_line(str(exc))
        if len(reason) > 200:  # a non-string value is quoted whole by parse_date
            reason = reason[:200] + "..."
        return f"{key}: {reason}", (OutOfRange if isinstance(exc, DateOutOfRange)
                                    else DateIgnored)
    return None, None


def _record(value: Any, *, origin: str, meta, max_bytes) -> Iterator[Article | Rejected | Notice]:
    notices: list[Notice] = []
    try:
        article = article_from_record(value, origin=origin, meta=meta, max_bytes=max_bytes,
                                      notices=notices)
    except InputError as exc:
        yield Rejected(origin, exc)
        return
    yield from notices
    yield article


def _loads(text: str, *, origin: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:  # [[[[...]]]] thousands deep: refuse it, do not crash the batch
        raise MalformedRecord("JSON nested too deeply", origin=origin) from None


def _pick(record: dict, field: str) -> tuple[str, Any]:
    """(the key used, its value): the first of the field's names that is set."""
    names = ALIASES.get(field, (field,))
    for name in names:
        if record.get(name) is not None:
            return name, record[name]
    return names[0], None


def _item_lines(text: str) -> Iterator[int]:
    """Line numbers where the items of a (valid) top-level JSON list start."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    line = text.count("\n", 0, pos) + 1
    while True:
        start = pos
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        line += text.count("\n", start, pos)
        if pos >= len(text) or text[pos] == "]":
            return
        yield line
        _, end = decoder.raw_decode(text, pos)
        line += text.count("\n", pos, end)
        pos = end


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line; the number of bytes skipped."""
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
