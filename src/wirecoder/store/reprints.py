"""Reprints and wire copies (table ``article_links``): two articles that share an event and
most of their wording, once each actor's names are read as the actor ("Daesh" = "Islamic
State"), are copies of each other. Candidates are only the articles whose events merged, so
this costs nothing in a large store.

A pair's score reads event clusters and actor identity, both of which later articles can
change; ``refresh_reprints`` recomputes every pair of the articles it is given, so the links
are those of the final store, whatever the ingest order."""

from __future__ import annotations

from ..resolve.events import words
from .links import component

REPRINT_AT = 0.5  # share of distinct words (Jaccard) at or above which one copies the other


def refresh_reprints(conn, article_ids: set[str]) -> None:
    """Recompute the reprint links of ``article_ids`` with every article they share an event
    with; links to articles they no longer share one with are removed."""
    cache: dict[str, set[str]] = {}

    def canonical_words(article_id: str) -> set[str]:
        if article_id not in cache:
            cache[article_id] = _canonical_words(conn, article_id)
        return cache[article_id]

    for article_id in sorted(article_ids):
        conn.execute("DELETE FROM article_links WHERE article_a = ? OR article_b = ?",
                     (article_id, article_id))
        others = [r[0] for r in conn.execute(
            "SELECT DISTINCT o.article_id FROM events e JOIN events o ON o.cluster = e.cluster "
            "WHERE e.article_id = ? AND o.article_id != ? ORDER BY 1", (article_id, article_id))]
        mine = canonical_words(article_id) if others else set()
        for other in others:
            theirs = canonical_words(other)
            if mine and theirs:
                score = len(mine & theirs) / len(mine | theirs)
                if score >= REPRINT_AT:
                    a, b = sorted((article_id, other))
                    conn.execute("INSERT INTO article_links (article_a, article_b, score) "
                                 "VALUES (?,?,?) ON CONFLICT (article_a, article_b) "
                                 "DO UPDATE SET score = excluded.score",
                                 (a, b, round(score, 3)))


def articles_regrouped(conn, regrouped: list) -> set[str]:
    """After actors joined or parted (``links.Regrouping``), the articles whose scores with
    others may have changed: those that name an actor of the smaller group (a pair changes
    only if one side names one group and the other side the other; refreshing one side
    recomputes the pair)."""
    out: set[str] = set()
    for groups in regrouped:
        out |= min((_naming(conn, g) for g in groups), key=len)
    return out


def _naming(conn, actor_ids: list[str]) -> set[str]:
    ids = sorted(actor_ids)
    return {r[0] for r in conn.execute(
        f"SELECT DISTINCT article_id FROM claims WHERE kind = 'actor' AND subject IN "
        f"({','.join('?' * len(ids))})", ids)}


def _canonical_words(conn, article_id: str) -> set[str]:
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return set()
    text = row[0]
    spans = sorted((tuple(r) for r in conn.execute(
        "SELECT start, \"end\", subject FROM claims WHERE article_id = ? AND kind = 'actor'",
        (article_id,))), reverse=True)
    for start, end, subject in spans:  # names -> actors, back to front keeps offsets
        # a merged actor's smallest id stands for it: it depends on who is merged, not on
        # which name the merged actor reads under
        token = component(conn, subject)[0].replace("-", "")
        text = text[:start] + f" {token} " + text[end:]
    return words(text)


def reprints(conn, article_id: str) -> list[tuple[str, float]]:
    """The articles linked with ``article_id``, best score first (then by id)."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT CASE WHEN article_a = ? THEN article_b ELSE article_a END AS other, score "
        "FROM article_links WHERE article_a = ? OR article_b = ? ORDER BY score DESC, other",
        (article_id, article_id, article_id))]
