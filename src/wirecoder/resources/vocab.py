"""Read access to resources/vocabulary.yaml: the analysts' vocabulary in one place."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from . import load_yaml


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    text = resources.files("wirecoder.resources").joinpath("vocabulary.yaml").read_text("utf-8")
    return load_yaml(text)


def plover_for(event_type: str, sub_type: str) -> str | None:
    spec = vocabulary()["event_types"].get(event_type, {}).get("sub_types", {}).get(sub_type)
    if not spec:
        return None
    mode = spec.get("plover_mode")
    return f"{spec['plover']}:{mode}" if mode else spec["plover"]


def disorder_type(event_type: str) -> str | None:
    return vocabulary()["event_types"].get(event_type, {}).get("disorder_type")


def acled_inter(actor_type: str | None) -> int | None:
    if actor_type is None:
        return None
    return vocabulary()["actor_types"].get(actor_type, {}).get("acled_inter")
