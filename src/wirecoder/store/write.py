"""Writing one ``Extraction``: everything in one transaction, or nothing.

Idempotent by construction: the article id is a hash of its text, claim ids are hashes of
their content, so a second write of the same article is refused before it starts.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from collections import Counter

from ..model import (Actor, Event, Extraction, Place, Relation, clean_name, stable_id,
                     to_dict)
from ..resolve.actors import settle
from . import search
from .dialect import dialect_of, now
from .event_links import articles_of_clusters, link_event, relink_actors
from .links import actor_keys, link_actor
from .reprints import articles_regrouped, refresh_reprints
from .stories import index_article, story_articles


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@functools.lru_cache(maxsize=1)
def ingested_by() -> str:
    """Who stores articles from this process: ``$WIRECODER_USER``, else ``user@host``."""
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        user = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    return os.environ.get("WIRECODER_USER") or f"{user}@{socket.gethostname()}"


def alias_norm(text: str) -> str:
    """The form aliases are matched on: casefolded, one space, straight apostrophes."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


def write_extraction(conn, x: Extraction) -> bool:
    """Write ``x`` on ``conn`` inside the caller's transaction; False if already stored.

    Claims go in before actors: an actor's name, type and country are settled from the
    mentions of every article that names it (``_actor``)."""
    a = x.article
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
        return False
    _article(conn, x)
    index_article(conn, a.id, a.text)
    conn.executemany(
        'INSERT INTO claims (id, article_id, kind, subject, value, start, "end", sentence,'
        " source, hedged, negated, extractor, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT DO NOTHING",
        [(c.id, c.article_id, c.kind, c.subject, dumps(c.value), c.start, c.end, c.sentence,
          c.source, int(c.hedged), int(c.negated), c.extractor, c.version) for c in x.claims])
    changed = sorted(actor.id for actor in x.actors if _actor(conn, actor))
    regrouped = [r for actor_id in changed for r in link_actor(conn, actor_id)]
    for r in x.relations:
        _relation(conn, r, a.id)
    for e in x.events:
        _event(conn, e, a.id)
    # after all of this article's events are in: compare with others', then re-judge the
    # pairs of events whose actors were just merged or parted
    stories = story_articles(conn, a.id) if x.events else set()  # once for all its events
    named: dict = {}  # article id -> its people, shared by its events' links (cost only)
    clusters = {c for e in x.events
                for c in link_event(conn, e.id, stories=stories, named=named)}
    clusters |= relink_actors(conn, regrouped)
    refresh_reprints(conn, {a.id} | articles_of_clusters(conn, clusters)
                     | articles_regrouped(conn, regrouped))
    for p in x.places:
        upsert_place(conn, p)
    return True


def _article(conn, x: Extraction) -> None:
    a = x.article
    conn.execute(
        "INSERT INTO articles (id, url, outlet, title, published, language, dateline, origin,"
        f" text, pipeline, ingested_at, ingested_by) VALUES (?,?,?,?,?,?,?,?,?,?,{now(conn)},?)",
        (a.id, a.url, a.outlet, a.title, _iso(a.published), a.language, a.dateline, a.origin,
         a.text, dumps(list(x.pipeline) + list(x.warnings)), ingested_by()))
    # the stage list, so any row traces to its pipeline, then the article's coded warnings
    # ("[W203] ...": not parsed), which ``query.article_warnings`` gives back
    search.index(conn, a.id, a.title, a.text)


def _actor(conn, actor: Actor) -> bool:
    """Upsert; True if the actor is new or its names, type or country changed (it must be
    judged again). Name, type and country are what most mentions of it say (ties by a fixed
    order, ``resolve.actors.settle``), so they do not depend on which article came first."""
    # names enter the store here: one line each, no control characters (model.clean_name)
    actor = dataclasses.replace(actor, name=clean_name(actor.name) or actor.id, aliases=tuple(
        a for a in map(clean_name, actor.aliases) if a))
    row = conn.execute("SELECT name, type, country FROM actors WHERE id = ?",
                       (actor.id,)).fetchone()
    changed = row is None
    if row is None:
        conn.execute("INSERT INTO actors (id, name, type, country) VALUES (?,?,?,?)",
                     (actor.id, actor.name, actor.type, actor.country))
    else:
        settled = {}
        for field, mine in (("name", actor.name), ("type", actor.type),
                            ("country", actor.country)):
            # the stored value is the one most mentions give: a mention agreeing with it,
            # or a mention without a value, cannot change it, so votes are counted only
            # when this article disagrees
            settled[field] = row[field] if mine is None or mine == row[field] else \
                settle(field, _votes(conn, actor.id, field), (row[field], mine))
        settled["name"] = clean_name(settled["name"]) or actor.name  # votes count raw names
        if settled != dict(row):
            changed = True
            conn.execute("UPDATE actors SET name = ?, type = ?, country = ? WHERE id = ?",
                         (settled["name"], settled["type"], settled["country"], actor.id))
    for alias in sorted({actor.name, *actor.aliases}):
        cur = conn.execute("INSERT INTO aliases (actor_id, alias, alias_norm) VALUES (?,?,?) "
                           "ON CONFLICT DO NOTHING", (actor.id, alias, alias_norm(alias)))
        if cur.rowcount:
            changed = True
            conn.executemany("INSERT INTO actor_keys (key, actor_id) VALUES (?,?) "
                             "ON CONFLICT DO NOTHING",
                             [(k, actor.id) for k in sorted(actor_keys(alias))])
    return changed


