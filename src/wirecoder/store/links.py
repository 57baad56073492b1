"""Actor identity across articles, as judgements: ``actor_links`` rows say "actor X is
canonical actor Y" (status ``merged``), or that such a merge was undone (``split``, which also
stops it from being made again). Source rows keep their own ids; reads go through
``canonical``/``members``."""

from __future__ import annotations

from ..model import Actor
from ..resolve.actors import judge, keys as actor_keys  # noqa: F401 (re-export)

MAX_CANDIDATES = 200  # a block this large is a too-common key: compare the first ones only
GENERIC = frozenset({"unidentified-armed-group"})


def canonical(conn, actor_id: str) -> str:
    row = conn.execute("SELECT canonical_id FROM actor_links WHERE actor_id = ? AND "
                       "status = 'merged' ORDER BY id DESC LIMIT 1", (actor_id,)).fetchone()
    return row[0] if row else actor_id


def members(conn, canonical_id: str) -> list[str]:
    rows = conn.execute("SELECT actor_id FROM actor_links WHERE canonical_id = ? AND "
                        "status = 'merged' ORDER BY actor_id", (canonical_id,)).fetchall()
    return [canonical_id] + [r[0] for r in rows if r[0] != canonical_id]


def load_actor(conn, actor_id: str) -> Actor | None:
    row = conn.execute("SELECT id, name, type, country FROM actors WHERE id = ?",
                       (actor_id,)).fetchone()
    if row is None:
        return None
    aliases = tuple(r[0] for r in conn.execute(
        "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", (actor_id,)))
    return Actor(row[0], row[1], row[2], row[3], aliases)


def link_new_actor(conn, actor: Actor) -> None:
    """Compare a first-seen actor with the known actors sharing a blocking key; record the
    best match as a merge judgement."""
    if actor.id in GENERIC or actor.type in ("civilians", "protesters"):
        return
    names = {actor.name, *actor.aliases}
    wanted = sorted({k for n in names for k in actor_keys(n)})
    rows = conn.execute(
        f"SELECT DISTINCT actor_id FROM actor_keys WHERE key IN ({','.join('?' * len(wanted))}) "
        f"AND actor_id != ? ORDER BY actor_id LIMIT {MAX_CANDIDATES}", (*wanted, actor.id))
    best = None
    for (candidate_id,) in rows.fetchall():
        target = canonical(conn, candidate_id)
        if target == actor.id or _split_before(conn, actor.id, target):
            continue
        other = load_actor(conn, candidate_id)
        verdict = judge(actor, other) if other else None
        if verdict and (best is None or verdict[1] > best[2]):
            best = (target, verdict[0], verdict[1])
    if best is not None:
        conn.execute("INSERT INTO actor_links (actor_id, canonical_id, method, score) "
                     "VALUES (?,?,?,?)", (actor.id, best[0], best[1], best[2]))


def _split_before(conn, actor_id: str, canonical_id: str) -> bool:
    return conn.execute("SELECT 1 FROM actor_links WHERE actor_id = ? AND canonical_id = ? "
                        "AND status = 'split'", (actor_id, canonical_id)).fetchone() is not None


def merges(conn) -> list[dict]:
    rows = conn.execute(
        "SELECT l.id, l.actor_id, a.name, l.canonical_id, c.name, l.method, l.score, l.status, "
        "l.created_at, l.changed_at FROM actor_links l LEFT JOIN actors a ON a.id = l.actor_id "
        "LEFT JOIN actors c ON c.id = l.canonical_id ORDER BY l.id")
    keys = ("id", "actor_id", "actor", "canonical_id", "canonical", "method", "score",
            "status", "created_at", "changed_at")
    return [dict(zip(keys, r)) for r in rows]


def split(conn, key: str) -> int:
    """Undo merges: ``key`` is a judgement number, or an actor id (its merge, or every merge
    into it). Returns how many judgements were undone."""
    if key.isdigit():
        where, params = "id = ?", (int(key),)
    else:
        where, params = "(actor_id = ? OR canonical_id = ?)", (key, key)
    cur = conn.execute(f"UPDATE actor_links SET status = 'split', changed_at = datetime('now') "
                       f"WHERE status = 'merged' AND {where}", params)
    return cur.rowcount
