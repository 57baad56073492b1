from __future__ import annotations

import random
import string
from datetime import date

import pytest

from wirecoder.model import When
from wirecoder.normalize.when import normalize_when

PUBLISHED = date(2018, 2, 7)  # a Wednesday


@pytest.mark.parametrize("text, start, end, precision", [
    ("last month", "2018-01-01", "2018-01-31", "month"),
    ("Last month", "2018-01-01", "2018-01-31", "month"),
    ("in the past two weeks", "2018-01-24", "2018-02-07", "range"),
    ("in June 2015", "2015-06-01", "2015-06-30", "month"),
    ("since 2011", "2011-01-01", "2018-02-07", "range"),
    ("In December", "2017-12-01", "2017-12-31", "month"),
    ("in February", "2018-02-01", "2018-02-28", "month"),
    ("late on Tuesday", "2018-02-06", "2018-02-06", "day"),
    ("on Monday night", "2018-02-05", "2018-02-05", "day"),
    ("yesterday", "2018-02-06", "2018-02-06", "day"),
    ("today", "2018-02-07", "2018-02-07", "day"),
    ("2003", "2003-01-01", "2003-12-31", "year"),
    ("in 2013", "2013-01-01", "2013-12-31", "year"),
    ("the 1990s", "1990-01-01", "1999-12-31", "range"),
    ("Feb. 3", "2018-02-03", "2018-02-03", "day"),
    ("February 3, 2018", "2018-02-03", "2018-02-03", "day"),
    ("3 February 2018", "2018-02-03", "2018-02-03", "day"),
    ("2018-02-03", "2018-02-03", "2018-02-03", "day"),
    ("Dec. 28", "2017-12-28", "2017-12-28", "day"),
    ("last week", "2018-01-29", "2018-02-04", "week"),
    ("this week", "2018-02-05", "2018-02-07", "week"),
    ("last year", "2017-01-01", "2017-12-31", "year"),
    ("earlier this month", "2018-02-01", "2018-02-07", "month"),
    ("two years ago", "2016-01-01", "2016-12-31", "year"),
    ("early 2017", "2017-01-01", "2017-04-30", "range"),
    ("in mid-January", "2018-01-11", "2018-01-20", "range"),
    ("Jan 5-7", "2018-01-05", "2018-01-07", "range"),
    ("over the weekend", "2018-02-03", "2018-02-04", "range"),
    ("on the morning of 1 February 2018", "2018-02-01", "2018-02-01", "day"),
    ("twenty-one days ago", "2018-01-17", "2018-01-17", "day"),
    ("overnight", "2018-02-06", "2018-02-06", "day"),  # the night's evening (TimeML)
    ("in the last month", "2018-01-08", "2018-02-07", "range"),  # up to publication
    ("within the past week", "2018-01-31", "2018-02-07", "range"),
    ("last month", "2018-01-01", "2018-01-31", "month"),  # the calendar month before
    ("in the early hours of Monday", "2018-02-05", "2018-02-05", "day"),
    ("on the night of Feb. 3", "2018-02-03", "2018-02-03", "day"),
])
def test_resolves_against_publication(text, start, end, precision):
    when = normalize_when(text, PUBLISHED)
    assert (str(when.start), str(when.end), when.precision) == (start, end, precision)
    assert when.text == text


@pytest.mark.parametrize("text", ["last month", "yesterday", "on Tuesday", "in December",
                                  "in the past two weeks", "two days ago"])
def test_no_publication_date_leaves_relative_wording_unresolved(text):
    when = normalize_when(text, None)
    assert not when.resolved and when.precision == "unknown"
    assert "no publication date" in when.note


def test_since_without_publication_date_is_open_ended():
    when = normalize_when("since 2011", None)
    assert (when.start, when.end, when.precision) == (date(2011, 1, 1), None, "range")


def test_absolute_dates_need_no_publication_date():
    assert normalize_when("in June 2015", None).start == date(2015, 6, 1)


def test_relative_to_previous_event():
    anchor = normalize_when("on Monday", PUBLISHED)
    later = normalize_when("a few days later", PUBLISHED, anchor=anchor)
    assert later.start == date(2018, 2, 7) and later.end == PUBLISHED  # clipped at publication
    assert normalize_when("the next day", PUBLISHED, anchor=anchor).start == date(2018, 2, 6)
    orphan = normalize_when("a few days later", PUBLISHED)
    assert not orphan.resolved and "earlier event" in orphan.note


def test_never_in_the_future():
    assert not normalize_when("March 3", date(2018, 2, 7)).start == date(2018, 3, 3)


def test_garbage_never_raises():
    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + " -.,'/()"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        when = normalize_when(text, PUBLISHED)
        assert isinstance(when, When)
        if when.resolved:
            assert when.end >= when.start
    for text in ["February 30, 2018", "13/45/2018", "the 0000s", "99999", "Feb. 0"]:
        assert isinstance(normalize_when(text, PUBLISHED), When)


@pytest.mark.parametrize("text, start, end, precision", [
    ("04/07/2019", date(2019, 4, 7), date(2019, 4, 7), "day"),   # month first (slashes)
    ("23/04/2019", date(2019, 4, 23), date(2019, 4, 23), "day"),  # day first: no 23rd month
    ("2019/04/07", date(2019, 4, 7), date(2019, 4, 7), "day"),
    ("07.04.2019", date(2019, 4, 7), date(2019, 4, 7), "day"),   # day first (dots)
    ("between June 3 and 19", date(2019, 6, 3), date(2019, 6, 19), "range"),
    ("between June 3 and June 19", date(2019, 6, 3), date(2019, 6, 19), "range"),
    ("from May 30 to June 2", date(2019, 5, 30), date(2019, 6, 2), "range"),
    ("May 30-June 2", date(2019, 5, 30), date(2019, 6, 2), "range"),
    ("from Dec. 29 to Jan. 3", date(2018, 12, 29), date(2019, 1, 3), "range"),
])
def test_numeric_dates_and_ranges(text, start, end, precision):
    from wirecoder.normalize.when import normalize_when

    w = normalize_when(text, date(2019, 7, 1))
    assert (w.start, w.end, w.precision) == (start, end, precision)


@pytest.mark.parametrize("text, start", [
    ("the past 24 hours", date(2019, 6, 30)),     # touches publication day and the day before
    ("over the last 24 hours", date(2019, 6, 30)),
    ("the past 12 hours", date(2019, 6, 30)),
    ("the past 36 hours", date(2019, 6, 29)),
    ("the past two nights", date(2019, 6, 29)),
])
def test_last_hours_and_nights_are_a_range_up_to_publication(text, start):
    from wirecoder.normalize.when import normalize_when

    w = normalize_when(text, date(2019, 7, 1))
    assert (w.start, w.end, w.precision) == (start, date(2019, 7, 1), "range")
    assert not normalize_when(text, None).resolved  # no publication: nothing to count from
