from datetime import date

import pytest

from wirecoder.ingest import article_from_text
from wirecoder.ingest.dateline import find_dateline


@pytest.mark.parametrize("text, place, day, agency", [
    ("HERAT, Afghanistan (March 2, 2012)\nA patrol found a cache.", "HERAT, Afghanistan",
     date(2012, 3, 2), None),
    ("Press office\nFor release\n\nQUETTA, Pakistan (Sept. 9) - Police said", "QUETTA, Pakistan",
     date(2015, 9, 9), None),
    ("Storm hits coast\n\nLAGOS, Nigeria, June 3 (Newswire) - Rain fell.", "LAGOS, Nigeria",
     date(2015, 6, 3), "Newswire"),
    ("BEIRUT, May 30 (Wire) - A blast", "BEIRUT", date(2015, 5, 30), "Wire"),
    ("ADEN (Wire) - A blast", "ADEN", None, "Wire"),
    ("Tripoli, Libya (Oct. 4) \u2013 Shells fell.", "Tripoli, Libya", date(2015, 10, 4), None),
])
def test_dateline_forms(text, place, day, agency):
    found = find_dateline(text)
    assert found.place == place and found.agency == agency
    assert found.day_of(date(2015, 11, 1)) == day


@pytest.mark.parametrize("text", [
    "Gunmen attacked a market on Tuesday.",
    "Bomb kills four (updated)\nA bomb killed four people.",
    "Kandahar/Zabul\nIn the same area, a patrol found a cache.",
])
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_year_from_the_header_when_the_dateline_has_none():
    text = "Press office\n2014-12-AB-031\nKUNDUZ, Afghanistan (Jan. 3) - A patrol"
    found = find_dateline(text)
    assert found.day_of(header=text[:found.start]) == date(2015, 1, 3)
    assert find_dateline("KUNDUZ, Afghanistan (Jan. 3) - A patrol").day_of() is None


def test_unicode_line_separators_are_newlines():
    article = article_from_text("Press office\u2028For release\u2029KUNDUZ (Wire) - A patrol",
                                origin="t")
    assert "\u2028" not in article.text and "\u2029" not in article.text
    assert len(article.text) == len("Press office\u2028For release\u2029KUNDUZ (Wire) - A patrol")
    assert find_dateline(article.text).place == "KUNDUZ"
