"""Reading the store back as model records. Every query is parameterized; user text reaches
FTS5 only as quoted phrases, so no input can be read as query syntax."""

from __future__ import annotations

import json
import re
from datetime import date

from ..components import root_finder
from ..model import Actor, Article, Claim, Event, Place, Relation, from_dict
from . import search
from .write import alias_norm


fts_query = search.fts_query  # (kept under its old name)


def article_from_row(row) -> Article:
    return Article(id=row["id"], text=row["text"], url=row["url"], outlet=row["outlet"],
                   title=row["title"],
                   published=date.fromisoformat(row["published"]) if row["published"] else None,
                   language=row["language"] or "en", dateline=row["dateline"],
                   origin=row["origin"])


def article_warnings(conn, article_id: str) -> list[str]:
    """The coded warnings stored with an article (``write._article``), e.g. W203 for an
    article in a language no installed pipeline reads."""
    row = conn.execute("SELECT pipeline FROM articles WHERE id = ?", (article_id,)).fetchone()
    stages = json.loads(row[0]) if row else []
    return [s for s in stages if re.match(r"\[W\d{3}\]", s)]


def claim_from_row(row) -> Claim:
    return Claim(article_id=row["article_id"], kind=row["kind"], subject=row["subject"],
                 value=json.loads(row["value"]), start=row["start"], end=row["end"],
                 sentence=row["sentence"], source=row["source"], hedged=bool(row["hedged"]),
                 negated=bool(row["negated"]), extractor=row["extractor"],
                 version=row["version"], id=row["id"])


def event_from_row(row) -> Event:
    return from_dict(Event, json.loads(row["record"]))


def relation_from_row(row) -> Relation:
    return from_dict(Relation, json.loads(row["record"]))


def place_from_row(row) -> Place:
    return from_dict(Place, json.loads(row["record"]))


def actor_ids_for(conn, key: str) -> list[str]:
    """Actor ids a user's key names: an id, a name, or any alias (case-insensitive)."""
    if conn.execute("SELECT 1 FROM actors WHERE id = ?", (key,)).fetchone():
        return [key]
    rows = conn.execute("SELECT DISTINCT actor_id FROM aliases WHERE alias_norm = ? "
                        "ORDER BY actor_id", (alias_norm(key),)).fetchall()
    return [r[0] for r in rows]


def event_filters(conn, *, actor=None, country=None, type=None, date_from=None, date_to=None,
                  text=None, historical=None, article_id=None, admin1=None,
                  bbox=None, sub_type=None, place=None, dated=None, language=None
                  ) -> tuple[str, list]:
    """SQL WHERE for the event filters; ``bbox`` is (min_lon, min_lat, max_lon, max_lat);
    ``place`` a place name (case-insensitive, the event's own place record); ``dated`` True
    for events with a start date, False for those without (undated events match no date
    filter, so this is how they are reached); ``language`` an ISO 639-1 code: reports from
    articles in that language."""
    where, params = [], []
    if language:
        where.append("article_id IN (SELECT id FROM articles WHERE lower(language) = lower(?))")
        params.append(language)
    if sub_type:
        where.append("lower(sub_type) = lower(?)")
        params.append(sub_type)
    if place:
        where.append("place_id IN (SELECT id FROM places WHERE lower(name) = lower(?))")
        params.append(place)
    if dated is not None:
        where.append("start IS NOT NULL" if dated else "start IS NULL")
    if admin1:
        where.append("lower(admin1) = lower(?)")
        params.append(admin1)
    if bbox:
        where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        params += [bbox[0], bbox[2], bbox[1], bbox[3]]
    if actor:
        from .links import members

        ids = sorted({m for i in (actor_ids_for(conn, actor) or [actor])
                      for m in members(conn, i)})
        where.append(f"id IN (SELECT event_id FROM event_actors WHERE actor_id IN "
                     f"({','.join('?' * len(ids))}))")
        params += ids
    if country:
        where.append("lower(country) = lower(?)")
        params.append(country)
    if type:
        where.append("lower(type) = lower(?)")
        params.append(type)
    # overlap: the event's span meets [from, to]. An undated event matches no date filter;
    # a start without an end is an open range ("since 2019"), still going on
    if date_from:
        where.append('start IS NOT NULL AND ("end" IS NULL OR "end" >= ?)')
        params.append(str(date_from))
    if date_to:
        where.append("start IS NOT NULL AND start <= ?")
        params.append(str(date_to))
    if text:
        matching, more = search.matching(conn, text)
        where.append(f"article_id IN ({matching})")
        params += more
    if historical is not None:
        where.append("historical = ?")
        params.append(int(bool(historical)))
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    return (" WHERE " + " AND ".join(where)) if where else "", params




