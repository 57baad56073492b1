"""Exports over the store. ``export(store, fmt, out)`` writes to a text stream."""

from __future__ import annotations

from ..errors import UsageError
from .acled import write_acled_csv
from .jsonl import write_jsonl

FORMATS = {"jsonl": write_jsonl, "acled-csv": write_acled_csv}


def export(store, fmt: str, out) -> None:
    writer = FORMATS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    writer(store, out)
