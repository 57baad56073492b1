"""One occurrence, one event, within an article (nlp/event_merge/, nlp/event_updates.py), on
short reports written for these tests: fragments and follow-up sentences join the event told
before; a total over several occurrences goes to none of them; a separate attack, another day
or another place stays apart (loads the model)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article

pytestmark = pytest.mark.slow
PUBLISHED = date(2024, 3, 10)


def events(pipeline, text):
    return pipeline.process(Article.make(text, published=PUBLISHED)).events


def test_wounded_who_later_died_raise_the_toll(pipeline):
    found = events(pipeline, "Gunmen attacked a police post in Kadugli on Tuesday, killing four "
                              "officers and wounding nine. Three of the wounded later died in "
                              "hospital, a medical source said.")
    assert len(found) == 1
    assert (found[0].fatalities, found[0].wounded) == (7, 6)


def test_the_dead_of_the_wounded_told_inside_the_toll_are_not_added(pipeline):
    found = events(pipeline, "Shells killed seven civilians at a market in Kismayo on Tuesday, "
                              "raising the toll after three of the wounded died.")
    assert [e.fatalities for e in found] == [7]


def test_a_toll_that_rose_replaces_the_first_figure_with_its_wording(pipeline):
    found = events(pipeline, "A suicide bomber killed nine people at a mosque in Kano on Friday. "
                              "The death toll from the bombing rose to 14 on Saturday, "
                              "officials said.")
    assert len(found) == 1
    assert found[0].fatalities == 14
    assert "rose to 14" in found[0].counts_text[0]


def test_one_raid_sentence_is_one_occurrence(pipeline):
    found = events(pipeline, "Rebels stormed an army base near Gao on Friday, fought soldiers for "
                              "hours and seized weapons, killing six troops.")
    assert [e.fatalities for e in found] == [6]


def test_vehicles_burned_in_an_ambush_are_part_of_it(pipeline):
    found = events(pipeline, "Insurgents ambushed a convoy near Kunduz on Saturday and burned two "
                              "armoured vehicles, killing three soldiers.")
    assert [(e.sub_type, e.fatalities) for e in found] == [("Armed clash", 3)]


def test_a_total_over_two_bombings_goes_to_neither(pipeline):
    found = events(pipeline, "Two bombs killed 15 people in Maiduguri on Monday. The first bomb "
                              "exploded at a market, killing nine. A second bomb went off at a "
                              "bus station an hour later, killing six.")
    assert sorted(e.fatalities for e in found) == [6, 9]


def test_the_dead_and_the_wounded_of_one_shooting(pipeline):
    found = events(pipeline, "Police said a man was killed and four others were wounded when "
                              "gunmen opened fire on a bus near Jos on Monday.")
    assert [(e.fatalities, e.wounded) for e in found] == [(1, 4)]


def test_a_series_of_attacks_killing_seven_is_one_event(pipeline):
    found = events(pipeline, "The rebels launched a series of attacks on army posts near Beni "
                              "on Monday, killing seven soldiers.")
    assert [e.fatalities for e in found] == [7]


def test_a_separate_attack_stays_apart(pipeline):
    found = events(pipeline, "A car bomb killed eight people in Mogadishu on Monday. In a separate "
                              "attack, gunmen killed two soldiers in Baidoa.")
    assert sorted(e.fatalities for e in found) == [2, 8]


def test_a_wounded_man_who_died_of_his_wounds_days_later(pipeline):
    found = events(pipeline, "Gunmen attacked a police post in Kadugli on Tuesday, killing four "
                              "officers and wounding nine. A fifth officer died of his wounds on "
                              "Thursday, a medical source said.")
    assert [(e.fatalities, e.wounded) for e in found] == [(5, 8)]


def test_this_attack_paragraphs_later_is_the_attack_told(pipeline):
    found = events(pipeline, "A suicide bomber killed six soldiers at a checkpoint near Bagram on "
                              "Monday. The governor said the road would stay closed. Residents "
                              "said the market was shut for the rest of the day. The minister "
                              "condemned this cowardly attack on the country's soldiers.")
    assert [e.fatalities for e in found if e.type != "Strategic developments"] == [6]


def test_a_clash_during_a_march_is_one_violent_demonstration(pipeline):
    found = events(pipeline, "Thousands of farmers battled police in Valencia during a march to "
                              "demand higher milk prices, organisers said on Monday.")
    assert [e.sub_type for e in found] == ["Violent demonstration"]


def test_the_doers_own_claim_is_not_the_toll(pipeline):
    found = events(pipeline, "Rebels ambushed a police patrol outside Bentiu on Friday, killing "
                              "four officers, a police source said. The rebel group said in a "
                              "statement it had killed 12 officers.")
    assert len(found) == 1
    assert found[0].fatalities == 4 and found[0].counts_text == ("four officers",)
