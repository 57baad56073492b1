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

# Tests on the seed's Tunisian events skip cleanly when ../shared/seed is not beside the project.
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "article.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed (the seed article)")

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
    """Markers cluster at low zoom: open clusters until a single event marker shows. The
    first map of a fresh server may wait on a cold place index while the rest of the suite
    holds both cores (a CI run once took over 30 s): up to 90 s for the first marker."""
    page.locator("path.event-marker, .marker-cluster").first.wait_for(timeout=90_000)
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


def brush(page, selector, left: float, right: float):
    """Drag across the svg ``selector`` from ``left`` to ``right`` (fractions of its width)."""
    box = page.locator(selector).bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + left * box["width"], y)
    page.mouse.down()
    page.mouse.move(box["x"] + (left + right) / 2 * box["width"], y, steps=4)
    page.mouse.move(box["x"] + right * box["width"], y, steps=4)
    page.mouse.up()


def test_timeline_brush_filters_and_the_overview_keeps_context(page, server):
    page.goto(server + "/")
    rows = page.locator("#events tbody tr")
    rows.first.wait_for()
    page.locator("#timeline rect.span-bar").first.wait_for()
    before = rows.count()
    density = page.locator("#overview rect.density").count()
    bars = page.locator("#timeline rect.span-bar").count()
    assert density and bars
    assert page.locator("#timeline-note a.range-link").count() >= 1  # "last year" and such
    # the latest events: the right-hand fifth of the overview
    brush(page, "#overview", 0.8, 0.995)
    page.wait_for_url("**from=**")
    query = parse_qs(urlparse(page.url).query)
    assert query["from"][0] <= query["to"][0]
    page.wait_for_function(f"() => document.querySelectorAll('#events tbody tr').length < {before}")
    page.locator("#overview rect.brush-window").wait_for()
    after = rows.count()
    assert after >= 1
    assert page.locator("#overview rect.density").count() == density  # context kept
    assert page.locator("#filters input[name=from]").input_value() == query["from"][0]
    starts = [page.locator("#timeline rect.span-bar").nth(i).get_attribute("data-start")
              for i in range(page.locator("#timeline rect.span-bar").count())]
    assert starts and all(s <= query["to"][0] for s in starts)
    shot(page, "timeline")
    page.goto(page.url)  # the filtered view is shareable: reloading keeps it
    page.locator("#events tbody tr").first.wait_for()
    assert page.locator("#events tbody tr").count() == after
    page.locator("#timeline rect.span-bar").first.click()  # a bar opens its event
    page.wait_for_url("**/events/**")


def test_undated_events_are_counted_and_listed(page, server):
    import httpx

    undated = httpx.get(server + "/api/events", params={"dated": "no"}).json()["total"]
    page.goto(server + "/")
    link = page.locator("#undated a#show-undated")
    link.wait_for()
    assert str(undated) in page.locator("#undated").inner_text()
    link.click()
    page.wait_for_url("**dated=no**")
    page.wait_for_function(f"() => document.querySelectorAll('#events tbody tr').length == {undated}")
    assert set(page.locator("#events tbody tr td:first-child a").all_inner_texts()) == {"undated"}
    assert "undated only" in page.locator("#chips").inner_text()


def test_search_hits_open_their_pages_and_evidence_links_to_events(page, server):
    page.goto(server + "/search?q=killed")
    article = page.locator("a.article-result").first
    article.wait_for()
    assert "of" in page.locator("#articles .count").inner_text() or \
        "found" in page.locator("#articles .count").inner_text()
    assert page.locator("a.event-result").count() >= 1
    article.click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("#text a.evidence-link mark.evidence").first
    mark.wait_for()
    assert page.locator("#article-events tbody tr").count() >= 1
    shot(page, "article")
    mark.click()
    page.wait_for_url("**/events/**")
    page.locator(".evidence-sentence").first.wait_for()


def test_search_pages_say_how_many_there_are(page, server):
    import httpx

    total = httpx.get(server + "/api/search", params={"q": "a", "section": "actors"}
                      ).json()["actors"]["total"]
    assert total > 20, "the test store should have more than a page of actors"
    page.goto(server + "/search?q=a")
    page.locator("#actors .pager").wait_for()
    assert f"showing 1-20 of {total}" in page.locator("#actors .pager").inner_text()
    page.locator("#actors a.next").click()
    page.wait_for_url("**offset=20**")
    page.locator("#actors .pager").wait_for()
    assert f"showing 21-{min(40, total)} of {total}" in page.locator("#actors .pager").inner_text()
    assert page.locator("#places").is_hidden()
    assert page.locator("a.actor-result").count() == min(20, total - 20)


