"""Read-only store connections for the API, one per server thread.

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

``ThreadStore.memo`` keeps what every request needs (all actors' names: 3,741 actors read
in about 100 ms) per thread until the database changes: SQLite's ``PRAGMA data_version``
moves on when any other connection commits, and these connections never write.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable


class Readers:
    """A lazily opened read-only ``Store`` per thread, for one database file.

    Raises ``StoreError`` (from ``Store``) on first use in a thread if the file is missing
    or not a wirecoder database of this schema version."""

    def __init__(self, db: str | Path):
        self.db = Path(db)
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
        version = store.conn.execute("PRAGMA data_version").fetchone()[0]
        memo = getattr(local, "memo", None)
        if memo is None or memo[0] != version:
            memo = local.memo = (version, {})
        if key not in memo[1]:
            memo[1][key] = compute(store)
        return memo[1][key]
