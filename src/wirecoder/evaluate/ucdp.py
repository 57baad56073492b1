"""Actor names of the UCDP Actor Dataset (v22.1, Uppsala Conflict Data Program, CC BY 4.0):
are groups recognised under their names as the press writes them, and kept apart?

Each non-state actor (``Org`` 1-3) gives one short text per name (its short name, and its
English full name when that differs), written from one of the templates below (chosen by the
actor's id, so every template is used), with the surface varied as wire copy varies it:
straight apostrophes made curly, a leading "the" added, a generic last word dropped before a
member noun ("a Haqqani leader"), an acronym written with dots. All texts go into one store.

Per name, the actor whose mention covers the name in the text (through the store's actor
claims and merges). Figures:

* **recognised**: the name is read as an armed group at all (not a state force, a place, a
  person or an unidentified group);
* **short = full**: actors with two names whose two texts resolve to one actor;
* **merged**: UCDP actors read as the same actor as another UCDP actor (lower is better).
  Texts whose name UCDP itself gives (short, new, original or new English full name) to
  another non-state actor of a country in common are left out of this figure (they still
  count for recognition): no text can say which of the two it names. In v22.1 these are a group re-listed under a new ActorId when it left a
  coalition (ActorId 6711 and 5840 share short and full names, Ukraine; 6711 has
  ``Splinter`` 1 and ``NamePrev`` the coalition, 5914; likewise 6712 and 5839), and one
  English full name UCDP gives to two groups of one country (399 and 5895, Pakistan), and
  the original name of a renamed group that another actor bears (890 and 180; 6930 and
  6354). The
  groups' *other* names still count: a short name read as its namesake is a merge.

CIRCULAR for recognition: ``actors_ucdp.yaml`` is generated from this same list, so a
recognised name measures the *matching* (the surface variants above), not the coverage of
names the gazetteer has never seen. The templates and variants are ours.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .common import share

ORGS = ("1", "2", "3")
NOTE = ("circular for recognition: the shipped gazetteer is generated from this list; the "
        "figures measure matching under surface variants, not coverage of unseen names")
# {name} is the surface as varied; {country} the actor's first country as written by UCDP
TEMPLATES = (
    "{Name} fighters attacked an army post near the border of {country} on Monday, a local "
    "official said.",
    "Officials in {country} said on Tuesday that {name} had claimed responsibility for a "
    "roadside bombing that killed three soldiers.",
    "Troops clashed with members of {name} in the north of {country} overnight, the defence "
    "ministry said in a statement.",
    "A spokesman for {name} told reporters in {country} that the group would not attend talks.",
    "Police in {country} arrested a {stem} commander on Wednesday after a raid on a farm.",
)
MEMBER_TEMPLATE = 4  # needs a name with a droppable last word
SUFFIXES = ("Network", "Group", "Movement", "Brigade", "Brigades", "Front", "Army", "Faction")


@dataclass
class Item:
    actor: str  # UCDP ActorId
    kind: str  # short | full
    name: str  # as UCDP writes it
    surface: str  # as the text writes it
    text: str
    start: int  # character span of the surface in the text
    end: int
    shared: bool = False  # UCDP gives this name to another actor of a country in common


def read_actors(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r.get("Org") in ORGS]


def _clean(value: str) -> str:
    value = " ".join((value or "").split())
    return "" if value.lower() in ("n/a", "na", "-") else value


def _country(row: dict) -> str:
    first = re.split(r",\s*(?!FYR)", row.get("Location") or "")[0]
    return re.sub(r"\s*\(.*\)", "", first).strip() or "the region"


def _vary(name: str, n: int) -> str:
    """The surface of a name, varied by ``n``: curly apostrophes, a leading "the", dots."""
    if re.fullmatch(r"[A-Z]{3,6}", name) and n % 3 == 0:
        return ".".join(name) + "."  # "L.T.T.E."
    if "'" in name:
        return name.replace("'", "\u2019")
    if n % 2 == 0 and len(name.split()) > 1 and not name.lower().startswith("the "):
        return "the " + name
    return name


def _countries(row: dict) -> set[str]:
    return {re.sub(r"\s*\(.*\)", "", c).strip()
            for c in re.split(r",\s*(?!FYR)", row.get("Location") or "")} - {""}


def _shared_names(rows: list[dict]) -> set[tuple[str, str]]:
    """(ActorId, folded name) of every name UCDP gives to two actors or more of a country
    in common (same words, case and spacing aside)."""
    bearers: dict[str, list[dict]] = {}
    for row in rows:
        for value in {_clean(row.get(k)) for k in ("NameData", "NewName", "NameOrigFullEng",
                                                    "NewNameFullEng")} - {""}:
            bearers.setdefault(" ".join(value.casefold().split()), []).append(row)
    out = set()
    for key, group in bearers.items():
        for row in group:
            if any(o["ActorId"] != row["ActorId"] and _countries(o) & _countries(row)
                   for o in group):
                out.add((row["ActorId"], key))
    return out


def items(rows: list[dict]) -> list[Item]:
    shared = _shared_names(rows)
    out = []
    for row in rows:
        number = int(row["ActorId"])
        short = _clean(row.get("NewName")) or _clean(row.get("NameData"))
        full = _clean(row.get("NewNameFullEng")) or _clean(row.get("NameOrigFullEng"))
        names = [("short", short)] + ([("full", full)] if full and full != short else [])
        for i, (kind, name) in enumerate(names):
            if not name:
                continue
            template = (number + i) % len(TEMPLATES)
            words = name.split()
            if template == MEMBER_TEMPLATE and not (len(words) > 1 and words[-1] in SUFFIXES):
                template = (template + 1) % len(TEMPLATES)
            surface = " ".join(words[:-1]) if template == MEMBER_TEMPLATE else \
                _vary(name, number + i)
            if template == 0:
                surface = surface[:1].upper() + surface[1:]
            pattern = TEMPLATES[template]
            key = "{Name}" if "{Name}" in pattern else "{stem}" if "{stem}" in pattern else "{name}"
            before, after = pattern.split(key, 1)
            before = before.format(country=_country(row))
            text = before + surface + after.format(country=_country(row))
            out.append(Item(row["ActorId"], kind, name, surface, text, len(before),
                            len(before) + len(surface),
                            (row["ActorId"], " ".join(name.casefold().split())) in shared))
    return out


def score(found: list[tuple[Item, str | None, str | None]]) -> dict:
    """``found``: per item, the canonical actor id covering its name and that actor's type."""
    rows = []
    for item, actor, kind in found:
        rows.append({"ucdp": item.actor, "kind": item.kind, "name": item.name,
                     "surface": item.surface, "actor": actor, "type": kind,
                     "shared": item.shared,
                     "recognised": bool(actor) and kind == "armed group"
                     and actor != "unidentified-armed-group"})
    recognised = [r for r in rows if r["recognised"]]
    by_actor: dict[str, dict[str, str | None]] = {}
    for r in rows:
        by_actor.setdefault(r["ucdp"], {})[r["kind"]] = r["actor"] if r["recognised"] else None
    pairs = [v for v in by_actor.values() if "full" in v]
    same = sum(1 for v in pairs if v.get("short") and v.get("short") == v.get("full"))
    owners: dict[str, set[str]] = {}
    telling = [r for r in recognised if not r["shared"]]  # names that say which actor
    for r in telling:
        owners.setdefault(r["actor"], set()).add(r["ucdp"])
    merged = {u for ucdps in owners.values() if len(ucdps) > 1 for u in ucdps}
    seen = {r["ucdp"] for r in telling}
    return {"texts": len(rows), "actors": len(by_actor),
            "recognised": share(len(recognised), len(rows)),
            "short_full_pairs": len(pairs), "short_equals_full": share(same, len(pairs)),
            "merged": share(len(merged), len(seen)), "merged_n": len(merged),
            "note": NOTE, "rows": rows}


def render(r: dict) -> list[str]:
    return [f"UCDP actors: {r['actors']} non-state actors, {r['texts']} texts (one name each)",
            f"  names recognised as an armed group  {r['recognised']:.3f}",
            f"  short and full name -> one actor    {r['short_equals_full']:.3f}  "
            f"(of {r['short_full_pairs']} actors with both)",
            f"  UCDP actors merged with another     {r['merged']:.3f}  ({r['merged_n']})",
            f"  NOTE: {r['note']}"]
