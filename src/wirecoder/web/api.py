"""The HTTP API (JSON and GeoJSON) over a read-only store. A route reads through the
read-only connection of the thread it runs in (``readers.py``), so no connection crosses a
thread and the server cannot write by accident."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from ..model import to_dict
from . import params as p

router = APIRouter(prefix="/api")


async def store(request: Request):
    """The store a route reads: opened in, and used by, the thread that runs the route."""
    return request.app.state.readers.view()


def _event_json(event, names: dict) -> dict:
    data = to_dict(event)
    data["actor1_name"] = names.get(event.actor1)
    data["actor2_name"] = names.get(event.actor2)
    data["assoc_names"] = [names.get(a, a) for a in event.assoc_actors]
    return data


def _names(s) -> dict:
    """Every actor's name by id (merged actors under their canonical id)."""
    return s.memo("names", lambda store: {a.id: a.name for a in store.actors()})


@router.get("/events", summary="Events, filtered; JSON or GeoJSON")
def events(s=Depends(store),
           actor: str | None = Query(None, max_length=200, description="id, name or alias"),
           type: str | None = Query(None, max_length=60, description="ACLED event type"),
           country: str | None = Query(None, max_length=60,
                                       description="name or ISO code: Nigeria, NG, NGA"),
           admin1: str | None = Query(None, max_length=100),
           date_from: str | None = Query(None, alias="from", max_length=10),
           date_to: str | None = Query(None, alias="to", max_length=10),
           bbox: str | None = Query(None, max_length=100,
                                    description="min_lon,min_lat,max_lon,max_lat"),
           text: str | None = Query(None, max_length=200),
           historical: str | None = Query(None, max_length=5, description="yes, no or any"),
           limit: int = Query(100, ge=1, le=p.MAX_LIMIT),
           offset: int = Query(0, ge=0, le=10_000_000),
           format: Literal["json", "geojson", "acled-csv"] = "json",
           download: bool = Query(False, description="as a file to save")):
    found = s.events(actor=actor, country=p.parse_country(country), type=p.parse_type(type),
                     date_from=p.parse_date(date_from, "from"),
                     date_to=p.parse_date(date_to, "to"), text=text,
                     historical=p.parse_historical(historical), admin1=admin1,
                     bbox=p.parse_bbox(bbox), limit=limit, offset=offset)
    names = _names(s)
    if format == "acled-csv":
        return _acled_csv(s, found)
    if format == "geojson":
        features = [{"type": "Feature", "id": e.id,
                     "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                     "properties": _event_json(e, names)}
                    for e in found if e.place and e.place.lat is not None]
        return _maybe_file({"type": "FeatureCollection", "features": features},
                           download, "events.geojson")
    return _maybe_file({"events": [_event_json(e, names) for e in found], "limit": limit,
                        "offset": offset}, download, "events.json")


def _maybe_file(data: dict, download: bool, filename: str):
    if not download:
        return data
    import json

    return Response(json.dumps(data, ensure_ascii=False, default=str), media_type=
                    "application/geo+json" if filename.endswith("geojson") else
                    "application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _acled_csv(s, found) -> Response:
    """The filtered events as the ACLED CSV export writes them (export/acled.py)."""
    import csv
    import io

    from ..export.acled import COLUMNS, acled_rows

    rows, left_out = acled_rows(s, [e for e in found if not e.historical])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events_acled.csv"',
                             "X-Left-Out": ", ".join(f"{n} {k}" for k, n in left_out.items())})


@router.get("/events/{event_id}", summary="One event with its sources and claims")
def event(event_id: str, s=Depends(store)):
    found = s.event(event_id[:64])
    if found is None:
        raise HTTPException(404, f"no event {event_id[:64]!r}")
    claims = s.event_claims(found)
    return {"event": _event_json(found, _names(s)),
            "claims": [to_dict(c) for c in claims],
            "articles": [{k: v for k, v in to_dict(a).items() if k != "text"}
                         for a in s.event_articles(found.id)]}


@router.get("/actors", summary="Actors; q matches any name or alias")
def actors(s=Depends(store), q: str | None = Query(None, max_length=200),
           limit: int = Query(100, ge=1, le=p.MAX_LIMIT)):
    found = s.actors(query=q, limit=limit) if q else \
        s.memo("actors", lambda store: store.actors())[:limit]
    return {"actors": [to_dict(a) for a in found]}


@router.get("/actors/{key}", summary="One actor's dossier (key: id, name or any alias)")
def dossier(key: str, s=Depends(store)):
    found = s.dossier(key[:200])
    if found is None:
        raise HTTPException(404, f"no actor {key[:200]!r}")
    names = _names(s)
    return {"actor": to_dict(found["actor"]),
            "relations": [{"relation": to_dict(r["relation"]),
                           "subject_name": names.get(r["relation"].subject),
                           "object_name": names.get(r["relation"].object),
                           "claims": [to_dict(c) for c in r["claims"]]}
                          for r in found["relations"]],
            "events": [{"event": _event_json(e["event"], names),
                        "claims": [to_dict(c) for c in e["claims"]]} for e in found["events"]],
            "attributes": [to_dict(a["claim"]) for a in found["attributes"]]}


@router.get("/graph", summary="Actors and their relations as a graph")
def graph(s=Depends(store)):
    actors = {a.id: a for a in s.actors()}
    edges = [{"from": r.subject, "to": r.object, "label": r.predicate}
             for r in s.relations() if r.subject in actors and r.object in actors]
    linked = {e["from"] for e in edges} | {e["to"] for e in edges}
    nodes = [{"id": a.id, "label": a.name, "type": a.type} for a in actors.values()
             if a.id in linked]
    return {"nodes": nodes, "edges": edges}


@router.get("/articles/{article_id}", summary="An article with its evidence spans")
def article(article_id: str, s=Depends(store)):
    found = s.article(article_id[:64])
    if found is None:
        raise HTTPException(404, f"no article {article_id[:64]!r}")
    spans = [{"start": c.start, "end": c.end, "kind": c.kind, "subject": c.subject,
              "source": c.source, "claim": c.id} for c in s.claims(article_id=found.id)]
    return {"article": to_dict(found), "spans": spans}


@router.get("/search", summary="Full-text search over articles, and actors by alias")
def search(s=Depends(store), q: str = Query(..., min_length=1, max_length=200),
           limit: int = Query(20, ge=1, le=100)):
    hits = s.search(q, limit=limit)
    return {"articles": [{"id": a.id, "title": a.title, "outlet": a.outlet,
                          "published": str(a.published or ""), "snippet": snippet}
                         for a, snippet in hits],
            "actors": [to_dict(a) for a in s.actors(query=q, limit=limit)],
            "places": sorted({pl.name for pl in s.places()
                              if q.casefold() in pl.name.casefold()})[:limit]}
