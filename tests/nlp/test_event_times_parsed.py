"""Which time expression dates an event, on hand-built parses (no model): the object of a
reporting verb takes the time after it, not the report's; a lead the parser roots on a noun
still has its past-tense verb; a present perfect over a span up to the report is a tally."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirecoder.nlp.anchors import _past_root, date_text
from wirecoder.nlp.tense import tally


def parse(rows, ents=None):
    """rows: (word, head index, dep, pos, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(Vocab(), words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
               tags=list(tags), lemmas=list(lemmas), ents=ents or ["O"] * len(rows))


# "Officials confirmed today the capture of a courier in Zurmat , Friday ."
CONFIRMED = [("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
             ("confirmed", 1, "ROOT", "VERB", "VBD", "confirm"),
             ("today", 1, "npadvmod", "NOUN", "NN", "today"),
             ("the", 4, "det", "DET", "DT", "the"),
             ("capture", 1, "dobj", "NOUN", "NN", "capture"),
             ("of", 4, "prep", "ADP", "IN", "of"),
             ("a", 7, "det", "DET", "DT", "a"),
             ("courier", 5, "pobj", "NOUN", "NN", "courier"),
             ("in", 7, "prep", "ADP", "IN", "in"),
             ("Zurmat", 8, "pobj", "PROPN", "NNP", "Zurmat"),
             (",", 9, "punct", "PUNCT", ",", ","),
             ("Friday", 1, "npadvmod", "PROPN", "NNP", "Friday"),
             (".", 1, "punct", "PUNCT", ".", ".")]
CONFIRMED_ENTS = ["O", "O", "B-DATE", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "B-DATE", "O"]


def test_the_object_of_a_reporting_verb_takes_the_time_after_it_not_the_reports():
    doc = parse(CONFIRMED, CONFIRMED_ENTS)
    assert date_text(doc[4]) == "Friday"      # the capture
    assert date_text(doc[1]) == "today"       # the confirming


def test_without_a_time_after_it_the_reported_event_has_none_of_its_own():
    rows = CONFIRMED[:10] + [(".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, CONFIRMED_ENTS[:10] + ["O"])
    assert date_text(doc[4]) == ""


# "Soldiers killed a courier , police said Tuesday ."
def test_the_time_of_a_reporting_clause_that_comes_last_is_the_reports():
    rows = [("Soldiers", 1, "nsubj", "NOUN", "NNS", "soldier"),
            ("killed", 6, "ccomp", "VERB", "VBD", "kill"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("courier", 1, "dobj", "NOUN", "NN", "courier"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("police", 6, "nsubj", "NOUN", "NNS", "police"),
            ("said", 6, "ROOT", "VERB", "VBD", "say"),
            ("Tuesday", 6, "npadvmod", "PROPN", "NNP", "Tuesday"),
            (".", 6, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ["O"] * 7 + ["B-DATE", "O"])
    assert date_text(doc[1]) == ""


def test_a_lead_the_parser_roots_on_a_noun_keeps_its_past_tense_verb():
    # "Police recruits [ROOT, VBZ] under supervision killed two fighters Sunday ."
    rows = [("Police", 1, "compound", "NOUN", "NN", "police"),
            ("recruits", 1, "ROOT", "VERB", "VBZ", "recruit"),
            ("under", 1, "prep", "ADP", "IN", "under"),
            ("supervision", 2, "pobj", "NOUN", "NN", "supervision"),
            ("killed", 1, "conj", "VERB", "VBD", "kill"),
            ("two", 6, "nummod", "NUM", "CD", "two"),
            ("fighters", 4, "dobj", "NOUN", "NNS", "fighter"),
            ("Sunday", 4, "npadvmod", "PROPN", "NNP", "Sunday"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows)
    assert _past_root(next(doc.sents)).text == "killed"


def test_a_sentence_with_no_past_tense_verb_is_no_lead():
    rows = [("Forces", 1, "nsubj", "NOUN", "NNS", "force"),
            ("patrol", 1, "ROOT", "VERB", "VBP", "patrol"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("valley", 1, "dobj", "NOUN", "NN", "valley"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    assert _past_root(next(parse(rows).sents)) is None


def _perfect(aux: str, tag: str = "VBN"):
    # "Forces <aux> captured 17 leaders"
    return parse([("Forces", 2, "nsubj", "NOUN", "NNS", "force"),
                  (aux, 2, "aux", "AUX", "VBP", aux),
                  ("captured", 2, "ROOT", "VERB", tag, "capture"),
                  ("17", 4, "nummod", "NUM", "CD", "17"),
                  ("leaders", 2, "dobj", "NOUN", "NNS", "leader")])


def test_a_present_perfect_over_a_span_up_to_the_report_is_a_tally():
    doc = _perfect("have")
    for span in ("in the last month", "this month", "in recent months", "this month alone",
                 "over the past two weeks"):
        assert tally(doc[2], span), span


def test_a_dated_perfect_a_past_perfect_or_a_simple_past_is_no_tally():
    assert not tally(_perfect("have")[2], "on Tuesday")
    assert not tally(_perfect("had")[2], "in the last month")
    doc = parse([("Forces", 1, "nsubj", "NOUN", "NNS", "force"),
                 ("captured", 1, "ROOT", "VERB", "VBD", "capture"),
                 ("leaders", 1, "dobj", "NOUN", "NNS", "leader")])
    assert not tally(doc[1], "in the last month")
