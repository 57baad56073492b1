"""``Rejected``: an input that did not become an Article. Readers yield it and carry on."""

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


def one_line(message: str) -> str:
    """Messages end up as one row of a batch summary, so no line breaks (paths may hold them)."""
    return " ".join(message.split())
