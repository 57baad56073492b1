"""Actor identity across articles, as judgements: an ``actor_links`` row says "these two
actors are one" (status ``merged``), with the method and score of the comparison. Rows are
pairs, written in ``rank`` order (``canonical_id`` is the one of the two that would name
them); a merged actor is a connected component of the active pairs, read under the member
that ``rank`` puts first. A row is ``split`` by a person (and never remade) or ``retracted``
by a later re-judgement when an actor's names, type or country changed so that the pair no
longer matches (it may then be merged again).

Every time an actor is first seen or changes, it is judged again against every known actor
sharing a blocking key, so the active pairs are those the two final records match on,
whatever the ingest order (but in a block over ``MAX_CANDIDATES``, where which actors are
compared depends on what is stored). Source rows keep their own ids; reads go through
``canonical``/``members``.
"""

from __future__ import annotations

from ..model import Actor
from .dialect import now
from ..resolve.actors import judge, keys as actor_keys, rank  # noqa: F401 (re-export)

MAX_CANDIDATES = 200  # a block this large is a too-common key: compare the first ones only
GENERIC = frozenset({"unidentified-armed-group"})
UNLINKED_TYPES = ("civilians", "protesters")


def component(conn, actor_id: str) -> list[str]:
    """Every actor merged with ``actor_id`` (itself included), sorted by id."""
    seen, todo = {actor_id}, [actor_id]
    while todo:
        current = todo.pop()
        for pair in conn.execute("SELECT actor_id, canonical_id FROM actor_links WHERE status "
                                 "= 'merged' AND (actor_id = ? OR canonical_id = ?)",
                                 (current, current)):
            for other in pair:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
    return sorted(seen)


def _ranked(conn, ids: list[str]) -> list[str]:
    if len(ids) == 1:
        return ids
    names = dict(conn.execute(f"SELECT id, name FROM actors WHERE id IN "
                              f"({','.join('?' * len(ids))})", ids).fetchall())
    return sorted(ids, key=lambda i: rank(i, names.get(i, i)))


def canonical(conn, actor_id: str) -> str:
    """The id a merged actor reads under: the first of its members by ``rank``."""
    return _ranked(conn, component(conn, actor_id))[0]


def members(conn, actor_id: str) -> list[str]:
    """The merged actor of ``actor_id``: its canonical id first, then the others by id."""
    ids = component(conn, actor_id)
    head = _ranked(conn, ids)[0]
    return [head] + [i for i in ids if i != head]


def load_actor(conn, actor_id: str) -> Actor | None:
    row = conn.execute("SELECT id, name, type, country FROM actors WHERE id = ?",
                       (actor_id,)).fetchone()
    if row is None:
        return None
    aliases = tuple(r[0] for r in conn.execute(
        "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", (actor_id,)))
    return Actor(row[0], row[1], row[2], row[3], aliases)


# Two groups of actors, sorted ids, that a merge joined or an undone merge parted: whether an
# actor of one is the same as an actor of the other flipped; no other pair's sameness did.
Regrouping = tuple[list[str], list[str]]


def link_actor(conn, actor_id: str) -> list[Regrouping]:
    """Judge a new or changed actor against the known actors sharing a blocking key; record
    each match as a merge, retract a merge that no longer matches. Returns the regroupings
    made (empty when identity is unchanged): what events and reprints must be judged again
    on (``event_links.relink_actors``)."""
    actor = load_actor(conn, actor_id)
    if actor is None or actor.id in GENERIC or actor.type in UNLINKED_TYPES:
        return []
    wanted = sorted({k for n in (actor.name, *actor.aliases) for k in actor_keys(n)})
    rows = conn.execute(
        f"SELECT DISTINCT actor_id FROM actor_keys WHERE key IN ({','.join('?' * len(wanted))}) "
        f"AND actor_id != ? ORDER BY actor_id LIMIT {MAX_CANDIDATES}", (*wanted, actor.id))
    regrouped: list[Regrouping] = []
    for (other_id,) in rows.fetchall():
        other = load_actor(conn, other_id)
        if other is None or other.id in GENERIC or other.type in UNLINKED_TYPES:
            continue
        low, high = sorted((actor, other), key=lambda a: rank(a.id, a.name), reverse=True)
        regrouping = _record(conn, low.id, high.id, judge(low, high))
        if regrouping:
            regrouped.append(regrouping)
    return regrouped


