"""Kind 8 of issue 29: "members of <a group>", "fighters loyal to <a leader>" are that group's
or that leader's; a member noun with no one named is no actor (sentences written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article


def _actor1(pipeline, text):
    return [e.actor1 for e in pipeline.process(
        Article.make(text, published=date(2024, 3, 6))).events]


@pytest.mark.parametrize("text, actor", [
    ("Members of the Wagner Group killed ten civilians near Moura on Sunday.", "wagner-group"),
    ("Elements of Boko Haram attacked Konduga on Monday, killing four soldiers.", "boko-haram"),
    ("Fighters loyal to Khalifa Haftar shelled Tripoli on Monday, killing three.",
     "khalifa-haftar"),
])
def test_a_generic_doer_is_the_named_group_or_person(pipeline, text, actor):
    assert _actor1(pipeline, text) == [actor]


def test_members_of_no_one_named_are_no_actor(pipeline):
    x = pipeline.process(Article.make("Members of the community said the road was closed.",
                                      published=date(2024, 3, 6)))
    assert not [a for a in x.actors if "member" in a.name.lower()]


@pytest.mark.parametrize("text", [
    "Twelve villagers were killed in an attack on their village near Djibo on Sunday.",
    "Nine Nigerien soldiers were killed in an ambush near Tillaberi on Sunday, the army said.",
])
def test_violence_by_no_one_named_is_by_an_unidentified_armed_group(pipeline, text):
    assert _actor1(pipeline, text) == ["unidentified-armed-group"]


def test_militants_killed_by_no_one_named_get_no_doer(pipeline):
    assert _actor1(pipeline, "Five militants were killed near Djibo on Sunday.") in ([None], [])


def test_one_of_the_gunmen_is_the_gunmens_side(pipeline):
    x = pipeline.process(Article.make("Police killed one of the gunmen in Sousse, Tunisia, on "
                                      "Friday.", published=date(2024, 3, 6)))
    assert [e.actor2 for e in x.events] == ["unidentified-armed-group"]


def test_the_response_to_an_attack_does_not_make_the_responders_its_doers(pipeline):
    x = pipeline.process(Article.make("Two gunmen opened fire on tourists at a beach hotel in "
                                      "Sousse, Tunisia, on Friday, killing 20 people. Police "
                                      "killed one of the gunmen.", published=date(2024, 3, 6)))
    assert [e.actor1 for e in x.events if not e.historical] == ["unidentified-armed-group"]


def test_bombers_killed_by_their_own_vests_are_the_doers_of_a_suicide_bombing(pipeline):
    x = pipeline.process(Article.make("Two Boko Haram bombers were killed when they detonated "
                                      "their explosive vests in Maiduguri on Sunday.",
                                      published=date(2024, 3, 6)))
    assert [(e.sub_type, e.actor1, e.actor2) for e in x.events] == [
        ("Suicide bomb", "boko-haram", None)]
