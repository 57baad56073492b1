"""The event filters a user gives, checked once for the command line and the API alike:
an event type (ACLED's types and sub-event types, from ``resources/acled_event_types.yaml``),
a country (a name or an ISO code) and a date range. Each raises ``UsageError`` (W400) with a
message that names what would be accepted; the API answers it as a 400, the CLI as exit 1.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .errors import UsageError

EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians",
               "Protests", "Riots", "Strategic developments")


def _fold(name: str) -> str:
    """A name as a filter compares it: case, spacing and punctuation ignored
    ("explosions / remote-violence" == "Explosions/Remote violence")."""
    return " ".join(re.findall(r"[^\W_]+", name.casefold()))


@lru_cache(maxsize=1)
def event_type_names() -> dict[str, tuple[str, str | None]]:
    """Folded name -> (ACLED event type, sub-event type or None), from
    ``resources/acled_event_types.yaml`` (ACLED Codebook 2023)."""
    from importlib import resources

    from .resources import load_yaml

    table = load_yaml(resources.files("wirecoder.resources").joinpath(
        "acled_event_types.yaml").read_text(encoding="utf-8"))
    names: dict[str, tuple[str, str | None]] = {}
    for event_type, sub_types in table.items():
        names[_fold(event_type)] = (event_type, None)
        for sub_type in sub_types:
            names.setdefault(_fold(sub_type), (event_type, sub_type))
    return names


def event_type(value: str | None, name: str = "type") -> tuple[str | None, str | None]:
    """An event-type filter as ``(type, sub_type)``: an ACLED event type ("battles") or
    sub-event type ("air/drone strike", "Air drone strike"), any case or punctuation.
    ``UsageError`` naming the types for anything else."""
    if value in (None, ""):
        return None, None
    found = event_type_names().get(_fold(value))
    if found is None:
        raise UsageError(f"{name} must be one of: {', '.join(EVENT_TYPES)}, or an ACLED "
                         f"sub-event type (Armed clash, Air/drone strike, ...); "
                         f"got {value[:60]!r}")
    return found


def country(value: str | None, name: str = "country") -> str | None:
    """A country filter by ISO alpha-2 or alpha-3 code, name or demonym ("Nigeria", "NG",
    "nga") as its alpha-2 code; ``UsageError`` suggesting close names for a misspelling."""
    if value in (None, ""):
        return None
    from .resources.countries import country_code, country_suggestions

    code = country_code(value)
    if code is None:
        close = country_suggestions(value)
        raise UsageError(f"{name} {value[:60]!r} names no country: give a name or an ISO "
                         "code (e.g. Tunisia, TN, TUN)"
                         + (f"; did you mean {' or '.join(close)}?" if close else ""))
    return code


def one_date(value: str | date | None, name: str) -> date | None:
    """``YYYY-MM-DD`` as a date (None for nothing); ``UsageError`` otherwise."""
    if value in (None, "") or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{name} must be a date YYYY-MM-DD, got {str(value)[:40]!r}") from None


def date_range(date_from, date_to, names: tuple[str, str] = ("from", "to")
               ) -> tuple[date | None, date | None]:
    """Both ends of a date filter as dates; ``UsageError`` if either is not a date or the
    range ends before it starts (which would match nothing, silently)."""
    start, end = one_date(date_from, names[0]), one_date(date_to, names[1])
    if start and end and end < start:
        raise UsageError(f"{names[0]} {start} is after {names[1]} {end}: the range is "
                         "reversed, so no event could match")
    return start, end
