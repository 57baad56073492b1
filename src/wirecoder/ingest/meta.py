"""Article metadata: the field names, publication dates, and which source wins.

A publication date is a calendar date as the source writes it: a time zone, if given, is
dropped, not converted (model.py: dates are in the article's own frame). A missing date stays
``None``; nothing here guesses one.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Mapping

from ..errors import BadMetadata
from ..limits import date_problem
from .rejected import one_line

FIELDS = ("published", "outlet", "url", "title", "language", "dateline")

# Reuters-21578: "26-FEB-1987 15:01:01.79". Month names matched by hand, since strptime's %b
# follows the process locale.
_REUTERS = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_EXPECTED = "expected YYYY-MM-DD, an ISO datetime, an RFC 2822 date or '26-FEB-1987 15:01:01.79'"


class DateOutOfRange(ValueError):
    """A real calendar date that cannot be a publication date (``limits.py``): 9999-12-31."""


def parse_date(value: Any) -> date | None:
    """A publication date from ``value``; ``None`` for nothing; ``ValueError`` if not a date,
    ``DateOutOfRange`` (a ValueError) if outside the years ``limits.py`` allows."""
    found = _parse_date(value)
    problem = date_problem(found)
    if problem:
        raise DateOutOfRange(problem)
    return found


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{type(value).__name__} {value!r} is not a date; {_EXPECTED}")
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()  # also takes plain dates, "Z", fractions
    except ValueError:
        pass
    match = _REUTERS.fullmatch(text)
    if match and match.group(2).lower() in _MONTHS:
        day, month, year = match.groups()
        try:
            return date(int(year), _MONTHS[month.lower()], int(day))
        except ValueError:
            pass  # 31-FEB-1987: reported below like any other non-date
    try:
        return parsedate_to_datetime(text).date()  # RSS feeds: "Tue, 04 Mar 2025 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"{text[:40]!r} is not a date; {_EXPECTED}")


def clean_meta(meta: Mapping[str, Any] | None, *, origin: str | None = None,
               names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Check metadata and return it typed (``published`` a date); empty values dropped.

    ``names`` maps a field to the key the user wrote (an alias such as ``date``) for messages.
    Raises BadMetadata for an unknown key, a non-string value or a date that is not a date.
    """
    names = names or {}
    out: dict[str, Any] = {}
    for key, value in (meta or {}).items():
        shown = names.get(key, key)
        if key not in FIELDS:
            raise BadMetadata(f"unknown metadata field {key!r}; known: {', '.join(FIELDS)}",
                              origin=origin)
        if key == "published":
            try:
                value = parse_date(value)
            except ValueError as exc:
                raise BadMetadata(one_line(f"{shown}: {exc}"), origin=origin) from None
        elif value is not None:
            if not isinstance(value, str):
                raise BadMetadata(f"{shown}: expected a string, got {type(value).__name__}",
                                  origin=origin)
            value = value.strip()
        if value is not None and value != "":
            out[key] = value
    return out


def fill(first: Mapping[str, Any], then: Mapping[str, Any]) -> dict[str, Any]:
    """Fields from ``first``, and from ``then`` those ``first`` lacks."""
    return {**then, **{k: v for k, v in first.items() if v is not None and v != ""}}
