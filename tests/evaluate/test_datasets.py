"""The GeoWebNews and TempEval-3 scorers on tiny files written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.evaluate import geowebnews as gwn
from wirecoder.evaluate import tempeval

GWN_XML = """<?xml version="1.0" ?><articles><article file="0"><title>t</title><link>x</link>
<text>Troops left Tunis for Sousse. Russian officials met in Paris.</text><toponyms>
<toponym><extractedName>Tunis</extractedName><type>Literal</type><start>12</start><end>17</end>
<geonamesID>2464470</geonamesID><latitude>36.81897</latitude><longitude>10.16579</longitude></toponym>
<toponym><extractedName>Sousse</extractedName><type>Literal</type><start>22</start><end>28</end>
<geonamesID/><latitude>35.82539</latitude><longitude>10.63699</longitude></toponym>
<toponym><extractedName>Russian</extractedName><type>Demonym</type><start>30</start><end>37</end>
<geonamesID>2017370</geonamesID><latitude>60.0</latitude><longitude>100.0</longitude></toponym>
<toponym><extractedName>officials</extractedName><type>Non_Toponym</type><start>38</start><end>47</end>
<geonamesID/><latitude/><longitude/></toponym>
</toponyms></article></articles>"""

TML = """<?xml version="1.0" ?><TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2018-02-07" functionInDocument="CREATION_TIME">20180207</TIMEX3></DCT>
<TEXT>Soldiers attacked <TIMEX3 tid="t1" type="DATE" value="2018-01">last month</TIMEX3> and again <TIMEX3 tid="t2" type="DATE" value="2018-02-06">yesterday</TIMEX3>, for <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.</TEXT></TimeML>"""


def test_geowebnews_reader_and_scores(tmp_path):
    path = tmp_path / "g.xml"
    path.write_text(GWN_XML)
    articles = gwn.read_gwn(path)
    assert [t.name for t in articles[0].toponyms][:2] == ["Tunis", "Sousse"]
    from wirecoder.normalize.where import resolve_place

    result = gwn.score_resolution(articles, lambda n, c, d, a=None: resolve_place(
        n, context_countries=c, context_divisions=d))
    assert result["toponyms"] == 3 and result["within_161km"] == 1.0
    recognition = gwn.score_recognition(articles, [[(12, 17), (22, 28), (0, 8)]])
    assert recognition["exact"][0] == pytest.approx(2 / 3)
    assert recognition["exact"][1] == pytest.approx(2 / 3)  # 2 of 3 gold toponyms
    assert round(gwn.km(36.8, 10.2, 35.8, 10.6)) == 117


def test_tempeval_reader_keeps_offsets(tmp_path):
    path = tmp_path / "d.tml"
    path.write_text(TML)
    doc = tempeval.read_tml(path)
    assert doc.dct == date(2018, 2, 7)
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["last month", "yesterday",
                                                               "three days"]


@pytest.mark.parametrize("text, value", [
    ("last month", "2018-01"), ("yesterday", "2018-02-06"), ("three days", "P3D"),
    ("at least 72 hours", "PT72H"), ("nearly forty years", "P40Y"),
    ("the first nine months", "P9M"), ("twenty-four hours", "PT24H"),
    ("2003", "2003"), ("the third quarter", "2017-Q3"), ("the first quarter", "2018-Q1"), ("last fall", "2017-FA"),
    ("this week", "2018-W06"), ("the 1990s", "199X"), ("now", "PRESENT_REF"),
    ("tomorrow", "2018-02-08"),
])
def test_timeml_values(text, value):
    assert tempeval.timeml_value(text, date(2018, 2, 7))[1] == value


def test_timeml_rendering_of_periods_and_frequencies():
    from datetime import date

    from wirecoder.evaluate.tempeval import timeml_value
    pub = date(1990, 8, 13)  # a Monday
    assert timeml_value("the weekend", pub) == ("DATE", "1990-W32-WE")
    assert timeml_value("the latest quarter", pub) == ("DATE", "1990-Q2")
    assert timeml_value("the first half", pub) == ("DATE", "1990-H1")
    assert timeml_value("the 20th century", pub) == ("DATE", "19")
    assert timeml_value("the late 1970s", pub) == ("DATE", "197")
    assert timeml_value("daily", pub) == ("SET", "P1D")
    assert timeml_value("each July", pub) == ("SET", "XXXX-07")
    assert timeml_value("every Thursday", pub) == ("SET", "XXXX-WXX-4")
    assert timeml_value("the quarter", pub) == ("DATE", "1990-Q2")
    assert timeml_value("two quarters", pub) == ("DURATION", "P2Q")


@pytest.mark.parametrize("text, value", [
    ("recent years", "PAST_REF"), ("future quarters", "FUTURE_REF"),
    ("recent weeks", "PXW"), ("the year", "P1Y"), ("the weeks", "PXW"),
])
def test_vague_references_and_single_units(text, value):
    assert tempeval.timeml_value(text, date(2018, 2, 7))[1] == value


def test_a_bare_date_after_publication_in_a_past_clause_is_still_named():
    """"Set Nov. 10 as the deadline" in a Nov. 2 story: the coming Nov. 10."""
    assert tempeval.timeml_value("Nov. 10", date(2021, 11, 2), "past")[1] == "2021-11-10"


def test_a_report_on_a_quarter_compares_with_the_same_quarter_a_year_before():
    from wirecoder.nlp.load import load_nlp
    from wirecoder.nlp.tense import tense_of
    from wirecoder.nlp.timexes import time_expressions

    text = ("Acme said third-quarter net income rose to $5 million from $4 million a year ago. "
            "For the nine months, net rose to $9 million from $8 million a year earlier. "
            "In the 2019 period, the company lost $1 million.")
    doc = load_nlp(bare=True)(text)
    values = {doc.text[s:e]: v for s, e, v in
              tempeval._predictions(time_expressions(doc), date(2021, 11, 2), tense_of)}
    assert values["third-quarter"] == "2021-Q3"
    assert values["a year ago"] == "2020-Q3"
    assert values["a year earlier"] == "2020"  # the nine months a year back: not a quarter
    assert values["2019 period"] == "2019-Q3"


def test_geowebnews_counts_the_same_geonames_id_separately(tmp_path):
    # the gold puts Tunisia's point 445 km south of ours: not within 161 km, but the same id
    xml = GWN_XML.replace(
        "<extractedName>Sousse</extractedName><type>Literal</type><start>22</start><end>28</end>"
        "\n<geonamesID/><latitude>35.82539</latitude><longitude>10.63699</longitude>",
        "<extractedName>Tunisia</extractedName><type>Literal</type><start>22</start><end>28</end>"
        "\n<geonamesID>2464461</geonamesID><latitude>30.0</latitude><longitude>9.0</longitude>")
    path = tmp_path / "g.xml"
    path.write_text(xml)
    from wirecoder.normalize.where import resolve_place

    result = gwn.score_resolution(gwn.read_gwn(path),
                                  lambda n, c, d, a=None: resolve_place(
                                      n, context_countries=c, context_divisions=d))
    assert result["within_161km"] == pytest.approx(2 / 3)
    assert result["within_or_same_id"] == 1.0


def test_geowebnews_recognition_leaves_out_common_noun_expressions(tmp_path):
    xml = GWN_XML.replace("<type>Non_Toponym</type>", "<type>Non_Lit_Expression</type>")
    path = tmp_path / "g.xml"
    path.write_text(xml)
    recognition = gwn.score_recognition(gwn.read_gwn(path), [[(12, 17), (22, 28), (30, 37)]])
    assert recognition["gold"] == 3 and recognition["exact"][1] == 1.0  # "officials" not counted


def test_wikievents_occurrences_group_triggers_by_a_shared_participant():
    from wirecoder.evaluate.wikievents import occurrence_groups, occurrences

    def event(*args):
        return {"arguments": [{"entity_id": e, "role": r} for r, e in args]}

    events = [event(("Victim", "T1"), ("Place", "T9")),      # a bomb killed five
              event(("Target", "T2"), ("Place", "T9")),      # the blast hit them: T2 ~ T1
              event(("Victim", "T5"), ("Place", "T9")),      # another attack, same town
              event()]                                        # no participant: its own
    assert occurrences(events, {"T2": "T1", "T1": "T1"}) == 3
    assert occurrence_groups(events, {"T2": "T1", "T1": "T1"}) == [[0, 1], [2], [3]]
    assert occurrences(events, {}) == 4
