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


def _as_person(nlp, text, name, label="PERSON"):
    """``text`` parsed, ``name`` set as a PERSON (or ``label``) entity as the NER may tag
    it, corrected."""
    from spacy.tokens import Span

    from wirecoder.nlp.fix_ents import corrected_ents

    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    doc.ents = [Span(doc, span.start, span.end, label=label)]
    return {e.text: e.label_ for e in corrected_ents(doc)}[name]


@pytest.mark.parametrize("text, name", [
    # a town no place index knows, where the words around it say it is a place
    ("The minibus was travelling from Mopti to Wassakoro when armed men stopped it.",
     "Wassakoro"),
    ("Villagers fled from Wassakoro to Mopti after the raid.", "Wassakoro"),
    ("Three herders were shot dead near Sorikela on Saturday.", "Sorikela"),
    ("Soldiers patrolled outside Kelitanga after the attack.", "Kelitanga"),
    ("Two traders were killed in Kelitanga on Monday, residents said.", "Kelitanga"),
    ("Sorikela, a small town near the border, was attacked at dawn.", "Sorikela"),
    # a town the index knows, as the object of an attack
    ("Gunmen raided Gao overnight, residents said.", "Gao"),
])
def test_place_in_a_locative_context_is_no_person(nlp, text, name):
    assert _as_person(nlp, text, name) == "GPE"


@pytest.mark.parametrize("text, name", [
    ("A delegation travelled from Bamako to meet Moussa Bandoumba on Monday.", "Moussa Bandoumba"),
    ("The governor thanked Moussa Bandoumba in a speech in Mopti.", "Moussa Bandoumba"),
    ("Mr Bandoumba, the mayor, spoke to Amadou Sorikela about the attack.", "Amadou Sorikela"),
])
def test_person_stays_a_person(nlp, text, name):
    assert _as_person(nlp, text, name) == "PERSON"


def test_town_named_as_a_place_elsewhere_in_the_article_is_no_actor(nlp):
    text = ("The convoy left Bandoumba for the capital on Friday. It was ambushed on the way "
            "from Bandoumba to Mopti, officials said.")
    assert "Bandoumba" not in _keys(nlp, text)
    assert "Wassakoro" not in _keys(nlp, "Gunmen raided Gao and Wassakoro overnight.")


def test_organisation_is_a_place_only_where_it_cannot_be_an_organisation(nlp):
    assert _as_person(nlp, "Sorikela, a small town near the border, was attacked at dawn.",
                      "Sorikela", "ORG") == "GPE"
    assert _as_person(nlp, "Two herders were shot dead outside Sorikela on Friday.",
                      "Sorikela", "ORG") == "GPE"
    assert _as_person(nlp, "Food aid was shipped from Kelmora Relief to Mopti last week.",
                      "Kelmora Relief", "ORG") == "ORG"
    assert _as_person(nlp, "Mali and Kelmora Relief signed a deal on Monday.",
                      "Kelmora Relief", "ORG") == "ORG"
