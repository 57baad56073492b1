"""``wirecoder serve --workers 2``: two server processes on one port, over either store
(issue 31: several web processes against a shared PostgreSQL store), answer the API and the
pages as one process does. A real server in a subprocess; hand-built articles, no model."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import store_writers
from .conftest import LiveServer

ROUTES = ("/api/events?limit=500", "/api/actors", "/api/events?text=herders", "/api/search?q=Gao")


def fetch(base: str, route: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(base + route, timeout=30) as answer:
        return answer.status, answer.read()


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def test_two_worker_processes_answer_as_one(stores_at):
    db = stores_at / "served.db"
    store_writers.write_share(db, 0, 1)
    one = LiveServer(db)
    try:
        expected = {route: fetch(one.url, route) for route in ROUTES}
        page = fetch(one.url, "/")
    finally:
        one.stop()
    two = LiveServer(db, "--workers", "2")
    try:
        assert len(children(two.pid)) >= 2  # the supervisor and its two workers
        for _ in range(3):  # requests land on either process
            for route in ROUTES:
                assert fetch(two.url, route) == expected[route], route
        assert fetch(two.url, "/") == page
        events = json.loads(expected["/api/events?limit=500"][1])["events"]
        assert events and expected["/api/events?text=herders"][0] == 200
    finally:
        two.stop()
