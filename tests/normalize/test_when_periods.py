"""Quarters, halves, seasons, centuries, spelled-out years, the current year, and bare names
read in a present-tense clause."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import When
from wirecoder.normalize.when import normalize_when

PUB = date(1989, 10, 30)  # a Monday in the fourth quarter


@pytest.mark.parametrize("text, start, end", [
    ("the quarter", date(1989, 7, 1), date(1989, 9, 30)),          # the one last reported
    ("the latest quarter", date(1989, 7, 1), date(1989, 9, 30)),
    ("the year-ago quarter", date(1988, 7, 1), date(1988, 9, 30)),
    ("the year-earlier third quarter", date(1988, 7, 1), date(1988, 9, 30)),
    ("this year's second quarter", date(1989, 4, 1), date(1989, 6, 30)),
    ("the fiscal first quarter", date(1989, 1, 1), date(1989, 3, 31)),
    ("the 1988 third quarter", date(1988, 7, 1), date(1988, 9, 30)),
    ("the first half of 1990", date(1990, 1, 1), date(1990, 6, 30)),
    ("the first half of the year", date(1989, 1, 1), date(1989, 6, 30)),  # the current year
    ("the 20th century", date(1900, 1, 1), PUB),  # a range stops at publication
    ("this past spring", date(1989, 3, 1), date(1989, 5, 31)),
    ("last summer", date(1989, 6, 1), date(1989, 8, 31)),
])
def test_periods(text, start, end):
    w = normalize_when(text, PUB)
    assert (w.start, w.end) == (start, end), w


def test_the_quarter_under_way_and_the_next_one():
    assert normalize_when("the current quarter", PUB).start == date(1989, 10, 1)
    nxt = normalize_when("next quarter", PUB)
    assert (nxt.start, nxt.note) == (date(1990, 1, 1), "future")


@pytest.mark.parametrize("text, year", [
    ("nineteen ninety-six", 1996), ("the year two thousand", 2000),
    ("two thousand and one", 2001), ("nineteen fifteen", 1915),
])
def test_spelled_out_years(text, year):
    w = normalize_when(text, PUB)
    assert (w.start, w.precision) == (date(year, 1, 1), "year")


def test_spelled_out_month_and_year_and_decade():
    assert normalize_when("January nineteen ninety-seven", PUB).start == date(1997, 1, 1)
    nineties = normalize_when("the nineties", PUB)
    assert (nineties.start, nineties.end) == (date(1990, 1, 1), date(1999, 12, 31))


@pytest.mark.parametrize("text", ["the current fiscal year", "the full year", "year-end",
                                  "by the end of the year", "earlier in the year"])
def test_the_current_year(text):
    w = normalize_when(text, PUB)
    assert (w.start, w.end, w.precision) == (date(1989, 1, 1), date(1989, 12, 31), "year")


def test_hedged_ago_and_decades_ago():
    assert normalize_when("almost four years ago", PUB).start == date(1985, 1, 1)
    assert normalize_when("a decade ago", PUB).start == date(1979, 1, 1)


def test_a_year_earlier_keeps_the_anchor_grain():
    q3 = normalize_when("the third quarter", PUB)
    w = normalize_when("a year earlier", PUB, anchor=q3)
    assert (w.start, w.end) == (date(1988, 7, 1), date(1988, 9, 30))
    assert normalize_when("year-earlier", PUB).start == date(1988, 1, 1)  # no anchor: the year


@pytest.mark.parametrize("text, expected", [
    ("Tuesday", date(1989, 10, 31)),   # Monday's story: tomorrow is nearer than last week
    ("Saturday", date(1989, 10, 28)),  # two days ago
    ("January", date(1990, 1, 1)),     # three months ahead, nine back
    ("June", date(1989, 6, 1)),        # four months back
])
def test_present_tense_reads_the_nearer_one(text, expected):
    assert normalize_when(text, PUB, tense="present").start == expected


def test_past_tense_still_reads_back():
    assert normalize_when("Tuesday", PUB, tense="past").start == date(1989, 10, 24)
    assert normalize_when("January", PUB, tense="past").start == date(1989, 1, 1)


def test_periods_without_a_publication_date_stay_unresolved():
    for text in ("the quarter", "the current fiscal year", "last summer", "a decade ago"):
        w = normalize_when(text, None)
        assert isinstance(w, When) and not w.resolved and w.note, text
