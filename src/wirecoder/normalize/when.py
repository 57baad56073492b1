"""Time expressions -> ``When`` (start, end, precision), against the publication date.

Dates are calendar dates in the article's own frame. Wire convention: a bare weekday or month
means the most recent one on or before publication ("on Tuesday" in a Wednesday story is
yesterday; "in December" in a February story is last December), unless the clause is in the
future tense (``tense="future"``: "will meet on Tuesday" is the coming Tuesday). A date written
out with its year stands as written, after publication too (noted "future"), and so does a
weekday with its date ("Monday, Oct. 26": the weekday fixes the year). Holidays are the US
ones the wire names (Thanksgiving, Election Day, Christmas ...), read like a bare date. Without
a publication date, anything relative to it stays unresolved with a note: never guessed. ``anchor`` is the previous
event's When, for "a few days later".
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from ..model import When

MONTHS = {m: i for i, ms in enumerate(
    ["", "january jan", "february feb", "march mar", "april apr", "may", "june jun",
     "july jul", "august aug", "september sept sep", "october oct", "november nov",
     "december dec"]) for m in ms.split()}
WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "several": 3, "a few": 3,
                "few": 3})
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
FILLER = re.compile(r"^(?:on|in|at|during|around|about|by|from|of|until|since then,?|the|its|their|late(?= \D)|"
                    r"an?(?= \d| (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)|"
                    r"early on|earlier|later on|later|just|sometime|as early as|almost|nearly|"
                    r"roughly|approximately|more than|less than)\s+")
NO_DATE = "no publication date; relative expression not resolved"
NUM = r"(\d+|a couple of|a few|several|an?|" + "|".join(NUMBERS) + ")"

# (pattern, handler name); first match wins. Patterns see the cleaned, lower-case text.
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
PART_OF_DAY = r"(?: (?:night|morning|afternoon|evening))?"
HOLIDAY = (r"(?:(last|this|next|past) )?(thanksgiving|christmas eve|christmas|new year eve|"
           r"new year|election day|independence day)(?: day)?")  # "'s" is cleaned away
RULES = [
    (r"(\d{4})-(\d{2})-(\d{2})", "_iso"),
    ("(" + WEEKDAY + r"),? (\w+)\.? (\d{1,2})", "_dated_weekday"),
    (WEEKDAY + r",? ((?:\w+\.? \d{1,2}|\d{1,2} \w+)(?:,? \d{4})?)", "_inner"),
    (r"(?:early|late) ((?:this|next|last|past) (?:week|month|year))", "_inner"),
    (r"(early|late|mid)[- ]?(\d{3})0s", "_part_decade"),
    (r"fiscal (?:year )?(\d{4})", "_year"),
    (r"(\w+) (this|last|next) year", "_month_of_year"),
    (r"(?:mid|middle of)[- ]?(\w+)(?: (\d{4}))?", "_mid"),
    (r"(early|late|end of|beginning of|start of) (\d{4})", "_part_year"),
    (r"(early|late|end of|beginning of|start of)[- ](\w+)(?: (\d{4}))?", "_part_month"),
    (r"(?:(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? (?:of )?(\w+)\.?),? (\d{4})", "_full"),
    (r"(\w+)\.? (\d{1,2})\s*(?:-|to|and)\s*(\d{1,2})(?:,? (\d{4}))?", "_day_range"),
    (r"(?:last )?(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?", "_month_day"),
    (r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?(\w+)", "_day_month"),
    (r"(\w+),? (\d{4})", "_month_year"),
    (r"(\d{3})0s|(nine|eigh|seven|six|fif|for|thir|twen)ties", "_decade"),
    (r"(\d{1,2})(?:st|nd|rd|th) century", "_century"),
    (r"(?:(?:current|full|present|calendar)(?: fiscal)? year|fiscal year|"
     r"end of (?:this|the) year|year[- ]?end|year end|year)", "_current_year"),
    (r"(\d{4})\s*(?:-|to|and)\s*(\d{4})", "_year_range"),
    (r"(?:year )?(\d{4})", "_year"),
    (r"since (.+)", "_since"),
    (r"(?:the )?(?:past|last|previous|recent) " + NUM + r" (day|week|month|year)s?", "_past"),
    (r"(?:recent|the past few|the last few) (day|week|month)s", "_recent"),
    (r"" + NUM + r" (day|week|month|year|decade)s? ago", "_ago"),
    (r"" + NUM + r" (day|week|month|year)s? later", "_later"),
    (r"" + NUM + r" (day|week|month|year)s? earlier", "_earlier"),
    (r"that (year|month)", "_that"),
    (r"next (week|month|year)", "_next_unit"),
    (r"(?:the )?(?:next|following) (day|week|month)", "_next"),
    (r"(?:that|same) day", "_same_day"),
    (r"(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of (\d{4}))?", "_quarter"),
    (r"(?:(latest|most recent|last|past|previous|recent|this|current|present|next|coming) )?"
     r"quarter", "_quarter_named"),
    (r"(latest|most recent) period", "_quarter_named"),  # a company's last reported quarter
    (r"(?:comparable )?(?:year[- ]ago|year[- ]earlier|last year|prior year|(\d{4}))"
     r"(?: (first|second|third|fourth))? (?:quarter|period)", "_quarter_of_year"),
    (r"(this|last|next) year (first|second|third|fourth) quarter", "_quarter_this_year"),
    (r"(first|second|last) half(?: of (\d{4}))?", "_half"),
    (r"(this past|this|last|next|past)? ?(spring|summer|fall|autumn|winter)(?: (?:of )?(\d{4}))?",
     "_season"),
    (HOLIDAY, "_holiday"),
    (r"tomorrow", "_tomorrow"),
    (r"next (\w+day)", "_next_weekday"),
    (r"yesterday|last night", "_yesterday"),
    (r"today|this (?:morning|afternoon|evening)|tonight|now", "_today"),
    (r"(?:(?:last|past|this) )?weekend|over the weekend", "_weekend"),
    (r"(?:earlier )?this (week|month|year)", "_this"),
    (r"this (\w+)", "_this_named"),
    (r"last (week|month|year)", "_last"),
    (r"last (\w+day)" + PART_OF_DAY, "_last_weekday"),
    (r"(?:last |previous |past |early )?(\w+day)" + PART_OF_DAY, "_weekday"),
    (r"(?:last )?(\w+)", "_month"),
]
# In a future-tense clause a bare weekday, month or month-day is the next one, not the last.
FUTURE_RULES = [
    (HOLIDAY, "_holiday_ahead"),
    (r"(early|late|mid|middle of|end of|beginning of|start of)[- ]?([a-z]+)", "_part_month_ahead"),
    (r"(?:this |early )?(\w+day)" + PART_OF_DAY, "_weekday_ahead"),
    (r"(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?", "_month_day_ahead"),
    (r"(?:this )?(\w+)", "_month_ahead"),
]
# Outside a past-tense clause ("the dividend is payable Dec. 7", "the summit in April", "talks
# open Tuesday") a bare month-day, month or weekday is the nearer of its last and next one.
PRESENT_RULES = [
    (HOLIDAY, "_holiday_near"),
    (r"(early|late|mid|middle of|end of|beginning of|start of)[- ]?([a-z]+)", "_part_month_near"),
    (r"(\w+)\.? (\d{1,2})(?:st|nd|rd|th)?", "_month_day_near"),
    (r"(\w+day)" + PART_OF_DAY, "_weekday_near"),
    (r"(\w+)", "_month_near"),
]
# Handlers whose dates are written out in full: they stand even after publication.
ABSOLUTE = frozenset({"_iso", "_full", "_month_year", "_year", "_year_range", "_part_year",
                      "_decade", "_part_decade", "_quarter", "_quarter_this_year", "_half",
                      "_century", "_current_year"})


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
                result = globals()[handler](m, published, anchor)
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
    if published and start > published and absolute:
        note = "future"  # written out in full: it stands, and says it is still to come
    if published and start > published and precision != "year" and note != "future":
        return When(text=text, note="resolves after publication; left unresolved")
    if published and end and end > published and precision == "range" and note != "future":
        end = published
    return When(start, max(start, end) if end else None, precision, text, note)


# ---- helpers

def _month_span(year: int, month: int):
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _month_no(word: str | None) -> int | None:
    return MONTHS.get((word or "").rstrip("."))


def _upcoming_year(published, month: int, day: int | None = None) -> int:
    """The year of the next such month (or month/day) on or after publication."""
    ahead = (month, day) >= (published.month, published.day) if day else month >= published.month
    return published.year if ahead else published.year + 1


def _recent_year(published, month: int, day: int = 1) -> int | str:
    """The year of the most recent such month/day on or before publication."""
    if published is None:
        return NO_DATE
    return published.year if (month, day) <= (published.month, published.day) or \
        (month == published.month) else published.year - 1


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


# ---- handlers: (match, published, anchor) -> (start, end, precision[, note]) | reason | None

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


def _mid(m, published, anchor):
    if m[1].isdigit() and len(m[1]) == 4:
        y = int(m[1])
        return date(y, 5, 1), date(y, 8, 31), "range"
    month = _month_no(m[1])
    if not month:
        return None
    year = int(m[2]) if m[2] else _recent_year(published, month)
    if isinstance(year, str):
        return year
    return date(year, month, 11), date(year, month, 20), "range"


def _part_year(m, published, anchor):
    y = int(m[2])
    if m[1] in ("early", "beginning of", "start of"):
        return date(y, 1, 1), date(y, 4, 30), "range"
    return date(y, 9, 1), date(y, 12, 31), "range"


def _part_month(m, published, anchor):
    month = _month_no(m[2])
    if not month:
        return None
    year = int(m[3]) if m[3] else _recent_year(published, month)
    if isinstance(year, str):
        return year
    first, last = _month_span(year, month)
    if m[1] in ("early", "beginning of", "start of"):
        return first, first + timedelta(days=9), "range"
    return last - timedelta(days=10), last, "range"


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


SPELLED_DECADES = {"twen": 192, "thir": 193, "for": 194, "fif": 195, "six": 196, "seven": 197,
                   "eigh": 198, "nine": 199}


def _decade(m, published, anchor):
    """"the 1990s"; "the nineties" (of the 20th century: the wire's usage)."""
    y = (int(m[1]) if m[1] else SPELLED_DECADES[m[2]]) * 10
    return date(y, 1, 1), date(y + 9, 12, 31), "range"


def _year_range(m, published, anchor):
    return date(int(m[1]), 1, 1), date(int(m[2]), 12, 31), "range"


def _year(m, published, anchor):
    y = int(m[1])
    if not 1800 <= y <= 2200:
        return None
    return date(y, 1, 1), date(y, 12, 31), "year"


def _since(m, published, anchor):
    inner = normalize_when(m[1], published, anchor=anchor)
    if not inner.resolved:
        return inner.note or "since-expression not resolved"
    if published is None:
        return inner.start, None, "range", "open-ended: no publication date"
    return inner.start, published, "range", "since: up to publication"


def _past(m, published, anchor):
    if published is None:
        return NO_DATE
    days = _count(m[1]) * UNITS[m[2]]
    return published - timedelta(days=days), published, "range"


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


def _next(m, published, anchor):
    days = UNITS[m[1]]
    return _relative(anchor, days, days, "day" if m[1] == "day" and anchor and
                     anchor.start == anchor.end else "range")


def _same_day(m, published, anchor):
    if anchor is None or not anchor.resolved:
        return "relative to an earlier event, none resolved"
    return anchor.start, anchor.end, anchor.precision


QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
           "winter": (12, 2)}


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


