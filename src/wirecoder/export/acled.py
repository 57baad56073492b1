"""ACLED-style CSV with ACLED's column names. One row per event as one article reports it
(cross-article merging, when present, happens before export). Columns we cannot fill stay
empty rather than invented (admin2/admin3, tags)."""

from __future__ import annotations

import csv

from ..resources.vocab import acled_inter, disorder_type

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
           "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
           "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
# ACLED's time_precision: 1 day, 2 week or a few days, 3 month or more
TIME_PRECISION = {"day": 1, "week": 2, "range": 2, "month": 3, "year": 3}


def write_acled_csv(store, out) -> None:
    import pycountry

    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    actors = store.actor_index()  # a merged actor under its canonical name
    for event in store.events(historical=False):
        if event.modality != "asserted":
            continue  # ACLED records only events that happened
        place = event.place
        a1, a2 = actors.get(event.actor1), actors.get(event.actor2)
        i1, i2 = acled_inter(a1.type if a1 else None), acled_inter(a2.type if a2 else None)
        country = pycountry.countries.get(alpha_2=place.country) if place and place.country else None
        sources = sorted({c.source or "" for c in store.event_claims(event)} - {""})
        outlets = sorted({a.outlet or "" for a in store.event_articles(event.id)} - {""})
        writer.writerow({
            "event_id_cnty": f"{place.country if place and place.country else 'XX'}{event.id}",
            "event_date": event.when.start.isoformat() if event.when.start else "",
            "year": event.when.start.year if event.when.start else "",
            "time_precision": TIME_PRECISION.get(event.when.precision, ""),
            "disorder_type": disorder_type(event.type) or "",
            "event_type": event.type, "sub_event_type": event.sub_type,
            "actor1": a1.name if a1 else "", "assoc_actor_1": "",
            "inter1": i1 if i1 is not None else "",
            "actor2": a2.name if a2 else "",
            "assoc_actor_2": "; ".join(actors[x].name for x in event.assoc_actors if x in actors),
            "inter2": i2 if i2 is not None else "",
            "interaction": f"{min(i1, i2)}{max(i1, i2)}" if i1 and i2 else (i1 or ""),
            "civilian_targeting": "Civilian targeting" if a2 and a2.type == "civilians" else "",
            "iso": int(country.numeric) if country else "",
            "region": "", "country": country.name if country else "",
            "admin1": (place.admin1 or "") if place else "", "admin2": "", "admin3": "",
            "location": place.name if place else "",
            "latitude": place.lat if place and place.lat is not None else "",
            "longitude": place.lon if place and place.lon is not None else "",
            "geo_precision": place.precision if place else "",
            "source": "; ".join(outlets), "source_scale": "",
            "notes": f"{event.summary}. Sources: {'; '.join(sources) or 'the article'}.",
            "fatalities": event.fatalities or 0, "tags": "", "timestamp": "",
        })
