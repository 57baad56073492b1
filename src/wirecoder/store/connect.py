"""Opening a store: an SQLite file (the embedded default) or a PostgreSQL database (a
``postgresql://user@host/name`` URL), created or upgraded in place by ``migrate``.

The version is read *before* any DDL runs: a store newer than this code, or older than the
first migrated version, is refused as it is (``SchemaMismatch``); a read-only open never
upgrades (it asks for one writable open). Every failure to open is a ``StoreError`` with the
store named (password hidden), never a driver traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import SchemaMismatch, StoreError
from . import migrate
from .dialect import PgConnection, SqliteConnection
from .schema import FIRST_MIGRATED, SCHEMA_VERSION

# a web server and an ingest can share one file; wait for the other's commit, not fail at once
BUSY_SECONDS = 30.0
CONNECT_SECONDS = 10  # an unreachable PostgreSQL server is reported after this long
SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
ENV = "WIRECODER_DB"  # the store the CLI opens when --db is not given


def is_url(db) -> bool:
    """True for a PostgreSQL URL, False for an SQLite file path."""
    return isinstance(db, str) and db.startswith(SCHEMES)


def describe(db) -> str:
    """How a store is named in messages: the path, or the URL without its password."""
    if not is_url(db):
        return str(db)
    from sqlalchemy.engine import make_url

    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 (a URL too broken to parse is named by its scheme)
        return db.split("://", 1)[0] + "://..."


def connect(db, readonly: bool):
    """A connection to the store ``db`` (path or URL) with its schema checked, created or
    upgraded (unless read-only): ``SqliteConnection`` or ``PgConnection``."""
    if is_url(db):
        return _postgres(db, readonly)
    return _sqlite(Path(db), readonly)


# ---- SQLite


def _sqlite(path: Path, readonly: bool) -> SqliteConnection:
    if readonly and not path.is_file():
        raise StoreError(f"no database at {path}; run `wirecoder ingest` first "
                         "(or pass --db PATH)")
    try:
        if readonly:
            # as_uri() percent-encodes, so a file named "a?b#c.db" is still that file
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=BUSY_SECONDS, isolation_level=None,
                                   factory=SqliteConnection)
        else:
            conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None,
                                   factory=SqliteConnection)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from None
    try:
        conn.row_factory = sqlite3.Row
        _prepare_sqlite(conn, path, readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a wirecoder database ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare_sqlite(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    conn.execute("PRAGMA foreign_keys=ON")
    found = _sqlite_version(conn)
    if found is None and not readonly and \
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is None:
        # WAL: readers (the web UI) never block the writer; NORMAL is safe with WAL and
        # only risks the last commits on power loss, never corruption
        conn.execute("PRAGMA journal_mode=WAL")
        migrate.upgrade(*_sqlite_url(path), name=path)
        found = _sqlite_version(conn)
    if found is None:
        raise StoreError(f"{path} is an SQLite file but not a wirecoder database "
                         "(no schema version); choose another --db")
    if _check(found, path, readonly):
        migrate.upgrade(*_sqlite_url(path), name=path)
    if not readonly:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")


def _sqlite_url(path: Path):
    """An SQLAlchemy engine's target for ``path``: the URL ``sqlite://`` and a function that
    connects (a file name may hold "?" or "#", which a URL would read as syntax)."""
    return "sqlite://", lambda: sqlite3.connect(path, timeout=BUSY_SECONDS)


def _sqlite_version(conn) -> str | None:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
                        ).fetchone():
        return None
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return str(row[0]) if row else None


def _check(found: str, name, readonly: bool) -> bool:
    """Whether a store of version ``found`` must be upgraded; raises ``SchemaMismatch`` for a
    version no migration reaches, or for an old store opened read-only."""
    version = int(found) if found.isdigit() else -1
    if version == SCHEMA_VERSION:
        return False
    if not FIRST_MIGRATED <= version < SCHEMA_VERSION:
        advice = "Upgrade wirecoder." if version > SCHEMA_VERSION else "Re-ingest into a new --db."
        raise SchemaMismatch(f"{name} has schema version {found}; this wirecoder reads version "
                             f"{SCHEMA_VERSION}. {advice}")
    if readonly:
        raise SchemaMismatch(f"{name} has schema version {found}; this wirecoder reads version "
                             f"{SCHEMA_VERSION}. Open it once for writing to upgrade it in "
                             "place (`wirecoder upgrade --db ...`); nothing is re-ingested.")
    return True


# ---- PostgreSQL

# pg_advisory_lock keys: one for schema changes, one for writes (store/__init__.py)
SCHEMA_LOCK, WRITE_LOCK = 0x77697265, 0x77697266


def _postgres(url: str, readonly: bool) -> PgConnection:
    try:
        import psycopg
    except ImportError:  # pragma: no cover (a dependency; said plainly if removed)
        raise StoreError("PostgreSQL stores need psycopg: pip install 'psycopg[binary]'") \
            from None
    name = describe(url)
    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        raw = psycopg.connect(conninfo, autocommit=True, connect_timeout=CONNECT_SECONDS)
    except (psycopg.Error, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        first = first.replace(conninfo, name).replace(url, name)  # never echo a password
        raise StoreError(f"cannot connect to {name}: {first}") from None
    conn = PgConnection(raw)
    try:
        found = _pg_version(conn)
        if found is None and _pg_has_tables(conn):
            raise StoreError(f"{name} holds tables but is not a wirecoder store (no schema "
                             "version); choose another --db")
        if found is None and readonly:
            raise StoreError(f"no wirecoder store at {name}; run `wirecoder ingest` first "
                             "(or pass --db URL)")
        if found is None or _check(found, name, readonly):
            # one process creates or upgrades; the others wait here, then find it done
            conn.execute("SELECT pg_advisory_lock(?)", (SCHEMA_LOCK,))
            try:
                migrate.upgrade(_sqlalchemy_url(conninfo), name=name)
            finally:
                conn.execute("SELECT pg_advisory_unlock(?)", (SCHEMA_LOCK,))
        if readonly:  # the server itself refuses a write from this connection
            conn.execute("SET default_transaction_read_only = on")
        else:
            # as SQLite's WAL with synchronous=NORMAL: a crash may lose the last commits,
            # never corrupt the store; a commit does not wait for its flush to disk
            conn.execute("SET synchronous_commit = off")
    except psycopg.Error as exc:
        conn.close()
        raise StoreError(f"cannot open {name}: {str(exc).strip().splitlines()[0]}") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _sqlalchemy_url(conninfo: str) -> str:
    return conninfo.replace("postgresql://", "postgresql+psycopg://", 1).replace(
        "postgres://", "postgresql+psycopg://", 1)


def _pg_version(conn: PgConnection) -> str | None:
    if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return str(row[0]) if row else None


def _pg_has_tables(conn: PgConnection) -> bool:
    return conn.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = "
                        "current_schema() LIMIT 1").fetchone() is not None
