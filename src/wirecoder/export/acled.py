"""ACLED-style CSV with ACLED's column names and codebook values, so rows join ACLED's own.
One row per event (cross-article merging happens before export). Columns we cannot fill stay
empty rather than invented (admin2/admin3, tags).

Codes follow the ACLED Codebook, as tables in resources/ (``codebook.py`` reads them):
inter1/inter2 by actor type (the UCDP gazetteer's ACLED type when it has one), interaction as
two digits, lower code first, 0 for a missing side (10: state forces alone); ``country``,
``region`` and ``iso`` from ``acled_countries.yaml``; geo_precision 2 for a place given
relative to a town ("near", "outside", "east of"); an unnamed actor1 as ACLED's unidentified
actor of the event type. ACLED requires an event_date: an event known only to a week, a month
or a range of up to a month is written at the range's midpoint with that time_precision (2 or
3), as the ACLED codebook does ("the middle of the period is used as the reference date ...
the month midpoint is chosen"); an event with no date, or known only to a longer span ("ACLED
does not include events with less temporal information"), is left out, and so is one with no
actor ACLED's rules can name; all are counted in the returned figures. No field holds a control character or a line break."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta

from ..resources import codebook as cb
from ..resources.vocab import disorder_type

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
           "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
           "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
# the description of armed men with no group named (nlp/mentions.py): ACLED names it by the
# country, "Unidentified Armed Group (Nigeria)" (ACLED codebook, "Actors")
UNNAMED = frozenset({"unidentified-armed-group"})
UNNAMED_NAME = "Unidentified Armed Group ({country})"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def clean(value) -> str | int | float:
    """A field with every control character and line break read as one space."""
    if not isinstance(value, str):
        return value
    return re.sub(r" {2,}", " ", _CONTROL.sub(" ", value)).strip()


def _acled_types() -> dict[str, str]:
    """Actor id -> its ACLED actor type ("political militia"), where the gazetteer or the
    table of descriptive groups (``descriptive_groups.yaml``: "Maoists", "vigilantes") gives one."""
    from ..resources.descriptive import acled_types
    from ..resources.gazetteer import load_actor_gazetteer

    return {**acled_types(),
            **{key: e.acled for key, e in load_actor_gazetteer().entries.items() if e.acled}}


def _side(actor, acled_types) -> tuple[str, int | None, str]:
    """(name, inter code, associated name) of one side; a person is no ACLED actor."""
    if actor is None:
        return "", None, ""
    inter = cb.inter_code(actor.type, acled_types.get(actor.id))
    return (actor.name, inter, "") if inter else ("", None, actor.name)


def event_date(when) -> date | None:
    """ACLED's event_date for a resolved When: its day, or the midpoint of its week, month or
    range (a Monday-Sunday week gives the Thursday; February 2021 the 14th); None for a span
    longer than 31 days, which ACLED does not code (ACLED Codebook, "Time precision")."""
    end = when.end or when.start
    span = (end - when.start).days
    return None if span > 31 else when.start + timedelta(days=span // 2)


def acled_rows(store, events=None) -> tuple[list[dict], dict[str, int]]:
    """The rows of ``events`` (default: every current event), and what was left out:
    ``{"undated": n, "vaguer_than_a_month": n, "no_actor": n}``."""
    actors = store.actor_index()  # a merged actor under its canonical name
    acled_types = _acled_types()
    rows, left_out = [], {"undated": 0, "vaguer_than_a_month": 0, "no_actor": 0}
    for event in store.events(historical=False) if events is None else events:
        if event.modality != "asserted":
            continue  # ACLED records only events that happened
        if event.when.start is None:
            left_out["undated"] += 1
            continue
        day = event_date(event.when)
        if day is None:
            left_out["vaguer_than_a_month"] += 1
            continue
        place = event.place
        country = cb.acled_country(place.country if place else None)
        name1, i1, assoc1 = _side(actors.get(event.actor1), acled_types)
        name2, i2, assoc2 = _side(actors.get(event.actor2), acled_types)
        if event.actor1 in UNNAMED:  # "gunmen", "a suicide bomber": no name of their own
            name1, i1 = "", None
        if event.actor2 in UNNAMED:
            name2 = UNNAMED_NAME.format(country=country["name"] or "International")
        if i1 is None:
            unnamed = cb.unnamed_actor1(event.type)
            if unnamed:
                label = unnamed["name"].format(country=country["name"] or "International")
                name1, i1 = label, unnamed["inter"]
            elif i2 is not None:  # ACLED's sides imply no direction: the named one is actor1
                name1, i1, name2, i2 = name2, i2, "", None
            else:
                left_out["no_actor"] += 1
                continue
        assoc2 = "; ".join(x for x in [assoc2, *(actors[a].name for a in event.assoc_actors
                                                 if a in actors)] if x)
        geo = place.precision if place else ""
        if place and place.relation != "in":
            geo = max(place.precision, 2)  # "near Konduga" is not Konduga
        sources = sorted({c.source or "" for c in store.event_claims(event)} - {""})
        outlets = sorted({a.outlet or "" for a in store.event_articles(event.id)} - {""})
        row = {
            "event_id_cnty": f"{place.country if place and place.country else 'XX'}{event.id}",
            "event_date": day.isoformat(), "year": day.year,
            "time_precision": cb.time_precision(event.when),
            "disorder_type": disorder_type(event.type) or "",
            "event_type": event.type, "sub_event_type": event.sub_type,
            "actor1": name1, "assoc_actor_1": assoc1, "inter1": i1,
            "actor2": name2, "assoc_actor_2": assoc2, "inter2": i2 or 0,
            "interaction": cb.interaction(i1, i2),
            "civilian_targeting": "Civilian targeting" if i2 == 7 else "",
            "iso": country["iso"], "region": country["region"], "country": country["name"],
            "admin1": (place.admin1 or "") if place else "", "admin2": "", "admin3": "",
            "location": place.name if place else "",
            "latitude": place.lat if place and place.lat is not None else "",
            "longitude": place.lon if place and place.lon is not None else "",
            "geo_precision": geo,
            "source": "; ".join(outlets), "source_scale": "",
            "notes": f"{event.summary}. Sources: {'; '.join(sources) or 'the article'}.",
            "fatalities": event.fatalities or 0, "tags": "", "timestamp": "",
        }
        rows.append({k: clean(v) for k, v in row.items()})
    return rows, left_out


def write_acled_csv(store, out) -> dict[str, int]:
    rows, left_out = acled_rows(store)
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return left_out
