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


def show_a_marker(page):
    """Markers cluster at low zoom: open clusters until a single event marker shows."""
    page.locator("path.event-marker, .marker-cluster").first.wait_for()
    for _ in range(8):
        if page.locator("path.event-marker").count():
            return page.locator("path.event-marker")
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(500)
    raise AssertionError("no event marker after opening the clusters")


def test_map_marker_through_to_evidence_sentence(page, server):
    page.goto(server + "/")
    page.wait_for_timeout(300)
    shot(page, "map")
    markers = show_a_marker(page)
    assert markers.count() >= 1
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


VIEWS = {"map": "/", "network": "/network", "search": "/search?q=Tunisia",
         "docs": "/docs"}
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
def test_every_view_loads_without_console_errors(browser, server, size):
    """Each view at a desk and on a phone: no console error, text readable at 390 px."""
    import httpx

    width, height = SIZES[size]
    event_id = httpx.get(server + "/api/events").json()["events"][0]["id"]
    actor_id = httpx.get(server + "/api/actors").json()["actors"][0]["id"]
    views = {**VIEWS, "event": f"/events/{event_id}", "actor": f"/actors/{actor_id}"}
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=size == "phone", has_touch=size == "phone")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    page.on("request", lambda r: problems.append(f"left the machine: {r.url}")
            if not r.url.startswith(LOCAL) else None)
    try:
        for name, path in views.items():
            page.goto(server + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(400)
            assert page.locator("meta[name=viewport]").count() == 1, name
            font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            assert font >= 14, (name, font)
            if name != "docs":  # nothing wider than the screen but what scrolls inside
                overflow = page.evaluate("document.documentElement.scrollWidth")
                assert overflow <= width + 2, (name, overflow)
            shot(page, f"{name}-{width}x{height}")
    finally:
        context.close()
    assert not problems, problems


def test_country_filter_by_name(page, server):
    import httpx

    events = httpx.get(server + "/api/events", params={"country": "Tunisia"}).json()["events"]
    assert events and {e["place"]["country"] for e in events} == {"TN"}
    page.goto(server + "/")
    page.locator("#events tbody tr").first.wait_for()
    page.fill("#filters input[name=country]", "Tunisia")
    page.click("#filters button")
    page.wait_for_url("**country=Tunisia**")
    page.wait_for_load_state("networkidle")  # the filtered page has loaded: no context torn down
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length == {len(events)}")
    assert not page.locator("#status .error").count()


def test_downloads_of_the_current_filter_parse(page, server):
    import csv
    import io
    import json

    page.goto(server + "/?country=TN")
    page.locator("#downloads a.download").first.wait_for()
    for fmt in ("acled-csv", "geojson", "json"):
        with page.expect_download() as info:
            page.click(f"#downloads a[data-format={fmt}]")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        if fmt == "acled-csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows and {r["country"] for r in rows} == {"Tunisia"}
        elif fmt == "geojson":
            assert json.loads(text)["type"] == "FeatureCollection"
        else:
            assert all(e["place"]["country"] == "TN" for e in json.loads(text)["events"])
