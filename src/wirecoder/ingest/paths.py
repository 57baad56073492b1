"""Files, directories and stdin -> a stream of ``Article | Rejected``, in a stable order.

Which reader a file gets is decided by its extension alone (the table below). Directories are
walked depth-first in sorted name order, skipping hidden entries and files of other types; a
file named explicitly is always read or rejected. ``-`` is stdin: JSON Lines if its first
non-blank character is ``{``, otherwise plain text.

A walk never leaves the folders it was given through a symbolic link: by default a link (to a
file of a kind we read, or to a folder) is not followed and is listed as skipped (W111); with
``follow_symlinks=True`` a link is followed only when its target lies inside one of the folders
given, and each folder is walked once (no loops). A path named explicitly is read even if it
is a link: the user chose it.
"""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

from ..errors import InputError, LinkSkipped, TooLarge, UnsupportedInput
from ..model import Article
from .decode import MAX_BYTES, check_size, decode
from .html import read_html
from .jsonl import read_json, read_jsonl
from .meta import clean_meta
from .rejected import Notice, Rejected, one_line
from .text import read_text

KINDS = {"": "text", ".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
         ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
# Raw HTML carries scripts and styles several times the size of the article it wraps.
HTML_OVERHEAD = 5
# A .json list is parsed whole; past this many times max_bytes, JSON Lines (streamed) it is.
JSON_DOCUMENT_FACTOR = 50
STDIN = "<stdin>"


def read_paths(paths: Iterable[str | Path], *, meta: Mapping[str, Any] | None = None,
               max_bytes: int = MAX_BYTES, follow_symlinks: bool = False
               ) -> Iterator[Article | Rejected | Notice]:
    """Read every input; one that cannot be read becomes a ``Rejected`` and the rest go on.

    ``meta`` (``published``, ``outlet``, ``url``, ``title``, ``language``, ``dateline``) wins
    over what a text or HTML file says and fills what a JSON record lacks. It is checked here,
    once: bad metadata raises BadMetadata now instead of rejecting every file alike.
    ``max_bytes`` limits one article's text, in UTF-8 bytes. ``follow_symlinks``: see above.
    """
    if isinstance(paths, (str, Path)):  # a lone str would otherwise be read letter by letter
        paths = [paths]
    checked = clean_meta(meta)
    return _read_all(list(paths), checked, max_bytes, follow_symlinks)


def _read_all(paths: list[str | Path], meta: dict[str, Any], max_bytes: int,
              follow_symlinks: bool) -> Iterator[Article | Rejected | Notice]:
    roots = [Path(p).resolve() for p in paths if str(p) != "-" and Path(p).is_dir()]
    walk = _Walk(roots, follow_symlinks)
    for path in paths:
        if str(path) == "-":
            yield from read_stream(sys.stdin.buffer, name=STDIN, meta=meta, max_bytes=max_bytes)
            continue
        path = Path(path)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, Rejected):
                    yield found
                else:
                    yield from _read_file(found, meta, max_bytes)
        elif path.is_file():
            yield from _read_file(path, meta, max_bytes)
        elif path.exists():  # a pipe or device, e.g. <(zcat articles.jsonl.gz): sniff it
            yield from _read_special(path, meta, max_bytes)
        else:
            yield _rejected(str(path), InputError, "no such file or directory")


def read_stream(stream: BinaryIO, *, name: str, meta: Mapping[str, Any] | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Article | Rejected | Notice]:
    """A byte stream of unknown type: JSON Lines if it starts with ``{``, else plain text."""
    head = b""
    while len(head) <= max_bytes:  # look at the first non-blank byte without losing any
        byte = stream.read(1)
        head += byte
        in_bom = codecs.BOM_UTF8.startswith(head)
        if not byte or not (byte.isspace() or in_bom):
            break
    rest = io.BufferedReader(_Prefixed(head, stream))
    if head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        yield from read_jsonl(rest, name=name, meta=meta, max_bytes=max_bytes)
        return
    try:
        data = rest.read(max_bytes + 1)  # a stream has no size to check first
        if len(data) > max_bytes:
            raise TooLarge(f"more than {max_bytes:,} bytes, the limit (raise it with --max-bytes)",
                           origin=name)
        yield read_text(data, origin=name, meta=meta)
    except InputError as exc:
        yield Rejected(name, exc)


