"""Validation of query parameters the API shares: clear 400 messages, never a stack trace."""

from __future__ import annotations

import re
from datetime import date

from fastapi import HTTPException

from .. import filters
from ..errors import UsageError

MAX_LIMIT = 500
MAX_BODY = 1_000_000  # bytes of a pasted article (ingest.MAX_BYTES, `ingest --max-bytes`)


def bad(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def parse_date(value: str | None, name: str) -> date | None:
    try:
        return filters.one_date(value, name)
    except UsageError as exc:
        raise bad(exc.message) from None


def parse_dates(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None]:
    """``from`` and ``to`` as dates; a 400 for a non-date or a reversed range."""
    try:
        return filters.date_range(date_from, date_to)
    except UsageError as exc:
        raise bad(exc.message) from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees."""
    if value in (None, ""):
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180) \
            or not (-90 <= parts[1] <= parts[3] <= 90):
        raise bad("bbox must be min_lon,min_lat,max_lon,max_lat in degrees, "
                  "with min <= max")
    return parts


def event_type_names() -> dict[str, tuple[str, str | None]]:
    """Folded name -> (ACLED event type, sub-event type or None) (``filters.py``)."""
    return filters.event_type_names()


def parse_type(value: str | None) -> tuple[str | None, str | None]:
    """An event-type filter as ``(type, sub_type)`` (``filters.event_type``); a 400 naming
    the types for anything else."""
    try:
        return filters.event_type(value)
    except UsageError as exc:
        raise bad(exc.message) from None


def parse_country(value: str | None) -> str | None:
    """A country filter by code, name or demonym (``filters.country``); a 400 that suggests
    close names for a misspelling ("Nigerai")."""
    try:
        return filters.country(value)
    except UsageError as exc:
        raise bad(exc.message) from None


def parse_yes_no(value: str | None, name: str) -> bool | None:
    """``yes``/``no``/``any`` (or true/false, 1/0) as True/False/None."""
    if value in (None, "", "any"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    raise bad(f"{name} must be yes, no or any")


def parse_language(value: str | None) -> str | None:
    """A language filter: an ISO 639-1 code ("fr"), any case; a 400 for anything else."""
    if value in (None, ""):
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}", value):
        raise bad(f"language must be an ISO 639-1 code such as en or fr, got {value[:20]!r}")
    return value.lower()
