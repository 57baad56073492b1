"""Ingest throughput and peak memory on real wire text, as ratios to bare spaCy parsing.

    python benchmarks/bench_ingest.py [--n 2000] [--data ../shared/data/reuters21578/reuters21578.jsonl]

Each measurement runs in its own process (so peak RSS is its own) over the same first N
stories: (1) bare ``nlp.pipe`` with the same model and batch size, (2) ``wirecoder`` ingest of
the same stories into a fresh SQLite file. Prints articles/second, peak RSS, and the ratios
full/bare. Prints figures only; asserts nothing. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"
BATCH = 16


def load_texts(path: Path, n: int) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if len(out) >= n:
                break
            out.append(json.loads(line))
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def run_bare(path: Path, n: int) -> dict:
    from wirecoder.nlp.load import load_nlp

    records = load_texts(path, n)
    texts = [r.get("body") or "" for r in records]
    nlp = load_nlp(bare=True)
    started = time.perf_counter()
    chars = 0
    for doc in nlp.pipe(texts, batch_size=BATCH):
        chars += len(doc.text)
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "seconds": seconds, "chars": chars, "peak_mb": peak_mb()}


def run_full(path: Path, n: int) -> dict:
    from wirecoder.ingest import read_paths
    from wirecoder.pipeline import Pipeline, ingest
    from wirecoder.store import Store

    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with subset.open("w", encoding="utf-8") as handle:
            for record in load_texts(path, n):
                handle.write(json.dumps(record) + "\n")
        items = list(read_paths([subset]))
        started = time.perf_counter()
        with Store(Path(tmp) / "bench.db") as store:
            summary = ingest(items, store, pipeline)
        seconds = time.perf_counter() - started
    return {"articles": len(items), "seconds": seconds, "stored": summary.stored,
            "skipped": len(summary.rejected), "events": summary.events,
            "actors": summary.actors, "peak_mb": peak_mb()}


def child(mode: str, path: Path, n: int) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--n", str(n), "--data", str(path)]
    result = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
    if result.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--child", choices=["bare", "full"])
    args = parser.parse_args()
    if args.child:
        result = run_bare(args.data, args.n) if args.child == "bare" else run_full(args.data, args.n)
        print(json.dumps(result))
        return
    if not args.data.exists():
        print(f"SKIP: {args.data} not found (benchmarks read ../shared/data when it exists)")
        return
    bare = child("bare", args.data, args.n)
    full = child("full", args.data, args.n)
    bare_rate = bare["articles"] / bare["seconds"]
    full_rate = full["articles"] / full["seconds"]
    print(f"stories: first {args.n} of {args.data.name}")
    print(f"bare spaCy nlp.pipe : {bare_rate:8.1f} articles/s  peak {bare['peak_mb']:7.0f} MB")
    print(f"wirecoder ingest    : {full_rate:8.1f} articles/s  peak {full['peak_mb']:7.0f} MB"
          f"  (stored {full['stored']}, skipped {full['skipped']}, events {full['events']},"
          f" actors {full['actors']})")
    print(f"speed ratio (ingest / bare parse): {full_rate / bare_rate:.2f}")
    print(f"memory ratio (ingest / bare parse): {full['peak_mb'] / bare['peak_mb']:.2f}")


if __name__ == "__main__":
    main()
