"""Tense-aware dates, dates written out after publication, and the wordings added for them."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import When
from wirecoder.normalize.when import normalize_when

PUBLISHED = date(2018, 2, 7)  # a Wednesday


@pytest.mark.parametrize("text, tense, start, end, precision", [
    ("on Tuesday", "past", "2018-02-06", "2018-02-06", "day"),
    ("on Tuesday", "future", "2018-02-13", "2018-02-13", "day"),
    ("on Wednesday", "future", "2018-02-07", "2018-02-07", "day"),   # today either way
    ("in March", "future", "2018-03-01", "2018-03-31", "month"),
    ("in March", "past", "2017-03-01", "2017-03-31", "month"),
    ("on March 12", "future", "2018-03-12", "2018-03-12", "day"),
    ("March 12", "present", "2018-03-12", "2018-03-12", "day"),   # nearer than last March
    ("Jan. 30", "present", "2018-01-30", "2018-01-30", "day"),
    ("Monday, Feb. 5", "past", "2018-02-05", "2018-02-05", "day"),
    ("Thursday, Feb. 8, 2018", "past", "2018-02-08", "2018-02-08", "day"),
    ("last month's", "past", "2018-01-01", "2018-01-31", "month"),
    ("January this year", "past", "2018-01-01", "2018-01-31", "month"),
    ("June last year", "past", "2017-06-01", "2017-06-30", "month"),
    ("early next year", "past", "2019-01-01", "2019-12-31", "year"),
    ("later this month", "past", "2018-02-01", "2018-02-07", "month"),
    ("this September", "past", "2018-09-01", "2018-09-30", "month"),
    ("the late 1980s", "past", "1986-01-01", "1989-12-31", "range"),
    ("fiscal 1989", "past", "1989-01-01", "1989-12-31", "year"),
    ("over the weekend", "past", "2018-02-03", "2018-02-04", "range"),
    ("the weekend", "past", "2018-02-03", "2018-02-04", "range"),
    ("a year earlier", "past", "2017-01-01", "2017-12-31", "year"),
])
def test_expressions(text, tense, start, end, precision):
    when = normalize_when(text, PUBLISHED, tense=tense)
    assert (str(when.start), str(when.end), when.precision) == (start, end, precision), when


def test_a_date_written_out_in_full_stands_after_publication_and_says_so():
    when = normalize_when("Oct. 15, 2019", PUBLISHED)
    assert when.start == date(2019, 10, 15) and when.note == "future"


def test_a_bare_date_after_publication_in_a_past_clause_is_not_guessed():
    when = normalize_when("Feb. 20", PUBLISHED, tense="past")  # this month, but not yet
    assert not when.resolved and "after publication" in when.note


def test_earlier_counts_back_from_the_previous_event():
    anchor = When(date(2018, 1, 20), date(2018, 1, 20), "day", "Jan. 20")
    when = normalize_when("two days earlier", PUBLISHED, anchor=anchor)
    assert (when.start, when.precision) == (date(2018, 1, 18), "day")


@pytest.mark.parametrize("tense", ["past", "present", "future"])
def test_without_a_publication_date_relative_wording_stays_unresolved(tense):
    for text in ("on Tuesday", "March 12", "this September", "January this year"):
        when = normalize_when(text, None, tense=tense)
        assert not when.resolved and when.note
