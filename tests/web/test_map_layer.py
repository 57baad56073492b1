"""Issue 32, item 8: the map's layer is the whole filter, not the table's page of 500
(``/api/map``, with its counts and limit), and each field of an event page names the sources
that state it. On hand-built stores: no spaCy, no model."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from wirecoder.model import Article, Claim, Event, Extraction, Place, When, stable_id, to_dict
from wirecoder.store import Store
from wirecoder.web.app import create_app
from wirecoder.web.field_sources import field_sources

EVENTS = 600  # more than the map page's table holds (PAGE = 500 in static/map.js)


def report(i: int, placed: bool = True) -> Extraction:
    day = date(2020, 1, 1) + timedelta(days=i)  # a day and a place each: no two are one event
    text = f"Report {i}: a clash on {day:%d %B %Y}."
    article = Article.make(text, published=day, outlet="Test Wire", title=text[:30])
    place = Place(f"Town {i}", None, -50 + (i * 7) % 100, -170 + (i * 13) % 340, "ML", "Gao",
                  "P.PPL", 1) \
        if placed else None
    event = Event(stable_id(article.id, "event", 0), "Battles", "Armed clash",
                  When(day, day, "day", f"{day:%d %B %Y}"), place, fatalities=i % 7)
    claim = Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text)
    return Extraction(article, (claim,), (), (), (event,), (place,) if placed else (), ("t",))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.db"
    with Store(path) as store:
        for i in range(EVENTS):
            store.write(report(i, placed=i % 10 != 0))
    return TestClient(create_app(path), base_url="http://127.0.0.1")


def test_the_map_layer_holds_the_whole_filter_not_a_page(client):
    layer = client.get("/api/map").json()
    assert layer["total"] == EVENTS and layer["placed"] == EVENTS - EVENTS // 10
    assert layer["drawn"] == len(layer["points"]) == layer["placed"] > 500
    assert layer["limit"] == 20_000 and layer["by_type"] == {"Battles": EVENTS}
    event_id, lat, lon, kind, fatalities, precision = layer["points"][0]
    assert kind == "Battles" and precision == 1 and -50 <= lat <= 50 and -170 <= lon <= 170
    page = client.get("/api/events", params={"limit": 500}).json()
    assert len(page["events"]) == 500 < layer["placed"]  # the table pages, the map does not
    within = client.get("/api/map", params={"from": "2020-01-01", "to": "2020-01-31"}).json()
    assert within["total"] == 31 and within["placed"] == 31 - 4  # days 0, 10, 20, 30 unplaced


def test_the_map_layer_stops_at_its_documented_limit(client, monkeypatch):
    from wirecoder.web import browse

    monkeypatch.setattr(browse, "MAP_LIMIT", 100)
    layer = client.get("/api/map").json()
    assert (layer["drawn"], len(layer["points"]), layer["limit"]) == (100, 100, 100)
    assert layer["placed"] == EVENTS - EVENTS // 10


def test_each_field_names_the_claims_that_state_it():
    day = date(2021, 5, 3)
    text = "Officials said gunmen attacked Gao. The attack came on Monday, police said."
    article = Article.make(text, published=day)
    place = Place("Gao", "2457163", 16.27, -0.04, "ML", "Gao", "P.PPL", 1, text="Gao")
    event = Event("e1", "Battles", "Armed clash", When(day, day, "day", "on Monday"), place,
                  "gunmen", fatalities=None)
    first = Claim(article.id, "event", "e1", to_dict(event), 0, 35,
                  "Officials said gunmen attacked Gao.", source="officials")
    second = Claim(article.id, "event", "e1", to_dict(event), 36, len(text),
                   "The attack came on Monday, police said.", source="police")
    said = field_sources(event, [first, second], {"gunmen": "gunmen"})
    assert said["when"] == [second.id]  # only the police give the day
    assert said["where"] == [first.id] and said["actor 1"] == [first.id]
    assert said["fatalities"] == [] and said["actor 2"] == []  # no report gives either
    assert said["status"] == [first.id, second.id]  # both assert it; no wording to narrow


def test_the_event_route_gives_each_fields_sources(client):
    event_id = client.get("/api/map").json()["points"][0][0]
    data = client.get(f"/api/events/{event_id}").json()
    claim = data["claims"][0]["id"]
    assert data["fields"]["when"] == [claim] and data["fields"]["where"] == [claim]
