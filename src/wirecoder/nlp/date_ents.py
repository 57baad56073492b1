"""Date entities the small model gets wrong, mended for ``wc_fix_ents`` (and read by
``nlp.timexes``):

* a date, a range word and a bare day number are one range ("February 7 and 28", "March 1
  to 5");
* a date written in figures is a DATE, whatever the NER took it for ("01/05/2021",
  "13.05.2021", "2021/05/13");
* a part of the day and the date it belongs to are one date ("the morning" + "of 1 March
  2019", "Thursday" + "evening"), and a day number the NER left before a month belongs to it
  ("1 March 2019");
* an EVENT the NER cut to a determiner and a year ("the 1967" of "the 1967 war") is that
  year;
* a capitalised weekday after a person's name or a title is a name ("Ahmed Friday, a
  farmer", "Mr. Sunday"), never a day.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .doc_cache import doc_text

TITLES = frozenset("mr mrs ms dr sheikh shaikh imam mullah colonel col general gen. captain".split())


RANGE_WORDS = frozenset("and to through until till - –".split())
NUMERIC_DATE = re.compile(r"(?<![\w/.])(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{1,2}/\d{1,2}|"
                          r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?![\w/])")


def range_end(date: Span, number: Span) -> bool:
    """"February 7 and 28", "March 1 to 5": a DATE ending in a day number, a range word, and a
    bare day number (1-31) the NER took for a CARDINAL."""
    between = date.doc[date.end:number.start]
    return date.label_ == "DATE" and number.label_ == "CARDINAL" and len(number) == 1 \
        and len(between) == 1 and between[0].lower_ in RANGE_WORDS \
        and date[-1].like_num and number[0].text.isdigit() and 1 <= int(number[0].text) <= 31


def with_numeric_dates(doc, ents: list[Span]) -> list[Span]:
    """Dates written in figures the NER left out or took for a number or a name
    ("01/05/2021", "13.05.2021", "2021/05/13"): DATE spans (read by
    ``normalize.numeric_dates``), replacing whatever entity overlapped them."""
    found = []
    for m in NUMERIC_DATE.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="DATE")
        if span is None or any(e.start < span.end and span.start < e.end
                               and e.label_ in ("DATE", "TIME") for e in ents):
            continue
        found.append(span)
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
    return sorted([*kept, *found], key=lambda e: e.start)


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def weekday_surname(prev: Span | None, ent: Span) -> bool:
    """A capitalised weekday right after a person's name is their surname when the name goes
    on as a subject or an apposition ("Ahmed Friday, a farmer,", "Ahmed Friday said"); the
    wire's "Police arrested Smith Tuesday." keeps its day."""
    if prev is None or prev.label_ != "PERSON" or prev.end != ent.start \
            or ent.label_ != "DATE" or len(ent) != 1 or ent[0].lower_ not in WEEKDAYS \
            or not ent[0].text[:1].isupper() or ent.end >= len(ent.doc):
        return False
    after = ent.doc[ent.end]
    return after.text in (",", "'s", "\u2019s") or after.pos_ in ("VERB", "AUX")


def titled_weekday(ent: Span) -> bool:
    """"Mr. Sunday": a weekday after a title is a name."""
    return ent.label_ == "DATE" and len(ent) == 1 and ent[0].lower_ in WEEKDAYS \
        and ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in TITLES


def _part_of_day_of(time: Span, date: Span) -> bool:
    """"the morning" + "of 1 March 2019": one date, told to the part of the day; "the night"
    + "from Thursday" (and then "to Friday": ``_weekday_range``)."""
    between = [t.lower_ for t in time.doc[time.end:date.start]]
    if time.label_ == "TIME" and date.label_ == "DATE" and between in (["from"], ["between"]) \
            and time[-1].lower_ == "night":
        return True
    return time.label_ == "TIME" and date.label_ == "DATE" and bool(between) \
        and between[0] == "of" and all(t.isdigit() for t in between[1:]) and len(between) <= 2


WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _weekday_range(first: Span, second: Span) -> bool:
    """"(the night from) Thursday" + "to Friday": one range of days, the NER cut in two."""
    between = [t.lower_ for t in first.doc[first.end:second.start]]
    return first.label_ == "DATE" and second.label_ == "DATE" and len(between) == 1 \
        and between[0] in ("to", "into", "and", "until") \
        and first[-1].lower_ in WEEKDAY_NAMES and second[-1].lower_ in WEEKDAY_NAMES


PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
COUNT_WORDS = frozenset("dozens hundreds scores thousands".split())


def one_time(first: Span, second: Span) -> bool:
    """Two time entities that are one: see ``_part_of_day_of`` and ``_day_then_part``."""
    return _part_of_day_of(first, second) or _day_then_part(first, second) \
        or _weekday_range(first, second)


def _day_then_part(date: Span, time: Span) -> bool:
    """"Thursday" + "evening": one time, the NER cut in two."""
    return date.label_ == "DATE" and time.label_ == "TIME" and date.end == time.start \
        and len(time) == 1 and time[0].lower_ in PARTS_OF_DAY


def with_day(ent: Span) -> Span:
    """"1 March 2019" where the NER kept "March 2019": the day number before the month."""
    if ent.label_ != "DATE" or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.is_digit and 1 <= int(before.text) <= 31 and before.head.i in range(ent.start,
                                                                                     ent.end):
        return Span(ent.doc, ent.start - 1, ent.end, label="DATE")
    return ent


def year_of_event(ent: Span) -> Span:
    """The small model cuts "the 1967 Middle East war" into EVENT "the 1967" and LOC "Middle
    East": an EVENT of a determiner and a year is that year, a DATE ("in the 1967 war" dates
    what happened in it)."""
    if ent.label_ != "EVENT" or len(ent) > 2 or not ent[-1].like_num or len(ent[-1]) != 4 \
            or not ent[-1].text.isdigit() or len(ent) == 2 and ent[0].pos_ != "DET":
        return ent
    return Span(ent.doc, ent.end - 1, ent.end, label="DATE")
