"""The shared geoparsing scorer and the LGL reader, on files written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.evaluate import geoparse, lgl
from wirecoder.model import Place

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><feedid>1</feedid><title>t</title>
<text><![CDATA[Paris police met deputies from Lamar County, Texas.]]></text>
<toponyms count="3">
<toponym><start>0</start><end>5</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><name>Paris</name><fclass>P</fclass><fcode>PPLA2</fcode>
<lat>33.66094</lat><lon>-95.55551</lon><country geonameid="6252001">United States</country>
<admin1 geonameid="4736286">Texas</admin1></gaztag></toponym>
<toponym><start>29</start><end>41</end><phrase>Lamar County</phrase>
<gaztag geonameid="4705842"><name>Lamar County</name><fclass>A</fclass><fcode>ADM2</fcode>
<lat>33.66</lat><lon>-95.57</lon><country geonameid="6252001">United States</country>
</gaztag></toponym>
<toponym><start>43</start><end>48</end><phrase>Texas</phrase></toponym>
</toponyms></article></articles>"""


def test_lgl_reader(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_XML, encoding="utf-8")
    [article] = lgl.read_lgl(path)
    paris, county, texas = article.toponyms
    assert article.text[paris.start:paris.end] == "Paris"
    assert (paris.geonameid, paris.country, paris.type) == ("4717560", "US", "PPLA2")
    assert county.lat == 33.66 and texas.lat is None and texas.geonameid is None


def test_auc_bounds():
    assert geoparse.auc([0.0, 0.0]) == 0.0
    assert geoparse.auc([geoparse.MAX_KM] * 3) == pytest.approx(1.0)
    assert 0 < geoparse.auc([1.0, 100.0, 10000.0]) < 1


def test_resolution_measures(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_XML, encoding="utf-8")
    articles = lgl.read_lgl(path)
    answers = {"Paris": Place("Paris", "2988507", 48.85, 2.35, "FR"),  # the wrong Paris
               "Lamar County": Place("Lamar County", "4705842", 33.66, -95.57, "US")}
    r = geoparse.score_resolution(articles, lambda n, c, d, a=None: answers.get(n))
    assert r["toponyms"] == 2 and r["within_161km"] == 0.5
    assert r["exact_geonames"] == 0.5 and r["country"] == 0.5 and r["unresolved"] == 0.0
    assert r["median_km"] > 1000 and [row["within"] for row in r["rows"]] == [False, True]
    recognition = geoparse.score_recognition(articles, [[(0, 5), (43, 48), (10, 14)]])
    assert recognition["exact"][0] == pytest.approx(2 / 3)
    assert recognition["exact"][1] == pytest.approx(2 / 3)


def test_population_baseline_takes_the_biggest():
    place = geoparse.population_baseline("Paris")
    assert place is not None and place.country == "FR"
    assert geoparse.population_baseline("Qwzxqv") is None
