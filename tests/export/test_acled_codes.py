"""The ACLED and UCDP CSVs carry the codebooks' values, so their rows join ACLED's and GED's
own tables: every code column read back with pandas and checked against the codebook.
The store is written directly from records made up for this test (no spaCy)."""

from __future__ import annotations

import io
from datetime import date

import pytest

from wirecoder.export import export
from wirecoder.model import Actor, Article, Event, Extraction, Place, When, stable_id
from wirecoder.resources import codebook
from wirecoder.store import Store

pd = pytest.importorskip("pandas")

ARMY = Actor("military-forces-of-nigeria", "Military Forces of Nigeria", "state force", "NG")
REBELS = Actor("m23-test", "M23\nRebels", "armed group", "CD")  # a newline in a name
MILITIA = Actor("military-faction-forces-of-honasan", "Honasan faction", "armed group", "PH")
CIVILIANS = Actor("civilians-iran", "Civilians (Iran)", "civilians", "IR")
PERSON = Actor("john-doe-test", "John Doe", "person", "SY")
GUNMEN = Actor("unidentified-armed-group", "Unidentified Armed Group", "armed group")
KONDUGA = Place("Konduga", lat=11.65, lon=13.42, country="NG", precision=1, relation="near",
                anchor="Konduga")
GOMA = Place("Goma", lat=-1.68, lon=29.22, country="CD", precision=1)
TEHRAN = Place("Tehran", lat=35.69, lon=51.39, country="IR", precision=1)
MANILA = Place("Manila", lat=14.6, lon=120.98, country="PH", precision=1)
ALEPPO = Place("Aleppo", lat=36.2, lon=37.16, country="SY", precision=1)
BAMA = Place("Bama", lat=11.52, lon=13.69, country="NG", precision=1)
DAY = When(date(2021, 3, 8), date(2021, 3, 8), "day")
MONTH = When(date(2021, 2, 1), date(2021, 2, 28), "month")
WEEK = When(date(2021, 3, 1), date(2021, 3, 7), "week")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("codes") / "w.db"
    article = Article.make("Made-up reports for the codebook test.", outlet="Test\tWire",
                           published=date(2021, 3, 10), title="Codebook test")

    def event(n, type_, sub, when, place, a1=None, a2=None, toll=None):
        return Event(stable_id(article.id, "event", n), type_, sub, when, place,
                     actor1=a1, actor2=a2, fatalities=toll, summary=f"Event {n}\nline two")
    events = (
        event(0, "Battles", "Armed clash", DAY, KONDUGA, ARMY.id, None, 3),  # one-sided: 10
        event(1, "Battles", "Armed clash", MONTH, GOMA, REBELS.id, ARMY.id, 12),
        event(2, "Violence against civilians", "Attack", WEEK, TEHRAN, None, CIVILIANS.id, 1),
        event(3, "Battles", "Armed clash", DAY, MANILA, MILITIA.id, ARMY.id),
        event(4, "Battles", "Armed clash", When(), GOMA, REBELS.id, ARMY.id),  # undated
        event(5, "Strategic developments", "Other", DAY, ALEPPO, PERSON.id),  # a person only
        event(6, "Violence against civilians", "Attack", DAY, BAMA, GUNMEN.id, None, 4),
    )
    with Store(path) as s:
        s.write(Extraction(article, (), (ARMY, REBELS, MILITIA, CIVILIANS, PERSON, GUNMEN), (),
                           events))
    with Store(path, readonly=True) as s:
        yield s


def acled(store) -> tuple[object, dict]:
    buffer = io.StringIO()
    left_out = export(store, "acled-csv", buffer)
    return pd.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False), \
        left_out


