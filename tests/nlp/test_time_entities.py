"""Time entities the small model cuts in two are joined (loads the model)."""

from __future__ import annotations

import pytest

from wirecoder.nlp.load import load_nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("sentence, expected", [
    ("On the morning of 1 March 2019, gunmen attacked a base.", "the morning of 1 March 2019"),
    ("The boy was shot on Thursday evening, police said.", "Thursday evening"),
])
def test_a_part_of_the_day_and_its_date_are_one_entity(nlp, sentence, expected):
    assert expected in [e.text for e in nlp(sentence).ents if e.label_ in ("DATE", "TIME")]


@pytest.mark.parametrize("sentence, person, dates", [
    ("Relatives said Ahmed Friday, a trader, died in the blast.", "Ahmed Friday", []),
    ("Mr. Sunday told reporters that the convoy was attacked.", "Mr. Sunday", []),
    ("Soldiers detained Okafor Tuesday.", None, ["Tuesday"]),
])
def test_a_name_is_never_a_weekday(nlp, sentence, person, dates):
    doc = nlp(sentence)
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == dates
    if person:
        assert person in [e.text for e in doc.ents if e.label_ == "PERSON"]
