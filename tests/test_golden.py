"""Golden snapshots: what the pipeline makes of the shipped example articles, so any drift in
extraction shows up as a readable diff. After an intended change, regenerate with

    WIRECODER_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and review the diff of tests/golden/examples.json like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wirecoder.ingest import read_paths
from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "examples.json"


def snapshot() -> dict:
    pipeline = Pipeline()
    out = {}
    for article in sorted(read_paths([ROOT / "examples"]), key=lambda a: a.title or ""):
        x = pipeline.process(article)
        names = {a.id: a.name for a in x.actors}
        out[article.title] = {
            "events": sorted(
                f"{e.type} / {e.sub_type} | {e.when.start}..{e.when.end} {e.when.precision} | "
                f"{e.place.name if e.place else '-'} p{e.place.precision if e.place else '-'} | "
                f"{names.get(e.actor1, e.actor1)} -> {names.get(e.actor2, e.actor2)} | "
                f"f={e.fatalities} | {'historical' if e.historical else 'current'} {e.modality}"
                for e in x.events),
            "actors": sorted(f"{a.name} [{a.type}]" for a in x.actors),
            "relations": sorted(f"{names.get(r.subject, r.subject)} {r.predicate} "
                                f"{names.get(r.object, r.object)}" for r in x.relations),
            "claims": len(x.claims),
        }
    return out


def test_examples_match_golden_snapshot():
    found = snapshot()
    if os.environ.get("WIRECODER_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))
