"""The store's contract in detail: batches that break, filters, lookups, upserts. No spaCy."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from wirecoder.errors import SchemaMismatch, StoreError
from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, Relation, When,
                             stable_id, to_dict)
from wirecoder.store import DEFAULT_DB, SCHEMA_VERSION, Store

GROUP = Actor("northern-front", "Northern Front", "armed group", None, ("NF",))
ARMY = Actor("military-forces-of-mali", "Military Forces of Mali", "state force", "ML")


def story(text: str, *, when: When | None = None, actors=(GROUP, ARMY), type_="Battles",
          country="ML", historical=False, places=None, relations=()) -> Extraction:
    """One article with one event between the first two actors, dated ``when``."""
    article = Article.make(text, published=date(2021, 6, 1), title=text[:30])
    place = Place("Gao", "2457163", 16.27, -0.04, country, "Gao", "P.PPL", 1)
    event = Event(stable_id(article.id, "event", 0), type_, "Armed clash",
                  when or When(date(2021, 5, 31), date(2021, 5, 31), "day"), place,
                  actors[1].id if len(actors) > 1 else None, actors[0].id,
                  historical=historical)
    claims = (Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text),
              *(Claim(article.id, "relation", r.subject, to_dict(r), 0, 3, text)
                for r in relations))
    return Extraction(article, claims, tuple(actors), tuple(relations), (event,),
                      tuple(places if places is not None else (place,)), ("test",))


def test_defaults_and_version_are_exported():
    assert DEFAULT_DB == "wirecoder.db"
    assert isinstance(SCHEMA_VERSION, int)


def test_third_article_broken_keeps_the_first_two(tmp_path):
    path = tmp_path / "w.db"
    good = [story(f"Report number {i} from Gao.") for i in range(4)]
    broken = Extraction(Article.make("A broken third report."), (Claim(
        "no-such-article", "event", "x", {}, 0, 1, "s"),))  # foreign key: no such article
    with Store(path) as store:
        assert store.write(good[0]) and store.write(good[1])
        with pytest.raises(StoreError, match="could not store article"):
            store.write(broken)
        assert store.write(good[3])  # the batch goes on on the same connection
    with Store(path, readonly=True) as store:
        assert store.counts()["articles"] == 3
        assert not store.has_article(broken.article.id)
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(store.events(merged=False)) == 3  # merged, they are one event


def test_ctrl_c_inside_a_write_rolls_it_back_and_propagates(stores_at):
    class Interrupting:
        def __str__(self):  # json.dumps(default=str) calls this half-way through the write
            raise KeyboardInterrupt

    x = story("Interrupted report.")
    bad = Claim(x.article.id, "statement", "s", {"text": Interrupting()}, 0, 1, "s", id="c1")
    with Store(stores_at / "w.db") as store:
        with pytest.raises(KeyboardInterrupt):
            store.write(Extraction(x.article, (bad,), x.actors))
        assert store.counts() == dict.fromkeys(store.counts(), 0)
        assert store.write(x) is True  # nothing left behind blocks the retry


def test_readonly_store_refuses_writes_and_odd_file_names(stores_at):
    path = stores_at / "odd ?#name.db"
    with Store(path) as store:
        store.write(story("Stored once."))
    with Store(path, readonly=True) as store:
        assert store.counts()["articles"] == 1
        with pytest.raises(StoreError, match="read-only"):
            store.write(story("Not stored."))


def test_readonly_missing_file_names_the_file_and_the_fix(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match=r"no database at .*missing\.db; run `wirecoder ingest`"):
        Store(missing, readonly=True)
    assert not missing.exists()  # a read never creates the file


def test_old_schema_refused_before_anything_is_changed(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                       "INSERT INTO meta VALUES ('schema_version', '1');"
                       "CREATE TABLE events (id TEXT PRIMARY KEY);")
    conn.close()
    for readonly in (False, True):
        with pytest.raises(SchemaMismatch, match=f"version 1; this wirecoder reads version "
                                                 f"{SCHEMA_VERSION}"):
            Store(path, readonly=readonly)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"meta", "events"}  # no DDL ran on it


def test_foreign_sqlite_file_is_not_adopted(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a wirecoder database"):
        Store(path)


def test_pragmas(tmp_path):
    with Store(tmp_path / "w.db") as store:
        pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL


def test_actor_upsert_keeps_first_fills_country_unions_aliases(stores_at):
    first = Actor("northern-front", "Northern Front", "armed group", None, ("NF",))
    later = Actor("northern-front", "The Northern Front", "other org", "ML",
                  ("Jabhat al-Shamal",))
    latest = Actor("northern-front", "Northern Front", "armed group", "NE", ())
    with Store(stores_at / "w.db") as store:
        store.write(story("One.", actors=(first, ARMY)))
        store.write(story("Two.", actors=(later, ARMY)))
        store.write(story("Three.", actors=(latest, ARMY)))
        actor = store.actor("northern-front")
        assert (actor.name, actor.type, actor.country) == ("Northern Front", "armed group", "ML")
        assert actor.aliases == ("Jabhat al-Shamal", "NF", "The Northern Front")
        assert store.counts()["actors"] == 2


def test_actor_lookup_prefers_id_then_name_then_alias(stores_at):
    group = Actor("jnim", "Jama'at Nusrat al-Islam wal-Muslimin", "armed group", "ML",
                  ("JNIM", "Support Group"))
    person = Actor("jnim-spokesman", "Jnim", "person")
    with Store(stores_at / "w.db") as store:
        store.write(story("Both named.", actors=(group, person)))
        assert store.actor("jnim").id == "jnim"                 # an id beats a name
        assert store.actor("JNIM").id == "jnim-spokesman"       # a name beats an alias
        assert store.actor("support group").id == "jnim"        # alias, any case
        assert store.actor("nobody") is None and store.actor("") is None
        assert [a.id for a in store.actors("SUPPORT")] == ["jnim"]
        assert [a.id for a in store.actors()] == ["jnim", "jnim-spokesman"]  # by name
        assert len(store.actors(limit=1)) == 1
        assert store.actors("100%_") == []                      # LIKE wildcards are text


def test_event_filters_dates_overlap_and_order(stores_at):
    spans = {"may": When(date(2021, 5, 1), date(2021, 5, 31), "month"),
             "day": When(date(2021, 6, 10), date(2021, 6, 10), "day"),
             "open": When(date(2019, 1, 1), None, "range", "since 2019"),
             "undated": When(text="recently")}
    with Store(stores_at / "w.db") as store:
        ids = {k: store.write(story(f"Event {k}.", when=w)) and
               store.events(text=f"Event {k}")[0].id for k, w in spans.items()}
        found = lambda **f: [next(k for k, v in ids.items() if v == e.id)  # noqa: E731
                             for e in store.events(**f)]
        assert found() == ["open", "may", "day", "undated"]   # by start, unknown last
        assert found(date_from="2021-05-31") == ["open", "may", "day"]
        assert found(date_from=date(2021, 6, 1), date_to="2021-06-09") == ["open"]
        assert found(date_to="2020-12-31") == ["open"]
        assert found(limit=2, offset=1) == ["may", "day"]
        assert found(merged=False, limit=1, offset=3) == ["undated"]


def test_event_filters_by_actor_country_type_historical_article(stores_at):
    with Store(stores_at / "w.db") as store:
        a = story("Clash near Gao.")
        store.write(a)
        store.write(story("Protest in Niamey.", country="NE", type_="Protests",
                          actors=(Actor("protesters-ne", "Protesters (Niger)", "protesters"),)))
        store.write(story("An old clash in 2012.", historical=True,
                          when=When(date(2012, 1, 1), date(2012, 12, 31), "year")))
        assert len(store.events(actor="nf")) == 2
        assert len(store.events(actor="MILITARY FORCES OF MALI")) == 2
        assert len(store.events(actor="protesters-ne")) == 1
        assert store.events(actor="nobody") == []
        assert len(store.events(country="ne")) == 1
        assert len(store.events(type="PROTESTS")) == 1 and store.events(type="Protest") == []
        assert len(store.events(historical=True)) == 1
        assert len(store.events(historical=False)) == 2
        assert [e.id for e in store.events(article_id=a.article.id)] == [a.events[0].id]
        assert len(store.events(text="niamey")) == 1
        assert store.events(text="") == store.events()   # no words: no filter
        assert store.events(text="-") == []              # words asked for, none usable


def test_event_by_prefix(stores_at):
    x = story("Prefix test.")
    with Store(stores_at / "w.db") as store:
        store.write(x)
        event_id = x.events[0].id
        assert store.event(event_id[:6]) == x.events[0]
        assert store.event(event_id[:5]) is None      # too short to be meant
        assert store.event("%%%%%%") is None and store.event("______") is None
        assert store.event("") is None


def test_search_with_nasty_input(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(story("Gunmen attacked al-Qaeda's rivals near Gao."))
        for nasty in ['"', 'AND OR', "-", "*", "NOT", "NEAR(a b)", "a:b", "^", "'", "\x00",
                      "title:gao", "((", "gao OR", "  ", "\u2019"]:
            assert isinstance(store.search(nasty), list)
        assert store.search("") == [] and store.search("-") == []
        [(article, snippet)] = store.search("AL-QAEDA")
        assert "[" in snippet and article.title.startswith("Gunmen")
        assert len(store.search("gao", limit=0)) == 0


def test_places_upsert_fills_missing_coordinates_in_any_order(stores_at):
    vague = Place("Tessit", None, None, None, "ML")
    located = Place("Tessit", None, 15.01, 0.71, "ML", precision=1)
    rough = Place("Tessit", None, 15.0, 0.7, "ML", precision=2)
    kept = []
    for i, order in enumerate(((vague, located, rough), (rough, located, vague))):
        with Store(stores_at / f"w{i}.db") as store:
            for n, place in enumerate(order):
                store.write(story(f"Tessit report {n} of order {i}.", places=(place,)))
            kept.append([p for p in store.places() if p.name == "Tessit"])
    # one record, the same whatever came first: with coordinates, the most precise
    assert kept[0] == kept[1] == [located]


def test_relations_dedupe_and_filter(stores_at):
    since = When(date(2017, 3, 1), date(2017, 3, 31), "month")
    r1 = Relation("northern-front", "allied_with", "military-forces-of-mali", since)
    r2 = Relation("northern-front", "allied_with", "military-forces-of-mali", since,
                  When(date(2019, 1, 1), date(2019, 12, 31), "year"))
    r3 = Relation("military-forces-of-mali", "based_in", "Bamako")
    with Store(stores_at / "w.db") as store:
        store.write(story("Alliance reported.", relations=(r1,)))
        store.write(story("Alliance ended.", relations=(r2, r3)))
        assert store.counts()["relations"] == 2   # same statement, same start: one relation
        assert store.relations("northern-front") == [r2]  # the record that knows its end
        assert len(store.relations("military-forces-of-mali")) == 2
        assert store.relations("nobody") == []
        dossier = store.dossier("NF")
        assert dossier["relations"][0]["relation"] == r2
        assert len(dossier["relations"][0]["claims"]) == 2  # both articles' evidence
    with Store(stores_at / "reversed.db") as store:  # the same record in the other order
        store.write(story("Alliance ended.", relations=(r2, r3)))
        store.write(story("Alliance reported.", relations=(r1,)))
        assert store.relations("northern-front") == [r2]


def test_claims_filters_and_order(stores_at):
    x = story("Claims in order.", relations=(Relation("northern-front", "based_in", "Gao"),))
    with Store(stores_at / "w.db") as store:
        store.write(x)
        assert store.claims() == sorted(x.claims, key=lambda c: (c.article_id, c.start, c.id))
        assert [c.kind for c in store.claims(kind="relation")] == ["relation"]
        assert store.claims(subject="northern-front") == [x.claims[1]]
        assert store.claims(article_id="nope") == []


def test_dossier_lists_events_with_claims_and_attributes(stores_at):
    x = story("Dossier story.")
    attribute = Claim(x.article.id, "attribute", "northern-front",
                      {"attribute": "leader", "value": "Abu X"}, 0, 3, "Dossier story.")
    with Store(stores_at / "w.db") as store:
        store.write(Extraction(x.article, (*x.claims, attribute), x.actors, x.relations,
                               x.events, x.places))
        dossier = store.dossier("northern front")
        assert dossier["actor"].id == "northern-front"
        assert [e["event"].id for e in dossier["events"]] == [x.events[0].id]
        assert dossier["events"][0]["claims"] == [x.claims[0]]
        assert dossier["attributes"] == [{"claim": attribute, "claims": [attribute]}]
        assert dossier["relations"] == []
        assert store.dossier("nobody") is None


def test_articles_in_published_order(stores_at):
    with Store(stores_at / "w.db") as store:
        for day, text in ((3, "Later."), (1, "Earlier.")):
            article = Article.make(text, published=date(2021, 1, day))
            store.write(Extraction(article))
        assert [a.text for a in store.articles()] == ["Earlier.", "Later."]
        assert store.article("nope") is None
