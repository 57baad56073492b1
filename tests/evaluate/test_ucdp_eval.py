"""`wirecoder evaluate ucdp`: texts from a small actor list written for this test."""

from __future__ import annotations

import csv

from wirecoder.evaluate import ucdp

FIELDS = ["ActorId", "NameData", "NameOrig", "NameOrigFull", "NameOrigFullEng", "NewName",
          "NewNameFullEng", "Org", "Location", "GWNOLoc"]
ROWS = [
    ["9001", "XRF", "XRF", "n/a", "Example Revolutionary Front", "", "", "1", "Chad", "483"],
    ["9002", "Hill People's Army", "Hill People's Army", "n/a", "Hill People's Army", "", "",
     "1", "Peru", "135"],
    ["9003", "Government of Peru", "Government of Peru", "n/a", "Government of Peru", "", "",
     "4", "Peru", "135"],
]


def _write(tmp_path):
    path = tmp_path / "actors.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        writer.writerows(ROWS)
    return path


def test_items_one_name_per_text_with_varied_surface(tmp_path):
    rows = ucdp.read_actors(_write(tmp_path))
    assert [r["ActorId"] for r in rows] == ["9001", "9002"]  # governments left out
    items = ucdp.items(rows)
    assert [(i.actor, i.kind) for i in items] == [("9001", "short"), ("9001", "full"),
                                                  ("9002", "short")]
    for item in items:
        assert item.text[item.start:item.end] == item.surface
    assert any("\u2019" in i.surface for i in items)  # straight apostrophe made curly
    assert len({i.text.split(i.surface)[1][:12] for i in items}) > 1  # several templates


def test_score_counts_pairs_and_merges():
    items = [ucdp.Item("1", "short", "A", "A", "", 0, 1), ucdp.Item("1", "full", "Aa", "Aa", "", 0, 2),
             ucdp.Item("2", "short", "B", "B", "", 0, 1), ucdp.Item("3", "short", "C", "C", "", 0, 1)]
    found = [(items[0], "a", "armed group"), (items[1], "a", "armed group"),
             (items[2], "b", "armed group"), (items[3], "b", "armed group")]
    result = ucdp.score(found)
    assert result["recognised"] == 1.0 and result["short_equals_full"] == 1.0
    assert result["merged_n"] == 2 and "circular" in result["note"]


def test_name_ucdp_gives_two_actors_of_one_country_counts_for_no_merge(tmp_path):
    """A group re-listed under a new id (same names, same country) cannot be told from its
    first listing by any text: its texts are left out of the merges, not of recognition."""
    path = tmp_path / "actors.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        writer.writerow(["9101", "XPF", "XPF", "n/a", "Xland People's Front", "", "", "1",
                         "Chad", "483"])
        writer.writerow(["9102", "XPF", "XPF", "n/a", "Xland People's Front", "", "", "1",
                         "Chad", "483"])
        writer.writerow(["9103", "XPF", "XPF", "n/a", "Xland People's Front", "", "", "1",
                         "Peru", "135"])  # the same name in another country: two groups
        writer.writerow(["9104", "Hill Army", "Hill Army", "n/a", "Hill Army", "", "", "1",
                         "Chad", "483"])
    items = ucdp.items(ucdp.read_actors(path))
    assert [i.shared for i in items] == [True, True, True, True, False, False, False]
    found = [(i, "xpf", "armed group") for i in items[:6]] + [(items[6], "xpf", "armed group")]
    result = ucdp.score(found)
    assert result["recognised"] == 1.0
    # 9103's texts and 9104's still tell their actor: both read as XPF is a merge
    assert result["merged_n"] == 2
