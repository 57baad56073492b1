"""``Rejected``: an input that did not become an Article; ``Notice``: one that did, with a
warning. Readers yield them in the stream of Articles and carry on."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import WirecoderError


@dataclass(frozen=True)
class Rejected:
    """An input not read. ``origin``: ``"path"`` or ``"path:LINENO"``.

    ``str(error)`` is the coded one-line reason, e.g. ``[W101] a.txt: nothing but whitespace``.
    """

    origin: str
    error: WirecoderError  # an InputError from the readers; the pipeline adds StageFailed


@dataclass(frozen=True)
class Notice:
    """A warning about the Article that follows it in the stream (same ``origin``): it was
    stored, minus what the warning names, e.g. ``[W110] a.jsonl:3: published: '2024-02-30' is
    not a date ...; stored with an unknown date``. Not counted as an input read."""

    origin: str
    error: WirecoderError


def one_line(message: str) -> str:
    """Messages end up as one row of a batch summary, so no line breaks (paths may hold them)."""
    return " ".join(message.split())
