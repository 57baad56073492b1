"""The embedded database: one SQLite file (WAL journal, FTS5 over article text).

``Store(path)`` opens or creates it; ``Store(path, readonly=True)`` refuses to create one.
``write`` stores one article's ``Extraction`` in one transaction, so an interrupted run keeps
every article already committed and none half-written. Queries return model records.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterator

from ..errors import SchemaMismatch, StoreError
from ..model import Actor, Article, Claim, Event, Extraction, Place, Relation
from . import event_links, links
from . import query as q
from .schema import DDL, SCHEMA_VERSION, TABLES
from .write import write_extraction

DEFAULT_DB = "wirecoder.db"


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not self.path.is_file():
            raise StoreError(f"no database at {self.path}; run `wirecoder ingest` first "
                             "(or pass --db PATH)")
        try:
            if readonly:
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self._prepare()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a wirecoder database ({exc})") from None

    def _prepare(self) -> None:
        if not self.readonly:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(DDL)
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                              (str(SCHEMA_VERSION),))
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise SchemaMismatch(f"{self.path} has schema version {found}; this wirecoder "
                                 f"reads version {SCHEMA_VERSION}. Re-ingest into a new --db.")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing
    def write(self, extraction: Extraction) -> bool:
        """Store one article and everything found in it; False if it was already stored."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            stored = write_extraction(self.conn, extraction)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return stored

    # ---- articles
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                 (article_id,)).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return q.article_from_row(row) if row else None

    def articles(self) -> Iterator[Article]:
        for row in self.conn.execute("SELECT * FROM articles ORDER BY published, id"):
            yield q.article_from_row(row)

    def search(self, text: str, limit: int = 20) -> list[tuple[Article, str]]:
        query = q.fts_query(text)
        if query is None:
            return []
        rows = self.conn.execute(
            "SELECT article_id, snippet(articles_fts, 1, '[', ']', '...', 12) AS snip "
            "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, int(limit))).fetchall()
        return [(self.article(r["article_id"]), r["snip"]) for r in rows]

    # ---- events
    def events(self, actor=None, country=None, type=None, date_from=None, date_to=None,
               text=None, historical=None, article_id=None, limit=None, offset=0,
               admin1=None, bbox=None, merged: bool = True) -> list[Event]:
        """Events matching the filters. ``merged`` (default): one record per real-world
        event, its reports from several articles merged (``sources``, ``members``, toll
        low/best/high); ``merged=False``: each article's own report."""
        date_from = q.check_date(date_from, "--from")
        date_to = q.check_date(date_to, "--to")
        where, params = q.event_filters(
            self.conn, actor=actor, country=country, type=type, date_from=date_from,
            date_to=date_to, text=text, historical=historical, article_id=article_id,
            admin1=admin1, bbox=bbox)
        if not merged:
            sql = f"SELECT record FROM events{where} ORDER BY start IS NULL, start, id"
            if limit:
                sql += " LIMIT ? OFFSET ?"
                params += [int(limit), int(offset)]
            return [q.event_from_row(r) for r in self.conn.execute(sql, params)]
        clusters = list(dict.fromkeys(r[0] for r in self.conn.execute(
            f"SELECT cluster FROM events{where} ORDER BY start IS NULL, start, id", params)))
        found = sorted((self._merged(c) for c in clusters),
                       key=lambda e: (e.when.start is None, e.when.start or 0, e.id))
        return found[int(offset):int(offset) + int(limit)] if limit else found[int(offset):]

    def _merged(self, cluster: str) -> Event:
        from ..resolve.events import merged

        rows = self.conn.execute(
            "SELECT e.record, e.id, e.article_id, a.published FROM events e JOIN articles a "
            "ON a.id = e.article_id WHERE e.cluster = ? ORDER BY e.id", (cluster,)).fetchall()
        events = [q.event_from_row(r) for r in rows]
        if len(events) == 1:
            return events[0]
        return merged(events, {r[1]: (r[2], r[3] or "") for r in rows})

    def event(self, key: str) -> Event | None:
        """An event by id (any of its reports' ids, or a unique prefix), merged."""
        row = self.conn.execute("SELECT cluster FROM events WHERE id = ?", (key,)).fetchone()
        if row is None and len(key) >= 6:
            rows = self.conn.execute("SELECT cluster FROM events WHERE id LIKE ? LIMIT 2",
                                     (key.replace("%", "").replace("_", "") + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return self._merged(row[0]) if row else None

    def event_claims(self, event: Event) -> list[Claim]:
        """The claims of every report merged into ``event``."""
        return [c for member in (event.members or (event.id,))
                for c in self.claims(kind="event", subject=member)]

    def reprints(self, article_id: str) -> list[tuple[str, float]]:
        """Articles recognised as reprints or wire copies of this one, with their score."""
        return event_links.reprints(self.conn, article_id)

    def event_merges(self) -> list[dict]:
        return event_links.merges(self.conn)

    def split_event(self, key: str) -> int:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            n = event_links.split(self.conn, key)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return n

    # ---- actors and relations
    def actors(self, query: str | None = None, limit: int | None = None) -> list[Actor]:
        return q.actors_matching(self.conn, query, limit)

    def actor(self, key: str) -> Actor | None:
        if not key:
            return None
        row = self.conn.execute("SELECT * FROM actors WHERE id = ?", (key,)).fetchone() or \
            self.conn.execute("SELECT * FROM actors WHERE name = ? COLLATE NOCASE ORDER BY id",
                              (key,)).fetchone()
        if row is None:
            ids = q.actor_ids_for(self.conn, key)
            row = self.conn.execute("SELECT * FROM actors WHERE id = ?",
                                    (ids[0],)).fetchone() if ids else None
        return q.actor_with_aliases(self.conn, row["id"]) if row else None

    def relations(self, actor_id: str | None = None) -> list[Relation]:
        sql, params = "SELECT record FROM relations", []
        if actor_id:
            ids = links.members(self.conn, links.canonical(self.conn, actor_id))
            marks = ",".join("?" * len(ids))
            sql += f" WHERE subject IN ({marks}) OR object IN ({marks})"
            params = [*ids, *ids]
        sql += " ORDER BY subject, predicate, object, id"
        return [q.relation_from_row(r) for r in self.conn.execute(sql, params)]

    # ---- claims and places
    def claims(self, kind=None, subject=None, article_id=None) -> list[Claim]:
        where, params = [], []
        for column, value in (("kind", kind), ("subject", subject), ("article_id", article_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = "SELECT * FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY article_id, start, id"
        return [q.claim_from_row(r) for r in self.conn.execute(sql, params)]

    def places(self) -> list[Place]:
        return [q.place_from_row(r) for r in
                self.conn.execute("SELECT record FROM places ORDER BY name, id")]

    def dossier(self, key: str) -> dict | None:
        """An actor with its relations, events and attributes, each with its claims."""
        actor = self.actor(key)
        if actor is None:
            return None
        relation_claims = self.claims(kind="relation")
        relations = []
        for r in self.relations(actor.id):
            claims = [c for c in relation_claims if c.value.get("subject") == r.subject and
                      c.value.get("predicate") == r.predicate and c.value.get("object") == r.object]
            relations.append({"relation": r, "claims": claims})
        events = [{"event": e, "claims": self.event_claims(e)}
                  for e in self.events(actor=actor.id)]
        attributes = [{"claim": c, "claims": [c]}
                      for member in links.members(self.conn, actor.id)
                      for c in self.claims(kind="attribute", subject=member)]
        return {"actor": actor, "relations": relations, "events": events,
                "attributes": attributes}

    def event_articles(self, event_id: str) -> list[Article]:
        """The articles that report an event (any of its merged reports), oldest first."""
        rows = self.conn.execute(
            "SELECT DISTINCT a.* FROM articles a JOIN events e ON e.article_id = a.id "
            "WHERE e.cluster = (SELECT cluster FROM events WHERE id = ?) "
            "ORDER BY a.published, a.id", (event_id,))
        return [q.article_from_row(r) for r in rows]

    def merges(self) -> list[dict]:
        """Every actor merge judgement, in the order made (``status`` merged or split)."""
        return links.merges(self.conn)

    def split(self, key: str) -> int:
        """Undo merges (a judgement number or an actor id); they will not be remade."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            n = links.split(self.conn, key)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return n

    def counts(self) -> dict:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
