"""``wirecoder explain place``: why a place phrase resolves where it does, as text lines
(the candidates ``where.explain_place`` scores and the one ``where.resolve_place`` chooses)."""

from __future__ import annotations

from .where import explain_place, parse_place_phrase, resolve_place

BONUSES = ("kind", "capital", "population", "exact_name", "context", "division", "acronym")


def explain_lines(phrase: str, context: list[str], divisions: list[str]) -> list[str]:
    """Report lines: the phrase parsed, up to ten scored candidates, the choice.

    ``context``: ISO2 codes of the countries the text names, most named first; ``divisions``:
    first-level divisions it names. Scores are the resolver's own (unitless).
    """
    name, relation, anchor = parse_place_phrase(phrase)
    lines = [f"phrase {phrase!r}: name {name!r}, relation {relation!r}, anchor {anchor!r}; "
             f"context {', '.join(context) or 'none'}"
             f"{'; divisions ' + ', '.join(divisions) if divisions else ''}"]
    rows = explain_place(name, context_countries=context, context_divisions=divisions)
    if not rows:
        lines.append("  no candidate in the gazetteers")
    for row in rows[:10]:
        c = row["candidate"]
        parts = ", ".join(f"{k} {row[k]:+.2f}" for k in BONUSES if row.get(k))
        lines.append(f"  {row['total']:5.2f}  {c.kind:7} {c.name} [{c.country or '-'}"
                     f"{', ' + c.admin1 if c.admin1 else ''}] id {c.geonameid or '-'} "
                     f"({c.lat}, {c.lon})  <- {parts or 'no bonus'}")
    place = resolve_place(name, context_countries=context, relation=relation, anchor=anchor,
                          text=phrase, context_divisions=divisions)
    if place is not None:
        lines.append(f"chosen: {place.name} [{place.country}] precision {place.precision}, "
                     f"confidence {place.confidence}")
    return lines
