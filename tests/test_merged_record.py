"""A merged record is built field by field (resolve/events.merged): no empty field replaces a
filled one, and every figure keeps its source."""

from __future__ import annotations

from dataclasses import replace

from datetime import date

from wirecoder.model import Event, Place, When, from_dict, to_dict
from wirecoder.resolve.events import merged


def report(id_, **fields):
    base = dict(type="Violence against civilians", sub_type="Attack",
                when=When(date(2024, 6, 4), date(2024, 6, 4), "day", "Tuesday"),
                place=Place("Gusau", "2334802", 12.17, 6.66, "NG", precision=1))
    return Event(id_, **{**base, **fields})


def test_fields_are_merged_one_by_one():
    first = report("a1", fatalities=12, wounded=30, counts_text=("12 people",),
                   trigger="killed", summary="Gunmen killed 12 people")
    later = report("b1", fatalities=20, counts_text=("The death toll rose to 20",),
                   place=None, when=When(text=""), assoc_actors=("civilians-nigeria",))
    event = merged([first, later], {"a1": ("A", "2024-06-04"), "b1": ("B", "2024-06-05")})
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (20, 12, 20)
    assert event.counts_text == ("The death toll rose to 20",)
    assert event.toll_history == ((12, "2024-06-04", "A", "12 people"),
                                  (20, "2024-06-05", "B", "The death toll rose to 20"))
    assert event.wounded == 30 and event.summary == "Gunmen killed 12 people"
    assert event.place.name == "Gusau" and event.when.precision == "day"
    assert event.assoc_actors == ("civilians-nigeria",)
    assert from_dict(Event, to_dict(event)) == event  # the history survives the store's JSON


def test_two_districts_of_one_province_are_two_places():
    from wirecoder.resolve.events import compare

    def district(name, day):
        place = Place(f"{name} district", None, 34.5, 69.2, "AF", "Logar", "A.ADM2",
                      precision=2)
        return Event(name, "Strategic developments", "Arrests", place=place,
                     when=When(date(2012, 5, day), date(2012, 5, day), "day", "today"))

    text = "Afghan and coalition forces detained a Taliban leader and two suspected insurgents"
    one, other = district("Baraki Barak", 15), district("Pul-e Alam", 16)
    score, parts = compare(one, other, lambda x: x, text, text)
    assert score == 0.0 and parts["veto"] == "different districts"
    score, _ = compare(one, district("Baraki Barak", 15), lambda x: x, text, text)
    assert score > 0.6


def test_a_province_and_a_common_group_are_no_evidence_of_one_occurrence():
    """Two detentions of members of one common armed group a day apart, one placed only at
    its province and the other at a district inside it: sharing the group, the province and
    template wording is no evidence of one occurrence; a person both name, or two versions
    of one story, still are."""
    from wirecoder.resolve.events import compare

    def report(id_, day, place):
        return Event(id_, "Strategic developments", "Arrests", place=place, actor2="taliban",
                     arrested=1, when=When(date(2013, 3, day), date(2013, 3, day), "day", ""))

    province = Place("Helmand", "1140026", 31.0, 64.0, "AF", "Helmand", "A.ADM1", precision=3)
    district = Place("Nad-e Ali district", None, 31.6, 64.3, "AF", "Helmand", "A.ADM2",
                     precision=2)
    text = "Afghan soldiers detained a Taliban fighter in Helmand province"
    one, other = report("k1", 5, province), report("k2", 6, district)
    score, parts = compare(one, other, lambda x: x, text, text + " on Wednesday")
    assert score == 0.0 and parts["veto"] == "a region is no evidence of one place"
    assert compare(one, other, lambda x: x, text, text, same_person=True)[0] >= 0.6
    assert compare(one, other, lambda x: x, text, text, same_story=True)[0] >= 0.6


def test_a_person_both_stories_name_is_no_evidence_for_their_background():
    """Two articles about one commander's death each recall a past attack in the capital:
    the commander belongs to today's story, not to the attacks they recall."""
    from wirecoder.resolve.events import compare

    city = Place("Kelvora", None, 12.0, 3.0, "ML", "Sannit", "P.PPLC", precision=1)
    bombing = Event("h1", "Explosions/Remote violence", "Suicide bomb", place=city,
                    fatalities=12, historical=True,
                    when=When(date(2015, 11, 1), date(2015, 11, 30), "month", "November 2015"))
    shooting = Event("h2", "Violence against civilians", "Attack", place=city, fatalities=12,
                     historical=True,
                     when=When(date(2015, 1, 1), date(2015, 12, 31), "year", "2015"))
    a, b = "a suicide bombing on a bus in Kelvora", "gunmen killed tourists at a museum"
    _, parts = compare(bombing, shooting, lambda x: x, a, b, same_person=True)
    assert "person" not in parts
    current = [replace(e, historical=False) for e in (bombing, shooting)]
    assert compare(*current, lambda x: x, a, b, same_person=True)[1]["person"] == 1.0


def test_a_running_toll_includes_the_earlier_figure():
    """"bringing the death toll to nine" two days after "killed seven": no disagreement."""
    from wirecoder.resolve.events import compare

    first = report("a1", fatalities=7, counts_text=("seven villagers",))
    later = report("b1", fatalities=9, counts_text=("bringing the death toll to nine",))
    assert compare(first, later, lambda x: x, "", "")[1]["toll"] == 1.0
    other = report("c1", fatalities=9, counts_text=("nine villagers",))
    assert compare(first, other, lambda x: x, "", "")[1]["toll"] == 0.6
