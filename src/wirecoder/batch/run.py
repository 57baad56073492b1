"""``wirecoder batch``: partitions on Dask workers, then one deterministic merge.

1. plan: read the inputs (JSON Lines, directories, WARC) in order into numbered partitions;
2. map: each partition not yet done runs the per-article pipeline (article -> claims) on a
   worker and becomes a Parquet file (tasks are retried when a worker dies; output is written
   atomically, so a retry cannot duplicate it);
3. merge: partitions are read back in input order and written to the store (``--db``: an
   SQLite file, by default ``OUT/wirecoder.db``, or a PostgreSQL URL) exactly as
   ``ingest`` writes articles, so actors, events and claims, ids included, are the same as a
   plain ingest of the same inputs, whatever the workers and partitions; then every table is
   exported as Parquet.

A run that stops is started again with the same command: finished partitions are skipped.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WirecoderError
from ..ingest.decode import MAX_BYTES
from .partitions import output_of, plan, run_partition
from .serialize import loads


@dataclass
class BatchSummary:
    articles: int = 0
    partitions: int = 0
    skipped_partitions: int = 0
    stored: int = 0
    unchanged: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    map_seconds: float = 0.0  # the per-article pipeline on the workers
    merge_seconds: float = 0.0  # writing into the store, then the Parquet tables
    write_seconds: float = 0.0  # of which the store writes alone
    notes: list = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"articles: {self.articles}; partitions: {self.partitions} "
                f"({self.skipped_partitions} already done); stored: {self.stored}; already "
                f"stored: {self.unchanged}; quarantined: {self.quarantined}; "
                f"{self.seconds:.1f}s", *self.notes]


def read_inputs(paths: list[str], meta: dict, max_bytes: int):
    from ..ingest import read_paths
    from .warc import read_warc

    plain = [p for p in paths if not str(p).endswith((".warc", ".warc.gz"))]
    warcs = [p for p in paths if str(p).endswith((".warc", ".warc.gz"))]
    for path in paths:  # keep the user's order across kinds
        if path in warcs:
            yield from read_warc(path)
        elif path in plain:
            yield from read_paths([path], meta=meta, max_bytes=max_bytes)


def batch(paths: list[str], out: Path, *, workers: int = 2, scheduler: str | None = None,
          partition_size: int = 100, meta: dict | None = None, max_bytes: int = MAX_BYTES,
          progress=None, db: str | Path | None = None) -> BatchSummary:
    """Run the pipeline over ``paths`` on Dask and merge into the store ``db`` (an SQLite
    file or a PostgreSQL URL; default ``out/wirecoder.db``). ``summary.map_seconds`` is the
    map step; the rest of ``summary.seconds`` the merge and the Parquet export."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    parts, count = plan(read_inputs(paths, meta or {}, max_bytes), out, partition_size)
    summary = BatchSummary(articles=count, partitions=len(parts))
    pending = [p for p in parts if not output_of(p).exists()]
    summary.skipped_partitions = len(parts) - len(pending)
    sizes = {str(p): sum(1 for line in p.open(encoding="utf-8") if line.strip()) for p in parts}
    if progress:
        progress(sum(sizes[str(p)] for p in parts if p not in pending), count)
    db = db or out / "wirecoder.db"
    with _client(workers, scheduler) as client:
        if pending:
            started_map = time.perf_counter()
            _map(client, pending, progress)
            summary.map_seconds = time.perf_counter() - started_map
        for part in parts:  # a worker killed while writing leaves its half-written file behind
            for stale in part.parent.glob(f"{part.stem}.*.tmp"):
                stale.unlink(missing_ok=True)
        started_merge = time.perf_counter()
        groups = len(client.scheduler_info()["workers"]) if workers > 1 or scheduler else 1
        if groups > 1 and _empty(db):
            _merge_apart(client, groups, parts, out, summary, db)
        else:
            _merge(parts, out, summary, db)
        summary.merge_seconds = time.perf_counter() - started_merge
    summary.seconds = time.perf_counter() - started
    return summary


