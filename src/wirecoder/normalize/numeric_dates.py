"""Dates written in figures and date ranges, for ``when``'s rule table.

* ``05/13/2021`` month first (the US wire's order), ``13/05/2021`` day first when the first
  number cannot be a month; ``2021/05/13`` year first; ``13.05.2021`` day first (the European
  order dots mark), month first only when the second number cannot be a month.
* ranges: "between February 7 and 28", "from March 1 to March 5", "Feb. 28-March 2": each end
  read on its own (a bare day borrows the first end's month), the range from the first's start
  to the second's end; the first end falls before the second (a year back if need be).
"""

from __future__ import annotations

from datetime import date

NUMERIC_SLASH = r"(\d{1,2})/(\d{1,2})/(\d{4})"
NUMERIC_DOT = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
YEAR_FIRST = r"(\d{4})/(\d{1,2})/(\d{1,2})"
RANGE = (r"(?:between|from) (.+?) (?:and|to|until|till|through) (.+)|"
         r"([a-z]+\.? \d{1,2})(?: ?[-\u2013] ?| (?:to|until|till|through) )"
         r"([a-z]+\.? \d{1,2}(?:,? \d{4})?)")  # "from" is cleaned away before the rules


def _day(year: int, month: int, day: int):
    d = date(year, month, day)
    return d, d, "day"


def month_first(m, published, anchor):
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    if first > 12:  # 13/05/2021: only the day can be 13
        return _day(year, second, first)
    return _day(year, first, second)


def day_first(m, published, anchor):
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    if second > 12:
        return _day(year, first, second)
    return _day(year, second, first)


def year_first(m, published, anchor):
    return _day(int(m[1]), int(m[2]), int(m[3]))


def date_range(m, published, anchor):
    from .when import normalize_when

    first, second = (m[1], m[2]) if m[1] else (m[3], m[4])
    if second.strip().isdigit():  # "February 7 and 28": the 28th of February
        words = first.split()
        second = f"{' '.join(words[:-1])} {second.strip()}" if len(words) > 1 else second
    start, end = normalize_when(first, published), normalize_when(second, published)
    if not start.resolved or not end.resolved:
        return None
    low = start.start
    if low > end.end:
        try:
            low = low.replace(year=low.year - 1)
        except ValueError:
            low = low.replace(year=low.year - 1, day=28)
    return low, end.end, "range"
