"""The event page's judgements: ``GET /api/events/{id}`` says why its reports are one event,
and ``POST /api/judgements`` lets an analyst split or merge two events on a server that allows
writes (refused on a read-only one, and without the token where one is set). Extractions
built by hand from texts written for these tests."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, When,
                             stable_id, to_dict)
from wirecoder.store import Store
from wirecoder.web.app import create_app

GROUP = Actor("hill-front", "Hill Front", "armed group", None, ())
ARMY = Actor("military-forces-of-chad", "Military Forces of Chad", "state force", "TD")
TOWN = Place("Abeche", "245338", 13.83, 20.83, "TD", "Ouadai", "P.PPLA", 1)


def report(text: str) -> Extraction:
    article = Article.make(text, published=date(2023, 9, 5), title=text[:30], outlet="Test")
    day = date(2023, 9, 4)
    event = Event(stable_id(article.id, "event", 0), "Battles", "Armed clash",
                  When(day, day, "day"), TOWN, GROUP.id, ARMY.id, fatalities=7)
    claims = (Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text),)
    return Extraction(article, claims, (GROUP, ARMY), (), (event,), (TOWN,), ("test",))


ONE = report("Hill Front fighters attacked an army post in Abeche on Monday, killing seven.")
TWO = report("Seven soldiers died when the Hill Front raided a post in Abeche on Monday.")


def store_with_twins(path) -> str:
    with Store(path) as store:
        store.write(ONE)
        store.write(TWO)
        assert [e.sources for e in store.events()] == [2]
    return ONE.events[0].id


def test_the_event_says_why_its_reports_are_one(tmp_path):
    event_id = store_with_twins(tmp_path / "r.db")
    client = TestClient(create_app(tmp_path / "r.db"), base_url="http://127.0.0.1")
    data = client.get(f"/api/events/{event_id}").json()
    [link] = data["judgements"]
    assert link["status"] == "merged" and link["score"] >= 0.6 and "actors" in link["parts"]
    assert {link["article_a"], link["article_b"]} == {ONE.article.id, TWO.article.id}
    assert data["writable"] is False
    refused = client.post("/api/judgements", json={
        "event_a": ONE.events[0].id, "event_b": TWO.events[0].id, "verdict": "split",
        "by": "desk"})
    assert refused.status_code == 403


def test_an_analyst_splits_and_the_split_is_shown(tmp_path):
    event_id = store_with_twins(tmp_path / "w.db")
    client = TestClient(create_app(tmp_path / "w.db", allow_ingest=True, ingest_token="tok"),
                        base_url="http://127.0.0.1")
    body = {"event_a": ONE.events[0].id, "event_b": TWO.events[0].id, "verdict": "split",
            "by": "desk", "why": "two posts"}
    assert client.post("/api/judgements", json=body).status_code == 401  # no token
    answer = client.post("/api/judgements", json=body, headers={"X-Ingest-Token": "tok"})
    assert answer.status_code == 200, answer.text
    data = client.get(f"/api/events/{event_id}").json()
    assert data["event"]["sources"] == 1 and data["writable"] is True
    split = [j for j in data["judgements"] if j["status"] == "split"]
    assert split and split[0]["parts"] == {"judged_by": "desk", "why": "two posts"}
    bad = client.post("/api/judgements", headers={"X-Ingest-Token": "tok"},
                      json={**body, "verdict": "merged", "event_b": "nope"})
    assert bad.status_code == 400 and "no event" in bad.json()["detail"]
