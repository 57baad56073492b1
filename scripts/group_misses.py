"""Group the misses of `wirecoder evaluate case2021 --details FILE` by kind, with counts.

Usage: python scripts/group_misses.py DETAILS.jsonl DEV.tsv [--show KIND] [--examples N]

A miss is (gold ACLED sub-type -> predicted, or "(none)"). Each no-event miss is further put
in a wording family by cue words (chemical means, protest without a known verb, territory
taken as "drove out / pushed back", ...), so the largest family can be fixed by mechanism.
Prints counts only unless --show names a confusion ("Peaceful protest -> (none)") or a family.
For study only: never copy the printed text into tests, code or resources.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter, defaultdict

FAMILIES = [
    ("chemical means", r"\b(?:gas|chlorine|sarin|chemical|toxic|poison)"),
    ("territory worded as driving out", r"\b(?:drove|driven|drive|pushed|push|expel|flush|"
                                        r"ousted|oust|control|took over|fell to|entered)\b"),
    ("protest worded without a known verb", r"\b(?:protest|demonstrat|rally|march|sit-in|"
                                            r"gather|strike|chant|placard|picket)"),
    ("weapons found or seized", r"\b(?:seiz|recover|found|cache|defus|arms|weapon|explosive)"),
    ("group change / deployment", r"\b(?:deploy|troops|join|defect|split|merge|recruit)"),
]


def family(text: str) -> str:
    for name, pattern in FAMILIES:
        if re.search(pattern, text, re.IGNORECASE):
            return name
    return "other wording"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("details")
    ap.add_argument("tsv")
    ap.add_argument("--show", default="")
    ap.add_argument("--examples", type=int, default=50)
    args = ap.parse_args()
    with open(args.tsv, encoding="utf-8", newline="") as f:
        text = {r["id"]: r["EventSnippet"] for r in csv.DictReader(
            f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    rows = [json.loads(line) for line in open(args.details, encoding="utf-8")]
    confusions, families, members = Counter(), Counter(), defaultdict(list)
    for r in rows:
        gold = r["gold_acled"] or "(out of scope)"
        pred = r["predicted"] or "(none)"
        if r["right"]:
            continue
        key = f"{gold} -> {pred}"
        confusions[key] += 1
        members[key].append(r["id"])
        if pred == "(none)" and r["gold_acled"]:
            fam = family(text[r["id"]])
            families[f"no event: {fam}"] += 1
            members[f"no event: {fam}"].append(r["id"])
    print("misses by confusion (gold -> predicted):")
    for k, n in confusions.most_common():
        print(f"  {n:3}  {k}")
    print("no-event misses by wording family:")
    for k, n in families.most_common():
        print(f"  {n:3}  {k}")
    if args.show:
        for key in members:
            if args.show.lower() in key.lower():
                print(f"\n== {key}")
                for i in members[key][:args.examples]:
                    print(f"  [{i}] {text[i][:400]}")


if __name__ == "__main__":
    main()
