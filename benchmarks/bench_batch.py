"""Batch throughput against bare parsing, memory per worker, and the speed-up from 1 to 2
workers, on the first N Reuters-21578 stories; the map and the merge timed apart, the merge
into each kind of store.

    python benchmarks/bench_batch.py [--n 5000] [--pg postgresql://user@host/db] [--no-bare]

With ``--pg`` (default ``$WIRECODER_TEST_PG``) every run's partitions, once mapped, are also
merged into a fresh schema of that PostgreSQL database (the map is not run again), so the
two stores' merge times come from the same extractions. The store's part of the merge (the
writes, without the Parquet export) is printed per article: what an ingest costs beyond the
pipeline on each store.

In the same run: bare spaCy ``nlp.pipe`` (same model, batch 16) in 1 and in 2 processes over
the same texts, and ``wirecoder batch`` with a local Dask cluster of 1 and of 2 workers. The
pipeline rate is the map step (article -> claims on the workers), the part that scales out;
the merge into the store runs once, after, and is printed separately. Peak memory is each
worker's own (ru_maxrss). Bare processes get the environment Dask workers get (one
BLAS/OpenMP thread each), so the two sides differ
only in the work done. Figures only; nothing is asserted. Skips without ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import tempfile
import time
from pathlib import Path

from bench_ingest import DATA as SHARED

DATA = SHARED / "reuters21578" / "reuters21578.jsonl"  # the stories bench_ingest reads


def load_texts(path: Path, n: int) -> list[dict]:
    """The first ``n`` records of the Reuters JSON Lines file."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if len(records) >= n:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def _bare(texts: list[str]) -> float:
    from wirecoder.nlp.load import load_nlp

    nlp = load_nlp(bare=True)
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare(texts: list[str], processes: int) -> tuple[float, float]:
    from wirecoder.batch.run import drop_dask_malloc_trim, worker_environ

    drop_dask_malloc_trim()  # an earlier Dask nanny leaves it in os.environ
    os.environ.update({k: str(v) for k, v in worker_environ().items()})  # same as the workers
    chunks = [texts[i::processes] for i in range(processes)]
    ctx = mp.get_context("spawn")
    with ctx.Pool(processes) as pool:
        pool.map(_bare, [texts[:16]] * processes)  # model loads are not parse time
        t = time.perf_counter()
        peaks = pool.map(_bare, chunks)
        return len(texts) / (time.perf_counter() - t), max(peaks)


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_pg(base: str, name: str) -> str:
    """The URL of an empty schema ``name`` in the database at ``base`` (made anew)."""
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{name}"


def pg_bytes(base: str, schema: str) -> int:
    """Bytes on disk of every table of ``schema``, indexes and TOAST included."""
    import psycopg

    with psycopg.connect(base) as conn:
        return conn.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN "
            "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND "
            "c.relkind = 'r'", (schema,)).fetchone()[0]


def full(src: Path, workers: int, pg: str | None = None) -> dict:
    from dask.distributed import Client

    from wirecoder.batch.run import batch, local_cluster

    cluster = local_cluster(workers)  # the cluster `wirecoder batch --workers N` starts
    client = Client(cluster)
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.jsonl"  # load the model in every worker before timing
        warm.write_text("\n".join(src.read_text().splitlines()[:workers * 2]) + "\n")
        batch([str(warm)], Path(tmp) / "warm", scheduler=cluster.scheduler_address,
              partition_size=1)
        summary = batch([str(src)], Path(tmp) / "out", scheduler=cluster.scheduler_address,
                        partition_size=100)
        peaks = client.run(_peak)
        merges = {"sqlite": summary}
        sizes = {"sqlite": sum(p.stat().st_size for p in (Path(tmp) / "out").glob(
            "wirecoder.db*"))}
        if pg:  # the same partitions, already mapped: only the merge runs
            schema = f"bench_batch_{workers}"
            merges["postgresql"] = batch(
                [str(src)], Path(tmp) / "out", scheduler=cluster.scheduler_address,
                partition_size=100, db=fresh_pg(pg, schema))
            sizes["postgresql"] = pg_bytes(pg, schema)
    client.close()
    cluster.close()
    return {"articles": summary.articles, "rate": summary.articles / summary.map_seconds,
            "map_s": summary.map_seconds, "peak_mb": max(peaks.values()),
            "stored": summary.stored,
            "merge": {kind: (s.merge_seconds, s.write_seconds, s.stored)
                      for kind, s in merges.items()}, "bytes": sizes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--pg", default=os.environ.get("WIRECODER_TEST_PG"),
                        help="a PostgreSQL database to merge into as well")
    parser.add_argument("--no-bare", action="store_true", help="skip bare nlp.pipe")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"SKIP: {DATA} not found")
        return
    records = [r for r in load_texts(DATA, args.n) if r.get("body")]
    texts = [r["body"] for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stories.jsonl"
        src.write_text("\n".join(json.dumps(r) for r in records) + "\n")
        b1, b1_mb = bare(texts, 1) if not args.no_bare else (None, None)
        f1 = full(src, 1, args.pg)
        b2, b2_mb = bare(texts, 2) if not args.no_bare else (None, None)
        f2 = full(src, 2, args.pg)
    print(f"first {args.n} stories ({len(texts)} with text)")
    for n, b, b_mb, f in ((1, b1, b1_mb, f1), (2, b2, b2_mb, f2)):
        line = f"{n} worker{'s' if n > 1 else ' '}: map {f['map_s']:6.1f} s ({f['rate']:5.1f}/s, "
        line += f"peak per worker {f['peak_mb']:.0f} MB)"
        if b:
            line += f"; bare nlp.pipe {b:5.1f}/s (peak {b_mb:.0f} MB), ratio {f['rate'] / b:.2f}"
        print(line)
        for kind, (merge_s, write_s, stored) in f["merge"].items():
            print(f"    merge into {kind:10}: {merge_s:6.1f} s (store writes {write_s:5.1f} s "
                  f"= {1000 * write_s / max(stored, 1):5.2f} ms per article, {stored} stored; "
                  f"{f['bytes'][kind] / max(stored, 1) / 1024:.1f} KiB per article)")
    print(f"speed-up of the map from 1 to 2 workers: {f2['rate'] / f1['rate']:.2f}x "
          "(this machine has 2 cores)")
    for kind in f1["merge"]:
        print(f"speed-up of the merge into {kind} from 1 to 2 workers: "
              f"{f1['merge'][kind][0] / f2['merge'][kind][0]:.2f}x")
    if "postgresql" in f1["merge"]:
        for f, n in ((f1, 1), (f2, 2)):
            sqlite_rate = f["articles"] / (f["map_s"] + f["merge"]["sqlite"][1])
            pg_rate = f["articles"] / (f["map_s"] + f["merge"]["postgresql"][1])
            print(f"{n} worker(s): map + store writes, PostgreSQL / SQLite articles per second: "
                  f"{pg_rate / sqlite_rate:.2f}")


if __name__ == "__main__":
    main()
