"""French date and place wording reworded for the normalizers (resources/lang/fr/dates.yaml,
places.yaml). Phrases written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.normalize.wording import reworded
from wirecoder.normalize.when import normalize_when

THURSDAY = date(2024, 3, 7)


@pytest.mark.parametrize("french, day", [
    ("hier", date(2024, 3, 6)),
    ("avant-hier", date(2024, 3, 5)),
    ("mardi dernier", date(2024, 3, 5)),
    ("lundi soir", date(2024, 3, 4)),
    ("dans la nuit de samedi à dimanche", date(2024, 3, 2)),
    ("le 3 mars", date(2024, 3, 3)),
    ("dans la nuit du 1er au 2 mars", date(2024, 3, 1)),
    ("il y a trois jours", date(2024, 3, 4)),
])
def test_french_relative_dates_resolve_against_publication(french, day):
    when = normalize_when(reworded(french, "fr", "dates"), THURSDAY)
    assert (when.start, when.precision) == (day, "day")


def test_a_french_month_keeps_month_precision():
    when = normalize_when(reworded("en janvier dernier", "fr", "dates"), THURSDAY)
    assert (when.start, when.end, when.precision) == (date(2024, 1, 1), date(2024, 1, 31),
                                                      "month")


@pytest.mark.parametrize("french, pivot", [
    ("à 40 km au nord de Tombouctou", "40 km north of Tombouctou"),
    ("à 25 km au sud-est de Gao", "25 km southeast of Gao"),
    ("dans la région de Mopti", "Mopti region"),
    ("dans le cercle de Bankass", "Bankass"),
    ("près de Ménaka", "near Ménaka"),
])
def test_french_place_nesting_is_reworded(french, pivot):
    assert reworded(french, "fr", "places") == pivot


def test_english_wording_is_left_alone():
    assert reworded("last Tuesday", "en", "dates") == "last Tuesday"
    assert reworded("near Gao", None, "places") == "near Gao"
