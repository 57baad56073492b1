"""A database to serve, as issue 22 asks the UI to be tried on: the seed article, the shipped
examples, five short conflict reports written for these tests (``reports.jsonl``: dates at
day, week, month and year precision, places near towns) and the first 300 Reuters-21578
stories (wire text of every kind, mostly no conflict: the noise an analyst wades through).
The seed and Reuters are read from ../shared when it is beside the project (in place; the
stories reach a temporary file only to give each its date as ISO). Built once per test
session. And a real ``wirecoder serve`` subprocess over it, for what only a live server
shows (threads, sockets, memory)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"
REPORTS = Path(__file__).with_name("reports.jsonl")
REUTERS_STORIES = 300


def reuters_stories(path: Path, n: int = REUTERS_STORIES) -> Path | None:
    """The first ``n`` Reuters-21578 stories with a body as ingestable JSON Lines (title,
    outlet, ISO publication date, dateline, text) in ``path``; None without the data."""
    import json
    from datetime import datetime

    if not REUTERS.exists():
        return None
    written = 0
    with REUTERS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for line in source:
            story = json.loads(line)
            if not (story.get("body") or "").strip():
                continue
            day = datetime.strptime(story["date"].split()[0], "%d-%b-%Y").date()
            out.write(json.dumps({"title": story.get("title"), "outlet": "Reuters",
                                  "published": day.isoformat(), "dateline":
                                  story.get("dateline"), "text": story["body"]}) + "\n")
            written += 1
            if written == n:
                break
    return path


@pytest.fixture(scope="session")
def served_db(tmp_path_factory) -> Path:
    from wirecoder.cli import main

    path = tmp_path_factory.mktemp("web") / "served.db"
    if SEED.exists():
        args = [str(SEED), "--published", "2018-02-07", "--outlet", "Reuters", "--title",
                "Al Qaeda trying to regroup in Tunisia after Islamic State setbacks"]
    else:
        args = [str(ROOT / "examples")]
    assert main(["ingest", *args, "--db", str(path), "--quiet"]) == 0
    more = [str(ROOT / "examples"), str(REPORTS)]
    stories = reuters_stories(path.with_name("reuters.jsonl"))
    if stories:
        more.append(str(stories))
    assert main(["ingest", *more, "--db", str(path), "--quiet"]) == 0
    return path


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (another process could take it before we bind)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real ``wirecoder serve`` in a subprocess on 127.0.0.1 (this checkout's source)."""

    def __init__(self, db: Path, *args: str, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environ = {**os.environ, **(env or {}),
                   "PYTHONPATH": os.pathsep.join([str(ROOT / "src"),
                                                  os.environ.get("PYTHONPATH", "")])}
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wirecoder.cli", "serve", "--db", str(db),
             "--port", str(self.port), *args], env=environ, stdout=self.log,
            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"wirecoder serve exited: {self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"wirecoder serve did not start in 60 s: {self.output()}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_mb(self) -> float:
        """Resident memory of the server process, in MiB (Linux /proc)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.log.close()


@pytest.fixture(scope="session")
def live_server(served_db):
    """A read-only ``wirecoder serve`` over ``served_db``, shared by the session."""
    server = LiveServer(served_db)
    yield server
    server.stop()
