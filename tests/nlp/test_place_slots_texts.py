"""Kind 1 of issue 29: a name the place index knows, where English puts a place, is a place
whatever the small model's entity label, and kept whole (sentences written for these tests)."""

from __future__ import annotations

import pytest

from wirecoder.nlp.toponyms import toponym_spans


@pytest.fixture(scope="module")
def nlp():
    from wirecoder.nlp.load import load_nlp

    return load_nlp()


def places(nlp, text):
    return [(e.text, e.start_char) for e in toponym_spans(nlp(text))]


@pytest.mark.parametrize("text, name", [
    ("Clashes in the town of Beni Walid killed four soldiers.", "Beni Walid"),
    ("The army retook the town of Konna on Saturday.", "Konna"),
    ("Militants killed six people in Djibo and Dori this week.", "Dori"),
    ("Heavy fighting was reported around Bakhmut and Avdiivka.", "Avdiivka"),
    ("Heavy fighting was reported around Bakhmut and Avdiivka.", "Bakhmut"),
    ("KIDAL, Mali (AP) - Gunmen killed two soldiers on Sunday.", "KIDAL"),
])
def test_a_known_name_in_a_place_slot_is_a_place(nlp, text, name):
    assert name in [n for n, _ in places(nlp, text)]


def test_the_place_keeps_its_exact_span(nlp):
    text = "Clashes in the town of Beni Walid killed four soldiers."
    assert ("Beni Walid", text.index("Beni Walid")) in places(nlp, text)


def test_a_model_place_before_a_division_noun_keeps_its_extent(nlp):
    assert places(nlp, "A drone struck a car in Marib province.") == [("Marib", 24)]


@pytest.mark.parametrize("text", [
    "The minister spoke to John Kerry on Monday.",       # a town inside a person's name
    "He was taken to Police headquarters in the capital.",  # a town's name before a noun
    "Officials met in March to discuss the ceasefire.",  # a month
])
def test_no_place_from_a_part_of_a_name_or_a_date(nlp, text):
    found = [n for n, _ in places(nlp, text)]
    assert "Kerry" not in found and "Police" not in found and "March" not in found


@pytest.mark.parametrize("text, site, town", [
    ("Armed men stormed the National Museum in Bamako on Friday.", "National Museum", "Bamako"),
    ("A bomb exploded outside the Grand Hotel in Kabul, killing two.", "Grand Hotel", "Kabul"),
])
def test_a_site_tagged_with_its_town_gives_the_town(nlp, text, site, town):
    assert town in [n for n, _ in places(nlp, text)]
    assert site not in [n for n, _ in places(nlp, text)]
