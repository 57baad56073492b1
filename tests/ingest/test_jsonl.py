import io
import json
from datetime import date

import pytest

from wirecoder.errors import (BadMetadata, BinaryInput, DateIgnored, DecodeFailed, EmptyInput,
                              MalformedRecord, MissingText, TooLarge)
from wirecoder.ingest import Notice, Rejected, read_json, read_jsonl
from wirecoder.model import Article, article_id

TEXT = "GAO, Mali (Wire) - Gunmen killed two traders on the road to Gao on Monday, police said."


def lines(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n"
                    for r in records)


def read(data: bytes, meta=None, max_bytes=2_000_000) -> list:
    return list(read_jsonl(io.BytesIO(data), name="f.jsonl", meta=meta or {},
                           max_bytes=max_bytes))


def test_fields_and_aliases():
    [first, second] = read(lines(
        {"id": "ignored", "text": TEXT, "title": "T", "url": "https://x.example/1",
         "outlet": "Wire", "published": "2025-03-04T10:00:00Z", "language": "fr",
         "dateline": "GAO, Mali", "extra": [1, 2]},
        {"body": TEXT + " More.", "source": "Other", "date": "26-FEB-1987 15:01:01.79"},
    ))
    assert first == Article(id=article_id(TEXT), text=TEXT, url="https://x.example/1",
                            outlet="Wire", title="T", published=date(2025, 3, 4), language="fr",
                            dateline="GAO, Mali", origin="f.jsonl:1")
    assert (second.outlet, second.published, second.origin) == (
        "Other", date(1987, 2, 26), "f.jsonl:2")
    assert second.language == "en" and second.title is None


def test_content_alias_and_missing_date():
    [article] = read(lines({"content": TEXT}))
    assert article.text == TEXT and article.published is None


def test_meta_fills_but_never_overrides():
    meta = {"outlet": "CLI outlet", "published": date(2020, 1, 1), "language": "ar"}
    [article] = read(lines({"text": TEXT, "outlet": "Record outlet"}), meta=meta)
    assert (article.outlet, article.published, article.language) == (
        "Record outlet", date(2020, 1, 1), "ar")


def test_bad_records_are_rejected_and_the_rest_comes_through():
    data = lines(
        {"text": TEXT},                                    # 1
        b"",                                               # 2 blank: skipped
        {"title": "no text"},                              # 3
        b'{"text": "unterminated',                         # 4
        b"[1, 2]",                                         # 5
        {"text": "   "},                                   # 6
        {"text": 42},                                      # 7
        {"text": TEXT + " Two.", "published": "soon"},     # 8
        '{"text": "S\u00e9gou"}'.encode("cp1252"),         # 9
        {"text": "x" * 200},                               # 10
        {"text": TEXT + " Last."},                         # 11
    )
    items = read(data, max_bytes=150)
    got = [(item.origin, Article if isinstance(item, Article) else type(item.error))
           for item in items]
    assert got == [
        ("f.jsonl:1", Article),
        ("f.jsonl:3", MissingText),
        ("f.jsonl:4", MalformedRecord),
        ("f.jsonl:5", MalformedRecord),
        ("f.jsonl:6", EmptyInput),
        ("f.jsonl:7", MalformedRecord),
        ("f.jsonl:8", DateIgnored),  # a warning (Notice): the article follows, undated
        ("f.jsonl:8", Article),
        ("f.jsonl:9", DecodeFailed),
        ("f.jsonl:10", TooLarge),
        ("f.jsonl:11", Article),
    ]
    for item in items:
        if isinstance(item, (Rejected, Notice)):
            message = str(item.error)
            assert message.startswith(f"[{item.error.code}] {item.origin}: ")
            assert "\n" not in message
    assert isinstance(items[6], Notice) and "published" in str(items[6].error)
    assert items[7].published is None
    assert "200 bytes is over the 150-byte limit" in str(items[9].error)


def test_over_long_line_is_skipped_without_reading_it_whole():
    huge = json.dumps({"text": "y" * 70_000}).encode()
    items = read(lines(huge, {"text": TEXT}), max_bytes=200)
    assert isinstance(items[0], Rejected) and isinstance(items[0].error, TooLarge)
    assert items[1].origin == "f.jsonl:2" and items[1].text == TEXT


def test_streams_one_line_at_a_time():
    data = lines({"text": TEXT}, {"text": TEXT + " Two."})
    stream = io.BytesIO(data)
    records = read_jsonl(stream, name="f.jsonl", meta={}, max_bytes=2_000_000)
    next(records)
    assert stream.tell() == data.index(b"\n") + 1


def test_bom_on_first_line():
    [article] = read(b"\xef\xbb\xbf" + lines({"text": TEXT}))
    assert article.text == TEXT