def _tomorrow(m, published, anchor):
    if published is None:
        return NO_DATE
    d = published + timedelta(days=1)
    return d, d, "day", "future"


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


def _next_weekday(m, published, anchor):
    day = WEEKDAYS.get(m[1])
    if day is None:
        return None
    if published is None:
        return NO_DATE
    d = published + timedelta(days=(day - published.weekday() - 1) % 7 + 1)
    return d, d, "day", "future"


def _yesterday(m, published, anchor):
    if published is None:
        return NO_DATE
    d = published - timedelta(days=1)
    return d, d, "day"


def _today(m, published, anchor):
    return (published, published, "day") if published else NO_DATE


def _weekend(m, published, anchor):
    if published is None:
        return NO_DATE
    back = (published.weekday() - 5) % 7  # days since the last Saturday
    sat = published - timedelta(days=back if back else 7)
    return sat, min(sat + timedelta(days=1), published), "range"


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


def _weekday(m, published, anchor):
    day = WEEKDAYS.get(m[1])
    if day is None:
        return None
    if published is None:
        return NO_DATE
    d = published - timedelta(days=(published.weekday() - day) % 7)
    return d, d, "day"


def _last_weekday(m, published, anchor):
    """"last Wednesday" said on a Wednesday is a week ago, not today."""
    day = WEEKDAYS.get(m[1])
    if day is None:
        return None
    if published is None:
        return NO_DATE
    d = published - timedelta(days=(published.weekday() - day) % 7 or 7)
    return d, d, "day"


