"""Dates named by a part of a month, a weekday with its date, "last" + weekday or date,
holidays, and a company's latest reporting period."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.normalize.when import normalize_when

WED = date(2021, 3, 10)  # a Wednesday


@pytest.mark.parametrize("text, tense, start, end", [
    ("early April", "future", date(2021, 4, 1), date(2021, 4, 10)),     # the coming April
    ("mid-April", "present", date(2021, 4, 11), date(2021, 4, 20)),     # the nearer April
    ("late-October", "present", date(2020, 10, 21), date(2020, 10, 31)),
    ("late-February", "past", date(2021, 2, 18), date(2021, 2, 28)),
])
def test_part_of_a_month_follows_the_tense(text, tense, start, end):
    w = normalize_when(text, WED, tense=tense)
    assert (w.start, w.end) == (start, end), w


def test_a_weekday_with_its_date_picks_the_year_and_stands_after_publication():
    w = normalize_when("Friday, March 12", WED)
    assert (w.start, w.precision, w.note) == (date(2021, 3, 12), "day", "future")
    assert normalize_when("Monday, March 8", WED).start == date(2021, 3, 8)


def test_last_weekday_said_on_that_weekday_is_a_week_back():
    assert normalize_when("last Wednesday", WED).start == date(2021, 3, 3)
    assert normalize_when("last Monday", WED).start == date(2021, 3, 8)


def test_last_and_an_article_before_a_date():
    assert normalize_when("last Oct. 23", WED).start == date(2020, 10, 23)
    assert normalize_when("an Aug. 10, 1988", WED).start == date(1988, 8, 10)


@pytest.mark.parametrize("text, published, tense, day", [
    ("Thanksgiving Day", date(2021, 1, 5), "past", date(2020, 11, 26)),
    ("last Christmas", date(2021, 12, 25), "past", date(2020, 12, 25)),
    ("Christmas", date(2021, 12, 1), "future", date(2021, 12, 25)),
    ("Election Day", date(2020, 10, 20), "present", date(2020, 11, 3)),
    ("New Year's Day", date(2021, 3, 1), "past", date(2021, 1, 1)),
])
def test_holidays(text, published, tense, day):
    w = normalize_when(text, published, tense=tense)
    assert (w.start, w.end, w.precision) == (day, day, "day"), w


def test_the_latest_period_is_the_last_quarter_reported():
    w = normalize_when("the latest period", date(1989, 10, 30))
    assert (w.start, w.end) == (date(1989, 7, 1), date(1989, 9, 30))
