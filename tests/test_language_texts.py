"""A language wirecoder cannot read (one with no installed model: German here; English and
French are read) is stored with a W203 warning and
never parsed as English; the language is stored, shown and filterable. Texts written for
these tests."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow

ENGLISH = ("Gunmen killed four soldiers in an attack on an army post near Menaka in northern "
           "Mali on Tuesday, the army said.\n\nThe attackers fled towards the border with "
           "Niger, a security source said.")
GERMAN = ("Bewaffnete Männer haben am Dienstag bei einem Angriff auf einen Armeeposten nahe "
          "Ménaka im Norden Malis vier Soldaten getötet, teilte die Armee mit.\n\nDie "
          "Angreifer flohen in Richtung der Grenze zu Niger, sagte eine Sicherheitsquelle.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from wirecoder.cli import main

    folder = tmp_path_factory.mktemp("languages")
    (folder / "in").mkdir()
    (folder / "in" / "reports.jsonl").write_text(
        "".join(json.dumps({"text": t, "published": "2024-03-06", "outlet": o}) + "\n"
                for t, o in ((ENGLISH, "Wire"), (GERMAN, "Fil"))), encoding="utf-8")
    path = folder / "w.db"
    assert main(["ingest", str(folder / "in"), "--db", str(path), "--quiet"]) == 0
    return path


def _article(store, language):
    (found,) = [a for a in store.articles() if a.language == language]
    return found


def test_german_article_is_stored_with_a_warning_and_nothing_from_it(db):
    from wirecoder.store import Store

    with Store(db, readonly=True) as store:
        german = _article(store, "de")
        assert german.text == GERMAN
        assert store.events(article_id=german.id) == []
        assert store.claims(article_id=german.id) == []  # no actors, places, dates from it
        (warning,) = store.article_warnings(german.id)
        assert warning.startswith("[W203]") and "'de'" in warning
        english = _article(store, "en")  # nothing else lost
        assert store.events(article_id=english.id)
        assert store.article_warnings(english.id) == []
        actors = store.actors()
    # no "actor" made of German common words
    assert not any(word in a.name for a in actors for word in ("Männer", "Angreifer"))


def test_the_ingest_summary_names_the_warning(tmp_path, capsys):
    from wirecoder.cli import main

    text = tmp_path / "de.txt"
    text.write_text(GERMAN, encoding="utf-8")
    assert main(["ingest", str(text), "--db", str(tmp_path / "w.db"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "stored: 1" in out and "warnings: 1" in out and "events: 0" in out
    assert f"warning {text}: [W203]" in out


def test_pipeline_never_parses_an_unread_language(pipeline):
    from wirecoder.model import Article

    german = Article.make(GERMAN, language="de")
    for x in (pipeline.process(german), *pipeline.process_many([german])):
        assert (x.claims, x.actors, x.events, x.places) == ((), (), (), ())
        assert x.warnings and x.warnings[0].startswith("[W203]")
    assert pipeline.process(Article.make(ENGLISH)).events


def test_events_filter_by_language_in_the_cli(db, capsys):
    from wirecoder.cli import main

    assert main(["events", "--db", str(db), "--format", "json", "--language", "EN"]) == 0
    assert capsys.readouterr().out.strip()
    assert main(["events", "--db", str(db), "--format", "json", "--language", "de"]) == 0
    assert capsys.readouterr().out.strip() == ""
    assert main(["events", "--db", str(db), "--language", "germanic"]) == 1
    assert "--language 'germanic'" in capsys.readouterr().err


def test_api_shows_the_language_and_filters_on_it(db):
    from fastapi.testclient import TestClient

    from wirecoder.web.app import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    every = client.get("/api/events").json()
    english = client.get("/api/events", params={"language": "en"}).json()
    assert every["total"] == english["total"] > 0
    assert client.get("/api/events", params={"language": "de"}).json()["total"] == 0
    assert client.get("/api/events", params={"language": "fr!"}).status_code == 400
    from wirecoder.store import Store

    with Store(db, readonly=True) as store:
        ids = {a.language: a.id for a in store.articles()}
    german = client.get(f"/api/articles/{ids['de']}").json()
    assert german["article"]["language"] == "de" and german["events"] == []
    assert german["warnings"][0].startswith("[W203]")
    english_page = client.get(f"/api/articles/{ids['en']}").json()
    assert english_page["article"]["language"] == "en" and english_page["warnings"] == []


def test_an_event_says_which_language_each_source_is_in(db):
    from fastapi.testclient import TestClient

    from wirecoder.web.app import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    event = client.get("/api/events").json()["events"][0]
    detail = client.get(f"/api/events/{event['id']}").json()
    assert [a["language"] for a in detail["articles"]] == ["en"]
