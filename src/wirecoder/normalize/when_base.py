"""What every family of ``when`` rules shares: the words (months, weekdays, numbers, units) and
the calendar arithmetic (a month's first and last day, the nearest such month before or after
publication). No rules here; ``when`` holds the rule tables and the dispatch.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

MONTHS = {m: i for i, ms in enumerate(
    ["", "january jan", "february feb", "march mar", "april apr", "may", "june jun",
     "july jul", "august aug", "september sept sep", "october oct", "november nov",
     "december dec"]) for m in ms.split()}
WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
ONES = "zero one two three four five six seven eight nine".split()
TEENS_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBERS = {w: i for i, w in enumerate(ONES)}
NUMBERS.update({w: i for i, w in enumerate(TEENS_WORDS.split(), 10)})
for _tens, _word in enumerate(TENS_WORDS, 2):  # "twenty", "twenty-four", "twenty four"
    NUMBERS[_word] = 10 * _tens
    for _unit in range(1, 10):
        NUMBERS[f"{_word}-{ONES[_unit]}"] = NUMBERS[f"{_word} {ONES[_unit]}"] = 10 * _tens + _unit
NUMBERS.update({"a hundred": 100, "one hundred": 100, "hundred": 100, "a thousand": 1000,
                "one thousand": 1000})
NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "several": 3, "a few": 3,
                "few": 3})
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
NO_DATE = "no publication date; relative expression not resolved"


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
