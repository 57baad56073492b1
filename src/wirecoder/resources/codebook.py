"""Read access to the codebook tables the exports write: ACLED's country names, regions and
codes (``acled_countries.yaml``, ``acled_codebook.yaml``) and UCDP GED's country names
(``ucdp_countries.yaml``). Every function is a lookup: the rules are in the YAML files."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from . import load_yaml


def _read(name: str):
    return load_yaml(resources.files("wirecoder.resources").joinpath(name)
                          .read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def acled_codebook() -> dict:
    return _read("acled_codebook.yaml")


@lru_cache(maxsize=1)
def acled_countries() -> dict[str, dict]:
    return {str(k): v for k, v in _read("acled_countries.yaml").items()}


@lru_cache(maxsize=1)
def _ucdp_names() -> dict[str, str]:
    return {str(k): str(v) for k, v in _read("ucdp_countries.yaml").items()}


def acled_country(iso2: str | None) -> dict:
    """``{"name", "region", "iso"}`` for an ISO alpha-2 code; empty strings when unknown."""
    if not iso2:
        return {"name": "", "region": "", "iso": ""}
    found = acled_countries().get(iso2.upper())
    if found:
        return found
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2.upper())
    return {"name": getattr(country, "common_name", None) or getattr(country, "name", ""),
            "region": "", "iso": int(country.numeric) if country else ""}


def ucdp_country(iso2: str | None) -> str:
    """GED's name for a country: its own spelling where it has one, else ACLED's short name."""
    if not iso2:
        return ""
    return _ucdp_names().get(iso2.upper()) or acled_country(iso2)["name"]


def inter_code(actor_type: str | None, acled_type: str | None = None) -> int | None:
    """ACLED's inter code (1-8) of an actor: its ACLED type when the gazetteer gives one
    ("political militia" -> 3), else its wirecoder type; None for a person or no actor."""
    book = acled_codebook()
    if acled_type and acled_type in book["inter"]:
        return book["inter"][acled_type]
    return book["actor_types"].get(actor_type) if actor_type else None


def interaction(inter1: int, inter2: int | None) -> int:
    """Two digits, lower code first; a missing second side is 0 (state forces alone: 10)."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def valid_interactions() -> set[int]:
    return {a * 10 for a in range(1, 9)} | {a * 10 + b for a in range(1, 9)
                                             for b in range(a, 9)}


def time_precision(when) -> int | None:
    """ACLED time_precision of a resolved When (1 day, 2 week or short range, 3 longer)."""
    book = acled_codebook()
    if when.start is None:
        return None
    if when.precision == "range" or when.precision not in book["time_precision"]:
        end = when.end or when.start
        days = (end - when.start).days + 1
        return 1 if days == 1 else 2 if days <= book["range_days_precision_2"] else 3
    return book["time_precision"][when.precision]


def unnamed_actor1(event_type: str) -> dict | None:
    return acled_codebook()["unnamed_actor1"].get(event_type)
