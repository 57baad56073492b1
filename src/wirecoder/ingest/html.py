"""HTML page -> Article: main text by trafilatura, offline, with a plain lxml fallback.

``Article.text`` is the extracted text with paragraphs separated by a blank line (the form
plain-text articles have, and what the sentence splitter treats as a hard break); offsets
point into that text, not into the HTML. The page's own title, date, canonical URL and site
name fill whatever the caller's ``meta`` leaves empty. The date is taken only from markup
that states it (meta tags, structured data, the URL), never guessed from the page's text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Mapping

import lxml.html
import trafilatura
from lxml.etree import ParserError

from ..errors import NoMainText
from ..model import Article
from .decode import MAX_BYTES, check_printable, check_size, decode, line_breaks
from .language import with_language
from .meta import clean_meta, fill, parse_date
from .rejected import one_line

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_NOT_ARTICLE = ("nav", "header", "footer", "aside", "form")  # skipped by the fallback
_INVISIBLE = ("script", "style", "noscript", "template")
_LANG = re.compile(r"[a-z]{2,3}")
_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters or more
# Fewer words than this is a menu or a "Home" link left over from a page with no article.
MIN_WORDS = 5


def read_html(data: bytes, *, origin: str, meta: Mapping[str, Any] | None = None,
              max_bytes: int = MAX_BYTES) -> Article:
    """Bytes of an HTML page -> Article; ``meta`` wins over the page's own metadata."""
    declared = _CHARSET.search(data[:4096])
    html = decode(data, origin=origin, declared=declared and declared.group(1).decode("ascii"))
    return article_from_html(html, origin=origin, meta=meta, max_bytes=max_bytes)


def article_from_html(html: str, *, origin: str, meta: Mapping[str, Any] | None = None,
                      max_bytes: int = MAX_BYTES) -> Article:
    tree = _parse(html)
    text, page, failure = _trafilatura(tree)
    if _words(text) < MIN_WORDS and tree is not None:
        text = max(text, _fallback_text(tree), key=_words)
    if _words(text) < MIN_WORDS:
        why = f"; trafilatura: {failure}" if failure else ""
        raise NoMainText(f"no article text in the page ({_words(text)} words found{why})",
                         origin=origin)
    check_size(len(text.encode("utf-8")), max_bytes, origin=origin, what="extracted text: ")
    check_printable(text, origin=origin)
    text = line_breaks(text)
    return Article.make(text, origin=origin,
                        **with_language(fill(clean_meta(meta, origin=origin), page), text))


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        tree = trafilatura.load_html(html)
    except Exception:  # a parser bug must cost one page, not the batch; lxml below decides
        tree = None
    if tree is None:  # trafilatura refuses fragments such as "<p>text" alone; lxml does not
        try:
            tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html))
        except (ParserError, ValueError):
            tree = None
    return tree


def _trafilatura(tree) -> tuple[str, dict[str, Any], str]:
    """Main text, page metadata, and why it failed (empty when it did not)."""
    if tree is None:
        return "", {}, "not parseable as HTML"
    try:
        doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                          date_extraction_params=_date_params())
    except Exception as exc:  # same reason as in _parse; the reason goes into NoMainText
        return "", _metadata(tree), one_line(f"{type(exc).__name__}: {exc}")
    if doc is None:
        return "", _metadata(tree), "nothing extracted"
    paragraphs = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    return "\n\n".join(paragraphs), _page(doc, tree), ""


def _metadata(tree) -> dict[str, Any]:
    """Page metadata alone, for when the text came from the fallback."""
    try:
        doc = trafilatura.extract_metadata(tree, date_config=_date_params())
    except Exception:  # metadata is a bonus; the article can do without
        return {}
    return _page(doc, tree)


def _page(doc, tree) -> dict[str, Any]:
    page = {"title": doc.title, "url": doc.url, "outlet": doc.sitename,
            "published": _page_date(doc.date), "language": _language(tree)}
    return {k: v for k, v in page.items() if v}


def _date_params() -> dict[str, Any]:
    # extensive_search would read dates out of the body text: a guess, so it stays off.
    return {"original_date": True, "extensive_search": False,
            "max_date": date.today().isoformat()}


def _fallback_text(tree) -> str:
    """Visible text of the body's paragraphs, else of the whole body, minus menus and footers."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    # Listed first: dropping elements while iterating over the tree would skip some.
    for element in list(root.iterdescendants(*_INVISIBLE, *_NOT_ARTICLE)):
        element.drop_tree()
    blocks = [" ".join(p.text_content().split()) for p in root.iter("p")]
    if not any(blocks):
        blocks = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(b for b in blocks if b)


def _page_date(value: str | None) -> date | None:
    try:
        return parse_date(value)
    except ValueError:  # the page's markup is wrong; that is no reason to drop its article
        return None


def _language(tree) -> str | None:
    root = tree.getroottree().getroot()
    lang = (root.get("lang") or "").split("-")[0].strip().lower()
    return lang if _LANG.fullmatch(lang) else None


def _words(text: str) -> int:
    return len(_WORD.findall(text))
