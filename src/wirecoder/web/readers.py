"""Read-only store connections for the API, one per server thread (an SQLite file or a
PostgreSQL database: the same code, ``Store`` hides which).

An ``sqlite3`` connection may only be used, and closed, in the thread that opened it. FastAPI
runs a sync dependency in one threadpool thread and the route in another, so a connection
opened by a dependency and used by the route fails ("SQLite objects created in a thread can
only be used in that same thread"), under load most of the time. Here the dependency hands the
route a ``ThreadStore``: every method call goes to the read-only ``Store`` of the thread that
makes the call, opened there on first use and kept for that thread's life (closed when the
thread ends, in that thread's clean-up). No connection ever crosses a thread, and a route
running in one thread uses one connection throughout.

Reads only: each connection is opened ``mode=ro``, so the server cannot write by accident
(``POST /api/ingest`` opens its own writable store, in its own thread).

Every route of the API runs in one snapshot of the database (``SnapshotRoute``): its reads
all see the state of one moment, so an ingest committing meanwhile can make an answer older,
never inconsistent (an event naming an actor the actor index of the same request lacks). A
read that finds the store busy (SQLITE_BUSY after the connection's own wait) is tried again,
a few times, from a fresh snapshot.

``ThreadStore.memo`` keeps what every request needs (all actors' names: 3,741 actors read
in about 100 ms) per thread until the database changes: SQLite's ``PRAGMA data_version``
moves on when any other connection commits, and these connections never write
(PostgreSQL: ``Store.data_version``). The memo
is computed and its version read in the request's snapshot, so a commit cannot leave it
half-built or labelled with a version it does not hold.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Callable

from fastapi.routing import APIRoute

# a busy store is retried this many times in all, waiting 0.05, 0.1, 0.2 s between tries
READ_ATTEMPTS = 4
RETRY_SECONDS = 0.05


class Readers:
    """A lazily opened read-only ``Store`` per thread, for one database file.

    Raises ``StoreError`` (from ``Store``) on first use in a thread if the file is missing
    or not a wirecoder database of this schema version."""

    def __init__(self, db: str | Path):
        from ..store.connect import is_url

        self.db = str(db) if is_url(str(db)) else Path(db)
        self._local = threading.local()

    def get(self):
        """The calling thread's read-only ``Store``, opened now if it has none."""
        store = getattr(self._local, "store", None)
        if store is None:
            from ..store import Store

            store = Store(self.db, readonly=True)
            self._local.store = store
        return store

    def view(self) -> "ThreadStore":
        return ThreadStore(self)


class ThreadStore:
    """Looks like a read-only ``Store``; each attribute comes from the calling thread's own."""

    __slots__ = ("_readers",)  # anything else is the thread's Store's

    def __init__(self, readers: Readers):
        self._readers = readers

    def __getattr__(self, name: str) -> Any:
        return getattr(self._readers.get(), name)

    def memo(self, key: str, compute: Callable[[Any], Any]) -> Any:
        """``compute(store)``, remembered in this thread under ``key`` until the database
        changes. Callers must not modify what it returns."""
        local = self._readers._local
        store = self._readers.get()
        version = store.data_version()
        memo = getattr(local, "memo", None)
        if memo is None or memo[0] != version:
            memo = local.memo = (version, {})
        if key not in memo[1]:
            memo[1][key] = compute(store)
        return memo[1][key]


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "busy" errors and PostgreSQL's
    serialization failures and deadlocks, which a retry can cure."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError):
        return "locked" in text or "busy" in text
    return getattr(exc, "sqlstate", None) in ("40001", "40P01")


def in_snapshot(route: Callable) -> Callable:
    """``route`` (a sync endpoint) run inside one read snapshot of the ``ThreadStore`` it is
    given, in the thread that runs it; retried from a fresh snapshot when the store is busy.
    An endpoint without a store, or an async one, is returned as it is."""
    if inspect.iscoroutinefunction(route) or getattr(route, "in_snapshot", False):
        return route  # include_router builds the route again from the wrapped endpoint

    @functools.wraps(route)  # FastAPI reads the parameters through __wrapped__
    def run(*args, **kwargs):
        view = next((v for v in kwargs.values() if isinstance(v, ThreadStore)), None)
        if view is None:
            return route(*args, **kwargs)
        for attempt in range(READ_ATTEMPTS):
            try:
                with view.snapshot():
                    return route(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 (only a busy store is retried)
                if not is_busy(exc) or attempt == READ_ATTEMPTS - 1:
                    raise
                time.sleep(RETRY_SECONDS * 2 ** attempt)

    run.in_snapshot = True
    return run


class SnapshotRoute(APIRoute):
    """An API route whose endpoint reads in one snapshot (``in_snapshot``)."""

    def __init__(self, path: str, endpoint: Callable, **kwargs) -> None:
        super().__init__(path, in_snapshot(endpoint), **kwargs)
