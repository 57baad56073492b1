"""Which time expression dates an event, on hand-built parses (no model): the object of a
reporting verb takes the time after it, not the report's; a lead the parser roots on a noun
still has its past-tense verb; a present perfect over a span up to the report is a tally."""

from __future__ import annotations

import pytest

from hand_parses import parse
from wirecoder.nlp.anchors import _past_root, date_text
from wirecoder.nlp.tense import tally


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


# "Officials confirmed today the capture of a courier in Zurmat ." (no time after it)
CONFIRMED_UNDATED = CONFIRMED[:10] + [(".", 1, "punct", "PUNCT", ".", ".")]

# "Soldiers killed a courier , police said Tuesday ."
SAID_LAST = [("Soldiers", 1, "nsubj", "NOUN", "NNS", "soldier"),
             ("killed", 6, "ccomp", "VERB", "VBD", "kill"),
             ("a", 3, "det", "DET", "DT", "a"),
             ("courier", 1, "dobj", "NOUN", "NN", "courier"),
             (",", 6, "punct", "PUNCT", ",", ","),
             ("police", 6, "nsubj", "NOUN", "NNS", "police"),
             ("said", 6, "ROOT", "VERB", "VBD", "say"),
             ("Tuesday", 6, "npadvmod", "PROPN", "NNP", "Tuesday"),
             (".", 6, "punct", "PUNCT", ".", ".")]

# "Police recruits [ROOT, VBZ] under supervision killed two fighters Sunday ."
ROOTED_ON_A_NOUN = [("Police", 1, "compound", "NOUN", "NN", "police"),
                    ("recruits", 1, "ROOT", "VERB", "VBZ", "recruit"),
                    ("under", 1, "prep", "ADP", "IN", "under"),
                    ("supervision", 2, "pobj", "NOUN", "NN", "supervision"),
                    ("killed", 1, "conj", "VERB", "VBD", "kill"),
                    ("two", 6, "nummod", "NUM", "CD", "two"),
                    ("fighters", 4, "dobj", "NOUN", "NNS", "fighter"),
                    ("Sunday", 4, "npadvmod", "PROPN", "NNP", "Sunday"),
                    (".", 1, "punct", "PUNCT", ".", ".")]

# "Forces patrol the valley ."
NO_PAST = [("Forces", 1, "nsubj", "NOUN", "NNS", "force"),
           ("patrol", 1, "ROOT", "VERB", "VBP", "patrol"),
           ("the", 3, "det", "DET", "DT", "the"),
           ("valley", 1, "dobj", "NOUN", "NN", "valley"),
           (".", 1, "punct", "PUNCT", ".", ".")]


def _date_of(i):
    return lambda doc: date_text(doc[i])


def _lead_verb(doc):
    root = _past_root(next(doc.sents))
    return None if root is None else root.text


@pytest.mark.parametrize("rows, ents, read, expected", [
    pytest.param(CONFIRMED, CONFIRMED_ENTS, _date_of(4), "Friday",
                 id="the object of a reporting verb takes the time after it"),
    pytest.param(CONFIRMED, CONFIRMED_ENTS, _date_of(1), "today",
                 id="the reporting verb keeps its own time"),
    pytest.param(CONFIRMED_UNDATED, CONFIRMED_ENTS[:10] + ["O"], _date_of(4), "",
                 id="without a time after it the reported event has none of its own"),
    pytest.param(SAID_LAST, ["O"] * 7 + ["B-DATE", "O"], _date_of(1), "",
                 id="the time of a reporting clause that comes last is the report's"),
    pytest.param(ROOTED_ON_A_NOUN, None, _lead_verb, "killed",
                 id="a lead the parser roots on a noun keeps its past-tense verb"),
    pytest.param(NO_PAST, None, _lead_verb, None,
                 id="a sentence with no past-tense verb is no lead"),
])
def test_which_time_dates_an_event_and_which_verb_leads(rows, ents, read, expected):
    assert read(parse(rows, ents)) == expected


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
