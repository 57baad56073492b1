"""How many were detained, as raid press releases word it (sentences written for these tests;
loads the model): vague quantities, conjoined and accompanying detainees, the lead's detention
told again in the body, and tallies over a span of months."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article

pytestmark = pytest.mark.slow


def detained(pipeline, text) -> int:
    """The detainees of the article's current events, summed (as a user of the store would)."""
    x = pipeline.process(Article.make(text, published=date(2011, 5, 3)))
    return sum(e.arrested or 0 for e in x.events if e.happened and not e.historical)


@pytest.mark.parametrize("text, n", [
    # "multiple" reads as "several": 3 (vague_quantities.yaml)
    ("Police detained multiple suspected militants in Herat on Monday.", 3),
    ("Multiple suspected fighters were detained by soldiers near Herat on Monday.", 3),
    # a named detainee and others conjoined or accompanying him
    ("Soldiers arrested a militia commander and several of his bodyguards near Herat on "
     "Monday.", 4),
    ("Soldiers arrested a militia commander and two suspected fighters near Herat on Monday.", 3),
    ("Police detained the militia commander along with three of his guards in Herat on "
     "Monday.", 4),
    ("Troops killed one gunman and detained several others near Herat on Monday.", 3),
    # two arrests in one sentence, of one group, are other people
    ("A security force arrested a Taliban leader and detained four suspected insurgents in "
     "Herat province today.", 5),
    # weapons taken beside the detainees are no detainees
    ("Soldiers detained two suspected insurgents and secured multiple automatic rifles near "
     "Herat on Monday.", 2),
    # "more than 10" allows 11 at least
    ("Police detained more than 10 suspected militants in Herat on Monday.", 11),
])
def test_detainees_as_worded(pipeline, text, n):
    assert detained(pipeline, text) == n


@pytest.mark.parametrize("text, n", [
    # the same detainees told again, by number or by a definite description
    ("Soldiers detained two suspected militants in Herat province on Monday. The two suspected "
     "militants were taken to a base for questioning after they were detained.", 2),
    # the lead's vague count told exactly in the body
    ("Soldiers detained several suspected militants in Herat province on Monday. After "
     "questioning villagers, the soldiers detained four suspected militants.", 4),
    # the lead's commander, then the commander and his men
    ("Soldiers detained a militia commander in Herat province on Monday. After searching the "
     "house, the soldiers detained the commander and two of his fighters.", 3),
    # other detainees, said to be others: they add up
    ("Soldiers arrested a militia commander in Herat province on Monday. The soldiers also "
     "detained two of his fighters.", 3),
    ("Soldiers arrested a militia commander in Herat province on Monday. Two additional "
     "suspects were detained during the search.", 3),
])
def test_a_detention_told_twice_is_counted_once(pipeline, text, n):
    assert detained(pipeline, text) == n


def test_a_tally_over_months_is_no_detention(pipeline):
    text = ("Soldiers detained two suspected militants in Herat province on Monday. Since "
            "January, soldiers have detained more than 40 militants in the province. In the last "
            "month, the army has arrested six commanders in the west.")
    assert detained(pipeline, text) == 2
