"""Replacing a stored article (``ingest --update``): its metadata was corrected (a date, a
title), so it and everything derived from it are removed and the new extraction is written
as any other. Removed: the article, its text index and story bands, its claims, relations
and events with their actor rows and the merge judgements that name them (but a person's
``split``, which stays), and its reprint links; the clusters its events were in are
recomputed from the judgements left, and the reprints of their articles judged again.
Actors stay: their names, types and countries are votes over every article's claims.

    remove_article(conn, article_id) -> set of clusters touched (inside the caller's
    transaction)
"""

from __future__ import annotations

from . import search
from .event_links import articles_of_clusters, recluster
from .reprints import refresh_reprints


def remove_article(conn, article_id: str) -> set[str]:
    """Delete ``article_id`` and what was derived from it; the clusters left to re-judge."""
    events = [r[0] for r in conn.execute("SELECT id FROM events WHERE article_id = ? "
                                         "ORDER BY id", (article_id,))]
    clusters = {r[0] for r in conn.execute(
        f"SELECT DISTINCT cluster FROM events WHERE id IN ({','.join('?' * len(events))})",
        events)} if events else set()
    for start in range(0, len(events), 30_000):  # SQLite binds at most 32,766 parameters
        chunk = events[start:start + 30_000]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM event_links WHERE status != 'split' AND "
                     f"(event_a IN ({marks}) OR event_b IN ({marks}))", [*chunk, *chunk])
        conn.execute(f"DELETE FROM event_actors WHERE event_id IN ({marks})", chunk)
    conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM relations WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_links WHERE article_a = ? OR article_b = ?",
                 (article_id, article_id))
    conn.execute("DELETE FROM story_bands WHERE article_id = ?", (article_id,))
    search.remove(conn, article_id)
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    after: set[str] = set()
    for cluster in sorted(clusters):  # the other reports of those events, regrouped
        after |= recluster(conn, cluster)
    refresh_reprints(conn, articles_of_clusters(conn, after))
    return after

