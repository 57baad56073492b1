"""What the small model's entities miss on real wire copy, mended before events read them
(loads the model). Texts are written for these tests.

* a date written in figures is a date: "01/05/2021", "13.05.2021", "2021/05/13";
* a date, a range word and a bare day number are one range: "February 7 and 28";
* a verb whose subject is an event noun takes the time inside the subject's phrase;
* a country's name read as a date ("in Niger on Monday") is a place;
* a nationality alone places nothing: victims' passports are not where they died.
"""

from __future__ import annotations

from datetime import date

import pytest

from article_coding import code, current

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("written, day", [
    ("03/05/2021", date(2021, 3, 5)),    # month first: the US wire's order
    ("25/02/2021", date(2021, 2, 25)),   # day first: 25 cannot be a month
    ("03.02.2021", date(2021, 2, 3)),    # dots: day first
    ("2021/02/03", date(2021, 2, 3)),
])
def test_a_date_in_figures_dates_the_event(pipeline, written, day):
    x = code(pipeline, f"Gunmen shot dead four traders in Gao, Mali, on {written}.")
    [event] = current(x)
    assert (event.when.start, event.when.precision) == (day, "day")


@pytest.mark.parametrize("span", ["between February 7 and 28", "from February 7 to 28"])
def test_a_range_with_a_bare_second_day_is_one_range(pipeline, span):
    x = code(pipeline, f"Fighting between soldiers and rebels {span} killed 30 people in Gao, "
                       "Mali.")
    [event] = current(x)
    assert (event.when.start, event.when.end) == (date(2021, 2, 7), date(2021, 2, 28))
    assert event.when.precision == "range"


def test_a_country_read_as_a_date_is_still_the_place(pipeline):
    x = code(pipeline, "Two Italian engineers were killed by gunmen in Niger on Monday.")
    [event] = current(x)
    assert event.place is not None and event.place.country == "NE"


def test_a_nationality_alone_places_nothing(pipeline):
    x = code(pipeline, "Two Italian engineers were shot dead by gunmen on Monday.")
    [event] = current(x)
    assert event.place is None or event.place.country != "IT"


@pytest.mark.parametrize("neighbour", ["near Mali", "near the border with Mali",
                                       "close to Mali"])
def test_a_force_named_without_its_country_is_not_the_neighbours(pipeline, neighbour):
    """"the National Guard" in a sentence whose only country is a neighbour of the place: the
    force is the country the story is about, not the neighbour's."""
    x = code(pipeline, "Niger: six guardsmen killed in ambush\n\nSix Nigerien guardsmen were "
                       "killed on Sunday in an ambush in the west of Niger, the defence ministry "
                       f"said.\n\nThe attack on a National Guard patrol in the Tahoua region, "
                       f"{neighbour}, was claimed by no group.")
    sides = {e.actor2 for e in x.events}
    assert "military-forces-of-niger" in sides and "military-forces-of-mali" not in sides, sides
