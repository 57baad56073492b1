"""Full-text search over articles, each database with its own: SQLite's FTS5 (a virtual
table ``articles_fts``, bm25 rank), PostgreSQL's ``tsvector`` (a table ``articles_fts`` of
one ``document`` per article, GIN-indexed, ``ts_rank``; the ``simple`` configuration, no
stemming, as FTS5's default tokenizer). Users' words reach either only as bound values
(FTS5: quoted phrases; PostgreSQL: ``plainto_tsquery``), so no input is read as syntax.

Every function takes the store's connection (``dialect.SqliteConnection`` or
``dialect.PgConnection``) inside the caller's transaction.
"""

from __future__ import annotations

import re

from .dialect import dialect_of

SQLITE_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING "
              "fts5(title, text, article_id UNINDEXED)")
POSTGRES_DDL = (
    'CREATE TABLE IF NOT EXISTS articles_fts (article_id TEXT COLLATE "C" PRIMARY KEY '
    "REFERENCES articles(id), document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS articles_fts_document ON articles_fts USING gin (document)")


def ddl(dialect_name: str) -> tuple[str, ...]:
    """The statements that create the search table on ``dialect_name``'s database."""
    return (SQLITE_DDL,) if dialect_name == "sqlite" else POSTGRES_DDL


def words(text: str) -> list[str]:
    """The words of free text a search looks for, all of them ("al-Qaeda" -> al, Qaeda)."""
    return re.findall(r"\w+", text or "")


def fts_query(text: str) -> str | None:
    """Words of free text as an FTS5 AND of quoted terms ("al-Qaeda" -> "al" "Qaeda")."""
    return " ".join(f'"{w}"' for w in words(text)) or None


def _query(conn, text: str) -> str | None:
    found = words(text)
    if not found:
        return None
    return fts_query(text) if dialect_of(conn).name == "sqlite" else " ".join(found)


def index(conn, article_id: str, title: str | None, text: str) -> None:
    if dialect_of(conn).name == "sqlite":
        conn.execute("INSERT INTO articles_fts (title, text, article_id) VALUES (?,?,?)",
                     (title or "", text, article_id))
    else:
        conn.execute("INSERT INTO articles_fts (article_id, document) VALUES "
                     "(?, to_tsvector('simple', ? || ' ' || ?))", (article_id, title or "", text))


def remove(conn, article_id: str) -> None:
    conn.execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))


def matching(conn, text: str) -> tuple[str, list]:
    """SQL selecting the ids of articles matching every word of ``text`` (for ``IN (...)``),
    and its parameters; a query matching nothing when ``text`` has no words."""
    query = _query(conn, text)
    if query is None:
        return "SELECT article_id FROM articles_fts WHERE 1 = 0", []
    if dialect_of(conn).name == "sqlite":
        return "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?", [query]
    return ("SELECT article_id FROM articles_fts WHERE document @@ "
            "plainto_tsquery('simple', ?)", [query])


def search(conn, text: str, limit: int, offset: int) -> list[tuple[str, str]]:
    """(article id, snippet with [marked] words), best first, then by id."""
    query = _query(conn, text)
    if query is None:
        return []
    if dialect_of(conn).name == "sqlite":
        sql = ("SELECT article_id, snippet(articles_fts, 1, '[', ']', '...', 12) AS snip "
               "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank, article_id "
               "LIMIT ? OFFSET ?")
        params = (query, limit, offset)
    else:
        sql = ("SELECT f.article_id, ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], "
               "MaxWords=12, MinWords=6, FragmentDelimiter=...') AS snip FROM articles_fts f "
               "JOIN articles a ON a.id = f.article_id, plainto_tsquery('simple', ?) q "
               "WHERE f.document @@ q ORDER BY ts_rank(f.document, q) DESC, f.article_id "
               "LIMIT ? OFFSET ?")
        params = (query, limit, offset)
    return [(r[0], r[1]) for r in conn.execute(sql, params).fetchall()]


def count(conn, text: str) -> int:
    sql, params = matching(conn, text)
    return conn.execute(f"SELECT count(*) FROM ({sql}) m", params).fetchone()[0]
