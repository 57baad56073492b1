"""Does ingest slow down as the database grows? Per-article cost at 2,000 and at 20,000
stored articles, on the Reuters-21578 stories.

    python benchmarks/bench_scale.py [--small 2000] [--large 20000] [--probes 200]

Builds one store by ingesting the first ``--large`` stories, copying it aside when it holds
``--small``; then ingests the same ``--probes`` later stories (not in either store) into a
fresh copy of each, three times alternately, and prints the median seconds per article at
each size and their ratio. Needs ../shared/data; skips cleanly without it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"


def articles(start: int, stop: int):
    from wirecoder.ingest import read_paths

    for i, item in enumerate(read_paths([DATA])):
        if i >= stop:
            break
        if i >= start and hasattr(item, "text"):
            yield item


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--probes", type=int, default=200)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"SKIP: {DATA} not found")
        return
    from wirecoder.pipeline import Pipeline, ingest
    from wirecoder.store import Store

    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big, small = tmp / "big.db", tmp / "small.db"
        started = time.perf_counter()
        with Store(big) as store:
            ingest(articles(0, args.small), store, pipeline)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy(big, small)
            print(f"built {args.small} in {time.perf_counter() - started:.0f} s", flush=True)
            ingest(articles(args.small, args.large), store, pipeline)
            counts = store.counts()
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"built {args.large} in {time.perf_counter() - started:.0f} s: "
              f"{counts['articles']:,} articles, {counts['events']:,} events, "
              f"{counts['actors']:,} actors; probing", flush=True)
        probes = list(articles(args.large, args.large + args.probes * 3))[:args.probes]
        timings: dict[str, list[float]] = {"small": [], "large": []}
        for _ in range(3):
            for name, source in (("small", small), ("large", big)):
                copy = tmp / f"probe-{name}.db"
                shutil.copy(source, copy)
                with Store(copy) as store:
                    t = time.perf_counter()
                    summary = ingest(probes, store, pipeline)
                    timings[name].append((time.perf_counter() - t) / max(1, summary.stored))
                copy.unlink()
    s, l = statistics.median(timings["small"]), statistics.median(timings["large"])
    print(f"per-article ingest with {args.small:,} stored: {s * 1000:.1f} ms; with "
          f"{args.large:,} stored: {l * 1000:.1f} ms; ratio {l / s:.2f} "
          f"({len(probes)} probe stories, median of 3)")


if __name__ == "__main__":
    sys.exit(main())
