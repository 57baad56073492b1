"""`wirecoder evaluate` end to end on small files in each set's format, written for these
tests: the pipeline runs, every option works, and `all` skips what is absent."""

from __future__ import annotations

import json

import pytest

from wirecoder.cli import main

pytestmark = pytest.mark.slow

RELEASES = [
    {"id": "2012-04-S-001", "text": "KABUL, Afghanistan (April 9, 2012)\nIn Zurmat district, "
     "Paktiya province, an Afghan and coalition security force arrested two suspected "
     "Haqqani Network insurgents yesterday.",
     "gold": {"start_date": "2012-04-08", "event_type": ["detention"], "province": ["paktya"],
              "target_group": ["haqqani"], "min_killed": 0, "min_captured": 2}},
    {"id": "2012-04-S-002", "text": "KABUL, Afghanistan (April 9, 2012)\nIn Nad Ali district, "
     "Helmand province, a coalition force killed three Taliban fighters during a clash "
     "yesterday.",
     "gold": {"start_date": "2012-04-08", "event_type": ["insurgentskilled"],
              "province": ["helmand"], "target_group": ["taliban"], "min_killed": 3,
              "min_captured": 0}},
    {"id": "empty", "text": "", "gold": {"start_date": "2012-04-08", "event_type": [""],
                                         "province": [""], "target_group": [""]}},
]

SNIPPETS = ("id\tEventSnippet\tSubType\n"
            "1\tRebels and soldiers fought for hours near the town of Gao on Monday.\tARMED_CLASH\n"
            "2\tHeavy rains flooded hundreds of homes in the valley.\tNATURAL_DISASTER\n"
            "3\tPolice arrested five men at a checkpoint in Lagos.\tARREST\n")

STORIES = [{"newid": "1", "date": "02-MAR-1987 10:00:00.00", "title": "GRAIN EXPORTS RISE",
            "body": "Grain exports rose five pct in February, the ministry said."},
           {"newid": "2", "date": "02-MAR-1987 11:00:00.00", "title": "REBELS ATTACK TOWN",
            "body": "Rebels attacked an army post in the north on Sunday, killing four "
                    "soldiers, the army said."}]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    (root / "isaf-dev").mkdir()
    (root / "isaf-dev" / "isaf_dev.jsonl").write_text(
        "\n".join(json.dumps(r) for r in RELEASES) + "\n", encoding="utf-8")
    (root / "case2021-task2-dev").mkdir()
    (root / "case2021-task2-dev" / "case2021_task2_dev.tsv").write_text(SNIPPETS)
    (root / "reuters21578").mkdir()
    (root / "reuters21578" / "reuters21578.jsonl").write_text(
        "\n".join(json.dumps(s) for s in STORIES) + "\n")
    return root


def test_isaf_end_to_end(data, tmp_path, capsys):
    details = tmp_path / "d.jsonl"
    assert main(["evaluate", "isaf", str(data / "isaf-dev" / "isaf_dev.jsonl"), "--json",
                 "--details", str(details), "-q"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["releases"] == 3 and figures["with_published"] == 2
    assert figures["event_found"] == pytest.approx(2 / 3)  # the empty release yields nothing
    rows = [json.loads(line) for line in details.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["2012-04-S-001", "2012-04-S-002", "empty"]
    assert rows[0]["first_type"] == "Arrests" and rows[0]["gold_province"] == "paktya"
    assert rows[1]["killed"] == 3


def test_isaf_without_publication_dates(data, capsys):
    assert main(["evaluate", "isaf", str(data / "isaf-dev" / "isaf_dev.jsonl"), "--json",
                 "--no-published", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["with_published"] == 0


def test_case2021_end_to_end(data, capsys):
    assert main(["evaluate", "case2021", str(data / "case2021-task2-dev" /
                                             "case2021_task2_dev.tsv"), "-q"]) == 0
    out = capsys.readouterr().out
    assert "25 ACLED classes: weighted F1" in out and "2 snippets of the 25 ACLED classes" in out


def test_noise_end_to_end(data, tmp_path, capsys):
    judged = tmp_path / "j.txt"
    judged.write_text("")
    assert main(["evaluate", "noise", str(data / "reuters21578" / "reuters21578.jsonl"),
                 "--n", "2", "--json", "--judged", str(judged), "-q"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["stories"] == 2 and figures["judged"]["unjudged"] == figures["events"]


def test_all_writes_the_scoreboard_and_skips_absent_sets(data, tmp_path, capsys):
    board = tmp_path / "board.md"
    assert main(["evaluate", "all", str(data), "--seed", str(tmp_path / "no-seed"),
                 "--scoreboard", str(board), "--only", "case2021,lgl,seed", "-q"]) == 0
    text = board.read_text()
    assert "| case2021 | weighted F1, 25 ACLED classes |" in text
    assert "Skipped (data absent): seed:" in text and "lgl:" in text


def test_missing_gold_is_one_line(capsys, tmp_path):
    assert main(["evaluate", "isaf", str(tmp_path / "nope.jsonl")]) == 1
    assert "gold data not found" in capsys.readouterr().err
