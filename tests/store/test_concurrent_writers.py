"""Several writers at once (issue 31): two processes writing halves of one set of articles
into one store, at the same time, leave it table by table as one process writing them all
(on PostgreSQL through the write lock of ``store/__init__.py``; on SQLite, BEGIN IMMEDIATE)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wirecoder.store import Store

import store_writers

ROOT = Path(__file__).resolve().parents[2]


def test_two_concurrent_writers_give_the_store_one_writer_gives(stores_at, tmp_path):
    one, two = stores_at / "single.db", stores_at / "shared.db"
    assert store_writers.write_share(one, 0, 1) == len(store_writers.extractions())
    Store(two).close()  # created before the writers start
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "src")])}
    writers = [subprocess.Popen([sys.executable, "-c",
                                 "import store_writers; store_writers.main()",
                                 str(two), str(k), "2", str(go)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for k in range(2)]
    go.touch()
    results = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    assert sum(int(out) for out, _ in results) == len(store_writers.extractions())
    expected, found = store_writers.table_rows(one), store_writers.table_rows(two)
    for table in expected:
        assert found[table] == expected[table], table
    # the test means something only if articles merged: actors, events and clusters
    assert expected["actor_links"] and expected["event_links"]
    with Store(two, readonly=True) as store:
        assert len(store.events()) < len(store.events(merged=False))
