"""Opening the database file: pragmas, creation, and the schema-version check.

The version is checked *before* any DDL runs, so opening an old file never half-migrates it:
it is refused as it is, and the user is told to re-ingest into a new file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import SchemaMismatch, StoreError
from .schema import DDL, SCHEMA_VERSION

# a web server and an ingest can share one file; wait for the other's commit, not fail at once
BUSY_SECONDS = 30.0


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection to ``path`` with the schema checked; created if missing unless read-only."""
    if readonly and not path.is_file():
        raise StoreError(f"no database at {path}; run `wirecoder ingest` first "
                         "(or pass --db PATH)")
    try:
        if readonly:
            # as_uri() percent-encodes, so a file named "a?b#c.db" is still that file
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=BUSY_SECONDS, isolation_level=None)
        else:
            conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from None
    try:
        conn.row_factory = sqlite3.Row
        _prepare(conn, path, readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a wirecoder database ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    conn.execute("PRAGMA foreign_keys=ON")
    found = _version(conn)
    if found is None and not readonly and not _has_tables(conn):
        # WAL: readers (the web UI) never block the writer; NORMAL is safe with WAL and
        # only risks the last commits on power loss, never corruption
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(DDL)
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                     (str(SCHEMA_VERSION),))
        found = str(SCHEMA_VERSION)
    if found is None:
        raise StoreError(f"{path} is an SQLite file but not a wirecoder database "
                         "(no schema version); choose another --db")
    if found != str(SCHEMA_VERSION):
        raise SchemaMismatch(f"{path} has schema version {found}; this wirecoder reads version "
                             f"{SCHEMA_VERSION}. Re-ingest into a new --db.")
    if not readonly:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")


def _version(conn: sqlite3.Connection) -> str | None:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
                        ).fetchone():
        return None
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return str(row[0]) if row else None


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
