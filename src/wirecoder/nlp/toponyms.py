"""Toponym recognition: the spans of a parsed document that name places.

Places are the NER's GPE, LOC and FAC entities, and its NORP entities that name a place by its
people, a country's demonym ("Algerian") or a listed region's ("Sahelian", "North African"), or
that are a well-known place's name. Other NORP entities are groups ("Muslim", "Republican").
The pipeline reads its place drafts from here and ``wirecoder evaluate geowebnews`` scores the
same spans.
"""

from __future__ import annotations

from ..normalize.where import explain_place, resolve_place
from ..resources.gazetteer import country_by_word

PLACE_LABELS = ("GPE", "LOC", "FAC")
WELL_KNOWN = 100_000


def toponym_spans(doc) -> list:
    return [ent for ent in doc.ents
            if ent.label_ in PLACE_LABELS
            or ent.label_ == "NORP" and names_a_people_place(ent.text)]


def names_a_people_place(text: str) -> bool:
    """"Algerian", "Sahelian": a demonym of a country or of a listed region; or a well-known
    place the NER took for a group ("the Sousse attack"): a division or a city of
    WELL_KNOWN people or more, not a hamlet that shares a word ("Arab", Alabama)."""
    if country_by_word(text) is not None:
        return True
    rows = explain_place(text) if resolve_place(text) is not None else []
    if not rows:  # unresolved, or placed only through an institution named after a place
        return False
    best = rows[0]["candidate"]
    return best.kind in ("country", "region", "admin1") or best.population >= WELL_KNOWN
