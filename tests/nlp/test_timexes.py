"""Time expressions at TimeML's grain: ages out, two-time entities split, deictic words in."""

from __future__ import annotations

import pytest

from wirecoder.nlp.load import load_nlp
from wirecoder.nlp.timexes import time_expressions


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(bare=True)


def texts(nlp, sentence):
    return [s.text for s in time_expressions(nlp(sentence))]


def test_ages_are_not_times(nlp):
    found = texts(nlp, "The victim, a 6-year-old girl, was found with her father, 44, on Monday.")
    assert "Monday" in found
    assert not any("old" in t or t == "44" for t in found)


def test_an_entity_with_two_times_is_split(nlp):
    found = texts(nlp, "Profit rose in the quarter ended Sept. 30, the company said.")
    assert "Sept. 30" in found and any("quarter" in t for t in found)
    found = texts(nlp, "The rebels held the town between 1994 and 1997.")
    assert "1994" in found and "1997" in found


def test_a_weekday_and_its_date_stay_one_expression(nlp):
    found = texts(nlp, "The vote is set for Monday, Oct. 26, officials said.")
    assert any("Monday" in t and "26" in t for t in found), found


def test_deictic_words_and_frequencies_are_times(nlp):
    found = texts(nlp, "The militia now controls the road and currently patrols it daily.")
    assert {"now", "currently", "daily"} <= set(found)
    found = texts(nlp, "Talks may resume in the near future, and monitors report every day.")
    assert "the near future" in found and "every day" in found


def test_frequency_adjectives_are_not_times(nlp):
    found = texts(nlp, "The company will pay a quarterly dividend of five cents on Friday.")
    assert "quarterly" not in found


def test_holidays_are_times(nlp):
    assert "Thanksgiving Day" in texts(
        nlp, "The boy was rescued off the coast on Thanksgiving Day, his family said.")
    assert "last Christmas" in texts(nlp, "The shelling stopped last Christmas.")


def test_a_year_followed_by_period_is_one_expression(nlp):
    assert "1989 period" in texts(nlp, "In the 1989 period, the company earned $2 million.")


def test_plural_units_and_now_split_an_entity(nlp):
    found = texts(nlp, "Net income for the six months ended Oct. 1 fell 5%.")
    assert "Oct. 1" in found and "the six months" in found
    found = texts(nlp, "He will not be sent back between now and Feb. 10, the lawyer said.")
    assert "now" in found and "Feb. 10" in found
