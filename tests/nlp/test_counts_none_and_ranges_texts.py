"""Kind 5 of issue 29: "no one was killed" is no death; a range keeps its low and high ends,
the low one the event's toll (sentences written for these tests; the parse ones load the
model)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article
from wirecoder.nlp.numbers import parse_count, parse_range


@pytest.mark.parametrize("words, span", [
    ("between 15 and 20", (15, 20)), ("15 to 20 villagers", (15, 20)), ("15-20", (15, 20)),
    ("two or three", (2, 3)), ("at least 15 to 20", (15, 20)),
    ("20", None), ("at least 12", None), ("from 9 to 4", None), ("dozens", None),
])
def test_ranges(words, span):
    assert parse_range(words) == span
    if span:
        assert parse_count(words) == span[0]


def _events(pipeline, text):
    return pipeline.process(Article.make(text, published=date(2024, 3, 6))).events


def test_no_one_killed_is_no_death(pipeline):
    events = _events(pipeline, "Militants attacked an army post in Kidal on Monday. No one "
                               "was killed, the army said.")
    assert [e.fatalities for e in events] == [0]


def test_no_one_killed_never_lowers_a_toll_given(pipeline):
    events = _events(pipeline, "Gunmen killed four villagers in Djibo on Monday. No soldiers "
                               "were killed, the army said.")
    assert [e.fatalities for e in events] == [4]


@pytest.mark.parametrize("text", [
    "Between 15 and 20 villagers were killed when gunmen attacked Djibo on Monday.",
    "Gunmen killed 15 to 20 villagers in Djibo on Monday.",
])
def test_a_range_keeps_low_and_high(pipeline, text):
    [event] = _events(pipeline, text)
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (15, 15, 20)


def test_two_incidents_on_two_days_keep_their_own_tolls(pipeline):
    events = _events(pipeline, "Gunmen killed five villagers in Djibo on Monday. On Wednesday, "
                               "a roadside bomb killed three soldiers in Dori.")
    assert sorted(e.fatalities for e in events) == [3, 5]


def test_two_incidents_in_one_sentence_are_two_events_with_their_own_tolls(pipeline):
    events = _events(pipeline, "Gunmen killed five people in Djibo on Monday and three more in "
                               "Dori on Tuesday.")
    assert sorted((e.fatalities, e.place.name, e.when.start.day) for e in events) == [
        (3, "Dori", 5), (5, "Djibo", 4)]
    assert {e.sub_type for e in events} == {"Attack"}


def test_a_number_before_a_demonym_counts_the_victims(pipeline):
    events = _events(pipeline, "Eleven Malian soldiers and seven Nigerien gendarmes were "
                               "killed near Menaka on Sunday.")
    assert [e.fatalities for e in events] == [18]
