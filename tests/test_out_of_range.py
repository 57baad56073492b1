"""Impossible dates and counts (issue 32, item 2): a year-9999 date in ``published`` or in the
text, a toll of 10^24, is a W112 warning where it is read and the article is stored without
it; a record the store still refuses is skipped with its reason and the run goes on, in
``ingest``, ``batch`` and ``POST /api/ingest`` alike."""

from __future__ import annotations

import json
from datetime import date

import pytest

from wirecoder.cli import main
from wirecoder.store import Store

TEXT = "Gunmen killed five soldiers in Maiduguri on Monday, the army said."
RECORDS = [
    {"title": "Future published", "published": "9999-12-31", "text": TEXT},
    {"title": "Future in text", "published": "2024-03-05",
     "text": "Gunmen killed five soldiers in Maiduguri on 31 December 9999, the army said."},
    {"title": "Huge toll", "published": "2024-03-05",
     "text": "Gunmen killed 1000000000000000000000000 soldiers in Maiduguri on Monday."},
    {"title": "Plain", "published": "2024-03-05",
     "text": "Soldiers killed four militants near Kidal in Mali on Monday."},
]


def write_records(path, records=RECORDS):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_published_and_text_dates_are_range_checked_where_read():
    from wirecoder.ingest import parse_date
    from wirecoder.normalize.when import normalize_when

    with pytest.raises(ValueError, match="outside 1000-2199"):
        parse_date("9999-12-31")
    assert parse_date("2024-03-05") == date(2024, 3, 5)
    when = normalize_when("on 31 December 9999", date(2024, 3, 5))
    assert when.start is None and when.note.startswith("out of range: ")


def test_ingest_stores_every_article_without_the_impossible_values(tmp_path, capsys):
    src = write_records(tmp_path / "a.jsonl")
    db = tmp_path / "w.db"
    assert main(["ingest", str(src), "--db", str(db), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "stored: 4;" in out and "skipped: 0; warnings: 3;" in out
    assert f"warning {src}:1: [W112]" in out and "9999-12-31" in out
    assert f"warning {src}:2: [W112]" in out and f"warning {src}:3: [W112]" in out
    with Store(db, readonly=True) as store:
        published = {a.title: a.published for a in store.articles()}
        assert published["Future published"] is None
        assert all(e.when.start is None or e.when.start.year < 3000 for e in store.events())
        assert all((e.fatalities or 0) <= 10_000_000 for e in store.events())
    # a rerun does not die on the same record either
    assert main(["ingest", str(src), "--db", str(db), "--quiet"]) == 0
    assert "already stored: 4;" in capsys.readouterr().out


def test_a_record_the_store_refuses_is_skipped_and_the_run_goes_on(tmp_path, capsys,
                                                                    monkeypatch):
    from wirecoder.store import write as store_write

    real = store_write.write_extraction

    def fragile(conn, extraction):
        if extraction.article.title == "Huge toll":
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(conn, extraction)

    monkeypatch.setattr("wirecoder.store.write_extraction", fragile)
    src = write_records(tmp_path / "a.jsonl")
    db = tmp_path / "w.db"
    main(["ingest", str(src), "--db", str(db), "--quiet"])
    out = capsys.readouterr().out
    assert "stored: 3;" in out and "skipped: 1;" in out
    assert f"skipped {src}:3: [W300]" in out and "OverflowError" in out


@pytest.mark.slow
def test_batch_quarantines_instead_of_crashing(tmp_path, capsys):
    src = write_records(tmp_path / "a.jsonl")
    out = tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    report = capsys.readouterr().out
    with Store(out / "wirecoder.db", readonly=True) as store:
        assert store.counts()["articles"] == 4
    lines = [json.loads(x) for x in (out / "quarantine.jsonl").read_text().splitlines()]
    assert {x["stage"] for x in lines} == {"read-warning", "pipeline-warning"}
    assert all(x["reason"].startswith("[W112]") for x in lines)
    assert "pipeline-warning" in report


def test_api_stores_the_article_without_a_year_9999_date(tmp_path):
    from fastapi.testclient import TestClient

    from wirecoder.web.app import create_app

    Store(tmp_path / "w.db").close()
    client = TestClient(create_app(tmp_path / "w.db", allow_ingest=True),
                        base_url="http://127.0.0.1")
    answer = client.post("/api/ingest", json={"text": RECORDS[1]["text"],
                                              "published": "9999-12-31"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["stored"] == 1
    assert any(w.startswith("[W112] api: published") for w in answer.json()["warnings"])
    answer = client.post("/api/ingest", json={"text": RECORDS[1]["text"] + " Again.",
                                              "published": "2024-03-05"})
    assert answer.status_code == 200, answer.text
    assert any("9999-12-31" in w for w in answer.json()["warnings"])
