"""Baseline: the schema of version 6, the last one made without migrations.

On SQLite this is exactly the DDL wirecoder 6 ran, so a store it wrote is this revision
as it stands (``store.migrate`` stamps it, then upgrades). On PostgreSQL the same tables,
with the types PostgreSQL names differently. Frozen: never edit, add a revision instead.
"""

import re

from alembic import op

revision = "0006"
down_revision = None
branch_labels = None
depends_on = None

DDL_V6 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, outlet TEXT, title TEXT, published TEXT, language TEXT,
    dateline TEXT, origin TEXT, text TEXT NOT NULL, pipeline TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, article_id UNINDEXED);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), kind TEXT NOT NULL,
    subject TEXT NOT NULL, value TEXT NOT NULL, start INTEGER, "end" INTEGER, sentence TEXT,
    source TEXT, hedged INTEGER NOT NULL, negated INTEGER NOT NULL, extractor TEXT,
    version TEXT);
CREATE INDEX IF NOT EXISTS claims_subject ON claims(kind, subject);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id, start);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT);
CREATE TABLE IF NOT EXISTS aliases (
    actor_id TEXT NOT NULL REFERENCES actors(id), alias TEXT NOT NULL, alias_norm TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias));
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(alias_norm);
CREATE TABLE IF NOT EXISTS actor_keys (
    key TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (key, actor_id));
CREATE TABLE IF NOT EXISTS actor_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT, actor_id TEXT NOT NULL, canonical_id TEXT NOT NULL,
    method TEXT NOT NULL, score REAL NOT NULL, status TEXT NOT NULL DEFAULT 'merged',
    created_at TEXT NOT NULL DEFAULT (datetime('now')), changed_at TEXT);
CREATE INDEX IF NOT EXISTS actor_links_actor ON actor_links(actor_id, status);
CREATE INDEX IF NOT EXISTS actor_links_canonical ON actor_links(canonical_id, status);
CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
    valid_from TEXT, valid_to TEXT, record TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id));
CREATE INDEX IF NOT EXISTS relations_subject ON relations(subject);
CREATE INDEX IF NOT EXISTS relations_object ON relations(object);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), type TEXT NOT NULL,
    sub_type TEXT NOT NULL, start TEXT, "end" TEXT, precision TEXT, place_id TEXT,
    country TEXT, admin1 TEXT, lat REAL, lon REAL, actor1 TEXT, actor2 TEXT,
    historical INTEGER NOT NULL, modality TEXT NOT NULL, fatalities INTEGER,
    record TEXT NOT NULL, cluster TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_start ON events(start);
CREATE INDEX IF NOT EXISTS events_block ON events(type, start);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster);
CREATE TABLE IF NOT EXISTS event_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT, event_a TEXT NOT NULL, event_b TEXT NOT NULL,
    score REAL NOT NULL, parts TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'merged',
    created_at TEXT NOT NULL DEFAULT (datetime('now')), changed_at TEXT);
CREATE INDEX IF NOT EXISTS event_links_a ON event_links(event_a);
CREATE INDEX IF NOT EXISTS event_links_b ON event_links(event_b);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id), actor_id TEXT NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (event_id, actor_id, role));
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id);
CREATE TABLE IF NOT EXISTS article_links (
    article_a TEXT NOT NULL, article_b TEXT NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (article_a, article_b));
CREATE TABLE IF NOT EXISTS story_bands (
    band INTEGER NOT NULL, bucket TEXT NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_bands_article ON story_bands(article_id);
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, lat REAL, lon REAL,
    precision INTEGER, record TEXT NOT NULL);
"""

# the same tables in PostgreSQL's words: byte-order text, 8-byte floats, identity columns,
# UTC text timestamps as SQLite's datetime('now') writes them, tsvector search
POSTGRES = (
    (r"CREATE VIRTUAL TABLE [^;]*;", 'CREATE TABLE IF NOT EXISTS articles_fts (article_id TEXT '
     "PRIMARY KEY REFERENCES articles(id), document tsvector NOT NULL);\n"
     "CREATE INDEX IF NOT EXISTS articles_fts_document ON articles_fts USING gin (document);"),
    (r"INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (r"\bTEXT\b", 'TEXT COLLATE "C"'),
    (r"\bREAL\b", "DOUBLE PRECISION"),
    (r"datetime\('now'\)", "to_char(timezone('utc', now()), 'YYYY-MM-DD HH24:MI:SS')"),
    (r" WITHOUT ROWID", ""),
)


def ddl(dialect: str) -> list[str]:
    text = DDL_V6
    if dialect == "postgresql":
        for pattern, replacement in POSTGRES:
            text = re.sub(pattern, replacement, text)
    return [s.strip() for s in text.split(";") if s.strip()]


def upgrade() -> None:
    for statement in ddl(op.get_bind().dialect.name):
        op.execute(statement)
    op.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '6') "
               "ON CONFLICT (key) DO NOTHING")


def downgrade() -> None:
    raise NotImplementedError("the baseline is not undone")
