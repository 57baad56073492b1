"""Group the misses of `wirecoder evaluate isaf --details FILE` by kind, with counts.

Usage: python scripts/group_isaf_misses.py DETAILS.jsonl ISAF.jsonl [--show KIND]

Kinds: event-type confusions (gold -> first event) and captured/killed count misses, the
latter split by the vague word the release uses ("several", "a few", ...) and by direction
(none given, too low, too high). For study only: never copy printed text into the project.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict

from miss_kinds import print_kinds  # scripts/, beside this file

VAGUE = ["several", "a few", "numerous", "multiple", "a number of", "many", "a group of",
         "dozens", "some"]


def vague_word(text: str, verb: str) -> str:
    for w in VAGUE:
        if re.search(rf"\b{w}\b[^.]{{0,60}}\b{verb}", text, re.IGNORECASE):
            return w
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("details")
    ap.add_argument("data")
    ap.add_argument("--show", default="")
    args = ap.parse_args()
    text = {}
    for line in open(args.data, encoding="utf-8"):
        r = json.loads(line)
        text[r["id"]] = r["text"]
    kinds, members = Counter(), defaultdict(list)
    for line in open(args.details, encoding="utf-8"):
        r = json.loads(line)
        if not r["first_type_ok"]:
            k = f"type: {'/'.join(r['gold_types'])} -> {r['first_type']}"
            kinds[k] += 1
            members[k].append(r["id"])
        for what, verb in (("captured", "(?:detain|captur|arrest)"), ("killed", "kill")):
            gold, got = r[f"gold_{what}"], r[what]
            if gold == got:
                continue
            how = "none given" if not got else "too low" if got < gold else "too high"
            vague = vague_word(text[r["id"]], verb) if r[f"{what}_vague"] else "stated"
            k = f"{what} {vague}: {how}"
            kinds[k] += 1
            members[k].append(f"{r['id']}|gold {gold} got {got}")
    print_kinds(kinds, members, args.show, lambda m: text[m.split("|")[0]][:500], limit=30)


if __name__ == "__main__":
    main()
