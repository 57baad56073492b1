"""Where an event's sentence puts it when the parse hangs the place away from the trigger
(loads the model). Texts are written for these tests."""

from __future__ import annotations

import pytest

from article_coding import code

pytestmark = pytest.mark.slow


def test_the_sole_place_of_the_sentence_places_an_event_the_parse_hung_elsewhere(pipeline):
    # the place hangs on "a road", the object of "clearing", not on the event ("bomb")
    x = code(pipeline, "A patrol struck a roadside bomb while clearing a road in Dara-i-Suf "
                       "district, Samangan province.")
    assert x.events and all(e.place is not None and e.place.admin1 == "Samangan"
                            for e in x.events)


def test_a_place_in_a_relative_clause_is_not_the_events(pipeline):
    x = code(pipeline, "Police arrested a man who had fled from Dara-i-Suf district.")
    assert all(e.place is None or e.place.admin1 != "Samangan" for e in x.events)


def test_a_name_before_province_is_a_place_whatever_the_ner_took_it_for(pipeline):
    # the NER reads "Samangan" as a person here; no person is followed by "province"
    x = code(pipeline, "Soldiers detained four men during an operation in Dara-i-Suf "
                       "district, Samangan province today.")
    [event] = [e for e in x.events if e.sub_type == "Arrests"]
    assert event.place.admin1 == "Samangan" and event.place.precision == 2


def test_an_event_with_no_place_of_its_own_lies_in_the_storys_one_province(pipeline):
    x = code(pipeline, "Soldiers detained three men during a night raid, officials said. The "
                       "men had planned attacks in Samangan province, they added.")
    [event] = [e for e in x.events if e.sub_type == "Arrests"]
    assert (event.place.admin1, event.place.precision, event.place.feature) == \
        ("Samangan", 3, "A.ADM1")
    assert event.place.confidence <= 0.6


def test_a_story_naming_two_provinces_leaves_the_event_at_the_country(pipeline):
    x = code(pipeline, "Soldiers detained three men in Afghanistan during a night raid. The men "
                       "had planned attacks in Samangan and Balkh provinces.")
    [event] = [e for e in x.events if e.sub_type == "Arrests"]
    assert event.place is None or event.place.admin1 is None


def test_a_story_naming_no_place_lies_in_its_datelines_province(pipeline):
    from datetime import date

    from wirecoder.model import Article

    x = pipeline.process(Article.make(
        "MAIDUGURI, Nigeria, March 9 (Wire) - Gunmen killed four herders on Monday, police "
        "said.", published=date(2021, 3, 9)))
    [event] = x.events
    assert (event.place.admin1, event.place.precision) == ("Borno", 3)
