"""The last check before the store: every date and count of an ``Extraction`` within the
bounds of ``limits.py``. Dates in the text are already range-checked where they are read
(``normalize/when.py`` leaves them unresolved with an "out of range" note); counts are read by
the parser, so they are checked here, on the finished records. What cannot be true is dropped,
the rest of the article kept, and each drop is a W112 warning in ``Extraction.warnings``.

    check(extraction) -> Extraction   (pure: the records with impossible values removed)
"""

from __future__ import annotations

import dataclasses

from .errors import OutOfRange
from .limits import OUT_OF_RANGE, count_problem, date_problem
from .model import Event, Extraction, Relation, When

COUNTS = ("fatalities", "wounded", "abducted", "arrested", "fatalities_low", "fatalities_high")


def check(extraction: Extraction) -> Extraction:
    """``extraction`` with out-of-range dates and counts removed, and a W112 warning (one
    line, with the article's origin) for each in ``warnings``."""
    origin = extraction.article.origin or extraction.article.id
    found: list[str] = []
    events = tuple(_event(e, found) for e in extraction.events)
    relations = tuple(_relation(r, found) for r in extraction.relations)
    if not found:
        return extraction
    warnings = tuple(str(OutOfRange(f"{w}; stored without it", origin=origin))
                     for w in dict.fromkeys(found))
    return dataclasses.replace(extraction, events=events, relations=relations,
                               warnings=extraction.warnings + warnings)


def _when(when: When | None, found: list[str]) -> When | None:
    if when is None:
        return None
    if when.note.startswith(OUT_OF_RANGE):  # dropped where read; said here
        found.append(f"{when.text!r}: {when.note[len(OUT_OF_RANGE):]}")
        return when
    problem = date_problem(when.start) or date_problem(when.end)
    if problem:
        found.append(f"{when.text!r}: {problem}")
        return When(text=when.text, note=OUT_OF_RANGE + problem)
    return when


def _event(event: Event, found: list[str]) -> Event:
    changes: dict = {}
    when = _when(event.when, found)
    if when is not event.when:
        changes["when"] = when
    for name in COUNTS:
        problem = count_problem(getattr(event, name))
        if problem:
            found.append(f"event {event.id} {name}: {problem}")
            changes[name] = None
    history = tuple(h for h in event.toll_history if not count_problem(h[0] if h else None))
    if len(history) != len(event.toll_history):
        changes["toll_history"] = history
    return dataclasses.replace(event, **changes) if changes else event


def _relation(relation: Relation, found: list[str]) -> Relation:
    valid_from, valid_to = _when(relation.valid_from, found), _when(relation.valid_to, found)
    if valid_from is relation.valid_from and valid_to is relation.valid_to:
        return relation
    return dataclasses.replace(relation, valid_from=valid_from, valid_to=valid_to)
