"""Long documents: ingest time beside bare spaCy parse time, at several lengths.

    python benchmarks/bench_long.py [--sizes 100 250 500]

Each size (kilobytes of text) is a synthetic conflict-news digest (``digest.py``: template
paragraphs with invented towns, dates and tolls). For each: (1) bare ``nlp(text)`` with the
same model, (2) ``wirecoder`` ingest of the digest as one article into a fresh SQLite file.
Prints seconds, their ratio and peak RSS. Cost linear in length keeps the ratio flat as the
size grows (issue 32: a 500 KB digest within three times its bare parse). Figures only.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from digest import digest  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def bare_seconds(nlp, text: str) -> float:
    started = time.perf_counter()
    nlp(text)
    return time.perf_counter() - started


def ingest_seconds(pipeline, text: str, store_dir: Path) -> tuple[float, int]:
    """Seconds to ingest ``text`` as one article into a fresh store; the events stored."""
    from wirecoder.model import Article
    from wirecoder.pipeline import ingest
    from wirecoder.store import Store

    article = Article.make(text, title="Digest", outlet="bench")
    started = time.perf_counter()
    with Store(store_dir / f"long-{len(text)}.db") as store:
        summary = ingest([article], store, pipeline)
    seconds = time.perf_counter() - started
    if summary.stored != 1:
        raise SystemExit(f"not stored: {summary.lines()}")
    return seconds, summary.events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[100, 250, 500])
    args = parser.parse_args()
    from wirecoder.nlp.load import load_nlp
    from wirecoder.pipeline import Pipeline

    bare = load_nlp(bare=True)
    bare.max_length = max(bare.max_length, int(max(args.sizes) * 1000) + 1)
    pipeline = Pipeline()
    warm = digest(2, seed=1)  # models and indexes loaded before any timing
    bare(warm)
    with tempfile.TemporaryDirectory() as tmp:
        ingest_seconds(pipeline, warm, Path(tmp))
        print(f"{'KB':>6} {'bare parse s':>13} {'ingest s':>10} {'ratio':>6} {'events':>7}"
              f" {'peak MB':>8}", flush=True)
        for kb in args.sizes:
            text = digest(kb)
            parse = bare_seconds(bare, text)
            full, events = ingest_seconds(pipeline, text, Path(tmp))
            print(f"{kb:6.0f} {parse:13.1f} {full:10.1f} {full / parse:6.2f} {events:7d}"
                  f" {peak_mb():8.0f}", flush=True)


if __name__ == "__main__":
    main()
