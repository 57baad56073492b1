"""An event with no time of its own takes the lead's day when it is placed in the lead's
division or no finer than the lead's country (no model)."""

from __future__ import annotations

from wirecoder.model import Place
from wirecoder.resolve.records import _within_lead

LEAD = Place("Zurmat", country="AF", admin1="Paktia", feature="P.PPLA2", precision=1)


def test_the_leads_division_or_its_country_hold_the_lead():
    assert _within_lead(Place("Gardez", country="AF", admin1="Paktia", feature="P.PPLA"), LEAD)
    assert _within_lead(Place("Afghanistan", country="AF", feature="A.PCLI"), LEAD)


def test_another_division_another_country_or_no_place_do_not():
    assert not _within_lead(Place("Khost", country="AF", admin1="Khowst", feature="P.PPLA"),
                            LEAD)
    assert not _within_lead(Place("Pakistan", country="PK", feature="A.PCLI"), LEAD)
    assert not _within_lead(Place("Afghanistan", country="AF", feature="A.PCLI"), None)
    assert not _within_lead(None, LEAD)


def test_a_story_filed_from_a_provincial_town_falls_back_on_its_province():
    from wirecoder.normalize.where import dateline_places
    from wirecoder.resolve.records import filed_division

    place = filed_division(dateline_places("MAIDUGURI, Nigeria", ["NG"]), "MAIDUGURI, Nigeria")
    assert (place.name, place.feature, place.precision) == ("Borno", "A.ADM1", 3)
    assert place.confidence <= 0.4 and place.text.startswith("dateline")


def test_never_the_national_capitals_province():
    from wirecoder.normalize.where import dateline_places
    from wirecoder.resolve.records import filed_division

    assert filed_division(dateline_places("KABUL, Afghanistan", ["AF"])) is None
    assert filed_division([]) is None


def test_the_one_division_the_texts_places_lie_in():
    from wirecoder.resolve.records import sole_division

    assert sole_division([("AF", "Khost")]).feature == "A.ADM1"
    assert sole_division([("AF", "Khost"), ("AF", "Paktika")]) is None
    assert sole_division([]) is None
