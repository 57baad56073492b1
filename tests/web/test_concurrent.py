"""Reading while an ingest writes (issue 32, item 1): a real ``wirecoder serve`` and a real
``wirecoder ingest`` on one store at once. Every read must answer 200: a commit in the middle
of a request may make the answer older, never wrong. Loopback only; every loop is bounded by
a deadline and by the ingest's end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from .conftest import REPORTS, ROOT, LiveServer, reuters_stories

FIXTURES = ROOT / "tests" / "fixtures"
DEADLINE_SECONDS = 600


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_reads_never_fail_while_an_ingest_writes(tmp_path):
    from wirecoder.cli import main

    db = tmp_path / "live.db"
    assert main(["ingest", str(ROOT / "examples"), "--db", str(db), "--quiet"]) == 0
    inputs = [str(p) for p in sorted(FIXTURES.glob("*_reports.jsonl"))] + [str(REPORTS)]
    stories = reuters_stories(tmp_path / "reuters.jsonl", 120)
    if stories:
        inputs.append(str(stories))
    server = LiveServer(db)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    writer = subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "ingest", *inputs,
                               "--db", str(db), "--quiet"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    failures: list[tuple[str, int, bytes]] = []
    answered = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + DEADLINE_SECONDS

    def reader(paths):
        keys: list[str] = []
        turn = 0
        while writer.poll() is None and time.monotonic() < deadline:
            turn += 1
            path = paths[turn % len(paths)]
            if path == "dossier":
                if not keys:
                    continue
                path = "/api/actors/" + urllib.parse.quote(keys[turn % len(keys)], safe="")
            status, body = _get(server.url + path)
            with lock:
                answered[0] += 1
                if status != 200:
                    failures.append((path, status, body[:300]))
            if path.startswith("/api/actors?") and status == 200:
                keys = [a["id"] for a in json.loads(body)["actors"]][:50]

    threads = [threading.Thread(target=reader, args=(paths,)) for paths in (
        ["/api/events?limit=500", "/api/actors?limit=500", "dossier"],
        ["/api/actors?limit=500", "dossier", "/api/graph", "/api/events?limit=50"],
        ["/api/search?q=killed", "/api/timeline", "dossier", "/api/actors?limit=500"])]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(DEADLINE_SECONDS + 60)
        output = writer.communicate(timeout=60)[0].decode()
    finally:
        if writer.poll() is None:
            writer.kill()
        server.stop()
    assert writer.returncode == 0, output
    assert "stored: 0;" not in output, output  # the ingest really wrote while we read
    assert answered[0] > 20, f"only {answered[0]} answers: the test read too little"
    print(f"{answered[0]} answers during the ingest; not 200: {len(failures)}")
    assert failures == [], f"{len(failures)} of {answered[0]} not 200: {failures[:5]}"