def actors_matching(conn, query=None, limit=None) -> list[Actor]:
    """Actors whose name or alias contains ``query``, merged ones folded into one, by name.
    In five queries whatever the number of actors (the web API asks this on every request),
    with what ``actor_with_aliases`` would give for each."""
    sql = "SELECT id FROM actors"
    params: list = []
    if query:
        sql += (" WHERE id IN (SELECT actor_id FROM aliases WHERE alias_norm LIKE ? ESCAPE '\\')"
                " OR name LIKE ? ESCAPE '\\'")
        like = "%" + re.sub(r"([%_\\])", r"\\\1", alias_norm(query)) + "%"
        params = [like, like]
    sql += " ORDER BY lower(name), id"
    matched = [r[0] for r in conn.execute(sql, params)]
    heads, members = _merged(conn)
    # the limit applies after merged actors are folded into one, so it counts what is shown
    firsts = dict.fromkeys(heads.get(i, i) for i in matched)
    wanted = {first: heads.get(first, first) for first in firsts}
    ids = {i for head in wanted.values() for i in members.get(head, [head])}
    rows = _rows_by_id(conn, "SELECT id, name, type, country FROM actors", ids)
    aliases: dict[str, set] = {}
    for actor_id, alias in _rows_by_id(conn, "SELECT actor_id, alias FROM aliases", ids,
                                       column="actor_id", many=True):
        aliases.setdefault(actor_id, set()).add(alias)
    out = []
    for head in wanted.values():
        row = rows[head]
        group = members.get(head, [head])
        names = set().union(*(aliases.get(i, ()) for i in group))
        names.update(rows[i][1] for i in group[1:] if i in rows)
        out.append(Actor(row[0], row[1], row[2], row[3],
                         tuple(sorted((a for a in names if a != row[1]), key=alias_order))))
    out.sort(key=lambda a: (a.name.casefold(), a.id))
    return out[:int(limit)] if limit else out


def alias_order(alias: str) -> tuple[str, str]:
    """Aliases sort case-blind, and "The X" before "the X" (not by set order, which changes
    from one process to the next)."""
    return alias.casefold(), alias


def _merged(conn) -> tuple[dict, dict]:
    """Merged actors in force, in one pass over the judgements: actor id -> canonical id,
    and canonical id -> its members, canonical first, then by id (``links.members``: the
    connected components of the ``merged`` pairs, named by ``links.rank``)."""
    from .links import rank

    parent: dict[str, str] = {}
    find = root_finder(parent)
    for a, b in conn.execute("SELECT actor_id, canonical_id FROM actor_links "
                             "WHERE status = 'merged' ORDER BY id"):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    names = dict(_rows_by_id(conn, "SELECT id, name FROM actors", set(parent)).values()) \
        if parent else {}
    heads, members = {}, {}
    for group in groups.values():
        head = min(group, key=lambda i: rank(i, names.get(i, i)))
        members[head] = [head] + sorted(set(group) - {head})
        heads.update(dict.fromkeys(group, head))
    return heads, members


def _rows_by_id(conn, sql: str, ids: set, column: str = "id", many: bool = False):
    """Rows of ``sql`` whose ``column`` is in ``ids``: a dict by id, or (``many``) a list;
    in chunks, as SQLite binds at most 32,766 parameters."""
    ids = sorted(ids)
    found = []
    for start in range(0, len(ids), 30_000):
        chunk = ids[start:start + 30_000]
        found += conn.execute(f"{sql} WHERE {column} IN ({','.join('?' * len(chunk))})",
                              chunk).fetchall()
    return found if many else {r[0]: r for r in found}


def actor_with_aliases(conn, row_or_id) -> Actor:
    """An actor as its canonical record, with the aliases of every actor merged into it
    (and their names), sorted case-insensitively, then by code point: a total order."""
    from .links import members

    actor_id = row_or_id if isinstance(row_or_id, str) else row_or_id["id"]
    ids = members(conn, actor_id)
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (ids[0],)).fetchone()
    marks = ",".join("?" * len(ids))
    aliases = {r[0] for r in conn.execute(
        f"SELECT alias FROM aliases WHERE actor_id IN ({marks})", ids)}
    aliases |= {r[0] for r in conn.execute(f"SELECT name FROM actors WHERE id IN ({marks})", ids)}
    return Actor(row["id"], row["name"], row["type"], row["country"],
                 tuple(sorted(aliases - {row["name"]}, key=alias_order)))


def actor_index(conn) -> dict[str, Actor]:
    """Every actor id -> the actor it reads as: itself, or the canonical actor of its merge.
    Exports name an event's sides through this, whichever member id the report used. In the
    few queries of ``actors_matching`` (the same records ``actor_with_aliases`` gives), not
    three per actor: the web pages ask it for every network and dossier."""
    every = {a.id: a for a in actors_matching(conn)}
    heads, _ = _merged(conn)
    return {actor_id: every[heads.get(actor_id, actor_id)]
            for (actor_id,) in conn.execute("SELECT id FROM actors ORDER BY id").fetchall()}
