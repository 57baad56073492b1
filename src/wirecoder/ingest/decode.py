"""Bytes -> text, one strict policy for every reader.

UTF-8 (a BOM is dropped); UTF-16 only when a BOM says so; for HTML, the charset the page
declares when the bytes are not UTF-8. Anything else is rejected with the byte offset rather
than guessed: a mis-decoded "Ségou" silently never matches a gazetteer, a rejection gets fixed.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInput, DecodeFailed, EmptyInput, TooLarge
from .rejected import one_line

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that do not occur in text (tab, newlines, form feed are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 65_536  # characters (or bytes) looked at for the "is this text at all" test
_MAX_CONTROL = 0.05  # share of control characters above which it is not text
# WHATWG: browsers read these labels as windows-1252, and so do pages that declare them.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"}


# Default limit on one article's text, in UTF-8 bytes: what spaCy parses as one Doc (1,000,000
# characters), a few minutes of ingest (benchmarks/bench_long.py: a 500 KB digest takes about
# a minute). A longer text is parsed in parts (parts.py) when the limit is raised.
MAX_BYTES = 1_000_000


def check_size(size: int, limit: int, *, origin: str, what: str = "",
               limit_is: str = "raise it with --max-bytes") -> None:
    """Sizes are bytes (UTF-8 bytes for text already decoded)."""
    if size > limit:
        raise TooLarge(f"{what}{size:,} bytes is over the {limit:,}-byte limit ({limit_is})",
                       origin=origin)


def decode(data: bytes, *, origin: str, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is a charset the input names for itself (HTML ``<meta>``)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], encoding, origin, why="its byte-order mark")
    if b"\x00" in data:
        raise BinaryInput("contains NUL bytes; not a text file", origin=origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared:
        label = declared.strip().lower()
        codec = _known("cp1252" if label in _AS_CP1252 else label)
        if codec is None:
            raise DecodeFailed(f"declares unknown charset {one_line(declared)!r}", origin=origin)
        if codec.name != "utf-8":  # a page that says UTF-8 and is not gets the UTF-8 error
            return _decode_as(data, codec.name, origin, why=f"its declared charset {declared!r}")
    # Text in a wrong encoding has high bytes among letters; binary data has control bytes.
    sample = data[:_SAMPLE]
    if len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL * len(sample):
        raise BinaryInput("mostly non-printable bytes; not a text file", origin=origin)
    raise DecodeFailed(_where(data, utf8_error, "not UTF-8")
                       + "; convert it first, e.g. iconv -f cp1252 -t utf-8", origin=origin)


def check_printable(text: str, *, origin: str, what: str = "") -> None:
    """Reject decoded text that is mostly control characters (a binary file that decoded)."""
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL * len(sample):
        raise BinaryInput(f"{what}mostly non-printable characters; not a text file",
                          origin=origin)


def check_text(text: str, *, origin: str, what: str = "") -> None:
    """The test every article text passes, whatever brought it (a file, a JSON record, the
    API's ``POST /api/ingest``), so each input is refused with the same code everywhere.

    Raises BinaryInput (W102) for a NUL character or mostly control characters, and
    EmptyInput (W101) for text of nothing but whitespace and control characters.
    ``what`` prefixes the message, e.g. ``"'body': "``.
    """
    if "\x00" in text:
        raise BinaryInput(f"{what}contains NUL characters; not text", origin=origin)
    check_printable(text, origin=origin, what=what)
    if not _CONTROL.sub("", text).strip():
        raise EmptyInput(f"{what}nothing but whitespace", origin=origin)


# Unicode's own line breaks (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR; Unicode Standard
# ch. 5.8): wire copy and PDFs put them where a newline belongs, and every later stage
# (sentences, paragraphs, datelines) reads "\n". One character each: offsets are unchanged.
_LINE_BREAKS = str.maketrans({"\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


def line_breaks(text: str) -> str:
    """U+0085, U+2028 and U+2029 as "\n" (same length, so character offsets hold)."""
    return text.translate(_LINE_BREAKS)


def _known(charset: str) -> codecs.CodecInfo | None:
    """The codec for a text encoding; None for unknown names and for base64, zlib and kin."""
    try:
        codec = codecs.lookup(charset)
        b" ".decode(codec.name)  # LookupError unless it decodes bytes to str ("" is exempt)
    except LookupError:
        return None
    except UnicodeDecodeError:  # a text encoding that wants more bytes (utf-16): fine
        pass
    return codec


def _decode_as(data: bytes, encoding: str, origin: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeFailed(_where(data, exc, f"not {encoding} as {why} says"),
                           origin=origin) from None


def _where(data: bytes, exc: UnicodeDecodeError, what: str) -> str:
    line = data.count(b"\n", 0, exc.start) + 1
    return f"{what}: byte 0x{data[exc.start]:02X} at offset {exc.start} (line {line})"
