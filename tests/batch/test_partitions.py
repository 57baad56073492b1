"""Planning partitions: what the readers yield besides articles goes to the quarantine file."""

from __future__ import annotations

import json

from wirecoder.batch.partitions import plan
from wirecoder.ingest import read_paths


def test_a_warning_is_recorded_and_its_article_still_planned(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": "Soldiers killed four militants near Kidal.",
                               "published": "2024-02-30"}) + "\n" + "not json\n")
    parts, count = plan(read_paths([src]), tmp_path / "out", 10)
    assert count == 1 and len(parts) == 1
    rows = [json.loads(line) for line in (tmp_path / "out" / "quarantine.jsonl").open()]
    assert [(r["origin"], r["stage"], r["reason"][:6]) for r in rows] == [
        (f"{src}:1", "read-warning", "[W110]"), (f"{src}:2", "read", "[W105]")]
