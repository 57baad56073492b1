"""Which of an event's claims state each of its fields, so the event page can say, per field,
who says it rather than one "according to" list on every line.

Every claim of a report carries the whole event record as its article read it, so two tests
decide: the claim's record agrees with the event on the field (a merged event's reports may
differ), and, among those, the claim's sentence holds the field's own wording ("last month",
"near Kasserine", "eight militants", the actor's name). When no sentence holds the wording
the agreeing claims all count: the article as a whole says it."""

from __future__ import annotations

from ..model import Claim, Event

FIELDS = ("when", "where", "actor 1", "actor 2", "associated", "fatalities", "status", "PLOVER")


def _agrees(field: str, event: Event, value: dict) -> bool:
    """Does a report's record (``Claim.value``) give the event's value for ``field``?"""
    when, place = value.get("when") or {}, value.get("place") or {}
    if field == "when":
        return event.when.start is not None and str(event.when.start) == when.get("start") \
            and str(event.when.end or "") == (when.get("end") or "")
    if field == "where":
        return event.place is not None and event.place.name == place.get("name")
    if field == "actor 1":
        return event.actor1 is not None and value.get("actor1") == event.actor1
    if field == "actor 2":
        return event.actor2 is not None and value.get("actor2") == event.actor2
    if field == "associated":
        return bool(event.assoc_actors) and bool(set(value.get("assoc_actors") or ())
                                                 & set(event.assoc_actors))
    if field == "fatalities":
        return event.fatalities is not None and value.get("fatalities") == event.fatalities
    if field == "status":
        return value.get("modality") == event.modality
    return event.plover is not None and value.get("plover") == event.plover


def _wordings(field: str, event: Event, names: dict) -> list[str]:
    """The words of the text a field was read from, as far as the record keeps them."""
    if field == "when":
        return [event.when.text] if event.when.text else []
    if field == "where":
        place = event.place
        return [w for w in ((place.text, place.anchor, place.name) if place else ()) if w]
    if field in ("actor 1", "actor 2"):
        key = event.actor1 if field == "actor 1" else event.actor2
        return [names[key]] if key in names else []
    if field == "associated":
        return [names[a] for a in event.assoc_actors if a in names]
    if field == "fatalities":
        return list(event.counts_text)
    return [event.trigger] if event.trigger else []


def field_sources(event: Event, claims: list[Claim], names: dict) -> dict[str, list[str]]:
    """field (as the event page labels it) -> ids of the claims that state it, in the claims'
    order; empty when no report gives the event's value (nothing to attribute)."""
    out = {}
    for field in FIELDS:
        agreeing = [c for c in claims if _agrees(field, event, c.value or {})]
        words = [w.casefold() for w in _wordings(field, event, names)]
        worded = [c for c in agreeing
                  if any(w in (c.sentence or "").casefold() for w in words)]
        out[field] = [c.id for c in (worded or agreeing)]
    return out
