"""Reading events back: per-article reports, or merged into one record per real-world event.

A row of ``events`` is one article's report; ``events.cluster`` groups the reports that
``event_links`` judged to be the same event. Filters select reports; a merged read returns
each selected report's whole cluster, so a filter never shows half a merge.
"""

from __future__ import annotations

from ..model import Article, Event
from ..filters import one_date
from . import query as q


def find(conn, *, merged: bool = True, limit=None, offset=0, **filters) -> list[Event]:
    """Events matching ``filters`` (see :func:`query.event_filters`), ordered by start date
    (unknown last), then id, so the same store always lists them in the same order."""
    filters["date_from"] = one_date(filters.get("date_from"), "--from")
    filters["date_to"] = one_date(filters.get("date_to"), "--to")
    where, params = q.event_filters(conn, **filters)
    offset = max(int(offset or 0), 0)
    if not merged:
        sql = f'SELECT record FROM events{where} ORDER BY start IS NULL, start, id'
        if limit:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), offset]
        return [q.event_from_row(r) for r in conn.execute(sql, params)]
    clusters = list(dict.fromkeys(r[0] for r in conn.execute(
        f"SELECT cluster FROM events{where} ORDER BY start IS NULL, start, id", params)))
    found = sorted((merged_cluster(conn, c) for c in clusters), key=_order)
    return found[offset:offset + int(limit)] if limit else found[offset:]


def count(conn, *, merged: bool = True, **filters) -> int:
    """How many events ``find`` would list for ``filters`` without a limit: real-world
    events (clusters) when ``merged``, else per-article reports."""
    filters["date_from"] = one_date(filters.get("date_from"), "--from")
    filters["date_to"] = one_date(filters.get("date_to"), "--to")
    where, params = q.event_filters(conn, **filters)
    what = "DISTINCT cluster" if merged else "*"
    return conn.execute(f"SELECT count({what}) FROM events{where}", params).fetchone()[0]


def _order(event: Event):
    return (event.when.start is None, event.when.start or "", event.id)


def merged_cluster(conn, cluster: str) -> Event:
    from ..resolve.events import merged

    rows = conn.execute(
        "SELECT e.record, e.id, e.article_id, a.published FROM events e JOIN articles a "
        "ON a.id = e.article_id WHERE e.cluster = ? ORDER BY e.id", (cluster,)).fetchall()
    events = [q.event_from_row(r) for r in rows]
    if len(events) == 1:
        return events[0]
    return merged(events, {r[1]: (r[2], r[3] or "") for r in rows})


MIN_PREFIX = 6  # shorter prefixes match too many ids to be what anyone typed on purpose


def find_one(conn, key: str) -> Event | None:
    """An event by id (any of its reports' ids, or a unique prefix of one), merged."""
    if not key:
        return None
    row = conn.execute("SELECT cluster FROM events WHERE id = ?", (key,)).fetchone()
    if row is None and len(key) >= MIN_PREFIX:
        # substr, not LIKE: the key is compared as text, so "%" or "_" in it match nothing
        rows = conn.execute("SELECT DISTINCT cluster FROM events WHERE substr(id, 1, ?) = ? "
                            "LIMIT 2", (len(key), key)).fetchall()
        row = rows[0] if len(rows) == 1 else None
    return merged_cluster(conn, row[0]) if row else None


def articles_of(conn, event_id: str) -> list[Article]:
    """The articles that report an event (any of its merged reports), oldest first."""
    rows = conn.execute(
        "SELECT a.* FROM articles a WHERE a.id IN (SELECT e.article_id FROM events e "
        "WHERE e.cluster = (SELECT cluster FROM events WHERE id = ?)) "
        "ORDER BY a.published IS NULL, a.published, a.id", (event_id,))
    return [q.article_from_row(r) for r in rows]
