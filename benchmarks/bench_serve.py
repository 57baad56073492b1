"""The HTTP API under load: requests per second and p95 latency of ``/api/events`` and
``/api/actors`` with 1, 4 and 16 concurrent clients, against a real ``wirecoder serve``.

    python benchmarks/bench_serve.py [--n 2000] [--requests 300] [--db PATH]

The store: the seed article (../shared/seed/article.txt, published 2018-02-07, Reuters) plus
the first N Reuters-21578 stories (../shared/data/reuters21578/reuters21578.jsonl), ingested
once with ``wirecoder ingest`` into benchmarks/.cache/serve-N.db (or ``--db``; an existing
file is reused as it is). The server is a subprocess on 127.0.0.1, read-only; the clients
are threads of this process, one keep-alive connection each, on the same machine (so they
share its cores with the server). Each cell sends ``--requests`` requests after a short
warm-up, and stops early after ``--seconds``. Errors are any answer but 200, or a failed
connection; they must be zero. Prints figures only; asserts no timing. Skips cleanly, with a
message, when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "reuters21578" / "reuters21578.jsonl"
SEED = SHARED / "seed" / "article.txt"
SEED_META = ["--published", "2018-02-07", "--outlet", "Reuters", "--title",
             "Al Qaeda trying to regroup in Tunisia after Islamic State setbacks"]
ROUTES = ("/api/events", "/api/actors")
CLIENTS = (1, 4, 16)
WARM_UP = 10


def wirecoder(*args: str, **kwargs) -> subprocess.Popen:
    """``wirecoder ARGS`` from this checkout's source, in a subprocess."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "wirecoder.cli", *args], env=env, **kwargs)


def build_store(db: Path, n: int) -> None:
    """The seed article, then the first ``n`` stories, into ``db`` (written to a temporary
    name first, so an interrupted build leaves no half store to be reused)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    partial = db.with_name(db.name + ".partial")
    for leftover in db.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        stories = Path(tmp) / f"reuters-first-{n}.jsonl"
        with DATA.open(encoding="utf-8") as source, stories.open("w", encoding="utf-8") as out:
            for i, line in enumerate(source):
                if i >= n:
                    break
                out.write(line)
        for args in ([str(SEED), *SEED_META], [str(stories), "--outlet", "Reuters"]):
            run = wirecoder("ingest", *args, "--db", str(partial), "--quiet",
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            output = run.communicate()[0]
            # the summary, not one line per story without text
            print("\n".join(line for line in output.splitlines()
                            if not line.startswith("  skipped")), flush=True)
            if run.returncode != 0:
                raise SystemExit(f"wirecoder ingest {args[0]} failed")
    partial.rename(db)
    print(f"built {db} in {time.perf_counter() - started:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = wirecoder("serve", "--db", str(db), "--port", str(port),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"wirecoder serve exited: {server.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("wirecoder serve did not start in 60 s")


def load(url: str, route: str, clients: int, requests: int, seconds: float) -> dict:
    """``requests`` GETs of ``route`` from ``clients`` threads; latencies in seconds."""
    import httpx

    deadline = time.perf_counter() + seconds
    per_client = [requests // clients + (i < requests % clients) for i in range(clients)]

    def client(count: int) -> tuple[list[float], int]:
        latencies, errors = [], 0
        with httpx.Client(base_url=url, timeout=60) as http:
            for _ in range(count):
                if time.perf_counter() > deadline:
                    break
                started = time.perf_counter()
                try:
                    ok = http.get(route).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok
        return latencies, errors

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, per_client))
    wall = time.perf_counter() - started
    latencies = sorted(t for ts, _ in results for t in ts)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)] if latencies else float("nan")
    return {"route": route, "clients": clients, "requests": len(latencies),
            "errors": sum(e for _, e in results), "per_second": len(latencies) / wall,
            "p95_ms": p95 * 1000}


def store_size(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "events", "actors")}
    finally:
        conn.close()
    return ", ".join(f"{v:,} {k}" for k, v in counts.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="Reuters stories (default 2000)")
    parser.add_argument("--db", type=Path, help="store to serve (built if missing); default "
                        "benchmarks/.cache/serve-N.db")
    parser.add_argument("--requests", type=int, default=300, help="requests per cell")
    parser.add_argument("--seconds", type=float, default=60, help="time cap per cell")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = parser.parse_args()
    if not (DATA.is_file() and SEED.is_file()):
        print(f"skipped: {DATA if not DATA.is_file() else SEED} not found "
              "(../shared/data and ../shared/seed sit beside the project)")
        return 0
    db = args.db or HERE / ".cache" / f"serve-{args.n}.db"
    if not db.is_file():
        build_store(db, args.n)
    print(f"store: {db} ({store_size(db)})", flush=True)
    server, url = start_server(db)
    rows = []
    try:
        import httpx

        for route in ROUTES:
            for _ in range(WARM_UP):
                httpx.get(url + route, timeout=60)
            for clients in CLIENTS:
                rows.append(load(url, route, clients, args.requests, args.seconds))
                row = rows[-1]
                print(f"{route:12} {clients:>3} clients  {row['per_second']:8.1f} req/s  "
                      f"p95 {row['p95_ms']:7.1f} ms  {row['requests']:>4} requests  "
                      f"{row['errors']} errors", flush=True)
    finally:
        server.terminate()
        server.wait(10)
    if args.json:
        print(json.dumps(rows))
    errors = sum(r["errors"] for r in rows)
    print(f"errors: {errors}" + ("" if not errors else "  <- must be zero"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
