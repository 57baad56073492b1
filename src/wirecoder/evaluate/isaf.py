"""ISAF press releases (NATO, Afghanistan 2009-2013; the annotated set of
strickvl/isafpr_finetune): per release, what a user of the store would read off it.

Per release (its text ingested as given, outlet ISAF, the dateline's date as publication date
unless ``--no-published``):

* **event found**: any *current* event (asserted, not background);
* **date**: the earliest current event's start (among events starting that day, the one of
  the narrowest span, then the first told) against gold ``start_date``: exact, within
  one day, undated, coarser than a day (split by whether its range holds the gold day), or
  wrong; over all releases, and over the *dated* ones: those whose dateline (with the release
  number's or the id's year) gives a day, i.e. the releases given a publication date (issue 20's
  target is over these). With ``--no-published`` the same releases measure what the pipeline
  reads from the dateline itself;
* **province**: gold province among the admin1 of the current events' places (folded:
  accents, case, "Province"; the spelling table in ``isaf.yaml``);
* **killed / captured**: the sum of current events' ``fatalities`` / ``arrested`` against
  ``min_killed`` / ``min_captured``, exact and within one; releases that word the count only
  vaguely ("several", see ``isaf.yaml``) are reported apart, since the gold reads "several"
  as 3 and wirecoder, as ACLED, leaves such counts unknown;
* **target groups**: each gold group code (mapped in ``isaf.yaml``) among the actors of the
  current events;
* **event type**: the first current event by position, and any current event, against the
  gold type under the mapping in ``isaf.yaml``, with a confusion table;
* **false merges**: stored (cross-article) events whose member reports come from releases
  with different gold dates or provinces.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..model import Event
from .common import fold, share

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# "(Jan. 25, 2013)", "(Sept. 22)", "(August 4)": the wire dateline's date, year optional
DATELINE = re.compile(r"\(\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:\s*,\s*(\d{4}))?\s*\)")
RELEASE_NO = re.compile(r"\b(20[01]\d)-(\d{2})-[A-Z]{1,3}\s*[-\u2013]")
ID_DATE = re.compile(r"([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})")


@dataclass
class Release:
    id: str
    text: str
    gold: dict


@dataclass
class Outcome:
    """What the store holds for one release: its current events in article order, and the
    names (ids, names, aliases; folded) of their actors."""

    release: Release
    published: date | None
    events: list[Event] = field(default_factory=list)
    actor_names: set[str] = field(default_factory=set)
    stored: bool = True
    dated: bool | None = None  # its dateline gives a day; None: as ``published is not None``


@lru_cache(maxsize=1)
def tables() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("isaf.yaml").read_text("utf-8"))


def read_isaf(path: str | Path) -> list[Release]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                out.append(Release(str(record["id"]), record.get("text") or "", record["gold"]))
    return out


def dateline_date(text: str, release_id: str = "") -> date | None:
    """The date of the release's wire dateline ("KABUL, Afghanistan (Jan. 25, 2013)"), its
    year from the release number ("2010-10-CA-127") or the id when the dateline has none;
    ``None`` when the text gives no day."""
    match = DATELINE.search(text[:600])
    if not match or match.group(1)[:3].lower() not in MONTHS:
        match = ID_DATE.search(release_id)
        if not match or match.group(1)[:3].lower() not in MONTHS:
            return None
    month, day = MONTHS[match.group(1)[:3].lower()], int(match.group(2))
    year = match.group(3)
    if year is None:
        number = RELEASE_NO.search(text[:600]) or RELEASE_NO.search(release_id + " -")
        id_date = ID_DATE.search(release_id)
        year = number.group(1) if number else (id_date.group(3) if id_date else None)
    try:
        return date(int(year), month, day) if year else None
    except ValueError:
        return None


def gold_list(value) -> list[str]:
    """``["aq;taliban"]`` -> ``["aq", "taliban"]``; empty codes dropped."""
    items = value if isinstance(value, list) else [value]
    return [part.strip() for item in items for part in str(item or "").split(";") if part.strip()]


def province_keys(name: str | None) -> set[str]:
    key = fold(name)
    if not key:
        return set()
    keys = {key}
    for gold, spellings in tables()["provinces"].items():
        group = {gold, *spellings}
        if key in group:
            keys |= group
    return keys


def event_provinces(events: list[Event]) -> set[str]:
    out: set[str] = set()
    for e in events:
        if e.place is None:
            continue
        names = [e.place.admin1]
        if (e.place.feature or "").startswith("A.ADM1"):
            names.append(e.place.name)
        for name in names:
            out |= province_keys(name)
    return out


def vague(text: str, kind: str) -> bool:
    """Does a sentence about ``kind`` ("killed"/"captured") word its count vaguely?"""
    verbs = {"killed": r"kill|dead|death", "captured": r"detain|captur|arrest|custody"}[kind]
    words = "|".join(re.escape(w) for w in tables()["vague"])
    for sentence in re.split(r"(?<=[.!?])\s+|[\n\u2028\u2029]+", text):
        if re.search(verbs, sentence, re.I) and re.search(rf"\b({words})\b", sentence, re.I):
            return True
    return False


def type_agrees(gold_type: str, event: Event) -> bool:
    ok = tables()["event_types"].get(gold_type, [])
    return event.sub_type in ok or event.type in ok


def groups_found(codes: list[str], names: set[str]) -> tuple[list[str], list[str]]:
    found, missed = [], []
    for code in codes:
        entry = tables()["target_groups"].get(code, {"ids": [code], "names": [code]})
        keys = {fold(x) for x in entry["ids"] + entry["names"]}
        (found if keys & names else missed).append(code)
    return found, missed


def _scored(dated: list[Event]) -> Event:
    """The event whose start is scored: the earliest start; among events starting that day,
    the narrowest span (a day-precise event over a range that merely begins on it), then
    article order."""
    return min(enumerate(dated), key=lambda p: (
        p[1].when.start, ((p[1].when.end or p[1].when.start) - p[1].when.start).days, p[0]))[1]


def _date_status(events: list[Event], gold: date | None) -> str:
    if not events:
        return "no event"
    dated = [e for e in events if e.when.start is not None]
    if not dated:
        return "undated"
    first = _scored(dated)
    if first.when.precision != "day" and first.when.end != first.when.start:
        if gold is not None and first.when.start <= gold <= (first.when.end or first.when.start):
            return "coarser, holds the day"
        return "coarser"
    if gold is None:
        return "no gold"
    delta = abs((first.when.start - gold).days)
    return "exact" if delta == 0 else "within one day" if delta == 1 else "wrong"


def _first_when(events: list[Event]) -> dict | None:
    """The scored event's time (the earliest current start): end, precision, wording and note,
    for ``--details``."""
    dated = [e for e in events if e.when.start is not None]
    if not dated:
        return None
    w = _scored(dated).when
    return {"end": w.end, "precision": w.precision, "text": w.text, "note": w.note}


def _count(events: list[Event], attr: str) -> int:
    return sum(getattr(e, attr) or 0 for e in events)


def score_release(o: Outcome) -> dict:
    """One release's row (also the ``--details`` line)."""
    g = o.release.gold
    gold_start = date.fromisoformat(g["start_date"]) if g.get("start_date") else None
    gold_types = gold_list(g.get("event_type"))
    gold_province = (gold_list(g.get("province")) or [""])[0]
    codes = gold_list(g.get("target_group"))
    found, missed = groups_found(codes, o.actor_names)
    first = o.events[0] if o.events else None
    row = {
        "id": o.release.id, "published": o.published, "events": len(o.events),
        "dated": o.published is not None if o.dated is None else o.dated,
        "date": _date_status(o.events, gold_start), "gold_date": g.get("start_date"),
        "first_date": min((e.when.start for e in o.events if e.when.start), default=None),
        "first_when": _first_when(o.events),
        "gold_province": gold_province,
        "provinces": sorted({e.place.admin1 or e.place.name for e in o.events if e.place}),
        "province_ok": bool(province_keys(gold_province) & event_provinces(o.events)),
        "gold_killed": g.get("min_killed"), "killed": _count(o.events, "fatalities"),
        "gold_captured": g.get("min_captured"), "captured": _count(o.events, "arrested"),
        "killed_vague": vague(o.release.text, "killed"),
        "captured_vague": vague(o.release.text, "captured"),
        "gold_groups": codes, "groups_found": found, "groups_missed": missed,
        "gold_types": gold_types, "first_type": first.sub_type if first else None,
        "first_type_ok": bool(first and any(type_agrees(t, first) for t in gold_types)),
        "any_type_ok": any(type_agrees(t, e) for t in gold_types for e in o.events),
        "types": [e.sub_type for e in o.events],
    }
    return row


