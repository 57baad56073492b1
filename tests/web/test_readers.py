"""The API under concurrency, against a real ``wirecoder serve`` subprocess: many clients at
once across every read route, each answer a 200. (The ASGI test client runs a request in one
thread, so it cannot show a connection used across threads; a live server can.)"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import httpx
import pytest

from wirecoder.web.readers import Readers

REQUESTS, CLIENTS, SECONDS = 400, 16, 240


def read_urls(client: httpx.Client) -> list[str]:
    """One URL per read route, with ids taken from the served database."""
    event = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    detail = client.get(f"/api/events/{event['id']}").json()
    actor = client.get("/api/actors", params={"limit": 1}).json()["actors"][0]

    def name(n=None):  # a name may hold any character, a line break too
        return quote(actor["name"][:n], safe="")

    return ["/api/events", "/api/events?format=geojson", "/api/events?historical=no&limit=5",
            f"/api/events/{event['id']}", "/api/actors", f"/api/actors?q={name(4)}",
            f"/api/actors/{quote(actor['id'], safe='')}", "/api/graph",
            f"/api/articles/{detail['articles'][0]['id']}", f"/api/search?q={name()}",
            "/api/timeline?country=NG", f"/api/suggest?q={name(3)}", "/api/event-types",
            "/api/graph?relation=command"]


@pytest.mark.slow
def test_read_routes_answer_200_to_16_concurrent_clients(live_server):
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        urls = read_urls(client)

        def get(i: int):
            try:
                return client.get(urls[i % len(urls)]).status_code
            except httpx.HTTPError as exc:  # a reset connection is a failure too
                return type(exc).__name__

        with ThreadPoolExecutor(CLIENTS) as pool:
            answers = list(pool.map(get, range(REQUESTS), timeout=SECONDS))
    failed = {url: answer for url, answer in zip(urls * REQUESTS, answers) if answer != 200}
    assert len(answers) == REQUESTS
    assert not failed, (f"{sum(a != 200 for a in answers)} of {REQUESTS} failed: {failed}; "
                        f"server log: {live_server.output()}")


def test_each_thread_reads_through_its_own_connection(tmp_path):
    from wirecoder.store import Store

    Store(tmp_path / "t.db").close()
    readers = Readers(tmp_path / "t.db")
    seen = {}

    def use(name: str):
        view = readers.view()
        view.actors()  # opens this thread's store on first use
        seen[name] = (readers.get(), readers.get() is readers.get(), view.readonly)

    threads = [threading.Thread(target=use, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen["a"][0] is not seen["b"][0]
    assert seen["a"][1:] == seen["b"][1:] == (True, True)


def test_memo_lasts_until_the_database_changes(tmp_path):
    from datetime import date

    from wirecoder.model import Actor, Article, Extraction
    from wirecoder.store import Store

    def stored(name: str) -> Extraction:
        actor = Actor(name.lower().replace(" ", "-"), name, "armed group")
        return Extraction(Article.make(f"A report on {name}.", published=date(2021, 3, 1)),
                          (), (actor,), (), ())

    calls = []

    def names(store):
        calls.append(1)
        return sorted(a.name for a in store.actors())

    with Store(tmp_path / "t.db") as writer:
        writer.write(stored("Northern Front"))
        view = Readers(tmp_path / "t.db").view()
        assert view.memo("names", names) == view.memo("names", names) == ["Northern Front"]
        assert len(calls) == 1  # computed once
        writer.write(stored("Southern Front"))  # another connection commits
        assert view.memo("names", names) == ["Northern Front", "Southern Front"]
        assert len(calls) == 2
