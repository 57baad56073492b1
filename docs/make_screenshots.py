"""Regenerate the screenshots of the README and the documentation from a database: the map
and one event page, at a desk (1400 px wide) and on a phone (390 px).

    .venv/bin/python docs/make_screenshots.py wirecoder.db [EVENT_ID]

Starts the server on 127.0.0.1, drives Debian's chromium with Playwright, writes
docs/map.png and docs/event.png (1400 x 900) and docs/map-phone.png and docs/event-phone.png
(390 x 844, a phone's CSS pixels). Without EVENT_ID it shows the event with the most
evidence sentences.
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
                           key=lambda e: (len(store.event_claims(e)), e.id)).id
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
        for suffix, width, height in (("", 1400, 900), ("-phone", 390, 844)):
            page = browser.new_page(viewport={"width": width, "height": height},
                                    is_mobile=width < 700, has_touch=width < 700)
            page.goto(base + "/?historical=no")
            page.locator("path.event-marker, .marker-cluster").first.wait_for()
            page.wait_for_timeout(800)
            page.screenshot(path=str(HERE / f"map{suffix}.png"))
            page.goto(f"{base}/events/{event_id}")
            page.locator("mark.evidence").first.wait_for()
            page.wait_for_timeout(300)
            page.screenshot(path=str(HERE / f"event{suffix}.png"))
            page.close()
        browser.close()
    server.should_exit = True
    print(f"wrote map.png, event.png, map-phone.png, event-phone.png in {HERE} "
          f"(event {event_id})")


if __name__ == "__main__":
    main(*sys.argv[1:3])