def _gold_key(release: Release) -> tuple:
    return (release.gold.get("start_date"),
            fold((gold_list(release.gold.get("province")) or [""])[0]))


def false_merges(groups: list[list[list[Release]]]) -> dict:
    """``groups``: for each stored event that merges several articles, the releases behind
    each of its articles (several when the set holds one text twice). A group is false when
    releases of *different texts* differ in gold date or province. Two releases with one text
    are one release: merging them is right whatever the set's two golds say (nothing that
    reads the text can tell them apart); a merge whose only disagreement lies between such
    copies is counted apart (``gold_differs_on_one_text``)."""
    bad, same_text = [], []
    for group in groups:
        keys = [{_gold_key(r) for r in copies} for copies in group]
        # false: no one reading of each text's golds agrees across the texts
        if not set.intersection(*keys):
            bad.append(group)
        elif any(len(k) > 1 for k in keys):
            same_text.append(group)
    return {"merged_events": len(groups), "false_merges": len(bad),
            "releases_in_false_merges": len({r.id for g in bad for c in g for r in c}),
            "largest": max((sum(len(c) for c in g) for g in bad), default=0),
            "gold_differs_on_one_text": len(same_text),
            "false_groups": [[r.id for c in g for r in c] for g in bad]}


def score(outcomes: list[Outcome], merges: dict | None = None) -> dict:
    rows = [score_release(o) for o in outcomes]
    n = len(rows)
    gold_dated = [r for r in rows if r["gold_date"]]
    dates = Counter(r["date"] for r in gold_dated)
    dated = [r for r in gold_dated if r["dated"]]
    dated_dates = Counter(r["date"] for r in dated)
    with_province = [r for r in rows if r["gold_province"]]
    result = {
        "releases": n, "with_published": sum(o.published is not None for o in outcomes),
        "event_found": share(sum(r["events"] > 0 for r in rows), n),
        "date": {k: share(v, len(gold_dated)) for k, v in sorted(dates.items())},
        "date_exact": share(dates["exact"], len(gold_dated)),
        "dated_n": len(dated),
        "date_dated": {k: share(v, len(dated)) for k, v in sorted(dated_dates.items())},
        "date_exact_dated": share(dated_dates["exact"], len(dated)),
        "province": share(sum(r["province_ok"] for r in with_province), len(with_province)),
    }
    for kind in ("killed", "captured"):
        for vague_ in (False, True):
            part = [r for r in rows if r[f"gold_{kind}"] is not None and r[f"{kind}_vague"] == vague_]
            key = f"{kind}_{'vague' if vague_ else 'stated'}"
            result[key] = {
                "n": len(part),
                "exact": share(sum(r[kind] == r[f"gold_{kind}"] for r in part), len(part)),
                "within_one": share(sum(abs(r[kind] - r[f"gold_{kind}"]) <= 1 for r in part),
                                    len(part))}
        every = [r for r in rows if r[f"gold_{kind}"] is not None]
        result[f"{kind}_exact"] = share(sum(r[kind] == r[f"gold_{kind}"] for r in every),
                                        len(every))
    grouped = [r for r in rows if r["gold_groups"]]
    result["groups"] = share(sum(not r["groups_missed"] for r in grouped), len(grouped))
    result["groups_n"] = len(grouped)
    typed = [r for r in rows if r["gold_types"]]
    result["type_first"] = share(sum(r["first_type_ok"] for r in typed), len(typed))
    result["type_any"] = share(sum(r["any_type_ok"] for r in typed), len(typed))
    result["confusion"] = sorted(Counter(("/".join(r["gold_types"]), r["first_type"] or "(none)")
                                         for r in typed).items(), key=lambda kv: (-kv[1], kv[0]))
    result["merges"] = merges or {}
    result["rows"] = rows
    return result


