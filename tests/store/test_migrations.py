"""Upgrades in place (Alembic, ``store/migrate.py``): a store written at the previous schema
version (6), with an article, actors, a person's split of two actors and a person's merge
of two events, is opened by this code and read back whole, on both databases."""

from __future__ import annotations

import json
import sqlite3

import pytest

from wirecoder.errors import SchemaMismatch
from wirecoder.model import Article, Event, Extraction, When, to_dict
from wirecoder.store import SCHEMA_VERSION, Store, migrate, search
from wirecoder.store.connect import _sqlalchemy_url, _sqlite_url, is_url
from wirecoder.store.dialect import PgConnection
from wirecoder.store.schema import METADATA


ARTICLES = [("art-1", "Gunmen attacked Gao on Monday."), ("art-2", "Gao was attacked Monday.")]


def make_v6(db) -> None:
    """A store of schema version 6, as wirecoder 6 wrote it: its tables (the baseline
    revision) and rows written with version 6's columns, judgements included."""
    if is_url(db):
        migrate.upgrade(_sqlalchemy_url(db), name=db, revision="0006")
        import psycopg

        conn = PgConnection(psycopg.connect(db, autocommit=True))
    else:
        migrate.upgrade(*_sqlite_url(db), name=db, revision="0006")
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("DROP TABLE alembic_version")  # wirecoder 6 had none
    for article_id, text in ARTICLES:
        conn.execute("INSERT INTO articles (id, title, published, text, pipeline) VALUES "
                     "(?,?,?,?,?)", (article_id, text, "2022-05-03", text, '["test"]'))
        search.index(conn, article_id, text, text)  # v6's text index, as v6 wrote it
    for actor_id, name in (("zeidane", "Mohamed Ould Zeidane"), ("zaydane", "Ould Zaydane")):
        conn.execute("INSERT INTO actors (id, name, type) VALUES (?,?,'person')",
                     (actor_id, name))
        conn.execute("INSERT INTO aliases (actor_id, alias, alias_norm) VALUES (?,?,?)",
                     (actor_id, name, name.lower()))
    conn.execute("INSERT INTO actor_links (actor_id, canonical_id, method, score, status, "
                 "changed_at) VALUES ('zaydane', 'zeidane', 'transliteration', 0.9, 'split', "
                 "'2022-05-05 10:00:00')")
    for n, (article_id, _) in enumerate(ARTICLES):
        record = to_dict(Event(f"ev-{n}", "Battles", "Armed clash",
                               When(None, None, "unknown"), None, None, None))
        conn.execute("INSERT INTO events (id, article_id, type, sub_type, historical, "
                     "modality, record, cluster) VALUES (?,?,?,?,0,'asserted',?,?)",
                     (f"ev-{n}", article_id, "Battles", "Armed clash", json.dumps(record),
                      "ev-0"))
    conn.execute("INSERT INTO event_links (event_a, event_b, score, parts, status) VALUES "
                 "('ev-0', 'ev-1', 1.0, ?, 'merged')",
                 (json.dumps({"judged_by": "ana", "why": "same clash"}),))
    conn.close()


def test_a_version_6_store_is_upgraded_with_its_judgements(stores_at):
    db = stores_at / "old.db"
    make_v6(db)
    with pytest.raises(SchemaMismatch, match="wirecoder upgrade"):
        Store(db, readonly=True)  # a read never changes a store
    with Store(db) as store:  # a writable open upgrades it
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                                  ).fetchone()[0] == str(SCHEMA_VERSION)
        assert store.counts()["articles"] == 2 and store.counts()["events"] == 2
        [split] = store.merges()
        assert (split["actor_id"], split["canonical_id"], split["status"]) == \
            ("zaydane", "zeidane", "split")
        [judgement] = store.event_judgements("ev-1")
        assert judgement["status"] == "merged"
        assert judgement["parts"] == {"judged_by": "ana", "why": "same clash"}
        assert store.event("ev-1").members == ("ev-0", "ev-1")
        assert [a.id for a in store.actors()] == ["zeidane", "zaydane"]  # still apart
        assert store.search("Gunmen")[0][0].id == "art-1"  # the text index came along
        assert store.conn.execute("SELECT ingested_by FROM articles WHERE id = 'art-1'"
                                  ).fetchone()[0] is None  # nobody knows who stored it
        assert store.write(Extraction(Article.make("A new report from Gao after the upgrade."), ()))
        assert store.conn.execute("SELECT count(*) FROM articles WHERE ingested_by IS NOT "
                                  "NULL").fetchone()[0] == 1
    with Store(db, readonly=True) as store:  # and reads as any store of this version
        assert store.counts()["articles"] == 3


def test_an_upgraded_store_has_the_tables_a_new_one_has(stores_at):
    """The migrations and ``schema.py`` describe one schema: Alembic finds no difference
    between an upgraded store and the declared tables."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    db = stores_at / "old.db"
    make_v6(db)
    Store(db).close()
    url, creator = (_sqlalchemy_url(db), None) if is_url(db) else _sqlite_url(db)
    engine = create_engine(url, **({"creator": creator} if creator else {}))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), METADATA)
    engine.dispose()
    search_tables = {"articles_fts", "articles_fts_data", "articles_fts_idx",
                     "articles_fts_content", "articles_fts_docsize", "articles_fts_config"}
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name in search_tables)
            and not (d[0] == "remove_index" and d[1].table.name in search_tables)]
    # SQLite lets a primary key that is not INTEGER hold NULL unless declared NOT NULL,
    # which version 6's DDL did not; reflection reports it, nothing reads it
    diff = [d for d in diff if not (isinstance(d, list) and d[0][0] == "modify_nullable"
                                    and d[0][3] in ("id", "key") and not is_url(db))]
    assert diff == [], "\n".join(map(str, diff))
