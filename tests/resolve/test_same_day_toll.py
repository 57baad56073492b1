"""Across outlets: one day, one country, one toll within reporting variance is one incident
(``resolve.events.same_day_and_toll``), even where neither report names a place below the
country; reports that differ in day, country or toll stay apart. Sentences and places are
invented for these tests."""

from __future__ import annotations

from datetime import date

from wirecoder.model import Event, Place, When
from wirecoder.resolve.events import MERGE_AT, compare, same_day_and_toll, shared_names


def report(eid, day, toll, country="NE", precision=3, when_precision="day", actor1=None):
    """A report of an attack in one country; ``day`` None: undated."""
    start = date.fromisoformat(day) if day else None
    return Event(id=eid, type="Violence against civilians", sub_type="Attack",
                 when=When(start, start, when_precision if start else "unknown"),
                 place=Place(name=country, country=country, precision=precision,
                             feature="A.PCLI"),
                 actor1=actor1, fatalities=toll)


def canon(key):
    return key


def test_one_day_one_country_one_toll_is_one_incident():
    a, b = report("a", "2022-03-04", 19), report("b", "2022-03-05", 22)
    assert not same_day_and_toll(report("c", "2022-03-04", 4), report("d", "2022-03-04", 4))
    assert same_day_and_toll(a, b)
    score, parts = compare(a, b, canon, "gunmen attacked a market", "villagers were shot")
    assert score >= MERGE_AT and parts["day_toll"] == 1.0


def test_tolls_far_apart_stay_apart():
    assert not same_day_and_toll(report("a", "2022-03-04", 4), report("b", "2022-03-04", 40))


def test_two_days_apart_or_two_countries_stay_apart():
    assert not same_day_and_toll(report("a", "2022-03-01", 10), report("b", "2022-03-04", 10))
    assert not same_day_and_toll(report("a", "2022-03-04", 10),
                                 report("b", "2022-03-04", 10, country="ML"))
    score, parts = compare(report("a", "2022-03-04", 10), report("b", "2022-03-04", 10,
                                                                 country="ML"), canon, "", "")
    assert score == 0.0


def test_a_report_without_a_toll_or_a_day_needs_other_evidence():
    assert not same_day_and_toll(report("a", "2022-03-04", None), report("b", "2022-03-04", 9))
    assert not same_day_and_toll(report("a", "2022-03-04", 9, when_precision="week"),
                                 report("b", "2022-03-04", 9))
    score, _ = compare(report("a", "2022-03-04", None), report("b", "2022-03-04", 9), canon,
                       "a bomb went off", "troops were deployed")
    assert score < MERGE_AT


def test_different_named_initiators_still_veto():
    a = report("a", "2022-03-04", 12, actor1="group-one")
    b = report("b", "2022-03-04", 12, actor1="group-two")
    score, parts = compare(a, b, canon, "", "")
    assert score == 0.0 and parts["veto"] == "different initiators"


def test_an_undated_report_is_placed_in_the_week_before_its_article():
    dated, undated = report("a", "2022-03-04", 30), report("b", None, 28)
    assert same_day_and_toll(dated, undated, None, date(2022, 3, 6))
    score, parts = compare(dated, undated, canon, "gunmen raided a market",
                           "dozens were killed", published=(None, date(2022, 3, 6)))
    assert score >= MERGE_AT and parts["day_toll"] == 1.0
    # published a month later, the undated report tells of another week
    assert not same_day_and_toll(dated, undated, None, date(2022, 4, 6))
    score, parts = compare(dated, undated, canon, "gunmen raided a market",
                           "dozens were killed", published=(None, date(2022, 4, 6)))
    assert score == 0.0


def test_a_named_site_both_reports_give_is_evidence_an_agency_is_not():
    a = report("a", "2022-03-04", 3, country="ML", precision=1)
    b = report("b", "2022-03-04", 27, country="ML", precision=1)
    site_a = "Gunmen stormed the Kanaga Palace hotel in the capital on Friday, killing three."
    site_b = "At least 27 people died after the Kanaga Palace siege ended, Reuters reported."
    assert "kanaga" in shared_names(site_a, site_b, a, b)
    score, parts = compare(a, b, canon, site_a, site_b)
    assert parts.get("site") == 1.0
    plain_a = "Gunmen attacked a village on Friday, the Interior Ministry told Reuters."
    plain_b = "Troops fought rebels on Friday, the Interior Ministry told Reuters."
    assert not shared_names(plain_a, plain_b, a, b)
