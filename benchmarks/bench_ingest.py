"""Ingest throughput and peak memory, as ratios to bare spaCy parsing of the same texts in the
same run, on conflict news beside business news.

    python benchmarks/bench_ingest.py [--n 2000] [--only isaf news reuters] [--rounds 2]

Corpora (each skipped, with a message, when absent):

* ``isaf``: ISAF press releases, ``../shared/data/isaf-dev/isaf_dev.jsonl`` (all 371);
* ``news``: whole conflict-news articles from many outlets, the rebuilt texts of
  news-articles-dev (third-party text, kept outside the repository): ``$WIRECODER_TEXTS/
  news-articles-dev`` or ``../texts/news-articles-dev`` (as ``wirecoder evaluate articles``
  finds them);
* ``reuters``: the first ``--n`` Reuters-21578 stories (1987 business news),
  ``../shared/data/reuters21578/reuters21578.jsonl``.

For each corpus, two processes over the same articles (read by ``wirecoder``'s own readers,
so both parse the same texts): (1) bare ``nlp.pipe`` with the same model and batch size,
(2) ``wirecoder`` ingest into a fresh SQLite file. Each process has its own peak RSS. Prints
articles/second, characters/second, peak RSS and the ratio ingest/bare beside its target
(0.60 on conflict news, 0.80 on Reuters). The ingest side is warmed up on one short article
first (the place index and other tables load once per process). On a shared machine the
load moves between the two processes: ``--rounds 2`` runs each twice, alternately, and keeps
the faster. Figures only; asserts nothing.
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
DATA = HERE.parent.parent / "shared" / "data"
BATCH = 16
TEXTS_ENV = "WIRECODER_TEXTS"
# name -> (what it is, target ratio of ingest to bare parsing)
CORPORA = {
    "isaf": ("ISAF press releases (conflict news)", 0.60),
    "news": ("news-articles-dev (conflict news)", 0.60),
    "reuters": ("Reuters-21578 (business news)", 0.80),
}


def corpus_path(name: str) -> Path | None:
    if name == "isaf":
        path = DATA / "isaf-dev" / "isaf_dev.jsonl"
        return path if path.is_file() else None
    if name == "reuters":
        path = DATA / "reuters21578" / "reuters21578.jsonl"
        return path if path.is_file() else None
    folders = ([Path(os.environ[TEXTS_ENV]) / "news-articles-dev"]
               if os.environ.get(TEXTS_ENV) else [])
    folders.append(HERE.parent.parent / "texts" / "news-articles-dev")
    for folder in folders:
        for path in (folder / "ingest.jsonl", folder / "OUT" / "ingest.jsonl"):
            if path.is_file():
                return path
    return None


def subset(path: Path, n: int, out: Path) -> None:
    """The first ``n`` records of ``path`` as JSON Lines ``wirecoder`` reads (gold dropped)."""
    keep = ("text", "body", "content", "title", "published", "date", "outlet", "url",
            "dateline", "language")
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        written = 0
        for line in src:
            if written >= n:
                break
            if line.strip():
                record = json.loads(line)
                dst.write(json.dumps({k: v for k, v in record.items() if k in keep}) + "\n")
                written += 1


def articles(path: Path) -> list:
    from wirecoder.ingest import read_paths

    return [item for item in read_paths([path]) if hasattr(item, "text")]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def run_bare(path: Path) -> dict:
    from wirecoder.nlp.load import load_nlp

    texts = [a.text for a in articles(path)]
    nlp = load_nlp(bare=True)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "chars": sum(map(len, texts)), "seconds": seconds,
            "peak_mb": peak_mb()}


WARM_UP = ("KABUL, Afghanistan (Jan. 5, 2013) - Afghan and coalition forces killed two "
           "insurgents and detained a Taliban leader in Nad Ali district, Helmand province, "
           "yesterday, officials said.")


def run_full(path: Path) -> dict:
    from wirecoder.model import Article
    from wirecoder.pipeline import Pipeline, ingest
    from wirecoder.store import Store

    items = articles(path)
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        # load what every run loads once (place index, district table, story sketches) before
        # timing: throughput, not start-up (bare spaCy's start-up is left out as well)
        with Store(Path(tmp) / "warm.db") as store:
            ingest([Article.make(WARM_UP, outlet="warm-up")], store, pipeline)
        started = time.perf_counter()
        with Store(Path(tmp) / "bench.db") as store:
            summary = ingest(items, store, pipeline)
        seconds = time.perf_counter() - started
    return {"articles": len(items), "chars": sum(len(a.text) for a in items),
            "seconds": seconds, "stored": summary.stored, "unchanged": summary.unchanged,
            "skipped": len(summary.rejected), "events": summary.events,
            "actors": summary.actors, "peak_mb": peak_mb()}


def child(mode: str, path: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--data", str(path)]
    result = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
    if result.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(name: str, n: int, tmp: Path, rounds: int = 1) -> None:
    what, target = CORPORA[name]
    path = corpus_path(name)
    if path is None:
        print(f"{name:8} SKIP: {what} not found (see this script's docstring for where)",
              flush=True)
        return
    part = tmp / f"{name}.jsonl"
    subset(path, n, part)
    bare, full = child("bare", part), child("full", part)
    for _ in range(rounds - 1):  # the machine's load varies: the faster of each
        bare = min(bare, child("bare", part), key=lambda r: r["seconds"])
        full = min(full, child("full", part), key=lambda r: r["seconds"])
    bare_rate, full_rate = bare["articles"] / bare["seconds"], full["articles"] / full["seconds"]
    print(f"{name:8} {full['articles']:6d} {bare['chars'] / bare['articles']:7.0f}"
          f" {bare_rate:9.1f} {full_rate:9.1f} {full_rate / bare_rate:6.2f} {target:6.2f}"
          f" {bare['peak_mb']:8.0f} {full['peak_mb']:8.0f}   {what}: stored {full['stored']},"
          f" skipped {full['skipped']}, events {full['events']}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="at most this many per corpus")
    parser.add_argument("--only", nargs="+", choices=list(CORPORA), default=list(CORPORA))
    parser.add_argument("--rounds", type=int, default=1,
                        help="run each side this many times, alternately; keep the faster")
    parser.add_argument("--child", choices=["bare", "full"])
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    if args.child:
        run = run_bare if args.child == "bare" else run_full
        print(json.dumps(run(args.data)))
        return
    print(f"{'corpus':8} {'arts':>6} {'chars':>7} {'bare/s':>9} {'ingest/s':>9} {'ratio':>6}"
          f" {'target':>6} {'bare MB':>8} {'full MB':>8}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only:
            measure(name, args.n, Path(tmp), args.rounds)


if __name__ == "__main__":
    main()
