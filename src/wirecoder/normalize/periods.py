"""Spans longer than a month: years and year ranges, parts of a year, decades, centuries,
the current (fiscal) year, quarters, halves and seasons.

Handlers for ``when``'s rule tables: ``(match, published, anchor) -> (start, end, precision[,
note]) | reason | None``. A period written with its year stands as written; a bare one ("the
third quarter", "the second half", "last summer") is the most recent one begun before
publication, as a bare month is. Quarters and fiscal years are read as calendar ones.
"""

from __future__ import annotations

from datetime import date

from .when_base import NO_DATE, _month_span


# ---- years

def _year(m, published, anchor):
    y = int(m[1])
    if not 1800 <= y <= 2200:
        return None
    return date(y, 1, 1), date(y, 12, 31), "year"


def _year_range(m, published, anchor):
    return date(int(m[1]), 1, 1), date(int(m[2]), 12, 31), "range"


def _part_year(m, published, anchor):
    y = int(m[2])
    if m[1] in ("early", "beginning of", "start of"):
        return date(y, 1, 1), date(y, 4, 30), "range"
    return date(y, 9, 1), date(y, 12, 31), "range"


def _current_year(m, published, anchor):
    """"the current fiscal year", "the full year", "by the end of the year", "year-end": the
    year of publication (fiscal years are read as calendar ones)."""
    if published is None:
        return NO_DATE
    return date(published.year, 1, 1), date(published.year, 12, 31), "year"

# ---- decades and centuries

SPELLED_DECADES = {"twen": 192, "thir": 193, "for": 194, "fif": 195, "six": 196, "seven": 197,
                   "eigh": 198, "nine": 199}


def _decade(m, published, anchor):
    """"the 1990s"; "the nineties" (of the 20th century: the wire's usage)."""
    y = (int(m[1]) if m[1] else SPELLED_DECADES[m[2]]) * 10
    return date(y, 1, 1), date(y + 9, 12, 31), "range"


def _part_decade(m, published, anchor):
    y = int(m[2]) * 10
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[m[1]]
    return date(y + low, 1, 1), date(y + high, 12, 31), "range", "decade"


def _century(m, published, anchor):
    n = int(m[1])
    if not 1 <= n <= 22:
        return None
    first = max(1, (n - 1) * 100)
    return date(first, 1, 1), date((n - 1) * 100 + 99, 12, 31), "range", "century"

# ---- quarters and halves

QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}


def _quarter(m, published, anchor):
    q = QUARTERS[m[1]]
    year = int(m[2]) if m[2] else (published.year if published else None)
    if year is None:
        return NO_DATE
    if not m[2] and date(year, 3 * q - 2, 1) > published:
        year -= 1  # like a bare month: the most recent such quarter
    first = date(year, 3 * q - 2, 1)
    return first, _month_span(year, 3 * q)[1], "range", "quarter"


def _completed_quarter(published) -> tuple[int, int]:
    """(year, quarter) of the last quarter ended before publication."""
    q = (published.month - 1) // 3 + 1
    return (published.year - 1, 4) if q == 1 else (published.year, q - 1)


def _quarter_span(year: int, q: int, note: str = "quarter"):
    return date(year, 3 * q - 2, 1), _month_span(year, 3 * q)[1], "range", note


def _quarter_named(m, published, anchor):
    """"the quarter", "the latest quarter": the last one reported (ended before publication);
    "this quarter", "the current quarter": the one under way; "next quarter"."""
    if published is None:
        return NO_DATE
    word = m[1] or ""
    year, q = published.year, (published.month - 1) // 3 + 1
    if word in ("next", "coming"):
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
        return (*_quarter_span(year, q)[:3], "future")
    if word not in ("this", "current", "present"):
        year, q = _completed_quarter(published)
    return _quarter_span(year, q)


def _quarter_of_year(m, published, anchor):
    """"the year-ago quarter", "the year-earlier third quarter", "the 1988 quarter": the
    quarter last reported (or the one named), a year back or in the year given."""
    if published is None and not (m[1] and m[2]):
        return NO_DATE
    year, q = _completed_quarter(published) if published else (None, None)
    q = QUARTERS[m[2]] if m[2] else q
    return _quarter_span(int(m[1]) if m[1] else year - 1, q)


def _quarter_this_year(m, published, anchor):
    if published is None:
        return NO_DATE
    year = published.year + {"last": -1, "this": 0, "next": 1}[m[1]]
    return _quarter_span(year, QUARTERS[m[2]])


def _half(m, published, anchor):
    if not m[2] and published is None:
        return NO_DATE
    year = int(m[2]) if m[2] else published.year
    h = 1 if m[1] == "first" else 2
    if not m[2] and h == 2 and published.month < 7:
        year -= 1  # like a bare month: the most recent such half
    return date(year, 6 * h - 5, 1), _month_span(year, 6 * h)[1], "range", "half"

# ---- seasons

SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
           "winter": (12, 2)}


def _season(m, published, anchor):
    """"summer 1994" as written; "this summer" this year's; "last summer" / "this past
    spring" / a bare "spring" the most recent one begun before publication; "next winter"
    the next one to begin."""
    first_month, last_month = SEASONS[m[2]]
    if m[3]:
        year = int(m[3])
    elif published is None:
        return NO_DATE
    else:
        year = published.year
        begun = date(year, first_month, 1) <= published
        if m[1] == "next":
            year += 1 if begun else 0
        elif m[1] != "this" and not begun:
            year -= 1
    end_year = year + 1 if first_month > last_month else year
    start = date(year, first_month, 1)
    return start, _month_span(end_year, last_month)[1], "range", \
        "future" if published and start > published else "season"
