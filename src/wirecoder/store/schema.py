"""The database schema, in one place, for both databases (SQLAlchemy Core ``MetaData``).

Records are kept both as queryable columns and as the full JSON of the dataclass
(``record``), so a read gives back exactly what was written.

A schema change is an Alembic migration (``store/migrations/versions/``, one file per
version, numbered as ``SCHEMA_VERSION``): change the tables here, add a migration that turns
the previous version's tables into these, and bump ``SCHEMA_VERSION``. Opening a store of an
older version (6 or later) upgrades it in place, judgements and all; a store older than 6
(before migrations) or newer than this code is refused with a clear message.

Text columns compare byte by byte on both databases (PostgreSQL: ``COLLATE "C"``), so every
``ORDER BY`` lists the same rows in the same order on either.
"""

from __future__ import annotations

from sqlalchemy import types as sqltypes
from sqlalchemy import (Column, Index, Integer, MetaData, PrimaryKeyConstraint, Table,
                        Text)
from sqlalchemy.dialects import postgresql

# 5: relations carry valid_from/valid_to columns; relation id no longer hashes valid_to
# 6: story_bands (MinHash bands of each article, for versions of one story); the Alembic
#    baseline: stores from 6 on are upgraded in place
# 7: articles.ingested_by (who stored the article: user@host, for a store a team shares)
SCHEMA_VERSION = 7
FIRST_MIGRATED = 6  # the oldest version an upgrade starts from

TEXT = Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
REAL = sqltypes.REAL().with_variant(postgresql.DOUBLE_PRECISION(), "postgresql")


def define(metadata: MetaData) -> MetaData:
    """The tables of ``SCHEMA_VERSION`` on ``metadata`` (full-text search is ``search.py``'s)."""
    Table("meta", metadata, Column("key", TEXT, primary_key=True),
          Column("value", TEXT, nullable=False))
    Table("articles", metadata, Column("id", TEXT, primary_key=True),
          *(Column(c, TEXT) for c in ("url", "outlet", "title", "published", "language",
                                      "dateline", "origin")),
          Column("text", TEXT, nullable=False), Column("pipeline", TEXT, nullable=False),
          Column("ingested_at", TEXT, nullable=False), Column("ingested_by", TEXT))
    Table("claims", metadata, Column("id", TEXT, primary_key=True),
          Column("article_id", TEXT, _fk("articles.id"), nullable=False),
          Column("kind", TEXT, nullable=False), Column("subject", TEXT, nullable=False),
          Column("value", TEXT, nullable=False), Column("start", Integer),
          Column("end", Integer), Column("sentence", TEXT), Column("source", TEXT),
          Column("hedged", Integer, nullable=False), Column("negated", Integer, nullable=False),
          Column("extractor", TEXT), Column("version", TEXT),
          Index("claims_subject", "kind", "subject"),
          Index("claims_article", "article_id", "start"))
    Table("actors", metadata, Column("id", TEXT, primary_key=True),
          Column("name", TEXT, nullable=False), Column("type", TEXT, nullable=False),
          Column("country", TEXT))
    Table("aliases", metadata,
          Column("actor_id", TEXT, _fk("actors.id"), nullable=False),
          Column("alias", TEXT, nullable=False), Column("alias_norm", TEXT, nullable=False),
          PrimaryKeyConstraint("actor_id", "alias"), Index("aliases_norm", "alias_norm"))
    Table("actor_keys", metadata, Column("key", TEXT, nullable=False),
          Column("actor_id", TEXT, nullable=False), PrimaryKeyConstraint("key", "actor_id"))
    Table("actor_links", metadata, Column("id", Integer, primary_key=True),
          Column("actor_id", TEXT, nullable=False), Column("canonical_id", TEXT, nullable=False),
          Column("method", TEXT, nullable=False), Column("score", REAL, nullable=False),
          Column("status", TEXT, nullable=False, server_default="merged"),
          Column("created_at", TEXT, nullable=False), Column("changed_at", TEXT),
          Index("actor_links_actor", "actor_id", "status"),
          Index("actor_links_canonical", "canonical_id", "status"),
          sqlite_autoincrement=True)
    Table("relations", metadata, Column("id", TEXT, primary_key=True),
          Column("subject", TEXT, nullable=False), Column("predicate", TEXT, nullable=False),
          Column("object", TEXT, nullable=False), Column("valid_from", TEXT),
          Column("valid_to", TEXT), Column("record", TEXT, nullable=False),
          Column("article_id", TEXT, _fk("articles.id"), nullable=False),
          Index("relations_subject", "subject"), Index("relations_object", "object"))
    Table("events", metadata, Column("id", TEXT, primary_key=True),
          Column("article_id", TEXT, _fk("articles.id"), nullable=False),
          Column("type", TEXT, nullable=False), Column("sub_type", TEXT, nullable=False),
          Column("start", TEXT), Column("end", TEXT), Column("precision", TEXT),
          Column("place_id", TEXT), Column("country", TEXT), Column("admin1", TEXT),
          Column("lat", REAL), Column("lon", REAL), Column("actor1", TEXT),
          Column("actor2", TEXT), Column("historical", Integer, nullable=False),
          Column("modality", TEXT, nullable=False), Column("fatalities", Integer),
          Column("record", TEXT, nullable=False), Column("cluster", TEXT, nullable=False),
          Index("events_start", "start"), Index("events_block", "type", "start"),
          Index("events_cluster", "cluster"), Index("events_article", "article_id"))
    Table("event_links", metadata, Column("id", Integer, primary_key=True),
          Column("event_a", TEXT, nullable=False), Column("event_b", TEXT, nullable=False),
          Column("score", REAL, nullable=False), Column("parts", TEXT, nullable=False),
          Column("status", TEXT, nullable=False, server_default="merged"),
          Column("created_at", TEXT, nullable=False), Column("changed_at", TEXT),
          Index("event_links_a", "event_a"), Index("event_links_b", "event_b"),
          sqlite_autoincrement=True)
    Table("event_actors", metadata,
          Column("event_id", TEXT, _fk("events.id"), nullable=False),
          Column("actor_id", TEXT, nullable=False), Column("role", TEXT, nullable=False),
          PrimaryKeyConstraint("event_id", "actor_id", "role"),
          Index("event_actors_actor", "actor_id"))
    Table("article_links", metadata, Column("article_a", TEXT, nullable=False),
          Column("article_b", TEXT, nullable=False), Column("score", REAL, nullable=False),
          PrimaryKeyConstraint("article_a", "article_b"))
    Table("story_bands", metadata, Column("band", Integer, nullable=False),
          Column("bucket", TEXT, nullable=False), Column("article_id", TEXT, nullable=False),
          PrimaryKeyConstraint("band", "bucket", "article_id"),
          Index("story_bands_article", "article_id"), sqlite_with_rowid=False)
    Table("places", metadata, Column("id", TEXT, primary_key=True),
          Column("name", TEXT, nullable=False), Column("country", TEXT), Column("lat", REAL),
          Column("lon", REAL), Column("precision", Integer),
          Column("record", TEXT, nullable=False))
    return metadata


def _fk(target: str):
    from sqlalchemy import ForeignKey

    return ForeignKey(target)


METADATA = define(MetaData())

TABLES = ("articles", "claims", "actors", "relations", "events", "places")
