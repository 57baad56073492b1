"""The tense of the clause a date belongs to, read from the parse."""

from __future__ import annotations

import pytest

from wirecoder.nlp.load import load_nlp
from wirecoder.nlp.tense import tense_of


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(bare=True)


def date_tense(nlp, text):
    doc = nlp(text)
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    assert ents, [(e.text, e.label_) for e in doc.ents]
    return tense_of(ents[0])


@pytest.mark.parametrize("text, tense", [
    ("Gunmen attacked a checkpoint on Tuesday.", "past"),
    ("Talks will resume on Tuesday in Geneva.", "future"),
    ("The minister is scheduled to visit Kabul on Thursday.", "future"),
    ("The army plans to hold a parade on Friday.", "future"),
    ("Rebels are meeting government envoys on Monday.", "future"),
    ("The mayor has said since March that the road is unsafe.", "past"),
])
def test_tense_of_a_date(nlp, text, tense):
    assert date_tense(nlp, text) == tense


def test_an_event_told_in_the_future_gets_the_coming_weekday():
    from datetime import date

    from wirecoder.model import Article
    from wirecoder.pipeline import Pipeline

    text = ("Militants killed two soldiers in Kandahar on Tuesday, officials said. "
            "The Taliban will attack the convoy on Friday, a commander warned.")
    x = Pipeline().process(Article.make(text, published=date(2021, 3, 10)))  # a Wednesday
    days = sorted(str(e.when.start) for e in x.events if e.when.resolved)
    assert "2021-03-09" in days
    assert all(d <= "2021-03-12" for d in days) and "2021-03-05" not in days


def test_an_adjective_has_no_tense(nlp):
    """"payable Dec. 7" in a past-tense sentence is not read as last December."""
    assert date_tense(nlp, "The company declared a dividend payable Dec. 7.") == "present"


@pytest.mark.parametrize("text, tense", [
    ("Investigators have been searching for the gunman since the Oct. 23 ambush.", "past"),
    ("Villagers want the army to lift the curfew imposed Thursday.", "past"),
    ("Food is scarce in the camp since the March offensive.", "past"),
    ("Talks on the ceasefire scheduled for Friday will go ahead.", "present"),
])
def test_perfect_participle_and_since_read_as_past(nlp, text, tense):
    """The perfect, a participle modifying a noun (unless it schedules) and "since" place the
    date before publication."""
    assert date_tense(nlp, text) == tense