def _record(conn, actor_id: str, canonical_id: str, verdict) -> Regrouping | None:
    """Make the pair's rows agree with ``verdict``; the regrouping, if actors joined or
    parted (a pair already joined through other merges regroups nothing)."""
    rows = conn.execute("SELECT id, actor_id, canonical_id, method, score, status FROM "
                        "actor_links WHERE (actor_id = ? AND canonical_id = ?) OR (actor_id = ? "
                        "AND canonical_id = ?)", (actor_id, canonical_id, canonical_id,
                                                  actor_id)).fetchall()
    if any(r[5] == "split" for r in rows):
        return None  # a person undid this merge: never made again
    active = next((r for r in rows if r[5] == "merged"), None)
    if verdict is None:
        if active is None:
            return None
        conn.execute("UPDATE actor_links SET status = 'retracted', changed_at = "
                     f"{now(conn)} WHERE id = ?", (active[0],))
        return _parted(conn, actor_id, canonical_id)
    method, score = verdict
    if active is None:
        before = component(conn, actor_id)
        conn.execute("INSERT INTO actor_links (actor_id, canonical_id, method, score) "
                     "VALUES (?,?,?,?)", (actor_id, canonical_id, method, score))
        if canonical_id in before:
            return None
        return before, [i for i in component(conn, actor_id) if i not in before]
    if (active[1], active[2], active[3], active[4]) != (actor_id, canonical_id, method, score):
        # the same pair judged again on more names: keep the row, with the present verdict
        conn.execute("UPDATE actor_links SET actor_id = ?, canonical_id = ?, method = ?, "
                     f"score = ?, changed_at = {now(conn)} WHERE id = ?",
                     (actor_id, canonical_id, method, score, active[0]))
    return None


def _parted(conn, a: str, b: str) -> Regrouping | None:
    mine = component(conn, a)
    return None if b in mine else (mine, component(conn, b))


def merges(conn) -> list[dict]:
    rows = conn.execute(
        "SELECT l.id, l.actor_id, a.name, l.canonical_id, c.name, l.method, l.score, l.status, "
        "l.created_at, l.changed_at FROM actor_links l LEFT JOIN actors a ON a.id = l.actor_id "
        "LEFT JOIN actors c ON c.id = l.canonical_id ORDER BY l.id")
    keys = ("id", "actor_id", "actor", "canonical_id", "canonical", "method", "score",
            "status", "created_at", "changed_at")
    return [dict(zip(keys, r)) for r in rows]


def split(conn, key: str) -> tuple[int, list[Regrouping]]:
    """Undo merges: ``key`` is a judgement number, or an actor id (every merge it is part
    of). Returns how many were undone, and the regroupings of those that parted actors."""
    if key.isdigit():
        where, params = "id = ?", (int(key),)
    else:
        where, params = "(actor_id = ? OR canonical_id = ?)", (key, key)
    rows = conn.execute(f"SELECT id, actor_id, canonical_id FROM actor_links WHERE status = "
                        f"'merged' AND {where} ORDER BY id", params).fetchall()
    regrouped = []
    for link_id, a, b in rows:  # one at a time: each regrouping is exact
        conn.execute(f"UPDATE actor_links SET status = 'split', changed_at = {now(conn)} "
                     "WHERE id = ?", (link_id,))
        regrouping = _parted(conn, a, b)
        if regrouping:
            regrouped.append(regrouping)
    return len(rows), regrouped
