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
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "w.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(path), "--quiet"]) == 0
    return path


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
    assert "already stored: 4" in capsys.readouterr().out


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
    assert "chosen: Paris [US]" in out and "context +2.50" in out and "[FR]" in out


def test_explain_place_takes_the_divisions_the_text_names(capsys):
    assert main(["explain", "place", "Allendale", "--context", "US",
                 "--divisions", "New Jersey"]) == 0
    out = capsys.readouterr().out
    assert "division +1.00" in out and "chosen: Allendale [US]" in out


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
