"""The geocoder's cost: building the place index from the installed packages (cold), loading
it from the local cache (warm), the second-level division table, their memory, and
resolution speed, beside loading the spaCy model in the same run (the baseline every process
pays anyway).

    python benchmarks/bench_geocoder.py

Each load runs in a fresh process so its time and peak memory are its own. Prints figures,
asserts nothing. Needs no data from ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

CHILD = r"""
import json, resource, sys, time
mode = sys.argv[1]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
if mode == "spacy":
    from wirecoder.nlp.load import load_nlp
    load_nlp(bare=True)
    seconds = time.perf_counter() - t
    extra = {}
elif mode == "districts":
    from wirecoder.normalize import districts
    table = districts._by_name()
    seconds = time.perf_counter() - t
    t2 = time.perf_counter()
    districts._by_bones()
    extra = {"names": len(table), "bones_seconds": time.perf_counter() - t2}
else:
    from wirecoder.normalize.geo_index import geo_index
    from wirecoder.normalize.where import resolve_place
    index = geo_index()
    seconds = time.perf_counter() - t
    names = ["Sousse", "Algiers", "Paris", "Maiduguri", "Kef", "Borno state", "Mogadishu",
             "Springfield", "Kasserine region", "Sahel"] * 200
    t2 = time.perf_counter()
    for name in names:
        resolve_place(name, context_countries=["TN", "NG"])
    extra = {"names": len(index.by_name), "resolve_per_s": len(names) / (time.perf_counter() - t2)}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "delta_mb": peak - before,
                  **extra}))
"""


def run(mode: str, cache: str) -> dict:
    import os

    env = {**os.environ, "WIRECODER_CACHE_DIR": cache}
    out = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True, text=True,
                         env=env, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        spacy_ = run("spacy", cache)
        cold = run("geo", cache)
        warm = run("geo", cache)
        districts = run("districts", cache)
    print(f"spaCy model load (baseline): {spacy_['seconds']:6.2f} s  peak {spacy_['peak_mb']:6.0f} MB")
    print(f"place index, cold build   : {cold['seconds']:6.2f} s  peak {cold['peak_mb']:6.0f} MB"
          f"  ({cold['names']:,} names)")
    print(f"place index, cached load  : {warm['seconds']:6.2f} s  peak {warm['peak_mb']:6.0f} MB")
    print(f"district table (ADM2)     : {districts['seconds']:6.2f} s  "
          f"+{districts['delta_mb']:4.0f} MB  ({districts['names']:,} names; spelling skeletons, "
          f"built on first need: "
          f"{districts['bones_seconds']:.2f} s more)")
    print(f"resolution: {warm['resolve_per_s']:,.0f} names/s")
    print(f"ratios to model load: cold {cold['seconds'] / spacy_['seconds']:.2f}x time, "
          f"cached {warm['seconds'] / spacy_['seconds']:.2f}x time, "
          f"{warm['peak_mb'] / spacy_['peak_mb']:.2f}x memory")


if __name__ == "__main__":
    main()