class _Walk:
    """Files to read under a folder, in sorted order; links as the module docstring says."""

    def __init__(self, roots: list[Path], follow_symlinks: bool) -> None:
        self.roots = roots
        self.follow = follow_symlinks
        self.seen: set[Path] = set()  # folders walked, resolved: none twice, so no loops

    def __call__(self, directory: Path) -> Iterator[Path | Rejected]:
        real = directory.resolve()
        if real in self.seen:
            return
        self.seen.add(real)
        try:
            entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
        except OSError as exc:
            yield _rejected(str(directory), InputError,
                            f"cannot list directory: {exc.strerror}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                yield from self._link(entry)
            elif entry.is_dir():
                yield from self(entry)
            elif entry.is_file() and entry.suffix.lower() in KINDS:
                yield entry

    def _link(self, entry: Path) -> Iterator[Path | Rejected]:
        wanted = entry.is_dir() or entry.suffix.lower() in KINDS
        if not wanted:
            return  # a link to a .md file is skipped as the file itself would be
        if not self.follow:
            yield _rejected(str(entry), LinkSkipped, "a symbolic link, not followed "
                            "(--follow-symlinks follows links that stay inside the folders "
                            "given)")
            return
        target = entry.resolve()
        if not any(target == root or target.is_relative_to(root) for root in self.roots):
            yield _rejected(str(entry), LinkSkipped,
                            "a symbolic link to outside the folders given, not followed")
        elif target.is_dir():
            yield from self(entry)
        elif target.is_file():
            yield entry


def _read_file(path: Path, meta: dict[str, Any], max_bytes: int
               ) -> Iterator[Article | Rejected | Notice]:
    origin = str(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(s for s in KINDS if s)
        yield _rejected(origin, UnsupportedInput,
                        f"cannot read {path.suffix!r} files; known: {known} or no extension")
        return
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, name=origin, meta=meta, max_bytes=max_bytes)
        elif kind == "json":
            data = _read_bytes(path, max_bytes * JSON_DOCUMENT_FACTOR, origin,
                               f"{JSON_DOCUMENT_FACTOR} x --max-bytes for a .json document")
            yield from read_json(decode(data, origin=origin), name=origin, meta=meta,
                                 max_bytes=max_bytes)
        elif kind == "html":
            data = _read_bytes(path, max_bytes * HTML_OVERHEAD, origin,
                               f"{HTML_OVERHEAD} x --max-bytes for a raw HTML page")
            yield read_html(data, origin=origin, meta=meta, max_bytes=max_bytes)
        else:
            yield read_text(_read_bytes(path, max_bytes, origin), origin=origin, meta=meta)
    except InputError as exc:
        yield Rejected(origin, exc)
    except OSError as exc:
        yield _rejected(origin, InputError, f"cannot read: {exc.strerror or exc}")


def _read_special(path: Path, meta: dict[str, Any], max_bytes: int
                  ) -> Iterator[Article | Rejected | Notice]:
    try:
        with path.open("rb") as stream:
            yield from read_stream(stream, name=str(path), meta=meta, max_bytes=max_bytes)
    except OSError as exc:
        yield _rejected(str(path), InputError, f"cannot read: {exc.strerror or exc}")


def _read_bytes(path: Path, limit: int, origin: str,
                limit_is: str = "raise it with --max-bytes") -> bytes:
    """The file's bytes, after checking its size: a 5 GB file is never read to be refused."""
    check_size(path.stat().st_size, limit, origin=origin, limit_is=limit_is)
    with path.open("rb") as stream:
        data = stream.read(limit + 1)  # the file may have grown since stat
    check_size(len(data), limit, origin=origin, limit_is=limit_is)
    return data


def _rejected(origin: str, error: type[InputError], message: str) -> Rejected:
    return Rejected(origin, error(one_line(message), origin=origin))


class _Prefixed(io.RawIOBase):
    """A stream with the bytes already read (to sniff its type) put back in front."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._prefix:
            data, self._prefix = self._prefix[:len(buffer)], self._prefix[len(buffer):]
        else:
            read = getattr(self._stream, "read1", self._stream.read)
            data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
