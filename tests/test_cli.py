"""The commands a user meets, run end to end on the shipped examples (loads the spaCy model)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wirecoder.cli import main
from wirecoder.store import Store

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def db(examples_db) -> Path:
    return examples_db


def counts(path: Path) -> dict:
    with Store(path, readonly=True) as store:
        return store.counts()


def test_ingest_examples_stores_every_article(db):
    found = counts(db)
    assert found["articles"] == 4  # three JSONL lines and one HTML page
    assert found["events"] >= 4
    assert found["claims"] > found["events"]


def test_reingest_changes_nothing(db, capsys):
    before = counts(db)
    assert main(["ingest", str(EXAMPLES), "--db", str(db), "--quiet"]) == 0
    assert counts(db) == before
    out = capsys.readouterr().out
    assert "already stored: 4" in out
    assert f"actors: 0 new ({before['actors']} in the store)" in out


def test_events_json_and_filters(db, capsys):
    assert main(["events", "--db", str(db), "--format", "json", "--country", "NG"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["country"] == "NG" for r in rows)
    assert main(["events", "--db", str(db), "--format", "json", "--historical", "yes"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(r["historical"] for r in rows)


def test_actor_found_by_alias_and_shown(db, capsys):
    assert main(["actors", "JNIM", "--db", str(db), "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any("JNIM" in r["name"] or "JNIM" in r["aliases"] for r in rows)
    assert main(["show", "Boko Haram", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "aliases" in out and "events" in out


def test_show_unknown_key_is_a_clear_error(db, capsys):
    assert main(["show", "no-such-thing", "--db", str(db)]) == 1
    assert "no event or actor" in capsys.readouterr().err


def test_exports(db, tmp_path):
    jsonl = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(jsonl)]) == 0
    tables = {json.loads(line)["table"] for line in jsonl.read_text().splitlines()}
    assert {"article", "actor", "event", "claim"} <= tables
    acled = tmp_path / "acled.csv"
    assert main(["export", "--db", str(db), "--format", "acled-csv", "-o", str(acled)]) == 0
    header = acled.read_text().splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision")


def test_bad_inputs_are_skipped_with_reasons_and_lose_nothing(tmp_path, capsys):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("Gunmen killed three villagers near Gao in Mali on Monday, officials said.")
    (tmp_path / "in" / "empty.txt").write_text("   \n")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "in" / "broken.jsonl").write_text('{"text": "ok"\nnot json\n{"title": "x"}\n')
    (tmp_path / "in" / "latin1.txt").write_bytes("Caf\xe9 \xff\xfe".encode("latin-1") * 3)
    (tmp_path / "in" / "broken.html").write_text("<html><body><div><p>Soldiers killed two "
                                                 "militants near Gao in Mali, officials said."
                                                 "<p>They fled.</div")
    (tmp_path / "in" / "huge.txt").write_text("Soldiers fought rebels. " * 220_000)  # ~5 MB
    path = tmp_path / "w.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(path), "--quiet"]) == 0
    out = capsys.readouterr().out
    summary = out.splitlines()[0]
    assert "; stored: 2;" in summary and "skipped: 7" in summary
    reasons = "\n".join(out.splitlines()[1:])
    for code in ("W101", "W102", "W104", "W105", "W106"):
        assert code in reasons, code  # empty, binary, too large, malformed, no text
    with Store(path, readonly=True) as store:
        texts = [a.text for a in store.articles()]
    assert any(t.startswith("Gunmen killed three villagers") for t in texts)
    assert any("Soldiers killed two militants near Gao" in t for t in texts)  # broken HTML


def test_missing_date_keeps_relative_dates_unresolved(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Last month, soldiers killed four militants near Kidal in Mali, "
                    "the army said.")
    path = tmp_path / "w.db"
    assert main(["ingest", str(text), "--db", str(path), "--quiet"]) == 0
    with Store(path, readonly=True) as store:
        events = store.events()
    assert events and all(not e.when.resolved for e in events)


def test_bad_published_flag_is_a_usage_error(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("Soldiers killed four militants.")
    assert main(["ingest", str(text), "--db", str(tmp_path / "w.db"),
                 "--published", "yesterday"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_readonly_commands_on_missing_db_say_what_to_do(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 1
    assert "ingest" in capsys.readouterr().err


def test_interrupted_ingest_keeps_what_was_committed(tmp_path):
    """Kill a real ingest process mid-run: the database opens and holds whole articles only."""
    src = tmp_path / "many.jsonl"
    lines = []
    for i in range(200):
        lines.append(json.dumps({"text": f"Story {i}. Soldiers killed {i % 9 + 2} militants "
                                 f"near Gao in Mali on Monday, the army said in report {i}.",
                                 "published": "2020-03-04"}))
    src.write_text("\n".join(lines) + "\n")
    path = tmp_path / "w.db"
    proc = subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "ingest", str(src),
                             "--db", str(path), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        if path.exists() and counts_or_zero(path) >= 5:
            break
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = counts(path)
    assert stored["articles"] >= 5
    with Store(path, readonly=True) as store:
        for article in store.articles():
            assert store.claims(article_id=article.id)  # never an article without its claims
    assert main(["ingest", str(src), "--db", str(path), "--quiet"]) == 0
    assert counts(path)["articles"] == 200


def counts_or_zero(path: Path) -> int:
    try:
        return counts(path)["articles"]
    except Exception:
        return 0


def test_explain_place_shows_candidates_and_choice(capsys):
    assert main(["explain", "place", "Paris", "--context", "US"]) == 0
    out = capsys.readouterr().out
    assert "chosen: Paris [US]" in out and "context +2.50" in out and "Paris [FR" in out


def test_explain_place_context_takes_country_names_and_refuses_unknown_ones(capsys):
    assert main(["explain", "place", "Paris", "--context", "United States"]) == 0
    assert "chosen: Paris [US]" in capsys.readouterr().out
    assert main(["explain", "place", "Paris", "--context", "Untied States"]) != 0
    assert "--context 'Untied States'" in capsys.readouterr().err


def test_explain_place_takes_the_divisions_the_text_names(capsys):
    assert main(["explain", "place", "Allendale", "--context", "US",
                 "--divisions", "New Jersey"]) == 0
    out = capsys.readouterr().out
    assert "division +0.90" in out and "chosen: Allendale [US]" in out


def test_actors_merges_and_split_commands(tmp_path, capsys):
    src = tmp_path / "two.jsonl"
    src.write_text(
        json.dumps({"text": "Gunmen led by Mohamed Ould Zeidane, the leader of the Sons of "
                    "the Dunes Brigade, attacked a checkpoint near Gao in Mali on Monday, "
                    "the army said.", "published": "2021-03-10"}) + "\n" +
        json.dumps({"text": "Malian troops killed four fighters loyal to Mohammed Ould "
                    "Zaydane near Kidal on Tuesday, officials said.",
                    "published": "2021-03-17"}) + "\n")
    path = tmp_path / "w.db"
    assert main(["ingest", str(src), "--db", str(path), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["actors", "merges", "--db", str(path), "--format", "json"]) == 0
    merges = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(m["actor"], m["canonical"]) for m in merges] == [
        ("Mohammed Ould Zaydane", "Mohamed Ould Zeidane")]
    assert main(["actors", "split", str(merges[0]["id"]), "--db", str(path)]) == 0
    assert "undone: 1" in capsys.readouterr().out
    assert main(["actors", "split", str(merges[0]["id"]), "--db", str(path)]) == 1


def test_output_file_is_untouched_when_the_command_fails(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("keep me\n")
    assert main(["export", "--db", str(tmp_path / "typo.db"), "--format", "acled-csv",
                 "-o", str(good)]) == 1
    assert good.read_text() == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.csv"]  # no temporary left
    assert "no database" in capsys.readouterr().err


def test_output_replaces_the_file_only_on_success_and_keeps_its_mode(db, tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    assert main(["events", "--db", str(db), "--format", "csv", "-o", str(target)]) == 0
    assert target.read_text().startswith("id,type,") and target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


@pytest.mark.parametrize("where", ["missing/out.csv", "."])
def test_output_into_a_missing_folder_or_a_folder_is_one_line(db, tmp_path, capsys, where):
    target = tmp_path / where
    assert main(["events", "--db", str(db), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wirecoder: [W400]") and err.count("\n") == 1
    assert "does not exist" in err or "is a folder" in err


def test_help_is_for_users_and_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "events and actors" in out and "*_cmd" not in out and "thin" not in out
    for name in ("ingest", "events", "actors", "show", "export", "batch", "serve", "evaluate",
                 "explain"):
        assert f"\n    {name} " in out, name


@pytest.mark.parametrize("command", [["serve"], ["batch", "x.jsonl", "--out", "o"]])
def test_serve_and_batch_take_no_output_flag(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "-o", "x.txt"])
    assert done.value.code == 2 and "unrecognized arguments: -o" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["events", "--limit", "-5"], ["actors", "--limit", "0"],
                                  ["ingest", "x.txt", "--max-bytes", "-1"]])
def test_negative_or_zero_counts_are_refused(argv, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2 and "must be 1 or more" in capsys.readouterr().err


def test_country_filter_takes_a_name_or_an_iso_code(db, capsys):
    found = []
    for country in ("NG", "ng", "NGA", "Nigeria", "nigeria"):
        assert main(["events", "--db", str(db), "--format", "json", "--country", country]) == 0
        found.append(capsys.readouterr().out)
    assert found[0] and len(set(found)) == 1


def test_country_filter_says_when_nothing_matches(db, capsys):
    assert main(["events", "--db", str(db), "--country", "Nigeriaa"]) == 1
    err = capsys.readouterr().err
    assert "neither a country name nor an ISO 3166 code" in err
    assert "did you mean Nigeria" in err
    assert main(["events", "--db", str(db), "--country", "Narnia"]) == 1
    assert "did you mean" not in capsys.readouterr().err


def test_ingest_summary_counts_this_runs_actors(tmp_path, capsys):
    path = tmp_path / "w.db"
    first = tmp_path / "a.txt"
    first.write_text("Boko Haram fighters killed six farmers near Maiduguri in Nigeria on "
                     "Sunday, the army said.")
    assert main(["ingest", str(first), "--db", str(path), "--quiet"]) == 0
    total = counts(path)["actors"]
    assert f"actors: {total} new ({total} in the store)" in capsys.readouterr().out
    second = tmp_path / "b.txt"
    second.write_text("Soldiers killed four militants near Kidal in Mali on Monday.")
    assert main(["ingest", str(second), "--db", str(path), "--quiet"]) == 0
    now = counts(path)["actors"]
    assert f"actors: {now - total} new ({now} in the store)" in capsys.readouterr().out


def test_a_bad_published_is_a_warning_and_the_article_is_stored(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": "Soldiers killed four militants near Kidal in Mali.",
                               "published": "2024-02-30"}) + "\n")
    path = tmp_path / "w.db"
    assert main(["ingest", str(src), "--db", str(path), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "stored: 1;" in out and "skipped: 0; warnings: 1;" in out
    assert f"warning {src}:1: [W110]" in out
    with Store(path, readonly=True) as store:
        [article] = store.articles()
    assert article.published is None


def test_folder_ingest_does_not_follow_a_link_out_of_it(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Soldiers killed four militants near Kidal in Mali.")
    secret = tmp_path / "secret"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "passwd").symlink_to(secret)
    path = tmp_path / "w.db"
    for flags in ([], ["--follow-symlinks"]):
        assert main(["ingest", str(folder), "--db", str(path), "--quiet", *flags]) == 0
        out = capsys.readouterr().out
        assert f"skipped {folder}/passwd: [W111]" in out
    with Store(path, readonly=True) as store:
        assert [a.origin for a in store.articles()] == [f"{folder}/a.txt"]


def test_report_never_prints_control_characters_from_an_article(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Boko Haram fighters\x1b[2J killed six farmers near Maiduguri in Nigeria "
                   "on Sunday, the army said.\x1b]0;pwned\x07 They fled.")
    assert main(["ingest", str(src), "--db", str(tmp_path / "w.db"), "--report"]) == 0
    out = capsys.readouterr().out
    assert "killed six farmers" in out and "\x1b" not in out and "\x07" not in out
