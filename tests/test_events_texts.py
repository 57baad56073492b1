"""Event coding on sentences written for these tests: every ACLED type, each modality,
background, attribution over several sentences, and the wording of counts (loads the model)."""

from __future__ import annotations

from datetime import date

import pytest

from article_coding import code

pytestmark = pytest.mark.slow


def types(x) -> set[tuple[str, str]]:
    return {(e.type, e.sub_type) for e in x.events}


@pytest.mark.parametrize("text, expected", [
    ("Nigerian soldiers clashed with Boko Haram fighters near Bama on Monday, the army said.",
     ("Battles", "Armed clash")),
    ("A roadside bomb exploded under a bus near Gao on Monday, killing five passengers.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("A drone strike hit a convoy near Idlib on Monday, monitors said.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Gunmen killed seven villagers near Gao in Mali on Monday, officials said.",
     ("Violence against civilians", "Attack")),
    ("Gunmen kidnapped 14 passengers from a bus near Bandiagara on Monday.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Hundreds of students protested in Lagos on Monday against fee rises.",
     ("Protests", "Peaceful protest")),
    ("Rioters looted shops in Abuja on Monday, police said.",
     ("Strategic developments", "Looting/property destruction")),
    ("Police arrested 12 protest leaders in Niamey on Monday, officials said.",
     ("Strategic developments", "Arrests")),
])
def test_every_acled_type(pipeline, text, expected):
    assert expected in types(code(pipeline, text))


def test_riot_type(pipeline):
    x = code(pipeline, "Youths rioted in Kano on Monday after the vote, residents said.")
    assert ("Riots", "Violent demonstration") in types(x)


@pytest.mark.parametrize("text, modality", [
    ("The army said soldiers did not kill any civilians in the village.", "negated"),
    ("Officials fear the militants could attack the town again.", "hypothetical"),
    ("The militants plan to attack the base next week, a source said.", "planned"),
])
def test_modalities_are_not_counted_as_happened(pipeline, text, modality):
    x = code(pipeline, text)
    assert x.events and {e.modality for e in x.events} == {modality}
    assert all(e.fatalities is None for e in x.events)


def test_denied_by_the_accused(pipeline):
    x = code(pipeline, "Residents said soldiers killed four herders on Monday. The army denied "
                       "that its soldiers killed the herders.")
    assert "denied" in {e.modality for e in x.events}


def test_background_is_historical_and_keeps_its_date(pipeline):
    x = code(pipeline, "The town has been calm since gunmen killed 20 worshippers at a mosque "
                       "there in May 2014, residents said.")
    [event] = [e for e in x.events if e.fatalities]
    assert event.historical and event.when.start == date(2014, 5, 1)


def test_assessments_are_claims_not_events(pipeline):
    x = code(pipeline, "The group is in decline and may try to return, a security source said.")
    assert not [e for e in x.events if e.modality == "asserted"]
    assert any(c.kind == "statement" and c.source == "a security source" for c in x.claims)


def test_attribution_over_several_sentences(pipeline):
    x = code(pipeline, '"The fighters attacked the post at dawn. They killed three guards and '
                       'burned two trucks," a police spokesman said on Tuesday.')
    killings = [e for e in x.events if e.fatalities == 3]
    assert killings
    sources = {c.source for c in x.claims if c.kind == "event" and c.subject == killings[0].id}
    assert sources == {"a police spokesman"}


@pytest.mark.parametrize("text, field, number, wording", [
    ("Soldiers killed eight militants near Dori on Monday.", "fatalities", 8, "eight militants"),
    ("Gunmen killed at least 12 villagers near Dori on Monday.", "fatalities", 12,
     "at least 12 villagers"),
    ("Gunmen killed dozens of villagers near Dori on Monday.", "fatalities", None, None),
    ("Seven soldiers were wounded near Dori on Monday.", "wounded", 7, "Seven soldiers"),
    ("Gunmen abducted 14 passengers near Dori on Monday.", "abducted", 14, "14 passengers"),
    ("Police arrested 12 people in Dori on Monday.", "arrested", 12, "12 people"),
])
def test_counts_and_their_wording(pipeline, text, field, number, wording):
    x = code(pipeline, text)
    counted = [e for e in x.events if getattr(e, field) is not None]
    if number is None:  # "dozens": ACLED's vague-count convention gives a number
        assert counted and getattr(counted[0], field) >= 10
        return
    assert counted and getattr(counted[0], field) == number
    assert wording in counted[0].counts_text


def test_every_counted_conjunct_adds_to_the_toll(pipeline):
    x = code(pipeline, "Gunmen ambushed a convoy near Dori on Sunday, killing 14 soldiers and "
                       "four civilian drivers, two security sources said.")
    assert [e.fatalities for e in x.events] == [18]


def test_a_count_the_parser_gives_to_the_reporting_verb_is_still_the_object(pipeline):
    x = code(pipeline, "Gunmen stopped a bus near Dori last week and abducted 14 people, "
                       "including two women, a local official and a union leader said on "
                       "Tuesday.")
    assert [e.abducted for e in x.events if e.abducted] == [14]
