"""The CASE 2021 scorer and its label table, on snippets written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.evaluate import case2021 as case


def test_label_table_covers_the_task():
    t = case.tables()
    assert len(t["acled"]) == 25 and len(t["outside"]) == 5
    from wirecoder.resources.vocab import vocabulary

    subs = {s for ty in vocabulary()["event_types"].values() for s in ty["sub_types"]}
    assert set(t["acled"].values()) == subs  # every ACLED sub-type, each once
    assert case.acled_sub_type("GRENADE") == "Grenade"
    assert case.acled_sub_type("DIPLO") is None
    with pytest.raises(KeyError):
        case.acled_sub_type("WEATHER")


def test_reader(tmp_path):
    path = tmp_path / "s.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tA grenade hit a \"cafe\".\tGRENADE\n"
                    "2\tA flood hit the valley.\tNATURAL_DISASTER\n", encoding="utf-8")
    rows = case.read_tsv(path)
    assert [(r.id, r.label) for r in rows] == [("1", "GRENADE"), ("2", "NATURAL_DISASTER")]
    assert rows[0].text == 'A grenade hit a "cafe".'


def test_scores_inside_and_outside_acled():
    snippets = [case.Snippet(str(i), "", label) for i, label in enumerate(
        ["GRENADE", "GRENADE", "ARMED_CLASH", "ARREST", "DIPLO", "NATURAL_DISASTER"])]
    predicted = ["Grenade", "Armed clash", "Armed clash", None, None, "Armed clash"]
    r = case.score(snippets, predicted)
    a = r["acled"]
    assert a["n"] == 4 and a["accuracy"] == 0.5
    # Grenade: P 1 R .5 F1 .667 (2); Armed clash: P .5 R 1 F1 .667 (1); Arrests: 0 (1)
    assert a["weighted_f1"] == pytest.approx((2 * 2 / 3 + 2 / 3) / 4)
    assert a["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert r["no_event_rate"] == 0.25
    assert r["outside_no_event"] == 0.5 and r["outside_n"] == 2
    assert r["all"]["accuracy"] == pytest.approx(3 / 6)  # DIPLO with no event counts right
    assert (("Grenade", "Armed clash"), 1) in r["confusions"]
    assert [row["right"] for row in r["rows"]] == [True, False, True, False, True, False]
