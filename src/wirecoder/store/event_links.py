"""Event identity across articles, as judgements (table ``event_links``): each new event is
compared with the events of other articles that share its type and overlap its dates (an
indexed range lookup, so the cost per article grows with the log of the store, not its size).
A merge joins two clusters; ``events.cluster`` is the smallest event id of its connected
component, so the clusters do not depend on ingest order. ``split`` undoes a judgement and
recomputes the component; a split pair is never merged again."""

from __future__ import annotations

import json
from datetime import timedelta

from ..model import Event, from_dict
from ..resolve.events import MERGE_AT, compare
from .links import canonical

WINDOW = timedelta(days=2)
VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")
MAX_CANDIDATES = 200


def _text(conn, event_id: str) -> str:
    return " ".join(r[0] for r in conn.execute(
        "SELECT sentence FROM claims WHERE kind = 'event' AND subject = ?", (event_id,)))


def link_new_event(conn, event: Event, article_id: str, text: str) -> None:
    when = event.when
    if not when.start or not when.end or event.modality != "asserted":
        return  # an undated or unasserted report cannot be matched honestly
    types = VIOLENT if event.type in VIOLENT else (event.type,)  # reports code one killing
    rows = conn.execute(                                         # as a battle or an attack
        f'SELECT id, record, cluster FROM events WHERE type IN ({",".join("?" * len(types))}) '
        'AND article_id != ? AND start IS NOT NULL AND start <= ? AND "end" >= ? AND '
        "historical = ? AND modality = 'asserted' ORDER BY start, id LIMIT ?",
        (*types, article_id, (when.end + WINDOW).isoformat(),
         (when.start - WINDOW).isoformat(), int(event.historical), MAX_CANDIDATES)).fetchall()
    canon = lambda actor_id: canonical(conn, actor_id) if actor_id else None  # noqa: E731
    for other_id, record, _ in rows:
        if _split_before(conn, event.id, other_id):
            continue
        other = from_dict(Event, json.loads(record))
        score, parts = compare(event, other, canon, text, _text(conn, other_id))
        if score < MERGE_AT:
            continue
        a, b = sorted((event.id, other_id))
        conn.execute("INSERT INTO event_links (event_a, event_b, score, parts) VALUES (?,?,?,?)",
                     (a, b, score, json.dumps(parts, sort_keys=True)))
        _join(conn, event.id, other_id)


REPRINT_AT = 0.5


def link_reprints(conn, article_id: str) -> None:
    """An article that shares an event with another and most of its wording, once each
    actor's names are read as the actor ("Daesh" = "Islamic State"), is a reprint or a wire
    copy of it: recorded in ``article_links``. Candidates are only the articles its events
    merged with, so this costs nothing in a large store."""
    others = [r[0] for r in conn.execute(
        "SELECT DISTINCT o.article_id FROM events e JOIN events o ON o.cluster = e.cluster "
        "WHERE e.article_id = ? AND o.article_id != ?", (article_id, article_id))]
    if not others:
        return
    mine = _canonical_words(conn, article_id)
    for other in others:
        theirs = _canonical_words(conn, other)
        if mine and theirs:
            score = len(mine & theirs) / len(mine | theirs)
            if score >= REPRINT_AT:
                a, b = sorted((article_id, other))
                conn.execute("INSERT OR REPLACE INTO article_links VALUES (?,?,?)",
                             (a, b, round(score, 3)))


def _canonical_words(conn, article_id: str) -> set[str]:
    from ..resolve.events import words

    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return set()
    text = row[0]
    spans = sorted((tuple(r) for r in conn.execute(
        "SELECT start, \"end\", subject FROM claims WHERE article_id = ? AND kind = 'actor'",
        (article_id,))), reverse=True)
    for start, end, subject in spans:  # names -> actor ids, back to front keeps offsets
        text = text[:start] + f" {canonical(conn, subject).replace('-', '')} " + text[end:]
    return words(text)


def reprints(conn, article_id: str) -> list[tuple[str, float]]:
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT CASE WHEN article_a = ? THEN article_b ELSE article_a END, score "
        "FROM article_links WHERE article_a = ? OR article_b = ? ORDER BY score DESC",
        (article_id, article_id, article_id))]


def _cluster(conn, event_id: str) -> str:
    row = conn.execute("SELECT cluster FROM events WHERE id = ?", (event_id,)).fetchone()
    return row[0] if row else event_id


def _join(conn, a: str, b: str) -> None:
    ca, cb = _cluster(conn, a), _cluster(conn, b)
    if ca != cb:
        keep, drop = sorted((ca, cb))
        conn.execute("UPDATE events SET cluster = ? WHERE cluster = ?", (keep, drop))


def _split_before(conn, a: str, b: str) -> bool:
    a, b = sorted((a, b))
    return conn.execute("SELECT 1 FROM event_links WHERE event_a = ? AND event_b = ? AND "
                        "status = 'split'", (a, b)).fetchone() is not None


def members(conn, event_id: str) -> list[str]:
    cluster = _cluster(conn, event_id)
    return [r[0] for r in conn.execute("SELECT id FROM events WHERE cluster = ? ORDER BY id",
                                       (cluster,))]


def merges(conn) -> list[dict]:
    keys = ("id", "event_a", "event_b", "score", "parts", "status", "created_at", "changed_at")
    return [dict(zip(keys, r)) for r in conn.execute(
        "SELECT id, event_a, event_b, score, parts, status, created_at, changed_at "
        "FROM event_links ORDER BY id")]


def split(conn, key: str) -> int:
    """Undo merge judgements (a judgement number, or every merge of an event id) and
    recompute the clusters they touched."""
    if key.isdigit():
        rows = conn.execute("SELECT id, event_a, event_b FROM event_links WHERE id = ? AND "
                            "status = 'merged'", (int(key),)).fetchall()
    else:
        rows = conn.execute("SELECT id, event_a, event_b FROM event_links WHERE status = "
                            "'merged' AND (event_a = ? OR event_b = ?)", (key, key)).fetchall()
    for link_id, a, _ in rows:
        conn.execute("UPDATE event_links SET status = 'split', changed_at = datetime('now') "
                     "WHERE id = ?", (link_id,))
    for cluster in {_cluster(conn, a) for _, a, _ in rows}:
        _recluster(conn, cluster)
    return len(rows)


def _recluster(conn, cluster: str) -> None:
    ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE cluster = ?", (cluster,))]
    links = conn.execute(
        f"SELECT event_a, event_b FROM event_links WHERE status = 'merged' AND event_a IN "
        f"({','.join('?' * len(ids))})", ids).fetchall()
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            parent[max(ra, rb)] = min(ra, rb)
    for i in ids:
        conn.execute("UPDATE events SET cluster = ? WHERE id = ?", (find(i), i))
