"""Regenerate the README's screenshots from a database: the map and one event page.

    .venv/bin/python docs/make_screenshots.py wirecoder.db [EVENT_ID]

Starts the server on 127.0.0.1, drives Debian's chromium with Playwright, writes
docs/map.png and docs/event.png. Without EVENT_ID it shows the event with the most sources.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from wirecoder.store import Store
from wirecoder.web.app import create_app

HERE = Path(__file__).resolve().parent


def main(db: str, event_id: str | None = None) -> None:
    if event_id is None:
        with Store(db, readonly=True) as store:
            event_id = max(store.events(historical=False),
                           key=lambda e: len(store.claims(kind="event", subject=e.id))).id
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto(base + "/?historical=no")
        page.locator("path.event-marker").first.wait_for()
        page.wait_for_timeout(500)
        page.screenshot(path=str(HERE / "map.png"))
        page.goto(f"{base}/events/{event_id}")
        page.locator("mark.evidence").first.wait_for()
        page.screenshot(path=str(HERE / "event.png"))
        browser.close()
    server.should_exit = True
    print(f"wrote {HERE / 'map.png'} and {HERE / 'event.png'} (event {event_id})")


if __name__ == "__main__":
    main(*sys.argv[1:3])
