"""Validation of query parameters the API shares: clear 400 messages, never a stack trace."""

from __future__ import annotations

from datetime import date

from fastapi import HTTPException

MAX_LIMIT = 500
MAX_BODY = 2_000_000  # bytes of a pasted article (the same limit as `ingest --max-bytes`)
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians",
               "Protests", "Riots", "Strategic developments")


def bad(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def parse_date(value: str | None, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(f"{name} must be a date YYYY-MM-DD, got {value[:40]!r}") from None


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


def parse_type(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    for known in EVENT_TYPES:
        if value.casefold() == known.casefold():
            return known
    raise bad(f"type must be one of: {', '.join(EVENT_TYPES)}")


def parse_historical(value: str | None) -> bool | None:
    if value in (None, "", "any"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    raise bad("historical must be yes, no or any")


def parse_country(value: str | None) -> str | None:
    """A country filter by ISO alpha-2 or alpha-3 code, name or demonym ("Nigeria", "NG")."""
    if value in (None, ""):
        return None
    from ..resources.countries import country_code

    code = country_code(value)
    if code is None:
        raise bad(f"country {value[:60]!r} names no country: give a name or an ISO code")
    return code
