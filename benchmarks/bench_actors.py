"""Actor resolution at scale, and the cost of the actor stages on real text.

    python benchmarks/bench_actors.py [--stored 100000] [--gazetteer 1000] [--stories 300]

1. Cross-article identity: writes ``--stored`` synthetic actors (pronounceable random names,
   a share of them transliteration variants of earlier ones) into a fresh store, one small
   article per 50 actors, and prints the write+resolution rate for the first and the last
   batches, so the growth of cost with the size of the store shows directly.
2. Gazetteer size: parses the first ``--stories`` Reuters-21578 stories with bare spaCy and
   with the full pipeline using the shipped gazetteer plus ``--gazetteer`` generated entries,
   in the same process, and prints the ratio. Skips part 2 when ../shared/data is absent.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from wirecoder.model import Actor, Article, Extraction

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"
# 21 consonant onsets x 6 vowels x 4 codas: ~500 syllables, names about as varied as real ones
SYLLABLES = [c + v + e for c in "b d f g h j k l m n p q r s t v w y z kh sh".split()
             for v in ("a", "e", "i", "o", "u", "ou") for e in ("", "n", "r", "l")]


def name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(rng.randint(2, 3)))


def variant(text: str, rng: random.Random) -> str:
    swaps = [("ou", "u"), ("e", "a"), ("ss", "s"), ("i", "ee")]
    a, b = rng.choice(swaps)
    return text.replace(a, b, 1) if a in text else text + "e"


def part_store(n: int) -> None:
    from wirecoder.store import Store

    rng = random.Random(7)
    names: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.db") as store:
        batches, per, timings = n // 50, 50, []
        for b in range(batches):
            actors = []
            for _ in range(per):
                text = variant(rng.choice(names), rng) if names and rng.random() < 0.1 \
                    else name(rng)
                names.append(text)
                kind = rng.choice(["person", "armed group"])
                actors.append(Actor(f"a{len(names)}-" + text.lower().replace(" ", "-"), text,
                                    kind))
            x = Extraction(Article.make(f"batch {b}", published=date(2020, 1, 1)), (),
                           tuple(actors))
            t = time.perf_counter()
            store.write(x)
            timings.append(time.perf_counter() - t)
        first = sum(timings[:20]) / (20 * per)
        last = sum(timings[-20:]) / (20 * per)
        merges = sum(1 for m in store.merges() if m["status"] == "merged")
        print(f"stored actors: {store.counts()['actors']:,}; merges judged: {merges:,}")
        print(f"write + resolve per new actor: first 1,000 {first * 1e3:.3f} ms, "
              f"last 1,000 {last * 1e3:.3f} ms (ratio {last / first:.2f})")


def part_gazetteer(extra: int, stories: int) -> None:
    if not DATA.exists():
        print(f"SKIP gazetteer part: {DATA} not found")
        return
    import yaml

    from wirecoder.model import Article as A
    from wirecoder.nlp.load import load_nlp
    from wirecoder.pipeline import Pipeline

    rng = random.Random(11)
    texts = []
    with DATA.open(encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line).get("body")
            if body:
                texts.append(body)
            if len(texts) >= stories:
                break
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        entries = [{"id": f"g{i}", "name": name(rng) + " Brigade", "type": "armed group",
                    "aliases": [name(rng)], "acronyms": [f"G{i:04d}"]} for i in range(extra)]
        path.write_text(yaml.safe_dump(entries))
        bare = load_nlp(bare=True)
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        bare_s = time.perf_counter() - t
        t = time.perf_counter()
        pipeline = Pipeline(extra_gazetteers=(str(path),))
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        for _ in pipeline.process_many(A.make(x) for x in texts):
            pass
        full_s = time.perf_counter() - t
    from wirecoder.resources.gazetteer import load_actor_gazetteer
    size = len(load_actor_gazetteer((str(path),)).entries)
    print(f"gazetteer: {size:,} actors; pipeline load {load_s:.1f} s")
    print(f"{stories} stories: bare spaCy {stories / bare_s:.1f}/s, wirecoder stages "
          f"{stories / full_s:.1f}/s, ratio {bare_s / full_s:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--gazetteer", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=300)
    args = parser.parse_args()
    part_store(args.stored)
    part_gazetteer(args.gazetteer, args.stories)


if __name__ == "__main__":
    main()
