"""The API routes the pages browse with: search with totals and pages, suggestions for the
filter boxes, an article with its evidence, an actor's dossier, the actor network and the
timeline's overview. Every list says how many there are in all (``total``), so a page can say
"showing 1-20 of 57" and never stop short without saying so."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from ..model import to_dict
from . import params as p
from .api import event_filters, event_json, names_of, store
from .readers import SnapshotRoute

router = APIRouter(prefix="/api", route_class=SnapshotRoute)
SECTIONS = ("actors", "places", "events", "articles")


@lru_cache(maxsize=1)
def relation_labels() -> dict[str, dict]:
    """predicate -> ``{"label", "group"}`` from ``resources/relation_labels.yaml``."""
    from importlib import resources

    from ..resources import load_yaml

    return load_yaml(resources.files("wirecoder.resources").joinpath(
        "relation_labels.yaml").read_text(encoding="utf-8"))


def relation_words(predicate: str) -> dict:
    """``{"label": "leads", "group": "command"}``; an unlisted predicate reads as its words."""
    return relation_labels().get(predicate) or {"label": predicate.replace("_", " "),
                                                "group": "other"}


def _actors(s) -> dict:
    """Every actor id, merged ones included -> the (canonical) actor it reads as."""
    return s.memo("actor_index", lambda store: store.actor_index())


def _page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _places(s, q: str) -> list[dict]:
    """Place names containing ``q`` (case-insensitive), one per name and country, with the
    number of events there; most events first, then by name."""
    rows = s.conn.execute(
        f"SELECT min(p.name), p.country, count(DISTINCT e.cluster) FROM places p LEFT JOIN events e "
        f"ON e.place_id = p.id WHERE {s.conn.dialect.contains('lower(p.name)', 'lower(?)')} "
        "GROUP BY lower(p.name), p.country ORDER BY 3 DESC, lower(p.name), p.country",
        (q,)).fetchall()
    return [{"name": name, "country": country, "events": n} for name, country, n in rows]


@router.get("/search", summary="Search actors (any alias), places, events and articles")
def search(s=Depends(store), q: str = Query(..., min_length=1, max_length=200),
           section: Literal["all", "actors", "places", "events", "articles"] = "all",
           limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=1_000_000)):
    """Each section as ``{"items", "total", "limit", "offset"}``: actors whose name or alias
    contains ``q``, places whose name does, events reported by articles that contain every
    word of ``q``, and those articles (best first, with a [marked] snippet). ``section``
    pages one of them (``offset``); the others are left out of the answer."""
    wanted = SECTIONS if section == "all" else (section,)
    out: dict = {"q": q}
    if "actors" in wanted:
        found = s.actors(query=q)
        out["actors"] = _page([to_dict(a) for a in found[offset:offset + limit]], len(found),
                              limit, offset)
    if "places" in wanted:
        found = _places(s, q)
        out["places"] = _page(found[offset:offset + limit], len(found), limit, offset)
    if "events" in wanted:
        names = names_of(s)
        found = s.events(text=q, limit=limit, offset=offset)
        out["events"] = _page([event_json(e, names) for e in found],
                              s.count_events(text=q), limit, offset)
    if "articles" in wanted:
        hits = s.search(q, limit=limit, offset=offset)
        out["articles"] = _page([{"id": a.id, "title": a.title, "outlet": a.outlet,
                                  "published": str(a.published or ""), "snippet": snippet}
                                 for a, snippet in hits], s.search_count(q), limit, offset)
    return out


@router.get("/suggest", summary="Names to complete a filter box: actors, places, countries")
def suggest(s=Depends(store), q: str = Query(..., min_length=1, max_length=100),
            kind: Literal["actor", "place", "country", "any"] = "any",
            limit: int = Query(10, ge=1, le=50)):
    """``{"suggestions": [{"value", "label", "kind"}]}``: names that start with ``q`` first,
    then names that contain it (case-insensitive); ``value`` is what the filter takes."""
    folded = q.casefold().strip()
    found: list[dict] = []
    if kind in ("actor", "any"):
        for a in s.actors(query=q, limit=200):
            found.append({"value": a.name, "label": f"{a.name} ({a.type}"
                          + (f", {a.country})" if a.country else ")"), "kind": "actor"})
    if kind in ("place", "any"):
        for pl in _places(s, q)[:200]:
            found.append({"value": pl["name"], "label": f"{pl['name']}, {pl['country'] or '?'}"
                          f" ({pl['events']} events)", "kind": "place"})
    if kind in ("country", "any"):
        from ..resources.countries import countries

        for c in countries().values():
            words = c.name.casefold().replace("-", " ").split()
            if c.name.casefold().startswith(folded) or folded == c.iso2.casefold() or \
                    any(w.startswith(folded) for w in words):
                found.append({"value": c.name, "label": f"{c.name} ({c.iso2})",
                              "kind": "country"})
    found.sort(key=lambda x: (not x["value"].casefold().startswith(folded),
                              x["value"].casefold(), x["kind"]))
    return {"suggestions": found[:limit]}


@router.get("/articles/{article_id}", summary="An article with its events and evidence spans")
def article(article_id: str, s=Depends(store)):
    """The article (with its ``language``), its ``events`` (merged, as the event pages show
    them), ``spans``: the character offsets of every claim in its text, each event claim with
    ``event`` (the id of the report it supports, an event page's key), and ``warnings``: the
    coded warnings stored with it (W203: a language no installed pipeline reads, so it was
    stored and not parsed)."""
    found = s.article(article_id[:64])
    if found is None:
        raise HTTPException(404, f"no article {article_id[:64]!r}")
    spans = [{"start": c.start, "end": c.end, "kind": c.kind, "subject": c.subject,
              "source": c.source, "claim": c.id, "sentence": c.sentence,
              "event": c.subject if c.kind == "event" else None}
             for c in s.claims(article_id=found.id)]
    names = names_of(s)
    return {"article": to_dict(found), "spans": spans,
            "events": [event_json(e, names) for e in s.events(article_id=found.id)],
            "warnings": s.article_warnings(found.id)}


@router.get("/actors/{key}", summary="One actor's dossier (key: id, name or any alias)")
def dossier(key: str, s=Depends(store)):
    """The actor, its relations (with ``label``: the predicate in words, and the other
    side's name), its events and attributes, each with its claims; ``articles`` gives the
    title, outlet and date of every article a claim comes from."""
    found = s.dossier(key[:200])
    if found is None:
        raise HTTPException(404, f"no actor {key[:200]!r}")
    names = names_of(s)
    actors = _actors(s)
    name = lambda i: names.get(i) or (actors[i].name if i in actors else None)  # noqa: E731
    claims = [c for part in ("relations", "events") for r in found[part] for c in r["claims"]]
    claims += [a["claim"] for a in found["attributes"]]
    articles = {}
    for article_id in sorted({c.article_id for c in claims}):
        a = s.article(article_id)
        if a is not None:
            articles[a.id] = {"title": a.title, "outlet": a.outlet,
                              "published": str(a.published or "")}
    return {"actor": to_dict(found["actor"]),
            "relations": [{"relation": to_dict(r["relation"]),
                           **relation_words(r["relation"].predicate),
                           "subject_name": name(r["relation"].subject),
                           "object_name": name(r["relation"].object),
                           "claims": [to_dict(c) for c in r["claims"]]}
                          for r in found["relations"]],
            "events": [{"event": event_json(e["event"], names),
                        "claims": [to_dict(c) for c in e["claims"]]} for e in found["events"]],
            "attributes": [to_dict(a["claim"]) for a in found["attributes"]],
            "articles": articles}


@router.get("/graph", summary="Actors and their relations as a graph, filtered")
def graph(s=Depends(store),
          type: str | None = Query(None, max_length=40, description="actor type"),
          country: str | None = Query(None, max_length=60, description="name or ISO code"),
          relation: str | None = Query(None, max_length=40, description=
                                       "a predicate (leader_of) or its group (command)")):
    """``{"nodes": [{"id", "label", "type", "country", "events"}], "edges": [{"from", "to",
    "predicate", "label", "group", "since"}], "total_edges"}`` (``since``: the relation's
    start as a When, with its precision, or null). Merged actors are one node.
    An edge is kept when its relation passes ``relation`` and either end passes ``type``
    and ``country``; nodes are the ends of the kept edges."""
    from ..model import ACTOR_TYPES

    if type and type not in ACTOR_TYPES:
        raise p.bad(f"type must be one of: {', '.join(ACTOR_TYPES)}")
    code = p.parse_country(country)
    actors = _actors(s)
    passes = lambda a: (not type or a.type == type) and \
        (not code or a.country == code)  # noqa: E731
    edges, seen = [], set()
    every = s.memo("relations", lambda store: store.relations())
    for r in every:
        a, b = actors.get(r.subject), actors.get(r.object)
        words = relation_words(r.predicate)
        if a is None or b is None or a.id == b.id:
            continue
        if relation and relation not in (r.predicate, words["group"]):
            continue
        if (type or code) and not (passes(a) or passes(b)):
            continue
        key = (a.id, r.predicate, b.id)
        if key in seen:
            continue
        seen.add(key)
        since = to_dict(r.valid_from) if r.valid_from and r.valid_from.start else None
        until = to_dict(r.valid_to) if r.valid_to else None  # "former": ended
        edges.append({"from": a.id, "to": b.id, "predicate": r.predicate, **words,
                      "since": since, "until": until})
    linked = sorted({e["from"] for e in edges} | {e["to"] for e in edges})
    counts = _event_counts(s)
    nodes = [{"id": i, "label": actors[i].name, "type": actors[i].type,
              "country": actors[i].country, "events": counts.get(i, 0)} for i in linked]
    return {"nodes": nodes, "edges": edges, "total_edges": len(edges)}


def _event_counts(s) -> dict[str, int]:
    """Canonical actor id -> how many events (clusters) name it on any side."""
    def compute(store):
        index = store.actor_index()
        counts: dict[str, set] = {}
        for actor_id, cluster in store.conn.execute(
                "SELECT ea.actor_id, e.cluster FROM event_actors ea JOIN events e "
                "ON e.id = ea.event_id"):
            head = index[actor_id].id if actor_id in index else actor_id
            counts.setdefault(head, set()).add(cluster)
        return {k: len(v) for k, v in counts.items()}
    return s.memo("event_counts", compute)


@router.get("/timeline", summary="Every event of a filter, dates only (the overview)")
def timeline(s=Depends(store), filters: dict = Depends(event_filters)):
    """The timeline's overview: the filter without its dates (``from``/``to`` are ignored, so
    brushing keeps the context), one row per event: ``[id, type, start, end, precision]``,
    dated events only, and ``undated``: how many have no date."""
    filters = {**filters, "date_from": None, "date_to": None}
    rows, undated = [], 0
    for e in s.events(**filters):
        if e.when.start is None:
            undated += 1
            continue
        rows.append([e.id, e.type, str(e.when.start), str(e.when.end or ""), e.when.precision])
    return {"events": rows, "undated": undated, "total": len(rows) + undated}


@router.get("/event-types", summary="ACLED's event types and sub-event types, as filters take")
def event_types():
    """``{"types": [{"name", "type", "sub_type"}]}``: each event type (``sub_type`` null)
    followed by its sub-event types, in the ACLED Codebook's order."""
    seen, out = set(), []
    for event_type, sub_type in p.event_type_names().values():
        name = sub_type or event_type
        if name not in seen:
            seen.add(name)
            out.append({"name": name, "type": event_type, "sub_type": sub_type})
    return {"types": out}


@router.get("/acled-rows", summary="How many events of a filter the ACLED CSV holds")
def acled_rows_count(s=Depends(store), filters: dict = Depends(event_filters)):
    """``{"total", "rows", "left_out": {"historical", "undated", "no_actor",
    "not_asserted"}}``: what a download of the filter as ACLED CSV holds and leaves out,
    so a page can say so before the file is saved."""
    from .downloads import acled_table

    found = s.events(**filters)
    rows, left_out = acled_table(s, found)
    return {"total": len(found), "rows": len(rows), "left_out": left_out}


MAP_LIMIT = 20_000  # points /api/map gives at most: a canvas draws them in about a second


@router.get("/map", summary="Every event of a filter as a point (the map), up to 20,000")
def map_points(s=Depends(store), filters: dict = Depends(event_filters)):
    """The map's layer: the whole filter, not a page of it. ``points`` holds one row per event
    with coordinates, ``[id, lat, lon, type, fatalities, precision]``, at most ``limit``
    (20,000; beyond it the first 20,000 in the events' order, and ``drawn`` says so);
    ``total`` counts the filter's events, ``placed`` those with coordinates, ``by_type`` the
    events of each ACLED type (all of them, placed or not). A point's details come from
    ``/api/events/{id}``."""
    found = s.events(**filters)
    points, by_type, placed = [], {}, 0
    for e in found:
        by_type[e.type] = by_type.get(e.type, 0) + 1
        if e.place is None or e.place.lat is None or e.place.lon is None:
            continue
        placed += 1
        if len(points) < MAP_LIMIT:
            points.append([e.id, e.place.lat, e.place.lon, e.type, e.fatalities,
                           e.place.precision])
    return {"points": points, "total": len(found), "placed": placed, "drawn": len(points),
            "limit": MAP_LIMIT, "by_type": by_type}
