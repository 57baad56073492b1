"""The HTTP API through its ASGI app: answers, validation messages, read-only by default, and
bounded fuzz runs generated from the OpenAPI description (no 5xx allowed): one through the
ASGI app, one against a live server with several concurrent workers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from wirecoder.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(served_db):
    return TestClient(create_app(served_db), raise_server_exceptions=False,
                      base_url="http://127.0.0.1")


def test_events_json_and_geojson(client):
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    assert events and all("actor1_name" in e for e in events)
    geo = client.get("/api/events", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_filters_bbox_and_pagination(client):
    everything = client.get("/api/events", params={"limit": 500}).json()["events"]
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()["events"]
    assert page == everything[1:2]
    placed = [e for e in everything if e["place"] and e["place"]["lat"] is not None]
    lat, lon = placed[0]["place"]["lat"], placed[0]["place"]["lon"]
    box = f"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}"
    inside = client.get("/api/events", params={"bbox": box}).json()["events"]
    assert inside and all(abs(e["place"]["lat"] - lat) < 0.02 for e in inside)
    current = client.get("/api/events", params={"historical": "no"}).json()["events"]
    assert all(not e["historical"] for e in current)


def test_event_actor_article_graph_search(client):
    event = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["claims"] and detail["articles"]
    article = client.get(f"/api/articles/{detail['articles'][0]['id']}").json()
    assert any(s["claim"] == detail["claims"][0]["id"] for s in article["spans"])
    actor = next(a for a in client.get("/api/actors").json()["actors"]
                 if set(a["aliases"]) - {a["name"]})
    alias = sorted(set(actor["aliases"]) - {actor["name"]})[0]
    assert client.get(f"/api/actors/{alias}").json()["actor"]["id"] == actor["id"]
    assert client.get("/api/graph").json()["edges"] is not None
    assert client.get("/api/search", params={"q": alias}).json()["actors"]


@pytest.mark.parametrize("url, status, words", [
    ("/api/events?from=yesterday", 400, "YYYY-MM-DD"),
    ("/api/events?bbox=0,0,1", 400, "bbox"),
    ("/api/events?type=Picnic", 400, "type must be one of"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/events?historical=maybe", 400, "historical"),
    ("/api/events/nope", 404, "no event"),
    ("/api/actors/nobody-at-all", 404, "no actor"),
    ("/api/search", 422, "q"),
])
def test_bad_requests_get_clear_messages(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.json()["detail"]
    assert "Traceback" not in response.text


def test_read_only_unless_allowed(client, served_db, tmp_path):
    assert client.post("/api/ingest", json={"text": "Soldiers killed two militants."}
                       ).status_code == 403
    writable = TestClient(create_app(tmp_path / "new.db", allow_ingest=True),
                          base_url="http://127.0.0.1")
    from wirecoder.store import Store
    Store(tmp_path / "new.db").close()
    body = {"text": "Soldiers killed two militants near Gao in Mali on Monday, the army said.",
            "published": "2020-03-04", "outlet": "Test"}
    first = writable.post("/api/ingest", json=body).json()
    assert first["stored"] == 1 and first["events"] >= 1
    assert writable.post("/api/ingest", json=body).json()["already_stored"] == 1
    assert writable.post("/api/ingest", json={"text": "   "}).status_code == 400
    assert writable.post("/api/ingest", content=b"x" * 3_000_000,
                         headers={"content-type": "application/json"}).status_code == 413


@pytest.fixture(scope="module")
def fuzz_schema(served_db):
    # schemathesis's ASGI client names its host "testserver"
    return schemathesis.openapi.from_asgi("/openapi.json",
                                          create_app(served_db, allowed_hosts=["testserver"]))


schema = schemathesis.pytest.from_fixture("fuzz_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_fuzz_api_never_answers_5xx(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, case.query, response.text[:300])


def test_fuzz_live_server_with_workers_never_answers_5xx(live_server, tmp_path):
    """Four schemathesis runs at once (seeds 1-4) against one ``wirecoder serve``. Separate
    processes, not ``--workers 4``: that runs hypothesis in threads, which trips CPython
    3.11.7's ``ast.parse`` ("AST constructor recursion depth mismatch"), not our server."""
    cli = Path(sys.executable).with_name("schemathesis")
    runs = [subprocess.Popen(
        [str(cli), "run", f"{live_server.url}/openapi.json", "--workers", "1",
         "--checks", "not_a_server_error", "--max-examples", "15", "--seed", str(seed),
         "--generation-database", "none", "--request-timeout", "30", "--no-color"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for seed in range(1, 5)]
    for run in runs:
        try:
            output = run.communicate(timeout=400)[0]
        finally:
            run.kill()
        assert run.returncode == 0, output[-3000:] + live_server.output()
        assert " passed" in output
