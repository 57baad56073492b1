"""A time phrase is a duration (TimeML DURATION) or a calendar time, and the two are told
apart by whole words: "Monday" is no "Mon day". Durations name no time of an event and never
clash with another mention's time; two different weekdays do (``nlp/event_updates``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from wirecoder.nlp.event_updates import dates_clash, is_duration


@pytest.mark.parametrize("text", ["hours", "for hours", "for three days", "48 hours",
                                  "48-hour", "several weeks", "days", "two-day"])
def test_durations(text):
    assert is_duration(text)


@pytest.mark.parametrize("text", ["Monday", "Sunday", "weekdays", "last year", "this week",
                                  "the day", "Tuesday night", "Friday"])
def test_calendar_times_are_no_durations(text):
    assert not is_duration(text)


def test_two_weekdays_clash_and_a_duration_clashes_with_none():
    def m(text):
        return SimpleNamespace(date_text=text)
    assert dates_clash(m("on Monday"), m("on Tuesday"))
    assert dates_clash(m("Monday"), m("Sunday"))
    assert not dates_clash(m("for hours"), m("Monday"))
