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


@Language.component("wc_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc):
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 1 and ("\n\n" in token.text or token.i == 0
                                                               or token.nbor(-1).text in ".\"”’"):
            doc[token.i + 1].is_sent_start = True
    for start in _paragraph_starts(doc):
        m = DATELINE.match(doc.text[doc[start].idx:doc[start].idx + 120])
        if m:
            after = doc.char_span(doc[start].idx + m.end(), doc[start].idx + m.end() + 1,
                                  alignment_mode="expand")
            if after is not None and after.start > start:
                doc[after.start].is_sent_start = True
    return doc


def _paragraph_starts(doc):
    yield 0
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            yield token.i + 1
