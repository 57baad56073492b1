"""The store on hand-built extractions: no spaCy, no model."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

import pytest

from wirecoder.errors import SchemaMismatch, StoreError
from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, Relation, When,
                             stable_id, to_dict)
from wirecoder.store import Store


def extraction(text: str, *, published=date(2020, 5, 4), actor_alias="Northern Front",
               country="ML", type_="Battles", historical=False) -> Extraction:
    article = Article.make(text, published=published, outlet="Test Wire", title=text[:20])
    group = Actor("northern-front", "Northern Front", "armed group", None, (actor_alias,))
    army = Actor("military-forces-of-mali", "Military Forces of Mali", "state force", "ML")
    place = Place("Gao", "2457163", 16.27, -0.04, country, "Gao", "P.PPL", 1)
    event = Event(stable_id(article.id, "event", 0), type_, "Armed clash",
                  When(published, published, "day", "on Monday"), place, army.id, group.id,
                  fatalities=3, historical=historical)
    relation = Relation("northern-front", "based_in", "Gao")
    claims = (Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text),
              Claim(article.id, "relation", relation.subject, to_dict(relation), 0, 5, text,
                    source="officials"),
              Claim(article.id, "attribute", group.id, {"attribute": "strength", "value": "50"},
                    0, 5, text, source="a source"))
    return Extraction(article, claims, (group, army), (relation,), (event,), (place,), ("t",))


def test_write_twice_changes_nothing(stores_at):
    with Store(stores_at / "w.db") as store:
        x = extraction("Soldiers fought the Northern Front near Gao on Monday.")
        assert store.write(x) is True
        before = store.counts()
        assert store.write(x) is False
        assert store.counts() == before == {"articles": 1, "claims": 3, "actors": 2,
                                            "relations": 1, "events": 1, "places": 1}


def test_failed_write_rolls_back_only_that_article(stores_at):
    path = stores_at / "w.db"
    with Store(path) as store:
        store.write(extraction("First story about Gao."))
        broken = extraction("Second story about Gao.")
        bad_claim = Claim(broken.article.id, "event", "x", {}, 0, 1, "s")
        object.__setattr__(bad_claim, "start", object())  # fails after the article row is in
        with pytest.raises(StoreError, match=broken.article.id):
            store.write(Extraction(broken.article, (bad_claim,)))
        assert not store.has_article(broken.article.id)
    with Store(path, readonly=True) as store:
        assert store.counts()["articles"] == 1


def test_event_filters(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(extraction("Clash near Gao.", actor_alias="NF"))
        store.write(extraction("Old clash near Gao in 2010.", published=date(2010, 1, 5),
                               historical=True))
        assert len(store.events(actor="nf")) == 2          # by alias, any case
        assert len(store.events(actor="Military Forces of Mali")) == 2
        assert store.events(actor="nobody") == []
        assert len(store.events(country="ml")) == 2
        assert len(store.events(type="battles")) == 2
        assert len(store.events(date_from="2015-01-01")) == 1
        assert len(store.events(date_to=date(2015, 1, 1))) == 1
        assert len(store.events(historical=True)) == 1
        assert len(store.events(text="2010")) == 1
        assert len(store.events(limit=1)) == 1


def test_search_never_chokes_on_user_text(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(extraction("Gunmen attacked al-Qaeda's rivals near Gao."))
        for nasty in ['"', "AND OR", "-", "*", "NEAR(", "al-Qaeda's", "", "Gao)"]:
            store.search(nasty)
            store.events(text=nasty)
        assert store.search("gunmen gao")[0][0].outlet == "Test Wire"


def test_actor_lookup_and_alias_union(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(extraction("One story.", actor_alias="NF"))
        store.write(extraction("Another story.", actor_alias="Jabhat al-Shamal"))
        actor = store.actor("jabhat al-shamal")
        assert actor.id == "northern-front"
        assert {"NF", "Jabhat al-Shamal"} <= set(actor.aliases)
        assert [a.id for a in store.actors("shamal")] == ["northern-front"]


def test_dossier_has_relations_events_attributes_with_claims(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(extraction("Story."))
        dossier = store.dossier("Northern Front")
        assert dossier["relations"][0]["claims"][0].source == "officials"
        assert len(dossier["events"]) == 1 and dossier["events"][0]["claims"]
        assert dossier["attributes"][0]["claim"].value["value"] == "50"


def test_round_trip_keeps_records_exactly(stores_at):
    x = extraction("Round trip.")
    with Store(stores_at / "w.db") as store:
        store.write(x)
        assert store.event(x.events[0].id) == x.events[0]
        assert store.event(x.events[0].id[:8]) == x.events[0]
        assert store.article(x.article.id) == x.article
        assert store.claims(kind="relation")[0] == x.claims[1]


def test_readonly_missing_file_is_a_clear_error(stores_at):
    with pytest.raises(StoreError, match="wirecoder ingest"):
        Store(stores_at / "missing.db", readonly=True)


def test_schema_mismatch(tmp_path):
    path = tmp_path / "w.db"
    with Store(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaMismatch, match="999"):
        Store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "w.db"
    path.write_text("this is not sqlite")
    with pytest.raises(StoreError):
        Store(path)


@pytest.mark.parametrize("url, said", [
    ("postgresql://nobody:secret@127.0.0.1:1/x", "cannot connect to postgresql://nobody:***@"),
    ("postgresql://u:secret@[bad/x", "cannot connect to postgresql://"),
])
def test_an_unreachable_or_malformed_postgres_url_is_one_clear_error(url, said):
    with pytest.raises(StoreError, match=re.escape(said)) as caught:
        Store(url)
    assert "secret" not in str(caught.value)  # the password is never repeated
