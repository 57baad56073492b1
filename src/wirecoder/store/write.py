"""Writing one ``Extraction``: everything in one transaction, or nothing.

Idempotent by construction: the article id is a hash of its text, claim ids are hashes of
their content, so a second write of the same article is refused before it starts.
"""

from __future__ import annotations

import json

from ..model import Actor, Event, Extraction, Place, Relation, stable_id, to_dict
from .event_links import link_new_event, link_reprints
from .links import actor_keys, link_new_actor


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def alias_norm(text: str) -> str:
    """The form aliases are matched on: casefolded, one space, straight apostrophes."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


def write_extraction(conn, x: Extraction) -> bool:
    """Write ``x`` on ``conn`` inside the caller's transaction; False if already stored."""
    a = x.article
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
        return False
    _article(conn, x)
    for actor in x.actors:
        _actor(conn, actor)
    conn.executemany(
        'INSERT OR IGNORE INTO claims (id, article_id, kind, subject, value, start, "end",'
        " sentence, source, hedged, negated, extractor, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(c.id, c.article_id, c.kind, c.subject, dumps(c.value), c.start, c.end, c.sentence,
          c.source, int(c.hedged), int(c.negated), c.extractor, c.version) for c in x.claims])
    for r in x.relations:
        _relation(conn, r, a.id)
    for e in x.events:
        _event(conn, e, a.id)
    for e in x.events:  # after all of this article's events are in: compare with others'
        text = " ".join(c.sentence for c in x.claims if c.kind == "event" and c.subject == e.id)
        link_new_event(conn, e, a.id, text)
    link_reprints(conn, a.id)
    for p in x.places:
        _place(conn, p)
    return True


def _article(conn, x: Extraction) -> None:
    a = x.article
    conn.execute(
        "INSERT INTO articles (id, url, outlet, title, published, language, dateline, origin,"
        " text, pipeline) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (a.id, a.url, a.outlet, a.title, _iso(a.published), a.language, a.dateline, a.origin,
         a.text, dumps(list(x.pipeline))))  # the stage list: any row traces to its pipeline
    conn.execute("INSERT INTO articles_fts (title, text, article_id) VALUES (?,?,?)",
                 (a.title or "", a.text, a.id))


def _actor(conn, actor: Actor) -> None:
    """Upsert: the first article to name an actor sets its name and type (ids are stable, so
    later spellings become aliases); a missing country is filled by a later article."""
    known = conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor.id,)).fetchone()
    conn.execute("INSERT INTO actors (id, name, type, country) VALUES (?,?,?,?) "
                 "ON CONFLICT(id) DO UPDATE SET country = COALESCE(actors.country, "
                 "excluded.country)", (actor.id, actor.name, actor.type, actor.country))
    for alias in {actor.name, *actor.aliases}:
        conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias, alias_norm) "
                     "VALUES (?,?,?)", (actor.id, alias, alias_norm(alias)))
        conn.executemany("INSERT OR IGNORE INTO actor_keys (key, actor_id) VALUES (?,?)",
                         [(k, actor.id) for k in actor_keys(alias)])
    if not known:
        link_new_actor(conn, actor)


def _relation(conn, r: Relation, article_id: str) -> None:
    # the same statement with the same start is one relation, whichever article (or a later
    # article that knows its end) says it again; the first record is kept
    valid_from = dumps(to_dict(r.valid_from)) if r.valid_from else None
    valid_to = dumps(to_dict(r.valid_to)) if r.valid_to else None
    conn.execute("INSERT OR IGNORE INTO relations (id, subject, predicate, object, valid_from,"
                 " valid_to, record, article_id) VALUES (?,?,?,?,?,?,?,?)",
                 (relation_id(r), r.subject, r.predicate, r.object, valid_from, valid_to,
                  dumps(to_dict(r)), article_id))


def _event(conn, e: Event, article_id: str) -> None:
    p = e.place
    # OR IGNORE: event ids hash the article id, so only a pipeline bug repeats one, and that
    # must not cost the whole article. cluster starts as the event itself (event_links.py)
    conn.execute(
        'INSERT OR IGNORE INTO events (id, article_id, type, sub_type, start, "end", '
        "precision, place_id, country, admin1, lat, lon, actor1, actor2, historical, "
        "modality, fatalities, record, cluster) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (e.id, article_id, e.type, e.sub_type, _iso(e.when.start), _iso(e.when.end),
         e.when.precision, place_id(p) if p else None, p.country if p else None,
         p.admin1 if p else None, p.lat if p else None, p.lon if p else None, e.actor1,
         e.actor2, int(e.historical), e.modality, e.fatalities, dumps(to_dict(e)), e.id))
    # one row per (actor, role): "events of X" is one indexed lookup whatever X's role
    roles = [("actor1", e.actor1), ("actor2", e.actor2),
             *(("associated", other) for other in e.assoc_actors)]
    conn.executemany("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) "
                     "VALUES (?,?,?)", [(e.id, k, role) for role, k in roles if k])


def _place(conn, p: Place) -> None:
    # first record wins, except that a later one with coordinates replaces one without: the
    # place gets its point, and no stored event is rewritten
    conn.execute("INSERT INTO places (id, name, country, lat, lon, precision, record) "
                 "VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                 " country = excluded.country, lat = excluded.lat, lon = excluded.lon, "
                 "precision = excluded.precision, record = excluded.record "
                 "WHERE places.lat IS NULL AND excluded.lat IS NOT NULL",
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
