"""Kind 7 of issue 29: "yesterday evening" is yesterday; a UTC timestamp of the evening before
the dateline's local day counts "yesterday" from the local day (sentences written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article
from wirecoder.normalize.when import normalize_when

DAY = date(2024, 3, 6)


@pytest.mark.parametrize("words", ["yesterday evening", "late yesterday", "yesterday morning",
                                   "last evening", "last night"])
def test_parts_of_yesterday_are_yesterday(words):
    when = normalize_when(words, DAY)
    assert (when.start, when.end, when.precision) == (date(2024, 3, 5), date(2024, 3, 5), "day")


TEXT = ("DJIBO, Burkina Faso, March 6 (Reuters) - Gunmen killed four villagers in the town "
        "yesterday, officials said.")


def test_a_utc_timestamp_a_day_before_the_dateline_counts_from_the_local_day(pipeline):
    x = pipeline.process(Article.make(TEXT, published=date(2024, 3, 5)))
    assert [e.when.start for e in x.events] == [date(2024, 3, 5)]
    [note] = [c.value for c in x.claims if c.kind == "attribute"
              and c.value.get("attribute") == "published"]
    assert note["value"] == "2024-03-06" and "UTC" in note["note"]


def test_a_timestamp_on_the_dateline_day_stands(pipeline):
    x = pipeline.process(Article.make(TEXT, published=DAY))
    assert [e.when.start for e in x.events] == [date(2024, 3, 5)]
    assert not [c for c in x.claims if c.kind == "attribute"
                and c.value.get("attribute") == "published"]
