"""The UI in a real browser: Debian's chromium driven by Playwright (launched through
``executable_path``; no browser download). Each test fails if any request leaves 127.0.0.1
or the page breaks the server's Content-Security-Policy, and saves a screenshot of its view
under artifacts/screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LOCAL = ("http://127.0.0.1", "data:", "blob:", "about:")

if CHROMIUM is None:
    pytest.skip("Debian chromium is not installed (make browser, or .ci/run, installs it)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def server(served_db):
    import uvicorn

    from wirecoder.web.app import VENDOR, create_app

    assert VENDOR.is_dir(), "front-end libraries missing: run `make setup` (npm install)"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(served_db), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    refused: list[str] = []  # chromium reports what the CSP blocked on the console
    page.on("console", lambda m: refused.append(m.text)
            if "Content Security Policy" in m.text else None)
    yield page
    context.close()
    outside = [u for u in requests if not u.startswith(LOCAL)]
    assert not outside, f"requests left the machine: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
    assert not refused, f"blocked by the Content-Security-Policy: {refused}"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_map_marker_through_to_evidence_sentence(page, server):
    page.goto(server + "/")
    markers = page.locator("path.event-marker")
    markers.first.wait_for()
    assert markers.count() >= 1
    page.wait_for_timeout(300)
    shot(page, "map")
    markers.first.click(force=True)
    link = page.locator(".leaflet-popup a.evidence-link")
    link.wait_for()
    link.click()
    page.wait_for_url("**/events/**")
    sentence = page.locator(".evidence-sentence").first
    sentence.wait_for()
    assert len(sentence.inner_text()) > 20
    page.locator("mark.evidence").first.wait_for()  # highlighted in the article text
    assert "according to" in page.locator("#fields").inner_text()
    shot(page, "event")


def test_actor_alias_leads_to_dossier(page, server):
    import httpx

    actors = httpx.get(server + "/api/actors").json()["actors"]
    actor = next(a for a in actors if set(a["aliases"]) - {a["name"]})
    alias = sorted(set(actor["aliases"]) - {actor["name"]})[0]
    page.goto(server + "/")
    page.fill("header input[name=q]", alias)
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=**")
    result = page.locator("a.actor-result", has_text=actor["name"])
    result.wait_for()
    shot(page, "search")
    result.click()
    page.wait_for_url("**/actors/**")
    page.locator("#aliases").wait_for()
    assert page.locator("h2#title").inner_text() == actor["name"]
    assert alias in page.locator("#aliases").inner_text()
    shot(page, "actor")


def test_timeline_brush_filters_the_other_views(page, server):
    page.goto(server + "/")
    rows = page.locator("#events tbody tr")
    rows.first.wait_for()
    before = rows.count()
    bar = page.locator("rect.week-bar").last
    week = bar.get_attribute("data-week")
    bar.click(force=True)
    page.wait_for_url("**from=**")
    query = parse_qs(urlparse(page.url).query)
    assert query["from"] == [week]
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length <= {before}")
    page.wait_for_timeout(300)
    after = page.locator("#events tbody tr").count()
    assert 1 <= after <= before
    assert page.locator("#filters input[name=from]").input_value() == week
    shot(page, "timeline")
    page.goto(page.url)  # the filtered view is shareable: reloading keeps it
    page.locator("#events tbody tr").first.wait_for()
    assert page.locator("#events tbody tr").count() == after


def test_network_view(page, server):
    page.goto(server + "/network")
    page.locator("#network canvas").wait_for()
    page.wait_for_function("window.wirecoderNetwork !== undefined")
    page.wait_for_timeout(800)
    shot(page, "network")


def test_api_docs_render_from_local_assets(page, server):
    page.goto(server + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()  # one block per route
    assert page.locator(".swagger-ui .opblock").count() >= 8
    shot(page, "docs")
    page.goto(server + "/redoc")
    page.locator("[role=menuitem]", has_text="Events, filtered").first.wait_for(timeout=20000)
    shot(page, "redoc")