def _votes(conn, actor_id: str, field: str) -> Counter:
    """How many stored mentions of the actor give each value of ``field``."""
    value = dialect_of(conn).json_text("value", field)  # field: name, type or country
    return Counter(dict(conn.execute(
        f"SELECT {value}, count(*) FROM claims WHERE kind = 'actor' "
        "AND subject = ? GROUP BY 1", (actor_id,)).fetchall()))


def _relation(conn, r: Relation, article_id: str) -> None:
    # the same statement with the same start is one relation, whichever article (or a later
    # article that knows its end) says it again. The record kept is the first in a total
    # order, not the first to arrive: one that knows its end, then the smaller JSON text,
    # then the smaller article id
    valid_from = dumps(to_dict(r.valid_from)) if r.valid_from else None
    valid_to = dumps(to_dict(r.valid_to)) if r.valid_to else None
    conn.execute("INSERT INTO relations (id, subject, predicate, object, valid_from,"
                 " valid_to, record, article_id) VALUES (?,?,?,?,?,?,?,?) "
                 "ON CONFLICT(id) DO UPDATE SET valid_to = excluded.valid_to, "
                 "record = excluded.record, article_id = excluded.article_id "
                 "WHERE (excluded.valid_to IS NULL, excluded.record, excluded.article_id) < "
                 "(relations.valid_to IS NULL, relations.record, relations.article_id)",
                 (relation_id(r), r.subject, r.predicate, r.object, valid_from, valid_to,
                  dumps(to_dict(r)), article_id))


def _event(conn, e: Event, article_id: str) -> None:
    p = e.place
    # DO NOTHING: event ids hash the article id, so only a pipeline bug repeats one, and that
    # must not cost the whole article. cluster starts as the event itself (event_links.py)
    conn.execute(
        'INSERT INTO events (id, article_id, type, sub_type, start, "end", '
        "precision, place_id, country, admin1, lat, lon, actor1, actor2, historical, "
        "modality, fatalities, record, cluster) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT DO NOTHING",
        (e.id, article_id, e.type, e.sub_type, _iso(e.when.start), _iso(e.when.end),
         e.when.precision, place_id(p) if p else None, p.country if p else None,
         p.admin1 if p else None, p.lat if p else None, p.lon if p else None, e.actor1,
         e.actor2, int(e.historical), e.modality, e.fatalities, dumps(to_dict(e)), e.id))
    # one row per (actor, role): "events of X" is one indexed lookup whatever X's role
    roles = [("actor1", e.actor1), ("actor2", e.actor2),
             *(("associated", other) for other in e.assoc_actors)]
    conn.executemany("INSERT INTO event_actors (event_id, actor_id, role) "
                     "VALUES (?,?,?) ON CONFLICT DO NOTHING", [(e.id, k, role) for role, k in roles if k])


def upsert_place(conn, p: Place) -> None:
    """Store place ``p``, or keep the stored record of its id if that one comes first."""
    # one record per place, the first in a total order whatever the ingest order: one with
    # coordinates (the place gets its point; no stored event is rewritten), then the finer
    # precision, the higher confidence, the smaller JSON text
    confidence = dialect_of(conn).json_number
    conn.execute("INSERT INTO places (id, name, country, lat, lon, precision, record) "
                 "VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                 " country = excluded.country, lat = excluded.lat, lon = excluded.lon, "
                 "precision = excluded.precision, record = excluded.record "
                 "WHERE (excluded.lat IS NULL, excluded.precision, "
                 f"-{confidence('excluded.record', 'confidence')}, excluded.record) < "
                 "(places.lat IS NULL, places.precision, "
                 f"-{confidence('places.record', 'confidence')}, places.record)",
                 (place_id(p), p.name, p.country, p.lat, p.lon, p.precision,
                  dumps(to_dict(p))))


def relation_id(r: Relation) -> str:
    """subject, predicate, object and start: a later end date does not make a new relation."""
    valid_from = to_dict(r.valid_from) if r.valid_from else None
    return stable_id("relation", r.subject, r.predicate, r.object, valid_from)


def place_id(p: Place) -> str:
    """GeoNames id when known; otherwise the name, as the text named it."""
    return p.geonameid or p.name


def _iso(d):
    return d.isoformat() if d else None
