from datetime import date

import pytest

from wirecoder.errors import DecodeFailed, NoMainText, TooLarge
from wirecoder.ingest import read_html

PARAGRAPHS = [
    "KIDAL, Mali (Wire) - Armed men attacked a checkpoint outside Kidal on Friday, killing "
    "three soldiers, a military source said.",
    "The attackers fled on motorcycles towards the Algerian border, the source said, adding "
    "that reinforcements had been sent from Gao.",
    "The region has seen repeated fighting since separatists took control of the town in 2012.",
]
PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">
<title>Three soldiers killed near Kidal | Desert Wire</title>
<meta property="og:site_name" content="Desert Wire">
<meta property="article:published_time" content="2025-01-10T08:00:00Z">
<link rel="canonical" href="https://desertwire.example.org/mali/kidal-checkpoint">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news and analysis</a></nav>
<article><h1>Three soldiers killed near Kidal</h1>{body}</article>
<footer><p>Copyright 2025 Desert Wire. All rights reserved. Terms of use.</p></footer>
</body></html>"""


def page(lang="en", charset="utf-8", body=None):
    body = body if body is not None else "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return PAGE.format(lang=lang, charset=charset, body=body)


def test_main_text_and_page_metadata():
    article = read_html(page().encode(), origin="p.html", meta={}, max_bytes=2_000_000)
    assert article.title == "Three soldiers killed near Kidal"
    assert article.published == date(2025, 1, 10)
    assert article.url == "https://desertwire.example.org/mali/kidal-checkpoint"
    assert article.outlet == "Desert Wire"
    assert article.origin == "p.html"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "\n\n".join(PARAGRAPHS) in article.text  # paragraphs end in a blank line
    assert "Home" not in article.text and "Copyright" not in article.text


def test_cli_meta_wins_over_page():
    meta = {"title": "Given title", "published": date(2025, 1, 11), "outlet": "Given"}
    article = read_html(page().encode(), origin="p.html", meta=meta, max_bytes=2_000_000)
    assert (article.title, article.published, article.outlet) == (
        "Given title", date(2025, 1, 11), "Given")
    assert article.url == "https://desertwire.example.org/mali/kidal-checkpoint"  # filled


def test_no_date_is_not_guessed_from_the_text():
    html = ("<html><body><article><p>On March 3, 2024, gunmen attacked a village near Djibo, "
            "killing four people, residents said on 4 March 2024.</p>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")
    article = read_html(html.encode(), origin="p.html", meta={}, max_bytes=2_000_000)
    assert article.published is None


def test_declared_charset_and_language():
    html = page(lang="fr-FR", charset="windows-1252").replace("Kidal", "Ségou")
    article = read_html(html.encode("cp1252"), origin="p.html", meta={}, max_bytes=2_000_000)
    assert "Ségou" in article.text
    assert article.language == "fr"


@pytest.mark.parametrize("html", [
    # unclosed tags, no head, truncated in the middle of a tag
    "<html><body><div><p>" + PARAGRAPHS[0] + "<p>" + PARAGRAPHS[1] + "<p>" + PARAGRAPHS[2]
    + "<div><span class='x",
    # a bare fragment, which trafilatura itself refuses
    "<p>" + PARAGRAPHS[0],
    # text with no paragraph markup at all
    "<html><body>" + PARAGRAPHS[0] + "</body></html>",
])
def test_broken_html_still_gives_text(html):
    article = read_html(html.encode(), origin="p.html", meta={}, max_bytes=2_000_000)
    assert PARAGRAPHS[0] in article.text


@pytest.mark.parametrize("html", [
    "<html><head><script>var a = 1;</script></head><body></body></html>",
    "<<<>>>",
    "<html><body><nav><a href='/'>Home</a></nav><style>p {}</style></body></html>",
    "<!-- only a comment -->",
])
def test_no_text_gives_no_main_text(html):
    with pytest.raises(NoMainText) as info:
        read_html(html.encode(), origin="p.html", meta={}, max_bytes=2_000_000)
    assert str(info.value).startswith("[W107] p.html: ") and "\n" not in str(info.value)


def test_extracted_text_over_limit():
    with pytest.raises(TooLarge):
        read_html(page().encode(), origin="p.html", meta={}, max_bytes=100)


@pytest.mark.parametrize("charset, error", [("no-such-charset", "unknown charset"),
                                             ("base64", "unknown charset"),
                                             ("utf-8", "not UTF-8")])
def test_bad_declared_charset_is_decode_failed(charset, error):
    with pytest.raises(DecodeFailed) as info:
        read_html(page(charset=charset).replace("Kidal", "S\u00e9gou").encode("cp1252"),
                  origin="p.html", meta={}, max_bytes=2_000_000)
    assert error in str(info.value)
