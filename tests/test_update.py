"""Corrections and order (issue 32, items 4 and 5).

Re-ingesting an article whose metadata changed (a corrected date or title) refuses with a
W113 line naming ``--update``, or with ``--update`` replaces the article and everything
derived from it. Versions of one text in one run are taken in a total order, so articles of
equal text and different titles give the same exports whatever order they come in."""

from __future__ import annotations

import itertools
import json

import pytest

from wirecoder.cli import main
from wirecoder.store import Store

TEXT = ("Gunmen killed five soldiers in Maiduguri on Monday, the army said. The attackers "
        "fled towards the Sambisa forest, a military spokesman said.")
UNDATED = {"title": "Clash near Maiduguri", "text": TEXT}
CORRECTED = {"title": "Five soldiers killed near Maiduguri", "published": "2024-03-05",
             "text": TEXT}


def jsonl(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def stored(db):
    with Store(db, readonly=True) as store:
        [article] = store.articles()
        return article, store.events()


def test_changed_metadata_is_refused_naming_update(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    assert main(["ingest", jsonl(tmp_path / "a.jsonl", UNDATED), "--db", db, "-q"]) == 0
    capsys.readouterr()
    code = main(["ingest", jsonl(tmp_path / "b.jsonl", CORRECTED), "--db", db, "-q"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[W113]" in out and "--update" in out and "published: none stored" in out
    article, _ = stored(db)
    assert article.published is None and article.title == UNDATED["title"]


def test_update_replaces_the_article_and_what_was_derived(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    assert main(["ingest", jsonl(tmp_path / "a.jsonl", UNDATED), "--db", db, "-q"]) == 0
    _, before = stored(db)
    assert before and all(e.when.start is None for e in before)  # "on Monday": no anchor
    assert main(["ingest", jsonl(tmp_path / "b.jsonl", CORRECTED), "--db", db, "-q",
                 "--update"]) == 0
    assert "stored: 1;" in capsys.readouterr().out
    article, after = stored(db)
    assert str(article.published) == "2024-03-05" and article.title == CORRECTED["title"]
    assert after and all(str(e.when.start) == "2024-03-04" for e in after)  # Monday before
    with Store(db, readonly=True) as store:
        assert store.counts()["articles"] == 1
        assert store.search_count("Five soldiers killed") == 1  # the title index follows
        assert {c.article_id for c in store.claims()} == {article.id}
    # and the corrected version is now "already stored"
    assert main(["ingest", str(tmp_path / "b.jsonl"), "--db", db, "-q"]) == 0
    assert "already stored: 1;" in capsys.readouterr().out


OTHER = {"title": "Raid in Borno", "published": "2024-03-06", "text":
         "Soldiers killed four militants near Bama in Borno state on Tuesday, the army said."}
TITLES = [{"title": t, "outlet": "Wire", "published": "2024-03-05", "text": TEXT}
          for t in ("Zeta: five soldiers killed", "Alpha: gunmen attack", "Mid: army says")]


def exports(db) -> dict:
    """The JSONL and FtM exports; an article's ``origin`` (the path:line its copy was read
    from, which moves with the order of the lines) left out of the JSONL."""
    out = {}
    for fmt in ("jsonl", "ftm"):
        path = db.with_suffix("." + fmt)
        assert main(["export", "--db", str(db), "--format", fmt, "-o", str(path)]) == 0
        out[fmt] = path.read_text()
    rows = [json.loads(line) for line in out["jsonl"].splitlines()]
    for row in rows:
        if row["table"] == "article":
            row["record"].pop("origin")
    out["jsonl"] = rows
    return out


@pytest.mark.slow
def test_equal_texts_with_other_titles_export_alike_in_any_order(tmp_path, capsys):
    results = []
    for n, order in enumerate(itertools.permutations(TITLES)):
        if n % 2:  # three of the six orders, and the other record before or after
            continue
        db = tmp_path / f"w{n}.db"
        records = [*order, OTHER] if n % 4 else [OTHER, *order]
        main(["ingest", jsonl(tmp_path / f"in{n}.jsonl", *records), "--db", str(db), "-q"])
        with Store(db, readonly=True) as store:
            titles = {a.title for a in store.articles()}
        assert "Alpha: gunmen attack" in titles and "Zeta: five soldiers killed" not in titles
        results.append(exports(db))
    assert all(r == results[0] for r in results[1:])
    assert "Alpha: gunmen attack" in results[0]["ftm"]


def test_update_of_a_merged_report_equals_a_fresh_ingest_of_the_corrected_set(tmp_path,
                                                                              capsys):
    from pathlib import Path

    source = Path(__file__).parent / "fixtures" / "dedup_reports.jsonl"
    records = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
    fixed = {**records[0], "title": (records[0].get("title") or "") + " (corrected)",
             "published": "2021-03-09"}
    updated, fresh = tmp_path / "updated.db", tmp_path / "fresh.db"
    assert main(["ingest", str(source), "--db", str(updated), "-q"]) == 0
    assert main(["ingest", jsonl(tmp_path / "fix.jsonl", fixed), "--db", str(updated), "-q",
                 "--update"]) == 0
    assert main(["ingest", jsonl(tmp_path / "all.jsonl", fixed, *records[1:]), "--db",
                 str(fresh), "-q"]) == 0

    def state(db):
        with Store(db, readonly=True) as store:
            return (sorted(repr(e) for e in store.events()),
                    sorted(c.id for c in store.claims()),
                    sorted(repr(r) for r in store.relations()),
                    sorted((a.id, a.title, a.published) for a in store.articles()),
                    sorted((m["event_a"], m["event_b"], m["status"])
                           for m in store.event_merges() if m["status"] == "merged"))

    assert state(updated) == state(fresh)
