"""What a date or a count read from an article or its metadata may be: outside these bounds
it is not a fact about an armed conflict but a typo, a placeholder (``9999-12-31``) or an
attack, and it is dropped with a W112 warning where it is read (``ingest/meta.py`` for
publication dates, ``normalize/when.py`` for dates in the text, ``bounds.py`` for the
numbers of a finished extraction). The bounds also keep date arithmetic (a merge window of
days around an event) inside what Python's ``date`` can hold (years 1-9999).
"""

from __future__ import annotations

from datetime import date

# the earliest and latest calendar dates wirecoder stores (inclusive). Background reaches
# back centuries ("since the 12th century"); plans reach a few decades ahead.
EARLIEST = date(1000, 1, 1)
LATEST = date(2199, 12, 31)
# the note a dropped date's When carries (normalize/when.py), which bounds.py reports
OUT_OF_RANGE = "out of range: "
# the largest count (killed, wounded, abducted, arrested) one event can report
MAX_COUNT = 10_000_000


def date_problem(value: date | None) -> str | None:
    """Why ``value`` cannot be stored (one line), or None if it can (None itself can)."""
    if value is None or EARLIEST <= value <= LATEST:
        return None
    return (f"date {value.isoformat()} is outside {EARLIEST.year}-{LATEST.year}, the years "
            "wirecoder stores")


def count_problem(value: int | None) -> str | None:
    """Why the count ``value`` cannot be stored (one line), or None if it can."""
    if value is None or (isinstance(value, int) and 0 <= value <= MAX_COUNT):
        return None
    return f"count {value} is outside 0-{MAX_COUNT:,}"
