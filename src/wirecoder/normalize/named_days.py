"""Days and months by name, near publication: calendar dates ("March 3", "Oct. 15, 2019",
"Aug. 10-12"), parts of a month ("early March", "mid-November"), months, weekdays, holidays,
and the publication's own day, week, month and year ("yesterday", "this week", "last month").

Handlers for ``when``'s rule tables: ``(match, published, anchor) -> (start, end, precision[,
note]) | reason | None``. The plain handlers read a bare name as the most recent one on or
before publication; the ``_ahead`` ones (a future-tense clause) as the coming one; the
``_near`` ones (a present-tense clause) as the nearer of the two.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .when_base import NO_DATE, WEEKDAYS, _month_no, _month_span, _recent_year, _upcoming_year


# ---- calendar dates

def _iso(m, published, anchor):
    d = date(int(m[1]), int(m[2]), int(m[3]))
    return d, d, "day"


def _full(m, published, anchor):
    month, day = (_month_no(m[1]), m[2]) if m[1] else (_month_no(m[4]), m[3])
    if not month:
        return None
    d = date(int(m[5]), month, int(day))
    return d, d, "day"


def _day_range(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    year = int(m[4]) if m[4] else _recent_year(published, month, int(m[2]))
    if isinstance(year, str):
        return year
    return date(year, month, int(m[2])), date(year, month, int(m[3])), "range"


def _month_day(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    year = _recent_year(published, month, int(m[2]))
    if isinstance(year, str):
        return year
    d = date(year, month, int(m[2]))
    return d, d, "day"


def _day_month(m, published, anchor):
    return _month_day(re.match(r"(\w+) (\d+)", f"{m[2]} {m[1]}"), published, anchor)


def _month_year(m, published, anchor):
    month = _month_no(m[1])
    return (*_month_span(int(m[2]), month), "month") if month else None


def _dated_weekday(m, published, anchor):
    """"Monday, Oct. 26" without a year: the weekday says which year (the one nearest
    publication where Oct. 26 is a Monday), so it stands even after publication."""
    month, day = _month_no(m[2]), int(m[3])
    if not month or published is None:
        return None
    years = [y for y in (published.year, published.year + 1, published.year - 1)
             if date(y, month, day).weekday() == WEEKDAYS[m[1]]]
    if not years:
        return None  # the weekday does not fit: read the date alone (``_inner``)
    d = min((date(y, month, day) for y in years), key=lambda d: abs(d - published))
    return d, d, "day", "future" if d > published else ""

# ---- parts of a month

def _mid(m, published, anchor):
    if m[1].isdigit() and len(m[1]) == 4:
        y = int(m[1])
        return date(y, 5, 1), date(y, 8, 31), "range"
    return _month_part("mid", _month_in(m[1], m[2], published))


def _part_month(m, published, anchor):
    return _month_part(m[1], _month_in(m[2], m[3], published))


def _month_in(word: str, year: str | None, published):
    """The month named, in the year given or else the most recent one: a month result, a
    reason it cannot be placed, or None when the word is no month."""
    month = _month_no(word)
    if not month:
        return None
    y = int(year) if year else _recent_year(published, month)
    if isinstance(y, str):
        return y
    return (*_month_span(y, month), "month")


def _month_part(part: str, month):
    """Days 1-10, 11-20 or the last 11 of a month (start, end, precision[, note]) result."""
    if not isinstance(month, tuple):
        return month
    first, last = month[0], month[1]
    note = month[3] if len(month) > 3 else ""
    if part in ("early", "beginning of", "start of"):
        return first, first + timedelta(days=9), "range", note
    if part in ("mid", "middle of"):
        return first + timedelta(days=10), first + timedelta(days=19), "range", note
    return last - timedelta(days=10), last, "range", note


def _part_month_ahead(m, published, anchor):
    """"early March" in a future clause: in the next March."""
    return _month_part(m[1], _month_ahead(re.fullmatch(r"(\w+)", m[2]), published, anchor))


def _part_month_near(m, published, anchor):
    """"mid-November" in a present clause: in the nearer November (see ``_month_near``)."""
    return _month_part(m[1], _month_near(re.fullmatch(r"(\w+)", m[2]), published, anchor))

# ---- months

def _month(m, published, anchor):
    return _month_in(m[1], None, published)


def _month_of_year(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    if published is None:
        return NO_DATE
    year = published.year + {"last": -1, "this": 0, "next": 1}[m[2]]
    future = (year, month) > (published.year, published.month)
    return (*_month_span(year, month), "month", "future" if future else "")


def _this_named(m, published, anchor):
    """"this September" (this year's), "this Sunday" (this week's)."""
    if published is None:
        return NO_DATE
    month = _month_no(m[1])
    if month:
        return (*_month_span(published.year, month), "month",
                "future" if month > published.month else "")
    day = WEEKDAYS.get(m[1])
    if day is None:
        return None
    d = published - timedelta(days=published.weekday()) + timedelta(days=day)
    return d, d, "day", "future" if d > published else ""

# ---- days and weekdays

def _today(m, published, anchor):
    return (published, published, "day") if published else NO_DATE


def _yesterday(m, published, anchor):
    if published is None:
        return NO_DATE
    d = published - timedelta(days=1)
    return d, d, "day"


def _overnight(m, published, anchor):
    """"overnight" in a day's report: the night just past, dated by its evening, the day
    before the report, as "last night" is (TimeML/TimeBank: "overnight" in a Friday story is
    Thursday's night, value "…-26TNI" against a Friday the 27th), so noted."""
    if published is None:
        return NO_DATE
    d = published - timedelta(days=1)
    return d, d, "day", "the night before the report, dated by its evening (TimeML)"


def _tomorrow(m, published, anchor):
    if published is None:
        return NO_DATE
    d = published + timedelta(days=1)
    return d, d, "day", "future"


def _weekend(m, published, anchor):
    if published is None:
        return NO_DATE
    back = (published.weekday() - 5) % 7  # days since the last Saturday
    sat = published - timedelta(days=back if back else 7)
    return sat, min(sat + timedelta(days=1), published), "range"


def _on_weekday(m, published, offset):
    """The weekday ``m[1]`` ``offset(publication's weekday, its weekday)`` days from
    publication; noted ``future`` when that is after it."""
    day = WEEKDAYS.get(m[1])
    if day is None:
        return None
    if published is None:
        return NO_DATE
    d = published + timedelta(days=offset(published.weekday(), day))
    return d, d, "day", "future" if d > published else ""


def _weekday(m, published, anchor):
    """The last one, publication day included."""
    return _on_weekday(m, published, lambda pub, day: -((pub - day) % 7))


def _night_between(m, published, anchor):
    """"the night from Thursday to Friday" ("dans la nuit de jeudi à vendredi"), "from Monday
    to Wednesday": the days from the first weekday to the second, the second the last of its
    name (publication day included), as a range; ``None`` when a name is no weekday or both
    are one."""
    first, second = WEEKDAYS.get(m[1]), WEEKDAYS.get(m[2])
    if first is None or second is None or first == second:
        return None
    if published is None:
        return NO_DATE
    end = published - timedelta(days=(published.weekday() - second) % 7)
    return end - timedelta(days=(second - first) % 7), end, "range", ""


def _last_weekday(m, published, anchor):
    """"last Wednesday" said on a Wednesday is a week ago, not today."""
    return _on_weekday(m, published, lambda pub, day: -((pub - day) % 7 or 7))


def _next_weekday(m, published, anchor):
    return _on_weekday(m, published, lambda pub, day: (day - pub - 1) % 7 + 1)

# ---- the publication's week, month and year

def _this(m, published, anchor):
    if published is None:
        return NO_DATE
    unit = m[1]
    if unit == "week":
        return published - timedelta(days=published.weekday()), published, "week"
    if unit == "month":
        return published.replace(day=1), published, "month"
    return date(published.year, 1, 1), published, "year"


def _last(m, published, anchor):
    if published is None:
        return NO_DATE
    if m[1] == "week":
        monday = published - timedelta(days=published.weekday() + 7)
        return monday, monday + timedelta(days=6), "week"
    if m[1] == "month":
        y, mo = divmod(published.year * 12 + published.month - 2, 12)
        return (*_month_span(y, mo + 1), "month")
    y = published.year - 1
    return date(y, 1, 1), date(y, 12, 31), "year"


def _next_unit(m, published, anchor):
    if published is None:
        return NO_DATE
    if m[1] == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(days=7)
        return monday, monday + timedelta(days=6), "week", "future"
    if m[1] == "month":
        y, mo = divmod(published.year * 12 + published.month, 12)
        return (*_month_span(y, mo + 1), "month", "future")
    y = published.year + 1
    return date(y, 1, 1), date(y, 12, 31), "year", "future"

# ---- holidays

def _holiday_date(name: str, year: int) -> date:
    """The date of a (US, as the wire writes them) holiday in ``year``."""
    if name == "thanksgiving":  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    month, day = {"christmas": (12, 25), "christmas eve": (12, 24), "new year": (1, 1),
                  "new year eve": (12, 31), "independence day": (7, 4)}[name]
    return date(year, month, day)


def _holiday(m, published, anchor, ahead: bool = False, near: bool = False):
    """"Thanksgiving", "last Christmas": the most recent one (before publication, for
    "last"); "next" or a future clause: the coming one; a present clause: the nearer."""
    if published is None:
        return NO_DATE
    dates = [_holiday_date(m[2], y) for y in (published.year - 1, published.year,
                                                published.year + 1)]
    before = [d for d in dates if d < published or d == published and m[1] != "last"]
    after = [d for d in dates if d > published]
    if m[1] == "this":
        d = dates[1]
    elif m[1] == "next" or ahead and m[1] is None:
        d = after[0]
    elif near and m[1] is None:
        d = min(before[-1], after[0], key=lambda d: abs(d - published))
    else:
        d = before[-1]
    return d, d, "day", "future" if d > published else ""


def _holiday_ahead(m, published, anchor):
    return _holiday(m, published, anchor, ahead=True)


def _holiday_near(m, published, anchor):
    return _holiday(m, published, anchor, near=True)

# ---- future clauses (the coming one) and present clauses (the nearer one)

def _weekday_ahead(m, published, anchor):
    return _on_weekday(m, published, lambda pub, day: (day - pub) % 7)


def _month_day_ahead(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    if published is None:
        return NO_DATE
    d = date(_upcoming_year(published, month, int(m[2])), month, int(m[2]))
    return d, d, "day", "future" if d > published else ""


def _month_ahead(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    if published is None:
        return NO_DATE
    year = _upcoming_year(published, month)
    return (*_month_span(year, month), "month",
            "future" if (year, month) > (published.year, published.month) else "")


def _month_day_near(m, published, anchor):
    ahead = _month_day_ahead(m, published, anchor)
    if not isinstance(ahead, tuple) or ahead[0] == published:
        return ahead
    month, day = _month_no(m[1]), int(m[2])
    back = date(ahead[0].year - 1, month, day)
    return ahead if ahead[0] - published < published - back else (back, back, "day")


def _weekday_near(m, published, anchor):
    back = _weekday(m, published, anchor)
    if not isinstance(back, tuple) or published - back[0] <= timedelta(days=3):
        return back
    ahead = back[0] + timedelta(days=7)
    return ahead, ahead, "day", "future"


def _month_near(m, published, anchor):
    back = _month(m, published, anchor)
    if not isinstance(back, tuple):
        return back
    months_back = (published.year - back[0].year) * 12 + published.month - back[0].month
    if months_back <= 6:
        return back
    ahead = back[0].replace(year=back[0].year + 1)
    return (*_month_span(ahead.year, ahead.month), "month", "future")