def test_every_code_column_takes_the_codebooks_values(store):
    frame, _ = acled(store)
    assert len(frame) == 5 and len(frame.columns) == 31
    assert set(frame.inter1.astype(int)) <= set(range(1, 9))
    assert set(frame.inter2.astype(int)) <= set(range(0, 9))
    assert set(frame.interaction.astype(int)) <= codebook.valid_interactions()
    for row in frame.itertuples():  # interaction is the two inter codes, lower first
        i1, i2 = int(row.inter1), int(row.inter2)
        assert int(row.interaction) == (i1 * 10 if i2 == 0 else min(i1, i2) * 10 + max(i1, i2))
    assert set(frame.time_precision.astype(int)) <= {1, 2, 3}
    assert set(frame.geo_precision.astype(int)) <= {1, 2, 3}
    regions = {v["region"] for v in codebook.acled_countries().values()}
    assert set(frame.region) <= regions and "" not in set(frame.region)
    assert set(frame.country) <= {v["name"] for v in codebook.acled_countries().values()}
    assert all(pd.to_datetime(frame.event_date, format="%Y-%m-%d").notna())
    for column in frame.columns:  # one line per row, no control character in any field
        assert not frame[column].str.contains(r"[\x00-\x1f\x7f]", regex=True).any(), column


def test_values_as_acled_writes_them(store):
    frame, left_out = acled(store)
    rows = {r.location: r for r in frame.itertuples()}
    assert rows["Konduga"].interaction == "10" and rows["Konduga"].inter2 == "0"
    assert rows["Konduga"].geo_precision == "2"  # near Konduga
    assert rows["Konduga"].region == "Western Africa"
    assert rows["Goma"].country == "Democratic Republic of Congo"
    assert rows["Goma"].region == "Middle Africa" and rows["Goma"].interaction == "12"
    assert rows["Goma"].actor1 == "M23 Rebels" and rows["Goma"].time_precision == "3"
    assert rows["Goma"].event_date == "2021-02-14"  # a month: its midpoint, precision 3
    assert rows["Tehran"].country == "Iran" and rows["Tehran"].region == "Middle East"
    assert rows["Tehran"].actor1 == "Unidentified Armed Group (Iran)"
    assert rows["Tehran"].interaction == "37" and rows["Tehran"].time_precision == "2"
    # "gunmen" with no group named: ACLED's unidentified armed group of the country
    assert rows["Bama"].actor1 == "Unidentified Armed Group (Nigeria)" and rows["Bama"].inter1 == "3"
    assert rows["Tehran"].civilian_targeting == "Civilian targeting"
    assert rows["Manila"].inter1 == "3"  # the UCDP gazetteer's "political militia"
    assert rows["Manila"].interaction == "13"
    assert "Aleppo" not in rows  # a person alone is no ACLED actor
    assert left_out == {"undated": 1, "vaguer_than_a_month": 0, "no_actor": 1}


def test_event_date_is_the_midpoint_of_its_period_as_acled_codes_it():
    from datetime import date

    from wirecoder.export.acled import event_date
    from wirecoder.model import When

    assert event_date(When(date(2021, 3, 9), date(2021, 3, 9), "day")) == date(2021, 3, 9)
    # a Monday-Sunday week: its Thursday; a month: its midpoint
    assert event_date(When(date(2021, 3, 8), date(2021, 3, 14), "week")) == date(2021, 3, 11)
    assert event_date(When(date(2021, 1, 1), date(2021, 1, 31), "month")) == date(2021, 1, 16)
    # a year is vaguer than ACLED codes
    assert event_date(When(date(2020, 1, 1), date(2020, 12, 31), "year")) is None


def test_ucdp_csv_names_countries_as_ged_does(store):
    buffer = io.StringIO()
    export(store, "ucdp-csv", buffer)
    frame = pd.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False)
    assert "DR Congo (Zaire)" in set(frame.country) and "Nigeria" in set(frame.country)
    assert not any(len(c) == 2 and c.isupper() for c in frame.country)


def test_exports_are_byte_identical_from_run_to_run(store):
    for fmt in ("acled-csv", "ucdp-csv"):
        first, second = io.StringIO(), io.StringIO()
        export(store, fmt, first)
        export(store, fmt, second)
        assert first.getvalue() == second.getvalue()
