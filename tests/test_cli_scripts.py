"""The command line as scripts meet it (issue 32, item 7): exit codes that say whether
anything was stored, a visible "showing N of M", the API's checks for types, countries and
date ranges, no ``None`` in tables, ``export`` that must be told its format, ``serve`` that
checks its port before it says it serves, and a plain log on a non-terminal."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest

from wirecoder.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def db(examples_db) -> Path:
    return examples_db


def test_ingest_of_a_missing_path_exits_1_and_says_so(tmp_path, capsys):
    code = main(["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "w.db"),
                 "--quiet"])
    out = capsys.readouterr().out
    assert code == 1
    assert "missing: " in out and "nope.txt" in out
    assert "nothing stored" in out


def test_ingest_that_stores_nothing_exits_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert main(["ingest", str(empty), "--db", str(tmp_path / "w.db"), "--quiet"]) == 1
    assert "nothing stored" in capsys.readouterr().out


def test_ingest_with_one_path_missing_exits_1_but_stores_the_rest(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("Soldiers killed four militants near Kidal in Mali on Monday.")
    code = main(["ingest", str(good), str(tmp_path / "gone"), "--db", str(tmp_path / "w.db"),
                 "--quiet"])
    out = capsys.readouterr().out
    assert code == 1 and "stored: 1;" in out and "missing: " in out


def test_events_limit_says_showing_n_of_m_and_all_lifts_it(db, capsys):
    assert main(["events", "--db", str(db), "--format", "json", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "showing 1 of " in captured.err and "--all" in captured.err
    total = int(captured.err.split("showing 1 of ")[1].split()[0])
    assert total > 1
    assert main(["events", "--db", str(db), "--format", "json", "--all"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == total and "showing" not in captured.err


@pytest.mark.parametrize("args, words", [
    (["--type", "Nonsense"], ["Battles", "Riots", "Nonsense"]),
    (["--from", "2025-01-01", "--to", "2020-01-01"], ["reversed"]),
    (["--from", "2025-13-01"], ["YYYY-MM-DD"]),
    (["--country", "Nigerai"], ["Nigeria"]),
])
def test_events_validates_as_the_api_does(db, capsys, args, words):
    assert main(["events", "--db", str(db), *args]) == 1
    err = capsys.readouterr().err
    assert all(w in err for w in words), err


def test_api_refuses_a_reversed_range_too(db):
    from fastapi.testclient import TestClient

    from wirecoder.web.app import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    answer = client.get("/api/events", params={"from": "2025-01-01", "to": "2020-01-01"})
    assert answer.status_code == 400 and "reversed" in answer.json()["detail"]


def test_events_sub_type_filter_works_on_the_command_line(db, capsys):
    assert main(["events", "--db", str(db), "--format", "json", "--type", "armed clash",
                 "--all"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all(r["sub_type"] == "Armed clash" for r in rows)


def test_tables_never_print_none(db, capsys):
    assert main(["events", "--db", str(db), "--all"]) == 0
    assert main(["actors", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "None" not in out.split()


def test_export_needs_a_format_or_an_extension(db, tmp_path, capsys):
    assert main(["export", "--db", str(db)]) == 2
    assert "--format" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "x.data")]) == 2
    assert not (tmp_path / "x.data").exists()
    out = tmp_path / "events.geojson"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def test_serve_refuses_a_busy_port_before_saying_it_serves(db, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert "in use" in err and "--port" in err and "serving" not in err
    assert "Traceback" not in err


def test_serve_refuses_a_port_out_of_range_without_a_traceback(db, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--db", str(db), "--port", "99999"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "1-65535" in err and "Traceback" not in err


def test_progress_on_a_non_terminal_is_plain_lines():
    from wirecoder.cli import _progress

    log = io.StringIO()
    bar = _progress(3, quiet=False, stream=log)
    for _ in range(3):
        bar.update(1)
    bar.close()
    text = log.getvalue()
    assert "\r" not in text and "\x1b" not in text
    assert text.splitlines()[-1].startswith("ingest: 3/3 articles (100%)")
