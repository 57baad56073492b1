"""``wc_paragraphs``: a blank line always ends a sentence (titles, datelines, paragraphs), and
a wire dateline ("MAIDUGURI, March 9 (Reuters) - ") ends before the story's first sentence.

Runs before the parser; the parser respects sentence starts already set. Without it the
small model glues a headline onto the first sentence.
"""

import re

from spacy.language import Language

# "MAIDUGURI, Nigeria, March 4 (Continental Wire) - ": a wire dateline is not part of the
# first sentence's grammar (the parser would make the city its subject)
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'/-]{2,}(?:, [A-Z][\w .]+?)*(?:,? [A-Z][a-z]{2,}\.? \d{1,2})?"
                      r"\s*(?:\([^)]{1,60}\))?\s*[-\u2013\u2014]{1,2}\s+")


NEWLINES = re.compile(r"\n\s*")


def text_dateline(text: str) -> str | None:
    """The wire dateline opening one of the story's first paragraphs (after a headline), if
    any: "MAIDUGURI, Nigeria, March 4 (Reuters) - " -> "MAIDUGURI, Nigeria, March 4"."""
    for paragraph in re.split(r"\n\s*\n", text.lstrip(), maxsplit=3)[:3]:
        m = DATELINE.match(paragraph)
        if m:
            return re.sub(r"\([^)]*\)", "", m.group()).strip(" -\u2013\u2014")
    return None


@Language.component("wc_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc):
    """Works from the text's newlines (a regex), not a walk over every token: it runs on
    every article, before the parser."""
    if len(doc) < 2:
        return doc
    text = doc.text
    starts = [0]
    for m in NEWLINES.finditer(text):
        if m.end() >= len(text):
            continue
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is None or token.start == 0:
            continue
        i = token.start
        before = text[:m.start()].rstrip()
        if "\n\n" in m.group() or (before and before[-1] in ".\"\u201d\u2019"):
            doc[i].is_sent_start = True
        starts.append(i)
    for start in starts:
        m = DATELINE.match(text[doc[start].idx:doc[start].idx + 120])
        if m:
            after = doc.char_span(doc[start].idx + m.end(), doc[start].idx + m.end() + 1,
                                  alignment_mode="expand")
            if after is not None and after.start > start:
                doc[after.start].is_sent_start = True
    return doc


def is_headline(sent) -> bool:
    """The text's first line, with no closing stop, before a blank line: a headline."""
    if sent.start != 0:
        return False
    text, doc = sent.text.rstrip(), sent.doc
    after = doc.text[sent.start_char:sent.end_char + 4]
    return bool(text) and text[-1] not in ".!?\"'”’" and "\n\n" in after
