"""Batch throughput against bare parsing, memory per worker, and the speed-up from 1 to 2
workers, on the first N Reuters-21578 stories.

    python benchmarks/bench_batch.py [--n 5000]

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

from bench_ingest import DEFAULT_DATA as DATA, load_texts  # same stories, same reader


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


def full(src: Path, workers: int) -> dict:
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
    client.close()
    cluster.close()
    return {"articles": summary.articles, "rate": summary.articles / summary.map_seconds,
            "merge_s": summary.seconds - summary.map_seconds, "peak_mb": max(peaks.values()),
            "stored": summary.stored}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"SKIP: {DATA} not found")
        return
    records = [r for r in load_texts(DATA, args.n) if r.get("body")]
    texts = [r["body"] for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stories.jsonl"
        src.write_text("\n".join(json.dumps(r) for r in records) + "\n")
        b1, b1_mb = bare(texts, 1)
        f1 = full(src, 1)
        b2, b2_mb = bare(texts, 2)
        f2 = full(src, 2)
    print(f"first {args.n} stories ({len(texts)} with text)")
    print(f"1 process : bare nlp.pipe {b1:6.1f}/s (peak {b1_mb:.0f} MB); wirecoder batch "
          f"{f1['rate']:6.1f}/s (peak per worker {f1['peak_mb']:.0f} MB); ratio {f1['rate'] / b1:.2f}")
    print(f"2 processes: bare nlp.pipe {b2:6.1f}/s (peak {b2_mb:.0f} MB); wirecoder batch "
          f"{f2['rate']:6.1f}/s (peak per worker {f2['peak_mb']:.0f} MB); ratio {f2['rate'] / b2:.2f}")
    print(f"speed-up from 1 to 2 workers: {f2['rate'] / f1['rate']:.2f}x "
          f"(this machine has 2 cores); merge into the store after the map step: "
          f"{f1['merge_s']:.0f} s for {f1['stored']} articles")


if __name__ == "__main__":
    main()
