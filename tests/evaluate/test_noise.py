"""The noise scorer: events per 1,000 stories and judged precision."""

from __future__ import annotations

import pytest

from wirecoder.evaluate import noise


def coded(title, sentence, sub_type="Armed clash", current=True, event_id="e"):
    return noise.Coded("f.jsonl:1", title, event_id, "Battles", sub_type, sentence, current)


def test_rates_and_judged_precision(tmp_path):
    rows = [coded("GRAIN PRICES", "Traders attacked the price level.", event_id="e1"),
            coded("REBELS RAID TOWN", "Rebels attacked the town.", event_id="e2"),
            coded("OLD WAR", "Troops fought in 1944.", current=False, event_id="e3")]
    judged = tmp_path / "judged.txt"
    judged.write_text(f"# my judgements\n{rows[0].key} wrong\ne2 right  # by event id\n")
    result = noise.score(400, rows, noise.read_judged(judged))
    assert result["events"] == 2 and result["events_all"] == 3
    assert result["per_1000"] == pytest.approx(5.0)
    assert result["judged"] == {"right": 1, "wrong": 1, "unjudged": 0, "precision": 0.5}
    assert any("GRAIN PRICES" in line for line in noise.render(result))


def test_evidence_key_ignores_spacing_only():
    a = noise.evidence_key("T", "Rebels  attacked\nthe town.")
    assert a == noise.evidence_key("T", "Rebels attacked the town.")
    assert a != noise.evidence_key("T2", "Rebels attacked the town.")


def test_bad_judgement_line_is_named(tmp_path):
    path = tmp_path / "j.txt"
    path.write_text("abc maybe\n")
    with pytest.raises(ValueError, match="j.txt:1"):
        noise.read_judged(path)