def test_filter_boxes_take_names_and_suggest_them(page, server):
    page.goto(server + "/")
    page.locator("#events tbody tr").first.wait_for()
    country = page.locator("#filters input[name=country]")
    country.type("Tuni", delay=40)
    page.wait_for_function("() => [...document.querySelectorAll('datalist option')]"
                           ".some(o => o.value === 'Tunisia')")
    actor = page.locator("#filters input[name=actor]")
    actor.type("Forces", delay=40)
    page.wait_for_function("() => [...document.querySelectorAll('datalist option')]"
                           ".some(o => o.value.startsWith('Military Forces'))")
    place = page.locator("#filters input[name=place]")
    place.type("Mogad", delay=40)
    page.wait_for_function("() => [...document.querySelectorAll('datalist option')]"
                           ".some(o => o.value === 'Mogadishu')")
    for box in (actor, country, place):
        box.fill("")
    page.fill("#filters input[name=type]", "armed CLASH")
    page.click("#filters button")
    page.wait_for_url("**type=armed+CLASH**")
    page.wait_for_function("() => { const cells = [...document.querySelectorAll("
                           "'#events tbody tr td:nth-child(2)')]; return cells.length && "
                           "cells.every(c => c.textContent.endsWith('Armed clash')); }")
    assert not page.locator("#status .error").count()


def test_network_colours_filters_and_opens_the_dossier(page, server):
    page.goto(server + "/network")
    page.locator("#network canvas").wait_for()
    page.wait_for_function("() => window.wirecoderNetwork !== undefined")
    page.wait_for_timeout(800)
    shot(page, "network")
    legend = page.locator("#network-legend").inner_text()
    assert "armed group" in legend and "command" in legend
    labels = page.locator("#relations tbody td:nth-child(2)").all_inner_texts()
    assert labels and not any("_" in label for label in labels)
    page.select_option("#network-filters select[name=relation]", "command")
    page.click("#network-filters button")
    page.wait_for_url("**relation=command**")
    page.wait_for_function("() => window.wirecoderNetwork !== undefined")
    shown = page.locator("#relations tbody td:nth-child(2)").all_inner_texts()
    assert shown and len(shown) <= len(labels)
    assert all(x in ("leads", "commands", "is an aide to", "speaks for") for x in shown)
    page.wait_for_timeout(800)
    node = page.evaluate("""() => { const n = window.wirecoderNetwork;
        const id = n.body.data.nodes.getIds()[0];
        const at = n.canvasToDOM(n.getPositions([id])[id]); return {id, ...at}; }""")
    box = page.locator("#network canvas").bounding_box()
    page.mouse.click(box["x"] + node["x"], box["y"] + node["y"])
    page.wait_for_url("**/actors/**")
    page.locator("#summary a").first.wait_for()  # an actor without aliases has no #aliases


def test_dossier_pictures_the_actors_events(page, server):
    import httpx

    graph = httpx.get(server + "/api/graph").json()
    counts = {n["id"]: n["events"] for n in graph["nodes"]}
    busiest = max(counts, key=lambda i: (counts[i], i))
    assert counts[busiest] >= 1
    page.goto(server + f"/actors/{busiest}")
    page.locator("#actor-events tbody tr a").first.wait_for()
    page.locator("#actor-map path.event-marker").first.wait_for()
    assert page.locator("#actor-timeline rect.span-bar").count() >= 1
    relations = page.locator("#relations .relation-label").all_inner_texts()
    assert relations and not any("_" in r for r in relations)
    shot(page, "dossier")


