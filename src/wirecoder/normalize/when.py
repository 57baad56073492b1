"""Time expressions -> ``When`` (start, end, precision), against the publication date.

Dates are calendar dates in the article's own frame. Wire convention: a bare weekday or month
means the most recent one on or before publication ("on Tuesday" in a Wednesday story is
yesterday; "in December" in a February story is last December), unless the clause is in the
future tense (``tense="future"``: "will meet on Tuesday" is the coming Tuesday). A date written
out with its year stands as written, after publication too (noted "future"), and so does a
weekday with its date ("Monday, Oct. 26": the weekday fixes the year). Holidays are the US
ones the wire names (Thanksgiving, Election Day, Christmas ...), read like a bare date. Without
a publication date, anything relative to it stays unresolved with a note: never guessed.
``anchor`` is the previous event's When, for "a few days later".

This module is the entry point: ``normalize_when``, the rule tables (their order is the
precedence), the cleaning of the wording, and the handlers that count from publication or from
the previous event ("three days ago", "a few days later") or read a smaller expression inside
("since March", "Monday, Oct. 26"). The other rule families live beside it: ``periods``
(years, decades, centuries, quarters, halves, seasons) and ``named_days`` (calendar dates,
months, weekdays, holidays, today / this week); the words and calendar arithmetic they share
are in ``when_base``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..limits import OUT_OF_RANGE, date_problem
from ..model import When
from .named_days import (
    _day_month, _day_range, _dated_weekday, _full, _holiday, _holiday_ahead, _holiday_near,
    _iso, _last, _last_weekday, _mid, _month, _month_ahead, _month_day, _month_day_ahead,
    _month_day_near, _month_near, _month_of_year, _month_year, _next_unit, _next_weekday,
    _night_between, _overnight,
    _part_month, _part_month_ahead, _part_month_near, _this, _this_named, _today, _tomorrow,
    _weekday, _weekday_ahead, _weekday_near, _weekend, _yesterday)
from .numeric_dates import (
    NUMERIC_DOT, NUMERIC_SLASH, RANGE, YEAR_FIRST, date_range, day_first, month_first, year_first)
from .periods import (
    _century, _current_year, _decade, _half, _part_decade, _part_year, _quarter, _quarter_named,
    _quarter_of_year, _quarter_this_year, _season, _year, _year_range)
from .when_base import (  # noqa: F401 -- re-exported: other modules import them from here
    MONTHS, NO_DATE, NUMBERS, UNITS, WEEKDAYS, _count, _month_span)

FILLER = re.compile(r"^(?:on|in|at|during|around|about|by|from|of|until|since then,?|the|its|their|late(?= \D)|"
                    r"an?(?= \d| (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)|"
                    r"early on|earlier|later on|later|just|sometime|as early as|almost|nearly|"
                    r"roughly|approximately|more than|less than|"
                    r"(?:early |late |small )?(?:hours|morning|afternoon|evening|night) of)\s+")
NUM = r"(\d+|a couple of|a few|several|an?|" + "|".join(NUMBERS) + ")"

def normalize_when(text: str, published: date | None, *, anchor: When | None = None,
                   tense: str = "past") -> When:
    """Never raises: anything it cannot place comes back unresolved with a note. ``tense`` is
    the governing clause's ("past", "present" or "future"; see ``nlp.tense``)."""
    try:
        clean = _clean(text)
        rules = {"future": FUTURE_RULES, "present": PRESENT_RULES}.get(tense, []) + RULES
        for pattern, handler in rules:
            m = re.fullmatch(pattern, clean)
            if m:
                result = handler(m, published, anchor)
                if result is not None:
                    return _finish(result, text, published, absolute=handler in ABSOLUTE)
        return When(text=text, note="wording not recognised")
    except (ValueError, OverflowError, KeyError, TypeError):
        return When(text=text, note="not a valid calendar date")


