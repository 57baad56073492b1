"""Group the date misses of `wirecoder evaluate isaf --details FILE` by kind, with counts.

Usage: python scripts/group_isaf_date_misses.py DETAILS.jsonl ISAF.jsonl [--show KIND] [--all]

For each release whose start date is not exact (``--all``: every release), the kind is:

* what the text says about the day, in its opening sentences after the dateline: a relative
  day word ("yesterday", "last night", "overnight", "today", "this morning", "earlier today"),
  a weekday, an explicit date ("Jan. 5"), or nothing;
* what we produce: the scored date's precision (day, week, range, ...) or undated / no event;
* gold minus the release's dateline date (days), and gold minus our date (days).

Over the dated releases (the dateline gives a day) it also prints the best figure reachable if
every miss of a kind were fixed. For study only: never copy printed text into the project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from wirecoder.evaluate.isaf import dateline_date  # noqa: E402
from miss_kinds import print_kinds  # noqa: E402  (scripts/, beside this file)

RELATIVE = [("yesterday", r"\byesterday\b"), ("last night", r"\blast night\b"),
            ("overnight", r"\bovernight\b"), ("earlier today", r"\bearlier today\b"),
            ("this morning", r"\bthis (?:morning|afternoon|evening)\b"),
            ("today", r"\btoday\b"), ("tonight", r"\btonight\b"),
            ("recently", r"\b(?:recently|recent)\b"),
            ("last week", r"\b(?:last|this|past) week\b"),
            ("days ago", r"\b\w+ days? ago\b")]
WEEKDAY = r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
EXPLICIT = (r"\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
            r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\b")
DATELINE_END = re.compile(
    r"\(\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?\s*\)\s*[-\u2013\u2014]?")


def body(text: str) -> str:
    """The text after the dateline (the dateline's own date is the release's)."""
    m = DATELINE_END.search(text[:600])
    return text[m.end():] if m else text


def day_cue(text: str, chars: int = 400) -> str:
    """The first cue about the day in the opening of the body."""
    head = body(text)[:chars]
    found = []
    for name, pattern in RELATIVE:
        m = re.search(pattern, head, re.I)
        if m:
            found.append((m.start(), name))
    m = re.search(WEEKDAY, head)
    if m:
        found.append((m.start(), "weekday"))
    m = re.search(EXPLICIT, head)
    if m:
        found.append((m.start(), "explicit date"))
    return min(found)[1] if found else "nothing"


def diff(a, b) -> str:
    if not a or not b:
        return "?"
    d = (date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days
    return f"{d:+d}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("details")
    ap.add_argument("data")
    ap.add_argument("--show", default="")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--chars", type=int, default=400)
    args = ap.parse_args()
    # ids repeat in the set: the details rows follow the data's order, so pair them by line
    texts = [json.loads(line)["text"] for line in open(args.data, encoding="utf-8") if line.strip()]
    kinds, members = Counter(), defaultdict(list)
    dated_n, dated_exact, by_cue = 0, 0, Counter()
    for n, line in enumerate(open(args.details, encoding="utf-8")):
        r = json.loads(line)
        if not r["gold_date"]:
            continue
        t = texts[n]
        release = dateline_date(t, r["id"])
        if r["dated"]:
            dated_n += 1
            dated_exact += r["date"] == "exact"
        if r["date"] == "exact" and not args.all:
            continue
        w = r.get("first_when") or {}
        ours = "no event" if r["date"] == "no event" else (
            "undated" if not r["first_date"] else w.get("precision") or "?")
        cue = day_cue(t, args.chars)
        k = (f"{'dated' if r['dated'] else 'undated-line'} | cue {cue:13} | ours {ours:6} | "
             f"gold-release {diff(r['gold_date'], release):>4} | gold-ours "
             f"{diff(r['gold_date'], r['first_date']):>4} | {r['date']}")
        kinds[k] += 1
        members[k].append(n)
        if r["dated"] and r["date"] != "exact":
            by_cue[(cue, ours)] += 1
    print_kinds(kinds, {}, None, str)
    print(f"\ndated releases: {dated_n}, exact {dated_exact} ({dated_exact / max(dated_n, 1):.3f})")
    print("dated misses by (cue, our precision):")
    for (cue, ours), n in by_cue.most_common():
        print(f"  {n:3}  cue {cue:13} ours {ours}")
    print_kinds({}, members, args.show, lambda i: body(texts[i])[:400])


if __name__ == "__main__":
    main()
