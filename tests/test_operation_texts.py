"""Raid reports on sentences written for these tests: the first current event of a release is
its main action (issue 18, ISAF "type, first event"): a weapons find folds into the arrest or
killing of the same operation; a target's record, a purpose or an attack not yet made is no
current event; a person's role or the victims name no means; a cut-short passive ("three
suspects detained") is an arrest by the force, not an abduction (loads the model)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.evaluate.common import by_position
from wirecoder.model import Article

pytestmark = pytest.mark.slow
PUBLISHED = date(2012, 5, 3)


def current(pipeline, text):
    x = pipeline.process(Article.make(text, published=PUBLISHED))
    return by_position([e for e in x.events if e.happened and not e.historical], x.claims)


def first_and_types(pipeline, text):
    events = current(pipeline, text)
    return (events[0].sub_type if events else None), [e.sub_type for e in events]


# ---- a find folds into the operation's main action (nlp/operation_parts.py) -------------

@pytest.mark.parametrize("text, expected", [
    ("A coalition patrol found a cache of mortar rounds near Gardez on Monday. The soldiers "
     "also seized a rifle and detained a man suspected of hiding it.", "Arrests"),
    ("Soldiers detained three suspected militants and found a weapons cache during a raid in "
     "Kunar province on Monday.", "Arrests"),
    ("Troops uncovered a stash of grenades in a compound in Zabul province on Monday. One man "
     "was detained in connection with the find.", "Arrests"),
    ("Commandos killed one insurgent and discovered a cache of rifles during a clearing "
     "operation in Zabul province on Monday.", "Armed clash"),
])
def test_a_find_is_part_of_the_operation_it_was_made_in(pipeline, text, expected):
    first, types = first_and_types(pipeline, text)
    assert first == expected and "Disrupted weapons use" not in types, types


def test_a_find_alone_or_in_a_separate_operation_stays_a_find(pipeline):
    _, types = first_and_types(pipeline, "Police found a cache of grenades in Kandahar on "
                               "Monday. In a separate operation, soldiers detained two men in "
                               "Kandahar.")
    assert types.count("Disrupted weapons use") == 1 and "Arrests" in types, types
    first, _ = first_and_types(pipeline, "Soldiers seized two roadside bombs near Kandahar on "
                               "Monday.")
    assert first == "Disrupted weapons use"


# ---- a target's record, a purpose, an attack not yet made (nlp/modality.py) --------------

@pytest.mark.parametrize("second", [
    "The man supplies fighters with explosives for roadside bombs used in attacks against "
    "soldiers.",
    "The commander is responsible for attacks on police, as well as kidnapping operations.",
    "The commander is involved in a recent car bomb attack in the city that killed a "
    "shopkeeper.",
    "He has been linked to attacks against aid workers.",
    "Reports indicate he watched over a possible roadside bomb attack and had fighters "
    "prepare two bombs for an upcoming attack.",
    "He knows of fighters coming back from abroad to conduct roadside bomb attacks against "
    "troops.",
    "The aim of the raid was to disrupt potential suicide attacks on officials.",
])
def test_a_targets_record_or_aim_is_no_current_event(pipeline, second):
    _, types = first_and_types(pipeline, "Police detained a commander in Herat on Monday. "
                               + second)
    assert set(types) <= {"Arrests", "Armed clash"} and types[0] == "Arrests", types
    assert not {"Remote explosive/landmine/IED", "Suicide bomb", "Attack",
                "Abduction/forced disappearance"} & set(types), types


def test_involved_in_a_clash_is_still_the_clash(pipeline):
    first, _ = first_and_types(pipeline, "Two soldiers were involved in a clash with militants "
                               "in Herat on Monday.")
    assert first == "Armed clash"


# ---- the victims and a person's role name no means (modality.told_now) -----------------

@pytest.mark.parametrize("text", [
    "Soldiers killed a number of suicide bombers and detained two men in a raid in Wardak on "
    "Monday.",
    "Soldiers killed two fighters during a raid in search of a Taliban commander and "
    "improvised explosive device expert in Laghman on Monday.",
    "Police confirmed the death of a Taliban commander and roadside bomb facilitator in "
    "Laghman on Monday.",
])
def test_a_persons_description_is_no_means(pipeline, text):
    first, types = first_and_types(pipeline, text)
    assert first == "Armed clash" and "Suicide bomb" not in types \
        and "Remote explosive/landmine/IED" not in types, types


def test_a_bomber_who_struck_still_names_a_suicide_bombing(pipeline):
    first, _ = first_and_types(pipeline, "A suicide bomber blew himself up at a checkpoint in "
                               "Wardak on Monday, killing three policemen.")
    assert first == "Suicide bomb"


# ---- cut-short passives and aims that are not the occurrence -----------------------------

def test_suspects_detained_in_a_result_clause_are_arrested_not_abducted(pipeline):
    events = current(pipeline, "In Logar province, a joint security force conducted an "
                     "operation resulting in one Taliban commander killed and three suspected "
                     "insurgents detained, yesterday.")
    arrests = [e for e in events if e.sub_type == "Arrests"]
    assert arrests and arrests[0].arrested == 3, [(e.sub_type, e.trigger) for e in events]
    assert "Abduction/forced disappearance" not in {e.sub_type for e in events}


def test_suspects_being_detained_is_an_arrest(pipeline):
    events = current(pipeline, "Commandos conducted an operation which resulted in two "
                     "suspected insurgents being detained in Kunduz province on Monday.")
    assert [(e.sub_type, e.arrested) for e in events] == [("Arrests", 2)]


def test_the_killing_told_with_a_raids_aim_happened(pipeline):
    events = current(pipeline, "Afghan and coalition forces targeted a Taliban commander in "
                     "Badghis province yesterday, killing two insurgents.")
    assert [(e.sub_type, e.fatalities) for e in events] == [("Armed clash", 2)]
