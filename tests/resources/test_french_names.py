"""French names and acronyms of armed groups and forces (issue 30, item 5) are names of the
same gazetteer actors as the English ones, whose labels stay ACLED English."""

from __future__ import annotations

import pytest

from wirecoder.resources.gazetteer import load_actor_gazetteer, state_actor


@pytest.mark.parametrize("surface, actor_id", [
    ("AQMI", "aqim"), ("Aqmi", "aqim"), ("Al-Qaïda au Maghreb islamique", "aqim"),
    ("EIGS", "isgs"), ("État islamique au Grand Sahara", "isgs"),
    ("GSIM", "jnim"), ("Groupe de soutien à l'islam et aux musulmans", "jnim"),
    ("EIAO", "iswap"), ("État islamique en Afrique de l'Ouest", "iswap"),
    ("Daech", "islamic-state"), ("État islamique", "islamic-state"),
    ("Ançar Dine", "ansar-dine"), ("Katiba Okba Ibn Nafaa", "okba-ibn-nafaa"),
    ("Mouvement pour l'unicité et le jihad en Afrique de l'Ouest", "mujao"),
    ("Volontaires pour la défense de la patrie", "vdp"), ("VDP", "vdp"),
    ("force Barkhane", "operation-barkhane"), ("Minusma", "minusma"),
    ("Force conjointe du G5 Sahel", "g5-sahel"), ("FMM", "mnjtf"),
    ("Armée nationale libyenne", "lna"), ("Boko Haram", "boko-haram"),
    ("FAMa", "military-forces-of-mali"), ("Forces armées maliennes", "military-forces-of-mali"),
    ("armée malienne", "military-forces-of-mali"), ("FORSAT", "police-forces-of-mali"),
    ("garde nationale", "police-forces-of-tunisia"), ("armée tchadienne", "military-forces-of-chad"),
    ("Armée nationale populaire", "military-forces-of-algeria"),
])
def test_french_names_are_the_english_actors(surface, actor_id):
    assert load_actor_gazetteer().lookup(surface).id == actor_id


def test_a_shared_acronym_is_chosen_by_the_articles_countries():
    g = load_actor_gazetteer()
    assert g.lookup("FDS", {"NE": 2}).id == "military-forces-of-niger"
    assert g.lookup("FDS", {"BF": 1}).id == "military-forces-of-burkina-faso"


def test_state_forces_keep_the_generated_id_and_acled_label():
    # the entry and the force the pipeline generates from "Malian troops" are one actor
    g = load_actor_gazetteer()
    for entry in g.entries.values():
        if entry.id != "tatmadaw" and entry.name.startswith(("Military Forces of ",
                                                              "Police Forces of ")):
            role = "military" if entry.name.startswith("Military") else "police"
            generated = state_actor(entry.country, role)
            assert (entry.id, entry.name) == (generated.id, generated.name)
