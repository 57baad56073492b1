"""The database: one SQLite file (the embedded default: WAL journal, FTS5 over article text)
or a PostgreSQL database a team shares (``postgresql://user@host/name``; tsvector search).

``Store(db)`` opens or creates it (a path or a URL), upgrading an older schema in place
(``migrate``); ``Store(db, readonly=True)`` refuses to create or change one.
``write`` stores one article's ``Extraction`` in one transaction, so an interrupted run keeps
every article already committed and none half-written. Queries return model records.

Layout: ``schema`` (tables, version), ``migrations``/``migrate`` (Alembic upgrades),
``dialect`` (what differs between the two databases), ``connect`` (opening), ``search``
(full text), ``write`` (one extraction),
``query`` (rows -> records, filters), ``events`` and ``dossier`` (composite reads),
``links``/``event_links`` (actor and event merges as judgements that can be undone),
``reprints`` (articles that copy each other). What the store holds, and every read of it,
does not depend on the order articles were written in: a merged actor or event, a repeated
relation or place, an actor's name and type are all chosen by a total order, not first-seen.

Several writers: on SQLite, ``BEGIN IMMEDIATE`` queues them on the file's write lock; on
PostgreSQL each write transaction first takes one transaction-scoped advisory lock
(``connect.WRITE_LOCK``), so writes from any number of processes and machines are applied
one at a time, each seeing every earlier one complete (actor and event identity are read and
judged inside that transaction). Parsing, the costly part, runs outside it, in parallel.
Reads never wait: ``snapshot`` is a repeatable-read transaction on either database.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from ..model import Actor, Article, Claim, Event, Extraction, Place, Relation
from . import dossier as _dossier
from . import event_links, events as _events, links, reprints
from . import query as q
from . import search as _search
from .connect import WRITE_LOCK, connect, describe, is_url
from .schema import SCHEMA_VERSION, TABLES
from .write import write_extraction

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store"]

DEFAULT_DB = "wirecoder.db"


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False):
        """``path``: an SQLite file, or a ``postgresql://user[:password]@host[:port]/name``
        URL. Raises ``StoreError`` (missing, foreign or unreachable store, bad URL) or
        ``SchemaMismatch`` (a schema no migration reaches, or an old one opened read-only)."""
        self.url = str(path) if is_url(str(path)) else None
        # how messages name the store: the file, or the URL without its password
        self.path = describe(self.url) if self.url else Path(path)
        self.readonly = readonly
        self.conn = connect(self.url or self.path, readonly)
        self.dialect = self.conn.dialect

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self, what: str):
        """BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of
        failing half-way; any exception (Ctrl-C included) rolls the whole unit back."""
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only; cannot {what}")
        if self.dialect.name == "sqlite":
            self.conn.execute("BEGIN IMMEDIATE")
        else:  # writers queue on one lock, released by COMMIT or ROLLBACK (module docstring)
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        try:
            yield
        except (*self.dialect.errors, ArithmeticError, ValueError, TypeError) as exc:
            self._rollback()
            # as a StoreError, so a batch records this article as skipped and goes on (a
            # value the checks missed: an integer SQLite cannot hold, a date past year 9999)
            raise StoreError(f"could not {what}: {type(exc).__name__}: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")

    def transaction(self, what: str):
        """One write transaction for a caller's own unit of work (``batch/merge.py`` copies
        whole stores in one); ``what`` names it in errors. As ``write``: all or nothing."""
        return self._transaction(what)

    @contextlib.contextmanager
    def snapshot(self):
        """Every read inside sees one state of the database, whatever another process
        commits meanwhile (a WAL read transaction: it never blocks a writer, nor waits for
        one). Re-entrant: inside a transaction it joins that one. A composite read (an
        actor index, a dossier, a web request) that ran query by query could otherwise see
        an actor in one query that the next one does not know yet."""
        if self.conn.in_transaction:
            yield self
            return
        if self.dialect.name == "sqlite":
            self.conn.execute("BEGIN DEFERRED")
        else:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ"
                              + (" READ ONLY" if self.readonly else ""))
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def data_version(self):
        """A value that moves on whenever another connection commits (SQLite's
        ``PRAGMA data_version``; on PostgreSQL the snapshot's next transaction id, which any
        commit on the server moves: never stale, sometimes early). Read inside ``snapshot``
        it labels what that snapshot sees."""
        if self.dialect.name == "sqlite":
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        return self.conn.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text"
                                 ).fetchone()[0]

    def _rollback(self) -> None:
        if self.conn.in_transaction:  # SQLite may already have rolled back (disk full)
            self.conn.execute("ROLLBACK")

    # ---- writing
    def write(self, extraction: Extraction) -> bool:
        """Store one article and everything found in it; False if it was already stored."""
        with self._transaction(f"store article {extraction.article.id}"):
            return write_extraction(self.conn, extraction)

    def replace(self, extraction: Extraction) -> bool:
        """Store ``extraction`` in place of the stored article of the same id (its metadata
        corrected), and everything derived from it (``replace.py``); one transaction."""
        from .replace import remove_article

        with self._transaction(f"replace article {extraction.article.id}"):
            remove_article(self.conn, extraction.article.id)
            return write_extraction(self.conn, extraction)

    # ---- articles
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                 (article_id,)).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return q.article_from_row(row) if row else None

    def article_warnings(self, article_id: str) -> list[str]:
        """The coded warnings stored with the article ("[W203] ...: stored, not parsed")."""
        return q.article_warnings(self.conn, article_id)

    def articles(self) -> Iterator[Article]:
        """Every article, by publication date (unknown first), then id."""
        for row in self.conn.execute("SELECT * FROM articles ORDER BY published NULLS FIRST, "
                                     "id"):
            yield q.article_from_row(row)

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[tuple[Article, str]]:
        """Articles matching every word of ``text``, best first (FTS5 or tsvector rank,
        then id), with a [marked] snippet; ``offset`` skips that many for the next page."""
        rows = _search.search(self.conn, text, int(limit), max(int(offset), 0))
        return [(self.article(article_id), snip) for article_id, snip in rows]

    def search_count(self, text: str) -> int:
        """How many articles ``search(text)`` finds in all."""
        return _search.count(self.conn, text)

    # ---- events
    def events(self, actor=None, country=None, type=None, date_from=None, date_to=None,
               text=None, historical=None, article_id=None, limit=None, offset=0,
               admin1=None, bbox=None, merged: bool = True, **more) -> list[Event]:
        """Events matching the filters (``more``: ``sub_type``, ``place``, ``dated``; see
        ``query.event_filters``). ``merged`` (default): one record per real-world
        event, its reports from several articles merged (``sources``, ``members``, toll
        low/best/high); ``merged=False``: each article's own report."""
        with self.snapshot():
            return _events.find(
                self.conn, merged=merged, limit=limit, offset=offset, actor=actor,
            country=country, type=type, date_from=date_from, date_to=date_to, text=text,
                historical=historical, article_id=article_id, admin1=admin1, bbox=bbox,
                **more)

    def count_events(self, merged: bool = True, **filters) -> int:
        """How many events ``events(**filters)`` lists without a limit."""
        with self.snapshot():
            return _events.count(self.conn, merged=merged, **filters)

    def event(self, key: str) -> Event | None:
        """An event by id (any of its reports' ids, or a unique prefix of 6+ chars), merged."""
        with self.snapshot():
            return _events.find_one(self.conn, key)

    def event_claims(self, event: Event) -> list[Claim]:
        """The claims of every report merged into ``event``."""
        return [c for member in (event.members or (event.id,))
                for c in self.claims(kind="event", subject=member)]

    def event_articles(self, event_id: str) -> list[Article]:
        return _events.articles_of(self.conn, event_id)

    def reprints(self, article_id: str) -> list[tuple[str, float]]:
        """Articles recognised as reprints or wire copies of this one, with their score."""
        return reprints.reprints(self.conn, article_id)

    def event_merges(self) -> list[dict]:
        return event_links.merges(self.conn)

    def event_judgements(self, event_id: str) -> list[dict]:
        """The judgements behind an event: why its reports are one (``judgements_of``)."""
        return event_links.judgements_of(self.conn, event_id)

    def judge_events(self, a: str, b: str, verdict: str, by: str, why: str = "") -> set[str]:
        """A person's merge or split of two events (``event_links.judge``); the merged records
        and reprints of the clusters touched are brought up to date."""
        from .reprints import refresh_reprints

        try:
            with self._transaction(f"{verdict} events {a} {b}"):
                touched = event_links.judge(self.conn, a, b, verdict, by, why)
                refresh_reprints(self.conn, event_links.articles_of_clusters(self.conn, touched))
                return touched
        except StoreError as exc:  # a judgement refused (unknown event, a split forbids it):
            if isinstance(exc.__cause__, ValueError):  # the caller's mistake, said as such
                raise exc.__cause__ from None
            raise

    def split_event(self, key: str) -> int:
        with self._transaction(f"split event {key}"):
            return event_links.split(self.conn, key)

    # ---- actors and relations
    def actors(self, query: str | None = None, limit: int | None = None) -> list[Actor]:
        """Actors (merged ones as one) whose name or any alias contains ``query``, by name."""
        with self.snapshot():
            return q.actors_matching(self.conn, query, limit)

    def actor(self, key: str) -> Actor | None:
        """By id, else exact name, else exact alias (case-insensitive); merged actors read
        as their canonical record."""
        if not key:
            return None
        row = self.conn.execute("SELECT id FROM actors WHERE id = ?", (key,)).fetchone() or \
            self.conn.execute("SELECT id FROM actors WHERE lower(name) = lower(?) ORDER BY id",
                              (key,)).fetchone()
        found = row[0] if row else (q.actor_ids_for(self.conn, key) or [None])[0]
        return q.actor_with_aliases(self.conn, found) if found else None

    def actor_index(self) -> dict[str, Actor]:
        """Every actor id, merged ones included, -> the actor it reads as (``actors()``)."""
        with self.snapshot():
            return q.actor_index(self.conn)

    def relations(self, actor_id: str | None = None) -> list[Relation]:
        """All relations, or those with ``actor_id`` (or an actor merged with it) at an end."""
        sql, params = "SELECT record FROM relations", []
        if actor_id:
            ids = links.members(self.conn, actor_id)
            marks = ",".join("?" * len(ids))
            sql += f" WHERE subject IN ({marks}) OR object IN ({marks})"
            params = [*ids, *ids]
        sql += " ORDER BY subject, predicate, object, id"
        return [q.relation_from_row(r) for r in self.conn.execute(sql, params)]

    def merges(self) -> list[dict]:
        """Every actor merge judgement, in the order made (``status`` merged or split)."""
        return links.merges(self.conn)

    def split(self, key: str) -> int:
        """Undo merges (a judgement number or an actor id); they will not be remade. The
        event merges and reprints that read those actors' identity are judged again."""
        with self._transaction(f"split actor {key}"):
            undone, regrouped = links.split(self.conn, key)
            clusters = event_links.relink_actors(self.conn, regrouped)
            reprints.refresh_reprints(self.conn, event_links.articles_of_clusters(
                self.conn, clusters) | reprints.articles_regrouped(self.conn, regrouped))
            return undone

    def dossier(self, key: str) -> dict | None:
        """An actor with its relations, events and attributes, each with its claims."""
        with self.snapshot():
            return _dossier.build(self, key)

    # ---- claims, places, totals
    def claims(self, kind=None, subject=None, article_id=None) -> list[Claim]:
        where, params = [], []
        for column, value in (("kind", kind), ("subject", subject), ("article_id", article_id)):
            if value is not None:
                where.append(f"{column} = ?")  # column names are ours, values are bound
                params.append(value)
        sql = "SELECT * FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY article_id, start NULLS FIRST, id"
        return [q.claim_from_row(r) for r in self.conn.execute(sql, params)]

    def places(self) -> list[Place]:
        return [q.place_from_row(r) for r in
                self.conn.execute("SELECT record FROM places ORDER BY name, id")]

    def counts(self) -> dict:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