def _empty(db) -> bool:
    """Whether the store ``db`` holds no article yet (created now if missing)."""
    from ..store import Store

    with Store(db) as store:
        return store.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None


def worker_environ() -> dict:
    """Dask's environment for new worker processes, less ``MALLOC_TRIM_THRESHOLD_``: Dask sets
    it to 64 KiB so idle workers hand memory back, which costs about 15% of spaCy's parse speed
    (allocations are trimmed and remapped all the time). Workers here are busy and their peak
    is measured (benchmarks/bench_batch.py), so glibc's own threshold is kept. One thread per
    process for BLAS/OpenMP, as Dask sets it."""
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def drop_dask_malloc_trim() -> None:
    """A Nanny writes its pre-spawn environment into this process's ``os.environ`` and leaves
    it there; take Dask's trim threshold back out so later workers don't inherit it."""
    import os

    import dask

    dasks = dask.config.get("distributed.nanny.pre-spawn-environ", {}).get(
        "MALLOC_TRIM_THRESHOLD_")
    if dasks is not None and os.environ.get("MALLOC_TRIM_THRESHOLD_") == str(dasks):
        del os.environ["MALLOC_TRIM_THRESHOLD_"]


def local_cluster(workers: int):
    """A local Dask cluster of ``workers`` single-threaded processes on 127.0.0.1."""
    import dask
    from dask.distributed import LocalCluster

    drop_dask_malloc_trim()
    with dask.config.set({"distributed.nanny.pre-spawn-environ": worker_environ()}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            host="127.0.0.1", dashboard_address=None, memory_limit="3GiB")


@contextlib.contextmanager
def _client(workers: int, scheduler: str | None):
    """A Dask client: on the cluster at ``scheduler``, else on a local one of ``workers``."""
    from dask.distributed import Client

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = local_cluster(workers)
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _map(client, pending: list[Path], progress):
    from dask.distributed import as_completed

    futures = [client.submit(run_partition, str(p), key=f"wirecoder-{p.stem}", retries=3,
                             pure=False) for p in pending]
    for future in as_completed(futures):
        _, n, _ = future.result()
        if progress:
            progress(None, None, n)


def _merge_apart(client, groups: int, parts: list[Path], out: Path, summary: BatchSummary,
                 db) -> None:
    """The merge on the workers (``merge.py``): keys, groups of components, one store per
    group, then the groups copied into ``db``; the same summary and quarantine as ``_merge``."""
    import pyarrow.parquet as pq

    from ..export.parquet import write_parquet
    from ..store import Store
    from . import merge

    outputs = [str(output_of(p)) for p in parts]
    keyed = client.gather([client.submit(merge.partition_keys, o, retries=3, pure=False)
                           for o in outputs])
    group_of = merge.plan_groups(keyed, groups)
    folder = out / "merge"
    folder.mkdir(exist_ok=True)
    wanted: list[list[str]] = [[] for _ in range(groups)]
    for article_id, group in group_of.items():
        wanted[group].append(article_id)
    dbs = [str(folder / f"group-{g}.db") for g in range(groups)]
    results = client.gather([client.submit(merge.merge_group, outputs, wanted[g], dbs[g],
                                           retries=3, pure=False) for g in range(groups)])
    started = time.perf_counter()
    with Store(db) as store, \
            open(out / "quarantine.jsonl", "a", encoding="utf-8") as quarantine:
        for output in outputs:  # articles the pipeline could not read, as _merge says them
            table = pq.read_table(output, columns=["article_id", "error"]).to_pydict()
            for article_id, error in zip(table["article_id"], table["error"]):
                if error is not None:
                    summary.quarantined += 1
                    quarantine.write(json.dumps({"article_id": article_id, "stage": "pipeline",
                                                 "reason": error}) + "\n")
        for line in merge.quarantine_lines(results):
            quarantine.write(line + "\n")
        merge.reconcile(dbs, store)
        summary.write_seconds = time.perf_counter() - started + max(
            r["seconds"] for r in results)
        write_parquet(store, out / "tables")
    summary.stored += sum(r["stored"] for r in results)
    summary.unchanged += sum(r["unchanged"] for r in results)
    summary.quarantined += sum(1 for r in results for q in r["quarantine"]
                               if q["stage"] == "store")
    _notes(out, summary)


