"""Validation of query parameters the API shares: clear 400 messages, never a stack trace."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from fastapi import HTTPException

MAX_LIMIT = 500
MAX_BODY = 1_000_000  # bytes of a pasted article (ingest.MAX_BYTES, `ingest --max-bytes`)
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


def _fold(name: str) -> str:
    """A name as a filter compares it: case, spacing and punctuation ignored
    ("explosions / remote-violence" == "Explosions/Remote violence")."""
    return " ".join(re.findall(r"[^\W_]+", name.casefold()))


@lru_cache(maxsize=1)
def event_type_names() -> dict[str, tuple[str, str | None]]:
    """Folded name -> (ACLED event type, sub-event type or None), from
    ``resources/acled_event_types.yaml`` (ACLED Codebook 2023)."""
    from importlib import resources

    import yaml

    table = yaml.safe_load(resources.files("wirecoder.resources").joinpath(
        "acled_event_types.yaml").read_text(encoding="utf-8"))
    names: dict[str, tuple[str, str | None]] = {}
    for event_type, sub_types in table.items():
        names[_fold(event_type)] = (event_type, None)
        for sub_type in sub_types:
            names.setdefault(_fold(sub_type), (event_type, sub_type))
    return names


def parse_type(value: str | None) -> tuple[str | None, str | None]:
    """An event-type filter as ``(type, sub_type)``: an ACLED event type ("battles") or
    sub-event type ("air/drone strike", "Air drone strike"), any case or punctuation.
    Raises a 400 naming the types for anything else."""
    if value in (None, ""):
        return None, None
    found = event_type_names().get(_fold(value))
    if found is None:
        raise bad(f"type must be one of: {', '.join(EVENT_TYPES)}, or an ACLED sub-event "
                  f"type (Armed clash, Air/drone strike, ...); got {value[:60]!r}")
    return found


def parse_country(value: str | None) -> str | None:
    """A country filter by ISO alpha-2 or alpha-3 code, name or demonym ("Nigeria", "NG",
    "nga"); a 400 that suggests close names for a misspelling ("Nigerai")."""
    if value in (None, ""):
        return None
    from ..resources.countries import country_code, country_suggestions

    code = country_code(value)
    if code is None:
        close = country_suggestions(value)
        raise bad(f"country {value[:60]!r} names no country: give a name or an ISO code"
                  + (f" (did you mean {' or '.join(close)}?)" if close else ""))
    return code


def parse_yes_no(value: str | None, name: str) -> bool | None:
    """``yes``/``no``/``any`` (or true/false, 1/0) as True/False/None."""
    if value in (None, "", "any"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    raise bad(f"{name} must be yes, no or any")
