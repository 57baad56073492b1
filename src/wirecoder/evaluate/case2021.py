"""CASE 2021 task 2 (Haneczok et al. 2021): fine-grained ACLED typing of short news snippets.

Each snippet is its own article with no publication date; the prediction is the sub-type of
its first current event by position (asserted, not background), or none. Scored:

* over the **25 ACLED classes** (snippets whose gold is an ACLED sub-type; "none" is a miss):
  accuracy, weighted F1 (per-class F1 weighted by gold support, the task's measure; best
  published system 0.839), macro F1;
* over **all 30 classes**: a snippet of the 5 classes outside ACLED (disasters, diplomacy,
  organised crime, attribution) counts right only when it yields no event;
* the no-event rate on ACLED-class snippets, the share of out-of-scope snippets yielding no
  event, per-class F1 and the top confusions.

The label table is ``case2021.yaml``.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .common import prf, share

NONE = "(none)"


@dataclass
class Snippet:
    id: str
    text: str
    label: str  # the task's label, e.g. ARMED_CLASH


@lru_cache(maxsize=1)
def tables() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("case2021.yaml")
                          .read_text("utf-8"))


def acled_sub_type(label: str) -> str | None:
    """The task label's ACLED sub-type, ``None`` for the classes outside ACLED.
    ``KeyError`` for a label the table does not know."""
    t = tables()
    if label in t["acled"]:
        return t["acled"][label]
    if label in t["outside"]:
        return None
    raise KeyError(f"unknown CASE 2021 label {label!r}")


def read_tsv(path: str | Path) -> list[Snippet]:
    """The task's TSV: ``id``, ``EventSnippet``, ``SubType``, with a header row."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Snippet(r["id"], r["EventSnippet"] or "", r["SubType"].strip()) for r in rows]


def _f1s(pairs: list[tuple[str, str]], classes: list[str]) -> dict[str, tuple[float, int]]:
    """Per class: F1 and gold support, from (gold, predicted) pairs."""
    out = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        out[c] = (prf(tp, fp, fn)[2], tp + fn)
    return out


def _summary(pairs, classes) -> dict:
    f1s = _f1s(pairs, classes)
    support = sum(n for _, n in f1s.values())
    present = [c for c in classes if f1s[c][1]]
    return {"n": len(pairs),
            "accuracy": share(sum(g == p for g, p in pairs), len(pairs)),
            "weighted_f1": sum(f * n for f, n in f1s.values()) / support if support else 0.0,
            "macro_f1": sum(f1s[c][0] for c in present) / len(present) if present else 0.0,
            "per_class": {c: f1s[c] for c in classes}}


def score(snippets: list[Snippet], predicted: list[str | None]) -> dict:
    """``predicted``: per snippet, the ACLED sub-type of its first current event, or None."""
    t = tables()
    acled = list(t["acled"].values())
    inside = [(acled_sub_type(s.label), p or NONE) for s, p in zip(snippets, predicted)
              if acled_sub_type(s.label)]
    every = []
    for s, p in zip(snippets, predicted):
        gold = acled_sub_type(s.label) or s.label
        every.append((gold, p if p else (s.label if s.label in t["outside"] else NONE)))
    outside = [(s, p) for s, p in zip(snippets, predicted) if acled_sub_type(s.label) is None]
    result = {
        "acled": _summary(inside, acled),
        "all": _summary(every, acled + list(t["outside"])),
        "no_event_rate": share(sum(p == NONE for _, p in inside), len(inside)),
        "outside_no_event": share(sum(p is None for _, p in outside), len(outside)),
        "outside_n": len(outside),
        "confusions": Counter((g, p) for g, p in inside if g != p).most_common(15),
        "rows": [{"id": s.id, "gold": s.label, "gold_acled": acled_sub_type(s.label),
                  "predicted": p, "right": (acled_sub_type(s.label) or None) == p}
                 for s, p in zip(snippets, predicted)],
    }
    return result


def render(result: dict) -> list[str]:
    a, e = result["acled"], result["all"]
    lines = [f"CASE 2021 task 2: {a['n']} snippets of the 25 ACLED classes, "
             f"{result['outside_n']} outside",
             f"  25 ACLED classes: weighted F1 {a['weighted_f1']:.3f} (best published 0.839), "
             f"macro F1 {a['macro_f1']:.3f}, accuracy {a['accuracy']:.3f}",
             f"  all 30 classes:   weighted F1 {e['weighted_f1']:.3f}, macro F1 "
             f"{e['macro_f1']:.3f}, accuracy {e['accuracy']:.3f}",
             f"  no event on ACLED-class snippets {result['no_event_rate']:.3f}; "
             f"out-of-scope snippets with no event {result['outside_no_event']:.3f}",
             "  per class (F1, support):"]
    for c, (f, n) in sorted(a["per_class"].items(), key=lambda kv: (-kv[1][1], kv[0])):
        lines.append(f"    {c:38} {f:.3f}  {n}")
    lines.append("  top confusions (gold -> predicted): " + "; ".join(
        f"{g} -> {p}: {n}" for (g, p), n in result["confusions"][:10]))
    return lines
