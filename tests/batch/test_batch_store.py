"""``wirecoder batch --db``: the merge writes into either store; into PostgreSQL the result
equals, table by table, a plain ``ingest`` of the same articles into SQLite."""

from __future__ import annotations

import pytest

import store_writers
from backends import SKIP, PgStores, pg_base
from wirecoder.cli import main

from .test_batch import fixture

pytestmark = pytest.mark.slow


def test_batch_into_postgresql_equals_plain_ingest_into_sqlite(tmp_path):
    base = pg_base()
    if base is None:
        pytest.skip(SKIP)
    src = fixture(tmp_path / "reports.jsonl", n=16)
    plain = tmp_path / "plain.db"
    assert main(["ingest", str(src), "--db", str(plain), "--quiet"]) == 0
    stores = PgStores(base)
    try:
        shared = stores / "batch"
        assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--db", shared,
                     "--workers", "1", "--partition-size", "5", "--quiet"]) == 0
        expected, found = store_writers.table_rows(plain), store_writers.table_rows(shared)
        for table in expected:
            assert found[table] == expected[table], table
        assert expected["events"] and (tmp_path / "out" / "tables").is_dir()
        assert not (tmp_path / "out" / "wirecoder.db").exists()  # the store named, not OUT's
    finally:
        stores.drop()
