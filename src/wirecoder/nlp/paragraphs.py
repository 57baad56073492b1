"""``wc_paragraphs``: a blank line always ends a sentence (titles, datelines, paragraphs), and
a wire dateline ("MAIDUGURI, March 9 (Reuters) - ", "KABUL, Afghanistan (Jan. 25, 2013)" on a
line of its own) is a sentence of its own. Unicode's line separators count as newlines.

It also keeps the parser from ending a sentence where nothing can end one: inside a run of
proper nouns on one line ("in Abu Sayed | Khel district") and before a bracketed gloss
("on Friday [local time]").

Runs after the tagger and before the parser; the parser respects sentence starts already set.
Without it the small model glues a headline onto the first sentence and, now and then, cuts a
two-word name in two.
"""

import re

from spacy.attrs import SENT_START
from spacy.language import Language

from ..ingest.dateline import find_dateline
from .doc_cache import doc_text

NEWLINES = re.compile(r"[\n\u2028\u2029\x85][\s\u2028\u2029]*")
BREAK = re.compile(r"[\n\u2028\u2029\x85]")


def text_dateline(text: str) -> str | None:
    """The place of the wire dateline opening the story (``ingest.dateline``), if any:
    "MAIDUGURI, Nigeria, March 4 (Reuters) - " -> "MAIDUGURI, Nigeria"."""
    found = find_dateline(text)
    return found.place if found else None


@Language.component("wc_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc):
    """Works from the text's newlines (a regex), not a walk over every token: it runs on
    every article, before the parser."""
    if len(doc) < 2:
        return doc
    text = doc_text(doc)
    starts: dict[int, bool] = {}  # token -> starts a sentence; the last word on one wins
    for m in NEWLINES.finditer(text):
        if m.end() >= len(text):
            continue
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is None or token.start == 0:
            continue
        i = token.start
        before = _last_visible(text, m.start())
        if len(BREAK.findall(m.group())) > 1 or (before and before in ".\"\u201d\u2019"):
            starts[i] = True
    _no_break_inside_names(doc, starts)
    dateline = find_dateline(text)
    if dateline is not None:  # the dateline is no part of the lead sentence, nor its date
        for at in (dateline.start, dateline.end + len(text[dateline.end:]) -
                   len(text[dateline.end:].lstrip())):
            token = doc.char_span(at, at + 1, alignment_mode="expand")
            if token is not None and token.start > 0:
                starts[token.start] = True
    _set_sent_starts(doc, starts)
    return doc


def _last_visible(text: str, end: int) -> str:
    """The last character before ``end`` that is not white space, or "" (``text[:end].rstrip()``
    without copying the text before it: this runs at every line break)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > 0 else ""


def _set_sent_starts(doc, starts: dict[int, bool]) -> None:
    """Set ``is_sent_start`` on many tokens at once. The token setter checks the whole Doc for
    a parse each time, which made a long document's cost grow with the square of its length."""
    if not starts:
        return
    values = doc.to_array([SENT_START]).astype("int64")
    for i, value in starts.items():
        values[i] = 1 if value else -1
    doc.from_array([SENT_START], values.astype("uint64"))


NAME_TAGS = ("NNP", "NNPS")
AFTER_A_WORD = re.compile(r"(?<=[A-Za-z]) (?=[A-Z\[(])")  # a word, one space, a capital


def _no_break_inside_names(doc, starts: dict[int, bool]) -> None:
    """No sentence starts at a title-case proper noun (PTB tag NNP) that follows a proper noun
    on the same line, nor at an opening bracket right after a word: a name or a gloss goes on.
    Sentence starts set as True elsewhere in this component come after and win. Writes its
    answers into ``starts``."""
    for m in AFTER_A_WORD.finditer(doc_text(doc)):  # far fewer than the tokens: look only there
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is None or token.start == 0:
            continue
        token, prev = doc[token.start], doc[token.start - 1]
        if not prev.is_alpha or prev.whitespace_ != " ":
            continue
        if token.text in ("[", "(") or (
                token.tag_ == "NNP" and token.is_title and prev.tag_ in NAME_TAGS and prev.is_title):
            starts[token.i] = False


def is_headline(sent) -> bool:
    """The text's first line, with no closing stop, before a blank line: a headline."""
    if sent.start != 0:
        return False
    text, doc = sent.text.rstrip(), sent.doc
    after = doc_text(doc)[sent.start_char:sent.end_char + 4]
    return bool(text) and text[-1] not in ".!?\"'”’" and "\n\n" in after