TENS = {w: 10 * i for i, w in enumerate(
    "_ ten twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
TEENS = {w: i for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen "
                                    "seventeen eighteen nineteen".split(), 10)}
SPELLED_YEAR = re.compile(
    r"\b(?:(eighteen|nineteen|twenty) (?:(" + "|".join(TENS) + r")(?:[- ]("
    + "|".join(w for w in NUMBERS if w.isalpha() and " " not in w and NUMBERS[w] < 10)
    + r"))?|(" + "|".join(TEENS) + r"))|two thousand(?: and)?(?: (\w+))?)\b")


def _spelled_year(m) -> str:
    """"nineteen ninety-six" -> "1996", "two thousand and one" -> "2001" (broadcast
    transcripts spell years out)."""
    if m[1]:
        century = TEENS[m[1]] if m[1] in TEENS else 20
        rest = TENS[m[2]] + NUMBERS.get(m[3] or "zero", 0) if m[2] else TEENS[m[4]]
        return str(century * 100 + rest)
    tail = m[5]
    extra = NUMBERS.get(tail, TEENS.get(tail)) if tail else 0
    return f"2000 {tail}" if extra is None else str(2000 + extra)


def _clean(text: str) -> str:
    text = text.replace("\u2019", "'").lower().strip().rstrip(".,;:")
    text = re.sub(r"\s+", " ", text)
    text = SPELLED_YEAR.sub(_spelled_year, text)
    text = re.sub(r"^(?:the )?year[- ](earlier|ago)$", r"a year \1", text)  # "year-earlier"
    # "(in) the last month", "within the past week": the span up to publication, not the
    # calendar month before it ("last month")
    text = re.sub(r"^(?:(?:in|within|over|during) )?the (?:last|past) (week|month|year)$",
                  r"past 1 \1", text)
    text = re.sub(r"'s\b", "", text)  # "last month's", "this year's third quarter"
    text = re.sub(r"\bfiscal[- ](?=first|second|third|fourth|\dst|\dnd|\drd|\dth|quarter|half)",
                  "", text)  # "the fiscal first quarter": quarters are read as calendar ones
    previous = None
    while previous != text:
        previous = text
        text = FILLER.sub("", text)
    return text


def _finish(result, text: str, published: date | None, absolute: bool = False) -> When:
    if isinstance(result, str):  # a reason it could not be resolved
        return When(text=text, note=result)
    start, end, precision, note = (*result, "")[:4]
    problem = date_problem(start) or date_problem(end)
    if problem:  # "31 December 9999": read, but no date an event can have
        return When(text=text, note=OUT_OF_RANGE + problem)
    if published and start > published and absolute:
        note = "future"  # written out in full: it stands, and says it is still to come
    if published and start > published and precision != "year" and note != "future":
        return When(text=text, note="resolves after publication; left unresolved")
    if published and end and end > published and precision == "range" and note != "future":
        end = published
    return When(start, max(start, end) if end else None, precision, text, note)


# ---- handlers: (match, published, anchor) -> (start, end, precision[, note]) | reason | None

# wording inside wording

def _inner(m, published, anchor):
    """The wording inside: "Monday, Oct. 26" (the date decides; the weekday only confirms
    it), "early this week"."""
    inner = normalize_when(m[1], published, anchor=anchor)
    if not inner.resolved:
        return inner.note
    return inner.start, inner.end, inner.precision, inner.note


def _since(m, published, anchor):
    inner = normalize_when(m[1], published, anchor=anchor)
    if not inner.resolved:
        return inner.note or "since-expression not resolved"
    if published is None:
        return inner.start, None, "range", "open-ended: no publication date"
    return inner.start, published, "range", "since: up to publication"


# counted from publication

def _past(m, published, anchor):
    if published is None:
        return NO_DATE
    days = _count(m[1]) * UNITS[m[2]]
    return published - timedelta(days=days), published, "range"


def _past_hours(m, published, anchor):
    """"the past 24 hours", "the last two nights": the calendar days the span touches, up to
    publication (a range: which of them is not said; ACLED time precision 2)."""
    if published is None:
        return NO_DATE
    n = _count(m[1])
    days = -(-n // 24) if m[2] == "hour" else n
    return published - timedelta(days=max(days, 1)), published, "range"


def _recent(m, published, anchor):
    if published is None:
        return NO_DATE
    days = {"day": 7, "week": 21, "month": 90}[m[1]]
    return published - timedelta(days=days), published, "range", "approximate"


def _ago(m, published, anchor):
    if published is None:
        return NO_DATE
    n, unit = _count(m[1]), m[2]
    if unit in ("year", "decade"):
        y = published.year - n * (10 if unit == "decade" else 1)
        return date(y, 1, 1), date(y, 12, 31), "year"
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
        return (*_month_span(y, mo + 1), "month")
    d = published - timedelta(days=n * UNITS[unit])
    if unit == "week":
        return d - timedelta(days=3), d + timedelta(days=3), "week"
    return d, d, "day"


# counted from the previous event (``anchor``)

def _relative(anchor, low: int, high: int, precision: str):
    if anchor is None or not anchor.resolved:
        return "relative to an earlier event, none resolved"
    return anchor.start + timedelta(days=low), anchor.end + timedelta(days=high), precision, \
        f"relative to {anchor.text!r}"


def _later(m, published, anchor):
    n, unit = m[1], m[2]
    if n in ("a few", "few", "several", "a couple of", "couple of"):
        low, high = (2, 5) if unit == "day" else (UNITS[unit] * 2, UNITS[unit] * 5)
        return _relative(anchor, low, high, "range")
    days = _count(n) * UNITS[unit]
    same = anchor is not None and anchor.start == anchor.end
    return _relative(anchor, days, days, "day" if same and unit == "day" else "range")


def _earlier(m, published, anchor):
    """"two days earlier": before the previous event; with none, before publication."""
    n, unit = m[1], m[2]
    if anchor is not None and anchor.resolved and n not in ("a few", "few", "several",
                                                            "a couple of", "couple of"):
        note = f"relative to {anchor.text!r}"
        if unit == "year":  # "a year earlier" than the third quarter: that quarter, a year back
            years = _count(n)
            return _years_back(anchor.start, years), _years_back(anchor.end, years), \
                anchor.precision, note
        days = _count(n) * UNITS[unit]
        same = anchor.start == anchor.end
        return anchor.start - timedelta(days=days), anchor.end - timedelta(days=days), \
            "day" if same and unit == "day" else "range", note
    return _ago(m, published, anchor)


def _years_back(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _next(m, published, anchor):
    days = UNITS[m[1]]
    return _relative(anchor, days, days, "day" if m[1] == "day" and anchor and
                     anchor.start == anchor.end else "range")


def _same_day(m, published, anchor):
    if anchor is None or not anchor.resolved:
        return "relative to an earlier event, none resolved"
    return anchor.start, anchor.end, anchor.precision


def _that(m, published, anchor):
    if anchor is None or not anchor.resolved:
        return "relative to an earlier event, none resolved"
    if m[1] == "year":
        return date(anchor.start.year, 1, 1), date(anchor.start.year, 12, 31), "year"
    return (*_month_span(anchor.start.year, anchor.start.month), "month")


# (pattern, handler); first match wins. Patterns see the cleaned, lower-case text. The tables
# close the module: they hold the handlers themselves, defined above or imported from
# ``periods`` / ``named_days``.
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
PART_OF_DAY = r"(?: (?:night|morning|afternoon|evening))?"
HOLIDAY = (r"(?:(last|this|next|past) )?(thanksgiving|christmas eve|christmas|new year eve|"
           r"new year|election day|independence day)(?: day)?")  # "'s" is cleaned away
RULES = [
    (r"(\d{4})-(\d{2})-(\d{2})", _iso),
    (NUMERIC_SLASH, month_first),
    (NUMERIC_DOT, day_first),
    (YEAR_FIRST, year_first),
    (RANGE, date_range),
    ("(" + WEEKDAY + r"),? (\w+)\.? (\d{1,2})", _dated_weekday),
    (WEEKDAY + r",? ((?:\w+\.? \d{1,2}|\d{1,2} \w+)(?:,? \d{4})?)", _inner),
    (r"(?:early|late) ((?:this|next|last|past) (?:week|month|year))", _inner),
    (r"(early|late|mid)[- ]?(\d{3})0s", _part_decade),
    (r"fiscal (?:year )?(\d{4})", _year),
    (r"(\w+) (this|last|next) year", _month_of_year),
    (r"(?:mid|middle of)[- ]?(\w+)(?: (\d{4}))?", _mid),
    (r"(early|late|end of|beginning of|start of) (\d{4})", _part_year),
    (r"(early|late|end of|beginning of|start of)[- ](\w+)(?: (\d{4}))?", _part_month),
    (r"(?:(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? (?:of )?(\w+)\.?),? (\d{4})", _full),
    (r"(\w+)\.? (\d{1,2})\s*(?:-|to|and)\s*(\d{1,2})(?:,? (\d{4}))?", _day_range),
    (r"(?:last )?(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?", _month_day),
    (r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?(\w+)", _day_month),
    (r"(\w+),? (\d{4})", _month_year),
    (r"(\d{3})0s|(nine|eigh|seven|six|fif|for|thir|twen)ties", _decade),
    (r"(\d{1,2})(?:st|nd|rd|th) century", _century),
    (r"(?:(?:current|full|present|calendar)(?: fiscal)? year|fiscal year|"
     r"end of (?:this|the) year|year[- ]?end|year end|year)", _current_year),
    (r"(\d{4})\s*(?:-|to|and)\s*(\d{4})", _year_range),
    (r"(?:year )?(\d{4})", _year),
    (r"since (.+)", _since),
    (r"(?:the )?(?:past|last|previous|recent) " + NUM + r" (day|week|month|year)s?", _past),
    (r"(?:over )?(?:the )?(?:past|last|previous) " + NUM + r" (hour|night)s?", _past_hours),
    (r"(?:recent|the past few|the last few) (day|week|month)s", _recent),
    (r"" + NUM + r" (day|week|month|year|decade)s? ago", _ago),
    (r"" + NUM + r" (day|week|month|year)s? later", _later),
    (r"" + NUM + r" (day|week|month|year)s? earlier", _earlier),
    (r"that (year|month)", _that),
    (r"next (week|month|year)", _next_unit),
    (r"(?:the )?(?:next|following) (day|week|month)", _next),
    (r"(?:that|same) day", _same_day),
    (r"(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of (\d{4}))?", _quarter),
    (r"(?:(latest|most recent|last|past|previous|recent|this|current|present|next|coming) )?"
     r"quarter", _quarter_named),
    (r"(latest|most recent) period", _quarter_named),  # a company's last reported quarter
    (r"(?:comparable )?(?:year[- ]ago|year[- ]earlier|last year|prior year|(\d{4}))"
     r"(?: (first|second|third|fourth))? (?:quarter|period)", _quarter_of_year),
    (r"(this|last|next) year (first|second|third|fourth) quarter", _quarter_this_year),
    (r"(first|second|last) half(?: of (?:(\d{4})|the year|this year))?", _half),
    (r"(this past|this|last|next|past)? ?(spring|summer|fall|autumn|winter)(?: (?:of )?(\d{4}))?",
     _season),
    (HOLIDAY, _holiday),
    (r"tomorrow", _tomorrow),
    (r"next (\w+day)", _next_weekday),
    (r"(?:early |late )?yesterday(?: (?:morning|afternoon|evening|night))?|"
     r"(?:early |late )?last (?:night|evening)", _yesterday),
    (r"overnight", _overnight),
    (r"today|this (?:morning|afternoon|evening)|tonight|now", _today),
    (r"(?:(?:last|past|this) )?weekend|over the weekend", _weekend),
    (r"(?:earlier )?this (week|month|year)", _this),
    (r"this (\w+)", _this_named),
    (r"last (week|month|year)", _last),
    (r"(?:the )?(?:night|overnight) (?:from|of|between) (\w+day) (?:to|and|into) (\w+day)",
     _night_between),
    (r"(?:overnight |from )?(\w+day) (?:to|into|until) (\w+day)", _night_between),
    (r"last (\w+day)" + PART_OF_DAY, _last_weekday),
    (r"(?:last |previous |past |early )?(\w+day)" + PART_OF_DAY, _weekday),
    (r"(?:last )?(\w+)", _month),
]
# In a future-tense clause a bare weekday, month or month-day is the next one, not the last.
FUTURE_RULES = [
    (HOLIDAY, _holiday_ahead),
    (r"(early|late|mid|middle of|end of|beginning of|start of)[- ]?([a-z]+)", _part_month_ahead),
    (r"(?:this |early )?(\w+day)" + PART_OF_DAY, _weekday_ahead),
    (r"(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?", _month_day_ahead),
    (r"(?:this )?(\w+)", _month_ahead),
]
# Outside a past-tense clause ("the dividend is payable Dec. 7", "the summit in April", "talks
# open Tuesday") a bare month-day, month or weekday is the nearer of its last and next one.
PRESENT_RULES = [
    (HOLIDAY, _holiday_near),
    (r"(early|late|mid|middle of|end of|beginning of|start of)[- ]?([a-z]+)", _part_month_near),
    (r"(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?", _month_day_near),
    (r"(\w+day)" + PART_OF_DAY, _weekday_near),
    (r"(\w+)", _month_near),
]
# Handlers whose dates are written out in full: they stand even after publication.
ABSOLUTE = frozenset({_iso, month_first, day_first, year_first, _full, _month_year, _year, _year_range, _part_year, _decade,
                      _part_decade, _quarter, _quarter_this_year, _half, _century,
                      _current_year})
