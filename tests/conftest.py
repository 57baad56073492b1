"""Shared fixtures: one per-article pipeline (the spaCy model and place index load once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    """A store of ``examples/`` ingested through the CLI, one per test module (a module may
    write to it)."""
    from pathlib import Path

    from wirecoder.cli import main

    examples = Path(__file__).resolve().parent.parent / "examples"
    path = tmp_path_factory.mktemp("examples") / "w.db"
    assert main(["ingest", str(examples), "--db", str(path), "--quiet"]) == 0
    return path


@pytest.fixture(scope="session")
def pipeline():
    from wirecoder.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(params=["sqlite", "postgresql"])
def stores_at(request, tmp_path):
    """Where a test's stores live, on each backend: ``stores_at / "w.db"`` is a file path
    under ``tmp_path`` (SQLite), or the URL of a fresh PostgreSQL schema (``backends.py``)."""
    from backends import SKIP, PgStores, pg_base

    if request.param == "sqlite":
        yield tmp_path
        return
    base = pg_base()
    if base is None:
        pytest.skip(SKIP)
    stores = PgStores(base)
    yield stores
    stores.drop()
