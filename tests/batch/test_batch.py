"""``wirecoder batch`` on a real local Dask cluster (2 workers on 127.0.0.1): one worker is
killed mid-run and the result still equals a plain ``ingest`` of the same articles, ids and
all; a restarted run skips finished partitions; an article that crashes a stage is
quarantined and the run goes on."""

from __future__ import annotations

import json
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

from wirecoder.cli import main
from wirecoder.store import Store

pytestmark = pytest.mark.slow
TOWNS = ["Gwoza", "Bama", "Monguno", "Dikwa", "Damboa", "Gao", "Kidal", "Djibo", "Dori", "Mopti"]
DOERS = ["Boko Haram gunmen", "Islamic State fighters", "Gunmen", "Soldiers", "JNIM fighters"]
VICTIMS = ["villagers", "soldiers", "farmers", "militants", "traders"]


def fixture(path: Path, n: int = 60) -> Path:
    rng = random.Random(5)
    lines = []
    for i in range(n):
        town, doer, victims = rng.choice(TOWNS), rng.choice(DOERS), rng.choice(VICTIMS)
        day = 1 + i % 27
        lines.append(json.dumps({
            "title": f"Report {i}", "outlet": rng.choice(["Wire A", "Wire B"]),
            "published": f"2021-03-{day + 1:02d}",
            "text": f"{doer} killed {rng.randint(2, 30)} {victims} near {town} on "
                    f"{['Monday', 'Tuesday', 'Sunday'][i % 3]}, officials said. Report {i}."}))
    path.write_text("\n".join(lines) + "\n")
    return path


def snapshot(db: Path) -> dict:
    with Store(db, readonly=True) as store:
        return {"events": sorted(json.dumps(e.__repr__()) for e in store.events()),
                "actors": sorted(repr(a) for a in store.actors()),
                "claims": sorted(c.id for c in store.claims()),
                "merges": sorted((m["event_a"], m["event_b"], m["score"])
                                 for m in store.event_merges())}


def test_batch_with_a_killed_worker_equals_plain_ingest(tmp_path):
    from dask.distributed import Client, LocalCluster

    src = fixture(tmp_path / "reports.jsonl")
    plain = tmp_path / "plain.db"
    assert main(["ingest", str(src), "--db", str(plain), "--quiet"]) == 0

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    out = tmp_path / "out"
    killed = []

    def kill_one_worker():
        parts = out / "partitions"
        deadline = time.time() + 120
        while time.time() < deadline and not list(parts.glob("*.parquet")):
            time.sleep(0.05)
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    killer = threading.Thread(target=kill_one_worker, daemon=True)
    killer.start()
    try:
        assert main(["batch", str(src), "--out", str(out), "--scheduler",
                     cluster.scheduler_address, "--partition-size", "4", "--quiet"]) == 0
    finally:
        killer.join(10)
        client.close()
        cluster.close()
    assert killed, "no worker was killed"
    assert snapshot(out / "wirecoder.db") == snapshot(plain)
    parquet = sorted((out / "partitions").glob("*.parquet"))
    assert len(parquet) == 15 and not list((out / "partitions").glob("*.tmp"))
    assert (out / "tables" / "events.parquet").exists()


def test_restart_skips_finished_partitions_and_quarantines_crashes(tmp_path, capsys,
                                                                   monkeypatch):
    src = fixture(tmp_path / "reports.jsonl", n=12)
    out = tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "--workers", "1",
                 "--partition-size", "4", "--quiet"]) == 0
    first = snapshot(out / "wirecoder.db")
    (out / "partitions" / "part-00001.parquet").unlink()  # as if stopped during partition 1
    capsys.readouterr()
    assert main(["batch", str(src), "--out", str(out), "--workers", "1",
                 "--partition-size", "4", "--quiet"]) == 0
    report = capsys.readouterr().out
    assert "partitions: 3 (2 already done)" in report
    assert snapshot(out / "wirecoder.db") == first


def test_a_crashing_article_is_quarantined(tmp_path):
    from wirecoder.batch import partitions
    from wirecoder.pipeline import Pipeline

    class Fragile(Pipeline):
        def _finish(self, article, doc, *rest):
            if "Report 3." in article.text:
                raise RuntimeError("boom")
            return super()._finish(article, doc, *rest)

    src = fixture(tmp_path / "reports.jsonl", n=6)
    out = tmp_path / "out"
    from wirecoder.batch.run import read_inputs

    parts, _ = partitions.plan(read_inputs([str(src)], {}, 2_000_000), out, 10)
    partitions._PIPELINE = Fragile()
    try:
        partitions.run_partition(str(parts[0]))
    finally:
        partitions._PIPELINE = None
    from wirecoder.batch.run import BatchSummary, _merge

    summary = BatchSummary()
    _merge(parts, out, summary)
    assert summary.stored == 5 and summary.quarantined == 1
    lines = [json.loads(x) for x in (out / "quarantine.jsonl").read_text().splitlines()]
    assert lines[0]["stage"] == "pipeline" and "boom" in lines[0]["reason"]


def test_local_cluster_workers_keep_one_thread_and_default_malloc_trim():
    from dask.distributed import Client

    from wirecoder.batch.run import local_cluster

    cluster = local_cluster(1)
    try:
        with Client(cluster) as client:
            env = next(iter(client.run(lambda: dict(os.environ)).values()))
    finally:
        cluster.close()
    assert env.get("OMP_NUM_THREADS") == "1"
    assert "MALLOC_TRIM_THRESHOLD_" not in env
