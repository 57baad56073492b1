from datetime import date, datetime

import pytest

from wirecoder.errors import BadMetadata
from wirecoder.ingest.meta import clean_meta, fill, parse_date


@pytest.mark.parametrize("value, expected", [
    ("2025-03-04", date(2025, 3, 4)),
    ("20250304", date(2025, 3, 4)),
    ("2025-03-04T23:30:00Z", date(2025, 3, 4)),
    ("2025-03-04T23:30:00-05:00", date(2025, 3, 4)),  # the date as written, not converted
    ("2025-03-04 10:00:00.123456789+01:00", date(2025, 3, 4)),
    ("26-FEB-1987 15:01:01.79", date(1987, 2, 26)),
    ("3-MAR-1987", date(1987, 3, 3)),
    ("Tue, 04 Mar 2025 10:00:00 GMT", date(2025, 3, 4)),
    (date(2025, 3, 4), date(2025, 3, 4)),
    (datetime(2025, 3, 4, 12, 0), date(2025, 3, 4)),
    (None, None),
    ("", None),
])
def test_parse_date_accepts(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2025-03", "last Tuesday", "31-FEB-1987", "2025-13-01",
                                   20250304])
def test_parse_date_refuses(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_clean_meta_types_and_drops_empty():
    assert clean_meta({"published": "2025-03-04", "outlet": " Sahel Wire ", "title": ""}) == {
        "published": date(2025, 3, 4), "outlet": "Sahel Wire"}
    assert clean_meta(None) == {}


@pytest.mark.parametrize("meta, says", [
    ({"published": "yesterday"}, "published"),
    ({"publisher": "x"}, "unknown metadata field 'publisher'"),
    ({"title": 3}, "expected a string"),
])
def test_clean_meta_rejects(meta, says):
    with pytest.raises(BadMetadata) as info:
        clean_meta(meta)
    assert says in str(info.value) and str(info.value).startswith("[W109]")


def test_fill_keeps_first_and_fills_gaps():
    assert fill({"title": "A", "url": None}, {"title": "B", "url": "u", "outlet": "o"}) == {
        "title": "A", "url": "u", "outlet": "o"}
