"""``wc_paragraphs``: a blank line always ends a sentence (titles, datelines, paragraphs).

Runs before the parser; the parser respects sentence starts already set. Without it the
small model glues a headline onto the first sentence.
"""

from spacy.language import Language


@Language.component("wc_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc):
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 1 and ("\n\n" in token.text or token.i == 0
                                                               or token.nbor(-1).text in ".\"”’"):
            doc[token.i + 1].is_sent_start = True
    return doc