def _month(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    year = _recent_year(published, month)
    if isinstance(year, str):
        return year
    return (*_month_span(year, month), "month")


def _inner(m, published, anchor):
    """The wording inside: "Monday, Oct. 26" (the date decides; the weekday only confirms
    it), "early this week"."""
    inner = normalize_when(m[1], published, anchor=anchor)
    if not inner.resolved:
        return inner.note
    return inner.start, inner.end, inner.precision, inner.note


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


def _part_decade(m, published, anchor):
    y = int(m[2]) * 10
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[m[1]]
    return date(y + low, 1, 1), date(y + high, 12, 31), "range", "decade"


def _month_of_year(m, published, anchor):
    month = _month_no(m[1])
    if not month:
        return None
    if published is None:
        return NO_DATE
    year = published.year + {"last": -1, "this": 0, "next": 1}[m[2]]
    future = (year, month) > (published.year, published.month)
    return (*_month_span(year, month), "month", "future" if future else "")


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


def _that(m, published, anchor):
    if anchor is None or not anchor.resolved:
        return "relative to an earlier event, none resolved"
    if m[1] == "year":
        return date(anchor.start.year, 1, 1), date(anchor.start.year, 12, 31), "year"
    return (*_month_span(anchor.start.year, anchor.start.month), "month")


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


def _weekday_ahead(m, published, anchor):
    day = WEEKDAYS.get(m[1])
    if day is None:
        return None
    if published is None:
        return NO_DATE
    d = published + timedelta(days=(day - published.weekday()) % 7)
    return d, d, "day", "future" if d > published else ""


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


def _century(m, published, anchor):
    n = int(m[1])
    if not 1 <= n <= 22:
        return None
    first = max(1, (n - 1) * 100)
    return date(first, 1, 1), date((n - 1) * 100 + 99, 12, 31), "range", "century"


def _current_year(m, published, anchor):
    """"the current fiscal year", "the full year", "by the end of the year", "year-end": the
    year of publication (fiscal years are read as calendar ones)."""
    if published is None:
        return NO_DATE
    return date(published.year, 1, 1), date(published.year, 12, 31), "year"
