"""UCDP GED-style CSV: the event columns of GED that we can fill, under GED's names.
``best``/``low``/``high`` follow the merge rule of resolve/events.py (low and high bound the
reports, best is the latest report's figure); ``date_prec`` and ``where_prec``
follow GED's codes (date: 1 day, 2 2-6 days, 3 week, 4 month, 5 year; place: 1 exact town,
2 within 25 km, 3 second-order division, 4 first-order division, 6 country, 7 other region);
``country`` is GED's country name (resources/ucdp_countries.yaml), never an ISO code."""

from __future__ import annotations

import csv

from ..resources.codebook import ucdp_country
from .acled import clean

COLUMNS = ["id", "side_a", "side_b", "best", "low", "high", "date_start", "date_end",
           "date_prec", "where_prec", "where_coordinates", "latitude", "longitude", "country",
           "adm_1", "number_of_sources", "source_article", "source_headline", "type_of_violence"]
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
VIOLENCE = {"Battles": 1, "Violence against civilians": 3, "Explosions/Remote violence": 1}


def _date_prec(when) -> str | int:
    if when.precision == "range" and when.start and when.end:
        days = (when.end - when.start).days + 1
        return 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5
    return DATE_PREC.get(when.precision, "")


def _where_prec(place) -> str | int:
    if place is None:
        return ""
    if place.precision == 1:
        return 1
    if place.precision == 2:
        return 2
    if place.feature == "A.PCLI":
        return 6
    return 4 if place.feature == "A.ADM1" else 7


def write_ucdp_csv(store, out) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    actors = {key: a.name for key, a in store.actor_index().items()}
    for event in store.events(historical=False):
        if event.modality != "asserted" or event.type not in VIOLENCE:
            continue  # GED records organised violence that happened
        articles = store.event_articles(event.id)
        place = event.place
        toll = event.fatalities if event.fatalities is not None else ""
        low = event.fatalities_low if event.fatalities_low is not None else toll
        high = event.fatalities_high if event.fatalities_high is not None else toll
        writer.writerow({k: clean(v) for k, v in {
            "id": event.id, "side_a": actors.get(event.actor1, ""),
            "side_b": actors.get(event.actor2, ""), "best": toll, "low": low, "high": high,
            "date_start": event.when.start or "", "date_end": event.when.end or "",
            "date_prec": _date_prec(event.when), "where_prec": _where_prec(place),
            "where_coordinates": place.name if place else "",
            "latitude": place.lat if place and place.lat is not None else "",
            "longitude": place.lon if place and place.lon is not None else "",
            "country": ucdp_country(place.country if place else None),
            "adm_1": place.admin1 or "" if place else "",
            "number_of_sources": len(articles),
            "source_article": "; ".join(a.url or a.outlet or a.id for a in articles),
            "source_headline": "; ".join(a.title or "" for a in articles),
            "type_of_violence": VIOLENCE[event.type],
        }.items()})
