"""The HTTP API (JSON and GeoJSON) over a read-only store. A route reads through the
read-only connection of the thread it runs in (``readers.py``), so no connection crosses a
thread and the server cannot write by accident."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..model import to_dict
from . import downloads, params as p
from .readers import SnapshotRoute

router = APIRouter(prefix="/api", route_class=SnapshotRoute)


async def store(request: Request):
    """The store a route reads: opened in, and used by, the thread that runs the route."""
    return request.app.state.readers.view()


def event_json(event, names: dict) -> dict:
    """An event as the API gives it: its record with its actors' names."""
    data = to_dict(event)
    data["actor1_name"] = names.get(event.actor1)
    data["actor2_name"] = names.get(event.actor2)
    data["assoc_names"] = [names.get(a, a) for a in event.assoc_actors]
    return data


def names_of(s) -> dict:
    """Every actor id's name by id, a merged actor's members under their canonical name."""
    return s.memo("names", lambda store: {i: a.name for i, a in store.actor_index().items()})


def event_filters(actor: str | None = Query(None, max_length=200,
                                            description="id, name or alias"),
                  type: str | None = Query(None, max_length=60, description=
                                           "ACLED event type or sub-event type, any case: "
                                           "battles, Air/drone strike"),
                  country: str | None = Query(None, max_length=60,
                                              description="name or ISO code: Nigeria, NG, NGA"),
                  admin1: str | None = Query(None, max_length=100),
                  place: str | None = Query(None, max_length=200, description="place name"),
                  date_from: str | None = Query(None, alias="from", max_length=10),
                  date_to: str | None = Query(None, alias="to", max_length=10),
                  bbox: str | None = Query(None, max_length=100,
                                           description="min_lon,min_lat,max_lon,max_lat"),
                  text: str | None = Query(None, max_length=200),
                  historical: str | None = Query(None, max_length=5,
                                                 description="yes, no or any"),
                  dated: str | None = Query(None, max_length=5, description=
                                            "yes, no or any: no gives the undated events, "
                                            "which no date filter matches"),
                  language: str | None = Query(None, max_length=8, description=
                                               "ISO 639-1 code of the reporting articles: "
                                               "en, fr")) -> dict:
    """The event filters the event routes share, checked, as ``Store.events`` keywords."""
    event_type, sub_type = p.parse_type(type)
    date_from, date_to = p.parse_dates(date_from, date_to)
    return dict(actor=actor, country=p.parse_country(country), type=event_type,
                sub_type=sub_type, place=place, date_from=date_from, date_to=date_to, text=text,
                historical=p.parse_yes_no(historical, "historical"), admin1=admin1,
                bbox=p.parse_bbox(bbox), dated=p.parse_yes_no(dated, "dated"),
                language=p.parse_language(language))


@router.get("/events", summary="Events, filtered; JSON, GeoJSON or ACLED CSV")
def events(s=Depends(store), filters: dict = Depends(event_filters),
           limit: int | None = Query(None, ge=1, le=p.MAX_LIMIT, description=
                                     "at most 500 a page (default 100); a download without "
                                     "a limit holds every event of the filter"),
           offset: int = Query(0, ge=0, le=10_000_000),
           format: Literal["json", "geojson", "acled-csv"] = "json",
           download: bool = Query(False, description="as a file to save")):
    """A page of the filtered events with ``total`` (how many the filter matches in all).
    A download (``download=true``) without a ``limit`` is the whole filter, streamed; its
    ``X-Total-Count`` header gives the number of events."""
    whole = download and limit is None
    limit = None if whole else (limit or 100)
    found = s.events(**filters, limit=limit, offset=offset)
    total = len(found) + offset if whole else s.count_events(**filters)
    names = names_of(s)
    if format == "acled-csv":
        return downloads.acled_csv(s, found, total)
    if format == "geojson":
        return downloads.geojson(found, names, total, limit, offset, download)
    return downloads.events_json(found, names, total, limit, offset, download)


@router.get("/events/{event_id}", summary="One event with its sources and claims")
def event(event_id: str, request: Request, s=Depends(store)):
    found = s.event(event_id[:64])
    if found is None:
        raise HTTPException(404, f"no event {event_id[:64]!r}")
    """The event, its ``claims`` (every report's evidence), ``fields``: for each field the
    event page shows, the ids of the claims that state it (``field_sources``), and the
    ``articles`` they come from, and the ``judgements`` that join (or split) its reports:
    each pair's score with its parts, or who judged and why."""
    from .field_sources import field_sources

    claims = s.event_claims(found)
    names = names_of(s)
    return {"event": event_json(found, names),
            "claims": [to_dict(c) for c in claims],
            "fields": field_sources(found, claims, names),
            "articles": [{k: v for k, v in to_dict(a).items() if k != "text"}
                         for a in s.event_articles(found.id)],
            "judgements": s.event_judgements(found.id),
            "writable": bool(request.app.state.allow_ingest)}


@router.get("/actors", summary="Actors; q matches any name or alias")
def actors(s=Depends(store), q: str | None = Query(None, max_length=200),
           limit: int = Query(100, ge=1, le=p.MAX_LIMIT)):
    found = s.actors(query=q, limit=limit) if q else \
        s.memo("actors", lambda store: store.actors())[:limit]
    return {"actors": [to_dict(a) for a in found]}