def test_api_docs_render_from_local_assets(page, server):
    page.goto(server + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()  # one block per route
    assert page.locator(".swagger-ui .opblock").count() >= 8
    shot(page, "docs")
    page.goto(server + "/redoc")
    page.locator("[role=menuitem]", has_text="Events, filtered").first.wait_for(timeout=20000)
    shot(page, "redoc")


VIEWS = {"map": "/", "network": "/network", "search": "/search?q=Tunisia",
         "docs": "/docs", "network-filtered": "/network?relation=command",
         "map-undated": "/?dated=no"}
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
def test_every_view_loads_without_console_errors(browser, server, size):
    """Each view at a desk and on a phone: no console error, text readable at 390 px."""
    import httpx

    width, height = SIZES[size]
    event_id = httpx.get(server + "/api/events").json()["events"][0]["id"]
    actor_id = httpx.get(server + "/api/actors").json()["actors"][0]["id"]
    article_id = httpx.get(server + f"/api/events/{event_id}").json()["articles"][0]["id"]
    views = {**VIEWS, "event": f"/events/{event_id}", "actor": f"/actors/{actor_id}",
             "article": f"/articles/{article_id}"}
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


@needs_seed
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
    page.wait_for_function(f"() => document.querySelectorAll('#events tbody tr').length == {len(events)}")
    assert not page.locator("#status .error").count()


@needs_seed
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
            data = json.loads(text)
            assert all(e["place"]["country"] == "TN" for e in data["events"])
            assert len(data["events"]) == data["total"]  # the whole filter, not a page
    hrefs = page.locator("#downloads a.download").evaluate_all("a => a.map(x => x.href)")
    assert not any("limit=" in h for h in hrefs)
    assert "all" in page.locator("#downloads").inner_text()
    page.wait_for_function("() => document.getElementById('acled-note').textContent"
                           ".includes('the ACLED CSV holds')")


@pytest.fixture
def phone(browser):
    """A 390 px phone (an iPhone 12-14's CSS width), touch on."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


# Each label's text as line boxes: one line each, never wrapped letter by letter.
LINES = """sel => [...document.querySelectorAll(sel)].map(el => {
  const range = document.createRange(); range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return [el.textContent, tops.size]; })"""


def test_event_page_on_a_phone(phone, server):
    """Issue 32, item 8: at 390 px the event page's labels stay whole, nothing is wider than
    the screen, and each field says who states it (not one list repeated on every line)."""
    import httpx

    events = httpx.get(server + "/api/events", params={"limit": 500}).json()["events"]
    detail = {e["id"]: httpx.get(server + f"/api/events/{e['id']}").json() for e in events}
    event_id = max(detail, key=lambda i: (len(detail[i]["claims"]), i))
    phone.goto(server + f"/events/{event_id}")
    phone.locator("mark.evidence").first.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 392
    labels = phone.evaluate(LINES, "#fields th")
    assert len(labels) == 8 and all(lines == 1 for _, lines in labels), labels
    width = phone.evaluate("document.querySelector('#fields th').getBoundingClientRect().width")
    assert width > 300  # the label has the row to itself, above its value
    said = phone.locator("#fields td.source").all_inner_texts()
    assert any(s.startswith("according to: ") for s in said)
    if len({c["source"] for c in detail[event_id]["claims"]}) > 1:
        assert len(set(said)) > 1, said  # the sources differ from field to field
    shot(phone, "event-390")


def test_event_table_on_a_phone_shows_every_column(phone, server):
    """At 390 px each row of the map's event table is a card: date, type, where, actors and
    fatalities each on a labelled line, all within the screen."""
    phone.goto(server + "/")
    phone.locator("#events tbody tr td").first.wait_for()
    cells = phone.evaluate("""() => [...document.querySelectorAll('#events tbody tr:first-child td')]
        .map(td => [td.dataset.label, td.getBoundingClientRect().right, td.offsetHeight])""")
    assert [c[0] for c in cells] == ["date", "type", "where", "actor 1", "actor 2", "fatalities"]
    assert all(right <= 390 and height > 0 for _, right, height in cells), cells
    date_height = cells[0][2]  # the date line, its label beside it: one line, not a column
    assert date_height < 80, cells  # two lines at most; letter by letter would be ten
    assert phone.evaluate("document.documentElement.scrollWidth") <= 392
    shot(phone, "map-table-390")


def test_the_map_draws_the_whole_filter_with_its_count(page, server):
    import httpx

    layer = httpx.get(server + "/api/map").json()
    page.goto(server + "/")
    page.locator("#map-count").filter(has_text="The map shows").wait_for()
    assert f"all {layer['placed']} event" in page.locator("#map-count").inner_text()
    assert page.evaluate("markers.getLayers().length") == layer["placed"]


def test_an_actor_without_aliases_says_nothing_of_them(page, server):
    import httpx

    actors = httpx.get(server + "/api/actors", params={"limit": 500}).json()["actors"]
    bare = next(a for a in actors if not set(a["aliases"]) - {a["name"]})
    page.goto(server + f"/actors/{bare['id']}")
    page.locator("#summary a").first.wait_for()
    assert "Also named" not in page.locator("#summary").inner_text()
