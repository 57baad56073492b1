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

from spacy.language import Language

from ..ingest.dateline import find_dateline

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
    text = doc.text
    for m in NEWLINES.finditer(text):
        if m.end() >= len(text):
            continue
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is None or token.start == 0:
            continue
        i = token.start
        before = text[:m.start()].rstrip()
        if len(BREAK.findall(m.group())) > 1 or (before and before[-1] in ".\"\u201d\u2019"):
            doc[i].is_sent_start = True
    _no_break_inside_names(doc)
    dateline = find_dateline(text)
    if dateline is not None:  # the dateline is no part of the lead sentence, nor its date
        for at in (dateline.start, dateline.end + len(text[dateline.end:]) -
                   len(text[dateline.end:].lstrip())):
            token = doc.char_span(at, at + 1, alignment_mode="expand")
            if token is not None and token.start > 0:
                doc[token.start].is_sent_start = True
    return doc


NAME_TAGS = ("NNP", "NNPS")
AFTER_A_WORD = re.compile(r"(?<=[A-Za-z]) (?=[A-Z\[(])")  # a word, one space, a capital


def _no_break_inside_names(doc) -> None:
    """No sentence starts at a title-case proper noun (PTB tag NNP) that follows a proper noun
    on the same line, nor at an opening bracket right after a word: a name or a gloss goes on.
    Sentence starts set as True elsewhere in this component come after and win."""
    for m in AFTER_A_WORD.finditer(doc.text):  # far fewer than the tokens: look only there
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is None or token.start == 0:
            continue
        token, prev = doc[token.start], doc[token.start - 1]
        if not prev.is_alpha or prev.whitespace_ != " ":
            continue
        if token.text in ("[", "(") or (
                token.tag_ == "NNP" and token.is_title and prev.tag_ in NAME_TAGS and prev.is_title):
            token.is_sent_start = False


def is_headline(sent) -> bool:
    """The text's first line, with no closing stop, before a blank line: a headline."""
    if sent.start != 0:
        return False
    text, doc = sent.text.rstrip(), sent.doc
    after = doc.text[sent.start_char:sent.end_char + 4]
    return bool(text) and text[-1] not in ".!?\"'”’" and "\n\n" in after
