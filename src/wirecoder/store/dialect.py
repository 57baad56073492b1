"""The two databases behind ``Store``: SQLite (embedded, the default) and PostgreSQL (shared).

Every query of the store is written once, in the SQL both understand (``ON CONFLICT``,
row values, ``NULLS FIRST``, ``lower()``), with ``?`` placeholders. What differs is here and
only here, as small fragments a query asks its connection's ``dialect`` for:

=================  ==============================  ======================================
piece              SQLite                          PostgreSQL
=================  ==============================  ======================================
placeholders       ``?`` (sqlite3)                 ``%s`` (psycopg 3), translated once
JSON field         ``json_extract(col, '$.f')``    ``(col::jsonb ->> 'f')``
index hint         ``INDEXED BY name``             nothing (the planner chooses)
full text          FTS5 table ``articles_fts``     ``tsvector`` column, GIN index (search.py)
write lock         ``BEGIN IMMEDIATE``             ``BEGIN`` + transaction advisory lock
read snapshot      WAL read transaction            ``REPEATABLE READ READ ONLY``
change counter     ``PRAGMA data_version``         ``pg_current_snapshot()`` xmax
=================  ==============================  ======================================

A connection of either kind answers ``execute(sql, params)`` / ``executemany`` /
``in_transaction`` / ``close`` as ``sqlite3.Connection`` does, and its rows read by
position and by column name (``row[0]``, ``row["name"]``, ``dict(row)``).
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache


class Dialect:
    """The SQL fragments of one database; ``name`` is ``"sqlite"`` or ``"postgresql"``."""

    name = "sqlite"

    def json_text(self, column: str, field: str) -> str:
        """SQL for the text of top-level JSON field ``field`` of a TEXT column."""
        return f"json_extract({column}, '$.{field}')"

    def json_number(self, column: str, field: str) -> str:
        return f"json_extract({column}, '$.{field}')"

    def indexed_by(self, index: str) -> str:
        return f"INDEXED BY {index}"

    def contains(self, haystack: str, needle: str) -> str:
        """SQL true when text ``needle`` occurs in ``haystack`` (both SQL expressions)."""
        return f"instr({haystack}, {needle}) > 0"

    @property
    def now(self) -> str:
        """SQL for the present moment, UTC, as text 'YYYY-MM-DD HH:MM:SS'."""
        return "datetime('now')"

    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        """The driver's exceptions a failed statement raises."""
        return (sqlite3.Error,)


class Postgres(Dialect):
    name = "postgresql"

    def json_text(self, column: str, field: str) -> str:
        return f"({column}::jsonb ->> '{field}')"

    def json_number(self, column: str, field: str) -> str:
        return f"({column}::jsonb ->> '{field}')::double precision"

    def indexed_by(self, index: str) -> str:
        return ""

    def contains(self, haystack: str, needle: str) -> str:
        return f"strpos({haystack}, {needle}) > 0"

    @property
    def now(self) -> str:
        return "to_char(timezone('utc', now()), 'YYYY-MM-DD HH24:MI:SS')"

    @property
    def errors(self):
        import psycopg

        return (psycopg.Error,)


SQLITE, POSTGRES = Dialect(), Postgres()


class SqliteConnection(sqlite3.Connection):
    """``sqlite3.Connection`` as it is, labelled with its dialect."""

    dialect = SQLITE


def dialect_of(conn) -> Dialect:
    return getattr(conn, "dialect", SQLITE)


def now(conn) -> str:
    """SQL for the present moment on ``conn``'s database (UTC text, as SQLite writes it)."""
    return dialect_of(conn).now


# ---- PostgreSQL: a psycopg 3 connection that reads like sqlite3's


@lru_cache(maxsize=2048)
def to_format(sql: str) -> str:
    """``?`` placeholders -> psycopg's ``%s`` (a literal ``%`` doubled). The store's SQL has
    no ``?`` or ``%`` inside string literals except in LIKE patterns, which are bound."""
    return re.sub(r"\?", "%s", sql.replace("%", "%%"))


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type:
    index = {n: i for i, n in enumerate(names)}

    class Row(tuple):
        """A row read by position or by column name, as ``sqlite3.Row``."""

        __slots__ = ()

        def __getitem__(self, key):
            if isinstance(key, str):
                return tuple.__getitem__(self, index[key])
            return tuple.__getitem__(self, key)

        def keys(self):
            return list(names)

    return Row


def _row_factory(cursor):
    if cursor.description is None:
        return tuple
    cls = _row_class(tuple(c.name for c in cursor.description))
    return lambda values: cls(values)


_VALUES = re.compile(r"(?is)^(INSERT INTO .*? VALUES\s*)(\([?,\s]*\))(.*)$")
MULTI_ROWS = 1000  # rows per statement (PostgreSQL binds at most 65,535 parameters)


class PgConnection:
    """A psycopg 3 connection in autocommit mode (transactions are begun explicitly, as
    the sqlite3 connection's ``isolation_level=None``), with sqlite3's calling shape."""

    dialect = POSTGRES

    def __init__(self, raw):
        self.raw = raw
        raw.row_factory = _row_factory

    def execute(self, sql: str, params=()):
        cur = self.raw.cursor()
        # params always (even empty): with None psycopg would not read the doubled %%
        cur.execute(to_format(sql), tuple(params or ()))
        return cur

    def executemany(self, sql: str, rows):
        """``sql`` once per row. An INSERT of plain VALUES (or ON CONFLICT DO NOTHING) is
        sent as one statement of many rows: one round trip, not one per row (the rows of
        an article's story bands, claims and keys are written by the tens)."""
        rows = [tuple(r) for r in rows]
        cur = self.raw.cursor()
        many = _VALUES.match(sql) if len(rows) > 1 else None
        if many and "DO UPDATE" not in sql.upper():
            head, one, tail = many.groups()
            for start in range(0, len(rows), MULTI_ROWS):
                chunk = rows[start:start + MULTI_ROWS]
                cur.execute(to_format(head + ",".join([one] * len(chunk)) + tail),
                            [value for row in chunk for value in row])
        elif rows:
            cur.executemany(to_format(sql), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()