def _merge(parts: list[Path], out: Path, summary: BatchSummary, db=None) -> None:
    """The plain merge: every partition's extractions written into ``db`` (default
    ``out/wirecoder.db``) in input order, as ``ingest`` writes them."""
    import pyarrow.parquet as pq

    from ..export.parquet import write_parquet
    from ..store import Store

    started = time.perf_counter()
    with Store(db or out / "wirecoder.db") as store, \
            open(out / "quarantine.jsonl", "a", encoding="utf-8") as quarantine:
        for part in parts:
            table = pq.read_table(output_of(part)).to_pydict()
            for article_id, text, error in zip(table["article_id"], table["extraction"],
                                               table["error"]):
                if error is not None:
                    summary.quarantined += 1
                    if not store.has_article(article_id):
                        quarantine.write(json.dumps({"article_id": article_id,
                                                     "stage": "pipeline",
                                                     "reason": error}) + "\n")
                    continue
                extraction = loads(text)
                for warning in extraction.warnings:  # stored, minus an impossible value
                    quarantine.write(json.dumps({"article_id": article_id,
                                                 "stage": "pipeline-warning",
                                                 "reason": warning}) + "\n")
                try:
                    written = store.write(extraction)
                except WirecoderError as exc:  # one record the store refuses: the rest go on
                    summary.quarantined += 1
                    quarantine.write(json.dumps({"article_id": article_id, "stage": "store",
                                                 "reason": str(exc)}) + "\n")
                    continue
                if written:
                    summary.stored += 1
                else:
                    summary.unchanged += 1
        summary.write_seconds = time.perf_counter() - started
        write_parquet(store, out / "tables")
    _notes(out, summary)


def _notes(out: Path, summary: BatchSummary) -> None:
    """The summary's notes on what the quarantine file holds."""
    with open(out / "quarantine.jsonl", encoding="utf-8") as handle:
        lines = handle.readlines()
    stages = [line for line in lines if '"stage": "read' in line]
    dropped = sum('"stage": "pipeline-warning"' in line for line in lines)
    if dropped:
        summary.notes.append(f"{dropped} impossible date(s) or count(s) left out of stored "
                             f"articles: see {out / 'quarantine.jsonl'} (stage "
                             "pipeline-warning)")
    refused = sum('"stage": "store"' in line for line in lines)
    if refused:
        summary.notes.append(f"{refused} article(s) the store refused: see "
                             f"{out / 'quarantine.jsonl'} (stage store)")
    read_rejects = sum('"stage": "read"' in line for line in stages)
    if len(stages) > read_rejects:  # kept, with a warning (a date that is not a date)
        summary.notes.append(f"{len(stages) - read_rejects} input(s) stored with a warning: "
                             f"see {out / 'quarantine.jsonl'} (stage read-warning)")
    if read_rejects:
        summary.notes.append(f"{read_rejects} input(s) could not be read: see "
                             f"{out / 'quarantine.jsonl'}")
        summary.quarantined += read_rejects


def main_progress(total_hint: int | None = None):
    """Progress on stderr: articles done, rate and time left (a tqdm bar on a terminal, a
    plain line now and then elsewhere: ``progress.py``)."""
    from ..progress import progress

    bar = {"bar": None}

    def update(done=None, total=None, step=None):
        if bar["bar"] is None and total is not None:
            bar["bar"] = progress(total, sys.stderr, initial=done or 0, label="batch")
        elif bar["bar"] is not None and step:
            bar["bar"].update(step)

    return update, bar
