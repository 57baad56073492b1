"""Descriptive groups, facilities and peoples' names in a group's slot, read by the whole
pipeline (sentences written for these tests; issue 19 items 5 and 6)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from wirecoder.nlp.load import load_nlp

    return load_nlp()


def _keys(nlp, text):
    return {m.span.text: m.key for m in nlp(text)._.wc_mentions}


@pytest.mark.parametrize("text, name", [
    ("Gunmen stormed the Kelvin Museum in Port Sudan on Friday.", "Kelvin Museum"),
    ("A suicide bomber struck the Palmera Grand Hotel in the capital.", "Palmera Grand Hotel"),
    ("Militants blew up the Tana River Bridge near Garissa overnight.", "Tana River Bridge"),
    ("Rebels shelled Kandani Airport on Sunday, killing two guards.", "Kandani Airport"),
])
def test_facilities_are_never_actors(nlp, text, name):
    assert not any(name in span for span in _keys(nlp, text))


@pytest.mark.parametrize("text, key", [
    ("Bandits killed eight villagers in Zamfara state on Monday.", "unidentified-armed-group"),
    ("Maoists ambushed a police patrol in Chhattisgarh on Monday.", "maoist-rebels"),
    ("Armed youths torched houses in Jonglei state.", "unidentified-armed-group"),
    ("Ethnic militia attacked a village in Ituri province.", "identity-militia"),
    ("Vigilantes lynched two suspected thieves in Kano on Tuesday.", "vigilante-militia"),
    ("Local vigilantes from the farming community clashed with herders.", "communal-vigilantes"),
])
def test_descriptive_groups(nlp, text, key):
    assert key in _keys(nlp, text).values()


def test_peoples_name_in_a_groups_slot(nlp):
    assert _keys(nlp, "Troops clashed with members of the Dinka near Bor.").get("Dinka") == "dinka"
    assert _keys(nlp, "A spokesman for Afar told reporters talks would resume.").get("Afar") \
        == "afar"
    assert _keys(nlp, "Officials said Anuak had claimed responsibility for the raid.") \
        .get("Anuak") == "anuak"
    assert not _keys(nlp, "Many Dinka live in the area.")  # a people, not a group
