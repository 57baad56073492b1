"""Read access to ``descriptive_groups.yaml``: groups named by description ("bandits",
"Maoists", "vigilantes", "ethnic militia") and the ACLED actor each is coded as; and the head
nouns of facilities, which are never actors ("the X Museum", "Y Hotel").

``described_group(head, modifiers, context)`` -> (id, name, acled type) or None: ``head`` the
mention's head noun (lower case), ``modifiers`` the lower-case words standing on it,
``context`` the lower-case words of its sentence (for a noun typed by context: "vigilantes"
are an identity militia among a community's words, a political militia otherwise; ACLED
codebook 2023, "Actors").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from . import load_yaml


@lru_cache(maxsize=1)
def table() -> dict:
    text = resources.files("wirecoder.resources").joinpath("descriptive_groups.yaml") \
        .read_text("utf-8")
    data = load_yaml(text)
    by_head: dict[str, list[dict]] = {}
    for row in data["groups"]:
        for head in row["heads"]:
            by_head.setdefault(head, []).append(row)
    return {"by_head": by_head, "facility_heads": frozenset(data["facility_heads"])}


def facility_heads() -> frozenset:
    return table()["facility_heads"]


def described_group(head: str, modifiers, context=()) -> tuple[str, str, str | None] | None:
    modifiers = set(modifiers)
    for row in table()["by_head"].get(head, ()):
        if row.get("needs") and not modifiers & set(row["needs"]):
            continue
        if row.get("identity") and (modifiers | set(context)) & set(row["identity"]):
            return row["identity_id"], row["identity_name"], row["identity_acled"]
        return row["id"], row["name"], row.get("acled")
    return None


def acled_types() -> dict[str, str]:
    """Actor id -> ACLED actor type, for the descriptive actors that have one."""
    out = {}
    for rows in table()["by_head"].values():
        for row in rows:
            if row.get("acled"):
                out[row["id"]] = row["acled"]
            if row.get("identity_acled"):
                out[row["identity_id"]] = row["identity_acled"]
    return out
