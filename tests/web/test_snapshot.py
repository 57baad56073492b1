"""The pieces of reading while a writer commits (issue 32, item 1), without a server: a
snapshot sees one state of the store whatever is committed meanwhile, a route is retried
from a fresh snapshot when the store is busy, and gives up after a bounded number of tries."""

from __future__ import annotations

import sqlite3

import pytest

from wirecoder.model import Actor, Article, Extraction
from wirecoder.store import Store
from wirecoder.web import readers
from wirecoder.web.readers import Readers, ThreadStore, in_snapshot


def extraction(n: int) -> Extraction:
    article = Article.make(f"Report number {n}: fighters attacked a village.", title=str(n))
    return Extraction(article=article, actors=(Actor(f"group-{n}", f"Group {n}",
                                                     "armed group", None),))


def test_a_snapshot_does_not_see_a_commit_made_during_it(tmp_path):
    db = tmp_path / "w.db"
    with Store(db) as writer:
        writer.write(extraction(1))
        with Store(db, readonly=True) as reader, reader.snapshot():
            assert len(reader.actor_index()) == 1
            writer.write(extraction(2))  # another connection commits meanwhile
            assert len(reader.actor_index()) == 1 and len(reader.actors()) == 1
        with Store(db, readonly=True) as reader:
            assert len(reader.actor_index()) == 2


def test_a_busy_store_is_retried_then_answers(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    with Store(db) as writer:
        writer.write(extraction(1))
    monkeypatch.setattr(readers, "RETRY_SECONDS", 0)
    calls = []

    def route(s):
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return len(s.actors())

    view = Readers(db).view()
    assert in_snapshot(route)(s=view) == 1 and len(calls) == 3
    assert isinstance(view, ThreadStore)


def test_a_store_that_stays_busy_fails_after_bounded_tries(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    Store(db).close()
    monkeypatch.setattr(readers, "RETRY_SECONDS", 0)
    calls = []

    def route(s):
        calls.append(1)
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError):
        in_snapshot(route)(s=Readers(db).view())
    assert len(calls) == readers.READ_ATTEMPTS


def test_other_errors_are_not_retried(tmp_path):
    db = tmp_path / "w.db"
    Store(db).close()
    calls = []

    def route(s):
        calls.append(1)
        raise sqlite3.OperationalError("no such table: nothing")

    with pytest.raises(sqlite3.OperationalError):
        in_snapshot(route)(s=Readers(db).view())
    assert len(calls) == 1