def test_json_document_object_and_list():
    [one] = list(read_json(json.dumps({"text": TEXT}), name="a.json", meta={}, max_bytes=10**6))
    assert one.origin == "a.json"
    listing = '[\n  {"text": "%s"},\n  {"title": "none"},\n\n  {"text": "Other. %s"}\n]' % (
        TEXT, TEXT)
    items = list(read_json(listing, name="b.json", meta={}, max_bytes=10**6))
    assert [i.origin for i in items] == ["b.json:2", "b.json:3", "b.json:5"]
    assert isinstance(items[1], Rejected) and isinstance(items[1].error, MissingText)


def test_json_document_that_is_json_lines_or_broken():
    items = list(read_json(lines({"text": TEXT}, {"text": TEXT + "!"}).decode(), name="c.json",
                           meta={}, max_bytes=10**6))
    assert [i.origin for i in items] == ["c.json:1", "c.json:2"]
    [bad] = list(read_json('[\n{"text": }\n]', name="d.json", meta={}, max_bytes=10**6))
    assert bad.origin == "d.json:2" and isinstance(bad.error, MalformedRecord)
    [scalar] = list(read_json('"just a string"', name="e.json", meta={}, max_bytes=10**6))
    assert isinstance(scalar.error, MalformedRecord)


@pytest.mark.parametrize("value", ["2025-03-04", "2025-03-04T23:59:59+05:00",
                                   "Tue, 04 Mar 2025 10:00:00 GMT"])
def test_date_formats(value):
    [article] = read(lines({"text": TEXT, "published": value}))
    assert article.published == date(2025, 3, 4)


def test_empty_files_say_so():
    [item] = read(b"\n\n  \n")
    assert item.origin == "f.jsonl" and isinstance(item.error, EmptyInput)
    [item] = list(read_json("  ", name="e.json"))
    assert item.origin == "e.json" and isinstance(item.error, EmptyInput)


def test_deeply_nested_json_is_malformed_not_a_crash():
    deep = "[" * 100_000 + "]" * 100_000
    [item, ok] = read(deep.encode() + b"\n" + lines({"text": TEXT}))
    assert isinstance(item.error, MalformedRecord) and "nested" in str(item.error)
    assert ok.text == TEXT
    [item] = list(read_json(deep, name="d.json"))
    assert isinstance(item.error, MalformedRecord)


@pytest.mark.parametrize("value", ["2024-02-30", "31-FEB-1987 10:00:00", "soon", 20240301,
                                   ["2024-03-01"]])
def test_a_bad_published_is_a_warning_and_the_article_is_kept_undated(value):
    notice, article = read(lines({"text": TEXT, "published": value}))
    assert isinstance(notice, Notice) and isinstance(notice.error, DateIgnored)
    assert notice.error.code == "W110" and notice.origin == "f.jsonl:1"
    assert str(notice.error).startswith("[W110] f.jsonl:1: published: ")
    assert "stored with an unknown date" in str(notice.error)
    assert isinstance(article, Article) and article.published is None


def test_a_bad_published_falls_back_to_the_callers_date_and_says_so():
    notice, article = read(lines({"text": TEXT, "date": "2024-02-30"}),
                           meta={"published": date(2024, 3, 1)})
    assert str(notice.error).startswith("[W110] f.jsonl:1: date: ")
    assert "the caller's date 2024-03-01 used instead" in str(notice.error)
    assert article.published == date(2024, 3, 1)


def test_a_bad_published_in_a_json_document_is_a_warning_too():
    notice, article = list(read_json(json.dumps({"text": TEXT, "published": "2024-02-30"}),
                                     name="a.json"))
    assert notice.origin == article.origin == "a.json" and article.published is None


def test_records_of_a_one_line_json_array_each_have_their_own_origin():
    listing = json.dumps([{"text": f"{TEXT} {i}."} for i in range(3)] + [{"title": "x"}])
    items = list(read_json(listing, name="c.json"))
    assert [i.origin for i in items] == ["c.json:1", "c.json:2", "c.json:3", "c.json:4"]
    assert isinstance(items[3].error, MissingText)
    # some records sharing a line: every record is numbered, none by line
    mixed = '[{"text": "%s 1."}, {"text": "%s 2."},\n {"text": "%s 3."}]' % (TEXT, TEXT, TEXT)
    assert [i.origin for i in read_json(mixed, name="m.json")] == [
        "m.json:1", "m.json:2", "m.json:3"]


@pytest.mark.parametrize("text, error", [("\x01\x02\x03", BinaryInput),
                                         (TEXT + "\x00", BinaryInput),
                                         ("  \x07" + " " * 100, EmptyInput)])
def test_record_texts_of_control_characters_are_refused(text, error):
    [item] = read(lines({"text": text}))
    assert isinstance(item, Rejected) and isinstance(item.error, error)
