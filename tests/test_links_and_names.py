"""Links and names (issue 32, item 6): only an absolute http(s) address is ever a link (the
FtM export's ``sourceUrl``, the article page's "original address"); anything else is kept as
text. Actor names and aliases lose control characters and line breaks where they enter the
store, so GEXF, FtM and the suggestions get one clean line per name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.model import Actor, Article, Extraction, clean_name, web_link
from wirecoder.store import Store

STATIC = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "web" / "static"


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("HTTP://example.org/", "HTTP://example.org/"),
    ("javascript:alert(1)", None), ("JavaScript://example.org/%0aalert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None), ("//example.org/x", None),
    ("example.org/x", None), ("http:///etc/passwd", None), ("https://exa mple.org", None),
    ("https://example.org/\nx", None), (None, None), ("", None)])
def test_only_http_and_https_are_links(url, link):
    assert web_link(url) == link


@pytest.mark.parametrize("name, clean", [
    ("Boko\nHaram", "Boko Haram"), ("  Islamic\r\n State \t", "Islamic State"),
    ("\x1b[31mJNIM\x1b[0m", "[31mJNIM[0m"), ("Al\u200b-Shabaab\u202e", "Al-Shabaab"),
    ("Hezb\u200ce Eslami", "Hezb\u200ce Eslami"), ("ok\x00", "ok")])
def test_clean_name(name, clean):
    assert clean_name(name) == clean


def test_names_enter_the_store_clean_and_javascript_is_no_link(tmp_path):
    from wirecoder.export import export

    article = Article.make("Fighters of the group attacked a village.", title="t",
                           url="javascript:alert(document.cookie)")
    dirty = Actor("boko-haram", "Boko\nHaram\x07", "armed group", "NG",
                  ("Jama'atu\r\nAhlis Sunna", "\u202eBH", "\n"))
    with Store(tmp_path / "w.db") as store:
        assert store.write(Extraction(article=article, actors=(dirty,)))
        [actor] = store.actors()
        assert actor.name == "Boko Haram"
        assert set(actor.aliases) == {"Jama'atu Ahlis Sunna", "BH"}
        assert store.article(article.id).url == "javascript:alert(document.cookie)"  # as text
        for fmt in ("ftm", "gexf"):
            path = tmp_path / f"x.{fmt}"
            with open(path, "w", encoding="utf-8") as out:
                export(store, fmt, out)
            text = path.read_text()
            assert "Boko Haram" in text and "Boko\nHaram" not in text and "\x07" not in text
            assert "javascript:" not in text
    entities = [json.loads(line) for line in (tmp_path / "x.ftm").read_text().splitlines()]
    [entity] = [e for e in entities if e["schema"] == "Article"]
    assert "sourceUrl" not in entity["properties"] or not entity["properties"]["sourceUrl"]


def test_the_article_page_links_only_web_addresses():
    page = (STATIC / "article.js").read_text()
    assert "webLink(a.url)" in page and 'href="${esc(a.url)}"' in page
    assert page.index("webLink(a.url)") < page.index('href="${esc(a.url)}"')
    assert "function webLink" in (STATIC / "common.js").read_text()


@pytest.mark.slow
def test_ingest_warns_of_an_address_kept_as_text(tmp_path, capsys):
    from wirecoder.cli import main

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": "Soldiers killed four militants near Kidal in Mali.",
                               "url": "javascript:alert(1)"}) + "\n")
    assert main(["ingest", str(src), "--db", str(tmp_path / "w.db"), "-q"]) == 0
    out = capsys.readouterr().out
    assert "stored: 1;" in out and "[W114]" in out and "never shown as a link" in out
