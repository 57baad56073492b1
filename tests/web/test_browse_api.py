"""The API the pages browse with (web/browse.py, web/downloads.py, the event filters of
web/api.py): totals and pages, filters by names or codes, suggestions, an article with its
evidence, the dossier's words and dates, the network's filters, the timeline's overview, and
downloads of a whole filter, streamed and byte-identical."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecoder.web.app import create_app

# Tests on the seed's Tunisian events skip cleanly when ../shared/seed is not beside the project.
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "article.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed (the seed article)")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(served_db):
    return TestClient(create_app(served_db), raise_server_exceptions=False,
                      base_url="http://127.0.0.1")


def get(client, url, **params):
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_page_of_events_says_how_many_there_are_in_all(client):
    everything = get(client, "/api/events", limit=500)
    assert everything["total"] == len(everything["events"]) >= 5
    pages = [get(client, "/api/events", limit=2, offset=o)
             for o in range(0, everything["total"], 2)]
    assert all(p["total"] == everything["total"] for p in pages)
    assert [e["id"] for p in pages for e in p["events"]] == \
        [e["id"] for e in everything["events"]]


def test_type_filter_takes_acled_type_and_sub_type_names_in_any_case(client):
    battles = get(client, "/api/events", type="battles", limit=500)["events"]
    assert battles and {e["type"] for e in battles} == {"Battles"}
    assert get(client, "/api/events", type="BATTLES")["total"] == len(battles)
    clashes = get(client, "/api/events", type="armed clash", limit=500)["events"]
    assert clashes and {e["sub_type"] for e in clashes} == {"Armed clash"}
    assert len(clashes) <= len(battles)
    spaced = get(client, "/api/events", type="Explosions / remote-violence")["total"]
    assert spaced == get(client, "/api/events", type="Explosions/Remote violence")["total"]
    bad = client.get("/api/events", params={"type": "picnic"})
    assert bad.status_code == 400 and "Battles" in bad.json()["detail"]


@needs_seed
def test_country_filter_by_name_or_code_and_a_near_miss_gets_a_suggestion(client):
    by_name = get(client, "/api/events", country="Tunisia", limit=500)["events"]
    assert by_name and {e["place"]["country"] for e in by_name} == {"TN"}
    for key in ("TN", "tn", "TUN", "tunisia"):
        assert [e["id"] for e in get(client, "/api/events", country=key, limit=500)
                ["events"]] == [e["id"] for e in by_name]
    bad = client.get("/api/events", params={"country": "Tunisai"})
    assert bad.status_code == 400 and "Tunisia" in bad.json()["detail"]


def test_undated_events_are_reachable_and_counted(client):
    total = get(client, "/api/events")["total"]
    undated = get(client, "/api/events", dated="no", limit=500)["events"]
    dated = get(client, "/api/events", dated="yes")["total"]
    assert undated and all(e["when"]["start"] is None for e in undated)
    assert len(undated) + dated == total
    overview = get(client, "/api/timeline")
    assert overview["undated"] == len(undated) and len(overview["events"]) == dated


def test_timeline_overview_ignores_the_date_window(client):
    whole = get(client, "/api/timeline")
    first = min(row[2] for row in whole["events"])
    windowed = get(client, "/api/timeline", **{"from": first, "to": first})
    assert windowed == whole
    by_type = get(client, "/api/timeline", type="Battles")
    assert {row[1] for row in by_type["events"]} == {"Battles"}
    assert all(len(row) == 5 and row[4] in ("day", "week", "month", "year", "range")
               for row in whole["events"])


@needs_seed
def test_place_filter_from_a_search_hit(client):
    places = get(client, "/api/search", q="Tunisia", section="places")["places"]["items"]
    place = next(p for p in places if p["events"])
    found = get(client, "/api/events", place=place["name"].upper(), country=place["country"],
                limit=500)
    assert found["total"] == place["events"]
    assert {e["place"]["name"] for e in found["events"]} == {place["name"]}


def test_search_sections_have_totals_and_pages(client):
    everything = get(client, "/api/search", q="a", limit=100)
    assert set(everything) >= {"actors", "places", "events", "articles"}
    actors = everything["actors"]
    assert actors["total"] > 2 and len(actors["items"]) == min(actors["total"], 100)
    page = get(client, "/api/search", q="a", section="actors", limit=2, offset=1)
    assert set(page) == {"q", "actors"}
    assert page["actors"]["total"] == actors["total"]
    assert page["actors"]["items"] == actors["items"][1:3]
    articles = get(client, "/api/search", q="killed", section="articles", limit=1)["articles"]
    assert articles["total"] >= 2 and len(articles["items"]) == 1
    second = get(client, "/api/search", q="killed", section="articles", limit=1, offset=1)
    assert second["articles"]["items"][0]["id"] != articles["items"][0]["id"]
    assert "[" in articles["items"][0]["snippet"]


@needs_seed
def test_suggestions_put_names_that_start_with_the_text_first(client):
    found = get(client, "/api/suggest", q="tun")["suggestions"]
    assert {"country", "place", "actor"} <= {s["kind"] for s in found}
    starts = [s["value"].casefold().startswith("tun") for s in found]
    assert starts == sorted(starts, reverse=True)
    countries = get(client, "/api/suggest", q="nig", kind="country")["suggestions"]
    assert {"Nigeria", "Niger"} <= {s["value"] for s in countries}
    actors = get(client, "/api/suggest", q="forces of", kind="actor")["suggestions"]
    assert actors and all(s["kind"] == "actor" for s in actors)


def test_article_spans_link_to_the_events_they_support(client):
    event = get(client, "/api/events", limit=1)["events"][0]
    article_id = get(client, f"/api/events/{event['id']}")["articles"][0]["id"]
    article = get(client, f"/api/articles/{article_id}")
    assert article["events"] and article["article"]["text"]
    linked = [s for s in article["spans"] if s["event"]]
    assert linked
    for span in linked:
        shown = get(client, f"/api/events/{span['event']}")
        assert span["claim"] in {c["id"] for c in shown["claims"]}
        assert 0 <= span["start"] < span["end"] <= len(article["article"]["text"])


def test_dossier_relations_read_in_words_with_their_articles(client):
    graph = get(client, "/api/graph")
    edge = graph["edges"][0]
    dossier = get(client, f"/api/actors/{edge['from']}")
    assert dossier["relations"]
    for r in dossier["relations"]:
        assert "_" not in r["label"] and r["group"]
        for claim in r["claims"]:
            assert dossier["articles"][claim["article_id"]]["title"]


def test_graph_filters_by_relation_actor_type_and_country(client):
    graph = get(client, "/api/graph")
    assert graph["nodes"] and graph["edges"]
    assert all("_" not in e["label"] for e in graph["edges"])
    command = get(client, "/api/graph", relation="command")
    assert {e["group"] for e in command["edges"]} == {"command"}
    leads = get(client, "/api/graph", relation="leader_of")
    assert {e["predicate"] for e in leads["edges"]} <= {"leader_of"}
    people = get(client, "/api/graph", type="person")
    kinds = {n["id"]: n["type"] for n in people["nodes"]}
    assert people["edges"] and all("person" in (kinds[e["from"]], kinds[e["to"]])
                                   for e in people["edges"])
    country = next(n["country"] for n in graph["nodes"] if n["country"])
    by_country = get(client, "/api/graph", country=country.lower())
    where = {n["id"]: n["country"] for n in by_country["nodes"]}
    assert all(country in (where[e["from"]], where[e["to"]]) for e in by_country["edges"])
    assert client.get("/api/graph", params={"type": "wizard"}).status_code == 400


def test_event_types_follow_the_codebook(client):
    types = get(client, "/api/event-types")["types"]
    assert [t["name"] for t in types if t["sub_type"] is None] == [
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
        "Riots", "Strategic developments"]
    assert len([t for t in types if t["sub_type"]]) == 25


def test_downloads_hold_the_whole_filter_streamed_and_byte_identical(client, monkeypatch):
    from wirecoder.web import downloads

    monkeypatch.setattr(downloads, "CHUNK", 3)  # several streamed pieces even here
    total = get(client, "/api/events")["total"]
    assert total > 3
    params = {"download": "true", "format": "json"}
    first = client.get("/api/events", params=params)
    assert first.headers["x-total-count"] == str(total)
    assert "attachment" in first.headers["content-disposition"]
    data = json.loads(first.text)
    assert len(data["events"]) == data["total"] == total
    assert data["events"] == get(client, "/api/events", limit=500)["events"]
    assert client.get("/api/events", params=params).content == first.content
    geo = client.get("/api/events", params={"download": "true", "format": "geojson"})
    collection = json.loads(geo.text)
    assert len(collection["features"]) + collection["left_out"]["no_coordinates"] == total
    acled = client.get("/api/events", params={"download": "true", "format": "acled-csv"})
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    left = dict(part.split(" ")[::-1] for part in acled.headers["x-left-out"].split(", "))
    assert len(rows) + sum(int(n) for n in left.values()) == total
    assert set(left) == {"historical", "undated", "vaguer_than_a_month", "no_actor",
                         "not_asserted"}
    said = get(client, "/api/acled-rows")  # what the map says before the file is saved
    assert said == {"total": total, "rows": len(rows),
                    "left_out": {k: int(n) for k, n in left.items()}}
    assert client.get("/api/events", params={"download": "true", "format": "acled-csv"}
                      ).content == acled.content