def render(result: dict) -> list[str]:
    r = result
    lines = [f"ISAF releases: {r['releases']} ({r['with_published']} with a dateline date "
             "used as publication date)",
             f"  event found            {r['event_found']:.3f}",
             f"  start date exact       {r['date_exact']:.3f}   "
             + ", ".join(f"{k} {v:.3f}" for k, v in r["date"].items()),
             f"    of dated releases    {r['date_exact_dated']:.3f}   (n={r['dated_n']}: the "
             "dateline gives a day) "
             + ", ".join(f"{k} {v:.3f}" for k, v in r["date_dated"].items()),
             f"  province right         {r['province']:.3f}",
             f"  target groups found    {r['groups']:.3f}  (of {r['groups_n']} releases naming one)",
             f"  type, first event      {r['type_first']:.3f}",
             f"  type, any event        {r['type_any']:.3f}"]
    for kind in ("killed", "captured"):
        s, v = r[f"{kind}_stated"], r[f"{kind}_vague"]
        lines.append(f"  {kind:8} exact {r[f'{kind}_exact']:.3f}; stated counts: exact "
                     f"{s['exact']:.3f}, within one {s['within_one']:.3f} (n={s['n']}); vague "
                     f"wording: exact {v['exact']:.3f}, within one {v['within_one']:.3f} "
                     f"(n={v['n']})")
    m = r.get("merges") or {}
    if m:
        lines.append(f"  false merges           {m['false_merges']} of {m['merged_events']} "
                     f"merged events, joining {m['releases_in_false_merges']} releases "
                     f"(largest: {m['largest']}); one text with two golds: "
                     f"{m.get('gold_differs_on_one_text', 0)}")
    lines.append("  type confusion (gold -> first event): " + "; ".join(
        f"{g} -> {p}: {n}" for (g, p), n in r["confusion"][:12]))
    return lines
