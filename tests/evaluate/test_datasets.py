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

    result = gwn.score_resolution(articles, lambda n, c: resolve_place(n, context_countries=c))
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
