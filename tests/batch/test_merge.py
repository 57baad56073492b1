"""The merge scaled out (``batch/merge.py``): with two workers the articles are merged in
groups of components on the workers, then reconciled; the store equals, table by table, a
plain ``ingest`` of the same articles, into SQLite and into PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import store_writers
from wirecoder.batch import merge
from wirecoder.cli import main
from wirecoder.model import Actor, Article, Event, Extraction, Place, When

from .test_batch import fixture

pytestmark = pytest.mark.slow


def test_batch_merged_on_two_workers_equals_plain_ingest(stores_at, tmp_path):
    src = two_wars(tmp_path)
    plain = tmp_path / "plain.db"
    assert main(["ingest", str(src), "--db", str(plain), "--quiet"]) == 0
    db, out = stores_at / "batch.db", tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "--db", str(db), "--workers", "2",
                 "--partition-size", "7", "--quiet"]) == 0
    groups = sorted((out / "merge").glob("group-*.db"))
    assert len(groups) == 2  # merged apart, on the workers, each group with articles
    from wirecoder.store import Store

    for group in groups:
        with Store(group, readonly=True) as store:
            assert store.counts()["articles"] > 0
    expected, found = store_writers.table_rows(plain), store_writers.table_rows(db)
    for table in expected:
        assert found[table] == expected[table], table
    assert expected["event_links"]  # events did merge across articles


def two_wars(tmp_path) -> Path:
    """Reports of two conflicts that cannot meet: the batch fixture's (Nigeria and Mali,
    March 2021) and as many of Somalia in September, by other armed groups."""
    import json

    first = fixture(tmp_path / "first.jsonl", n=20).read_text().splitlines()
    second = []
    for i, line in enumerate(first):
        record = json.loads(line)
        town = ["Baidoa", "Kismayo", "Beledweyne", "Jowhar"][i % 4]
        record["text"] = (f"Al-Shabaab militants killed {i + 3} traders near {town}, "
                          f"Somalia, on Tuesday, police said. Somali report {i}.")
        record["published"] = record["published"].replace("2021-03", "2021-09")
        record["title"] = f"Somali report {i}"
        second.append(json.dumps(record))
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(line for pair in zip(first, second) for line in pair) + "\n")
    return path


def _event(day: int | None, kind: str = "Battles") -> Event:
    when = When(date(2021, 3, day), date(2021, 3, day), "day") if day else \
        When(None, None, "unknown")
    return Event("e", kind, "Armed clash", when, Place("Gao", lat=16.2, lon=-0.04))


def _x(text: str, events=(), actors=(), published=date(2021, 3, 20)) -> Extraction:
    return Extraction(Article.make(text, published=published), (), tuple(actors),
                      (), tuple(events))


def test_articles_the_store_would_compare_share_a_key():
    """Keys of pairs the store compares: dates two days apart, an undated report and a dated
    one of its week, one actor under two names; none for an article with neither."""
    near = merge.interaction_keys(_x("one", [_event(3)]))
    assert near & merge.interaction_keys(_x("two", [_event(5, "Explosions/Remote violence")]))
    undated = merge.interaction_keys(_x("three", [_event(None)], published=date(2021, 3, 9)))
    assert undated & near
    assert not near & merge.interaction_keys(_x("far", [_event(3, "Protests")]))
    zeidane = Actor("mohamed-ould-zeidane", "Mohamed Ould Zeidane", "person")
    zaydane = Actor("mohammed-ould-zaydane", "Mohammed Ould Zaydane", "person")
    assert merge.interaction_keys(_x("a", actors=[zeidane])) & \
        merge.interaction_keys(_x("b", actors=[zaydane]))
    assert merge.interaction_keys(_x("Markets rose on Tuesday.")) == set()


def test_components_are_packed_largest_first():
    keyed = [[("a", ["k1"]), ("b", ["k1"]), ("c", ["k2"])], [("d", ["k1"]), ("e", [])]]
    group_of = merge.plan_groups(keyed, 2)
    assert group_of["a"] == group_of["b"] == group_of["d"] != group_of["c"]
    assert group_of["e"] == group_of["c"]  # the emptier group
