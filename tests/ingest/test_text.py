import codecs
from datetime import date

import pytest

from wirecoder.errors import BinaryInput, DecodeFailed, EmptyInput, InputError
from wirecoder.ingest import article_from_text, read_text
from wirecoder.ingest.text import guess_title

BODY = ("MOPTI, Mali (Wire) - Gunmen killed five villagers near Mopti on Sunday, "
        "a local official said.\n\nThe army said it was searching the area.\n")


def test_title_is_short_first_line_and_text_is_kept_whole():
    raw = "Gunmen kill five near Mopti\n\n" + BODY
    article = read_text(raw.encode(), origin="a.txt", meta={})
    assert article.title == "Gunmen kill five near Mopti"
    assert article.text == raw  # title line included: offsets point into the file
    assert article.origin == "a.txt"
    assert article.published is None  # missing date is not guessed
    assert article.language == "en"


@pytest.mark.parametrize("text", [
    "A headline without a blank line\n" + BODY,
    "x" * 200 + "\n\n" + BODY,
    "Only one paragraph, no body after it\n\n",
    BODY.replace("\n\n", " "),
])
def test_no_title_unless_short_line_then_blank_line(text):
    assert guess_title(text) is None


def test_meta_wins_and_is_applied():
    meta = {"title": "Given", "published": date(2025, 3, 4), "outlet": "Wire", "language": "fr"}
    article = read_text(("Headline\n\n" + BODY).encode(), origin="a.txt", meta=meta)
    assert (article.title, article.published, article.outlet, article.language) == (
        "Given", date(2025, 3, 4), "Wire", "fr")


def test_newlines_normalized_and_bom_dropped():
    raw = codecs.BOM_UTF8 + "Headline\r\n\r\nBody text.\r\n".encode()
    article = read_text(raw, origin="a.txt", meta={})
    assert article.text == "Headline\n\nBody text.\n"
    assert article.title == "Headline"


def test_utf16_with_bom_is_read():
    raw = codecs.BOM_UTF16_LE + "Ségou attack\n\nBody.".encode("utf-16-le")
    assert read_text(raw, origin="a.txt", meta={}).title == "Ségou attack"


def test_same_text_same_id_whatever_the_origin():
    one = read_text(BODY.encode(), origin="a.txt", meta={})
    two = read_text(BODY.encode(), origin="b.txt", meta={"outlet": "Other"})
    assert one.id == two.id


@pytest.mark.parametrize("raw, error, says", [
    (b"", EmptyInput, "whitespace"),
    (b" \n\t\n", EmptyInput, "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "NUL"),
    (bytes(range(1, 9)) * 50, BinaryInput, "non-printable"),
    (bytes([0x01, 0xFF, 0x02, 0xFE, 0x41]) * 50, BinaryInput, "non-printable"),
    ("Attack in S\u00e9gou\n".encode("cp1252"), DecodeFailed, "byte 0xE9 at offset 11 (line 1)"),
])
def test_bad_text_is_refused_with_a_coded_one_line_reason(raw, error, says):
    with pytest.raises(error) as info:
        read_text(raw, origin="bad.txt", meta={})
    message = str(info.value)
    assert type(info.value) is error
    assert message.startswith(f"[{error.code}] bad.txt: ") and says in message
    assert "\n" not in message


def test_readers_check_raw_meta_themselves():
    article = read_text(BODY.encode(), origin="a.txt", meta={"published": "26-FEB-1987"})
    assert article.published == date(1987, 2, 26)


@pytest.mark.parametrize("text, code", [
    ("   \n\t", "W101"),
    ("\x01\x02\x03\x04", "W102"),           # control characters only
    ("\x1b[31m\x1b[0m", "W102"),
    ("  \x07" + " " * 100, "W101"),          # whitespace and one bell: nothing to read
    (BODY + "\x00", "W102"),                 # a NUL, even among text
])
def test_file_and_api_refuse_the_same_texts_with_the_same_code(text, code):
    """``ingest`` reads a file with read_text; ``POST /api/ingest`` calls article_from_text."""
    codes = []
    for call in (lambda: read_text(text.encode(), origin="x", meta={}),
                 lambda: article_from_text(text, origin="x")):
        with pytest.raises(InputError) as info:
            call()
        codes.append(info.value.code)
    assert codes == [code, code]
