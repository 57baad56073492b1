"""The filtered events as answers and files: JSON, GeoJSON and ACLED CSV, streamed in pieces
so a download of the whole filter (thousands of events) is never held as one string.

Every file says what it holds: ``X-Total-Count`` (events the filter matches), and what a
format cannot hold is counted, never dropped silently: GeoJSON's ``left_out`` (events without
coordinates; a GeoJSON foreign member, RFC 7946 section 6.1) and the ACLED CSV's
``X-Left-Out`` header (historical background, events without a date or a nameable actor:
export/acled.py). The pieces are made from records already read, so the generator touches no
store connection (a streamed body is sent from another thread). The same store and filter
always give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

from fastapi.responses import StreamingResponse

CHUNK = 200  # events per streamed piece


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


def _response(pieces: Iterator[str], media_type: str, filename: str | None,
              headers: dict[str, str]) -> StreamingResponse:
    if filename:
        headers = {**headers, "Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse((piece.encode("utf-8") for piece in pieces),
                             media_type=media_type, headers=headers)


def _array(items: Iterable[dict]) -> Iterator[str]:
    """A JSON array's members, comma-separated, CHUNK at a time."""
    batch: list[str] = []
    first = True
    for item in items:
        batch.append(_dumps(item))
        if len(batch) == CHUNK:
            yield ("" if first else ", ") + ", ".join(batch)
            batch, first = [], False
    if batch:
        yield ("" if first else ", ") + ", ".join(batch)


def events_json(found: list, names: dict, total: int, limit: int | None, offset: int,
                download: bool):
    """``{"events": [...], "total", "limit", "offset"}``: a dict for a page (FastAPI
    encodes it), a streamed ``events.json`` for a download."""
    from .api import event_json

    if not download:
        return {"events": [event_json(e, names) for e in found], "total": total,
                "limit": limit, "offset": offset}

    def pieces():
        yield '{"events": ['
        yield from _array(event_json(e, names) for e in found)
        yield f'], "total": {total}, "limit": {_dumps(limit)}, "offset": {offset}}}'

    return _response(pieces(), "application/json", "events.json",
                     {"X-Total-Count": str(total)})


def geojson(found: list, names: dict, total: int, limit: int | None, offset: int,
            download: bool):
    """A FeatureCollection of the events with coordinates; ``left_out`` counts the others
    (``{"no_coordinates": n}``) and ``total`` the whole filter."""
    from .api import event_json

    placed = [e for e in found if e.place and e.place.lat is not None]
    features = ({"type": "Feature", "id": e.id,
                 "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                 "properties": event_json(e, names)} for e in placed)
    left_out = {"no_coordinates": len(found) - len(placed)}
    if not download:
        return {"type": "FeatureCollection", "features": list(features), "total": total,
                "left_out": left_out, "limit": limit, "offset": offset}

    def pieces():
        yield '{"type": "FeatureCollection", "features": ['
        yield from _array(features)
        yield (f'], "total": {total}, "left_out": {_dumps(left_out)}, '
               f'"limit": {_dumps(limit)}, "offset": {offset}}}')

    return _response(pieces(), "application/geo+json", "events.geojson",
                     {"X-Total-Count": str(total), "X-Left-Out":
                      f"{left_out['no_coordinates']} no_coordinates"})


def acled_table(store, found: list) -> tuple[list[dict], dict[str, int]]:
    """The ACLED CSV rows of ``found`` (export/acled.py) and what ACLED's rules keep out:
    ``{"historical", "undated", "vaguer_than_a_month", "no_actor", "not_asserted"}`` (events
    that did not happen, were denied or are only planned, which ACLED does not record)."""
    from ..export.acled import acled_rows

    current = [e for e in found if not e.historical]
    rows, left_out = acled_rows(store, current)
    left_out = {"historical": len(found) - len(current), **left_out}
    left_out["not_asserted"] = len(found) - len(rows) - sum(left_out.values())
    return rows, left_out


def acled_csv(store, found: list, total: int) -> StreamingResponse:
    """The events as the ACLED CSV export writes them (export/acled.py), always a file.
    ``X-Left-Out`` counts the events ACLED's rules keep out (``historical 2, undated 1``)."""
    from ..export.acled import COLUMNS

    rows, left_out = acled_table(store, found)

    def pieces():
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for start in range(0, len(rows), CHUNK):
            writer.writerows(rows[start:start + CHUNK])
            yield out.getvalue()
            out.seek(0)
            out.truncate()
        yield out.getvalue()

    return _response(pieces(), "text/csv; charset=utf-8", "events_acled.csv",
                     {"X-Total-Count": str(total),
                      "X-Left-Out": ", ".join(f"{n} {k}" for k, n in left_out.items())})
