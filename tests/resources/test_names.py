"""Name folding and the UCDP-generated gazetteer: spellings the press alternates between."""

from __future__ import annotations

import pytest

from wirecoder.resources.gazetteer import load_actor_gazetteer
from wirecoder.resources.names import fold, stems


@pytest.mark.parametrize("a, b", [
    ("Kurdistan Workers' Party", "Kurdistan Worker\u2019s Party"),
    ("al-Shabaab", "Al Shabab"),
    ("Taleban", "the Taliban"),
    ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("Hezb-e-Islami", "Hizb-i-Islami"),
])
def test_spellings_fold_alike(a, b):
    assert fold(a) == fold(b)


def test_stems_keep_only_names_of_their_own():
    never = lambda text: False  # noqa: E731
    assert stems("Haqqani Network", never) == ["Haqqani"]
    assert stems("Islamic Movement", never) == []  # nothing but generic words left
    assert stems("Afghan Army", lambda t: t == "Afghan") == []


def test_one_name_in_several_countries_is_several_actors():
    g = load_actor_gazetteer()
    found = g.candidates("National Liberation Front")
    assert len({e.id for e in found}) >= 3
    assert g.choose(found, {"DZ": 2}).country == "DZ"
    assert g.choose(found, {"VN": 1}).country == "VN"


@pytest.mark.parametrize("surface, actor_id", [
    ("LTTE", "liberation-tigers-of-tamil-eelam"), ("L.T.T.E.", "liberation-tigers-of-tamil-eelam"),
    ("Liberation Tigers of Tamil Eelam", "liberation-tigers-of-tamil-eelam"),
    ("Haqqanis", "haqqani-network"), ("Hezb-e-Islami", "hig"),
])
def test_generated_names_found(surface, actor_id):
    assert load_actor_gazetteer().lookup(surface).id == actor_id


def test_generated_entries_carry_ucdp_fields():
    g = load_actor_gazetteer()
    ltte = g.entries["liberation-tigers-of-tamil-eelam"]
    assert ltte.acled == "rebel group" and ltte.ucdp and ltte.country == "LK"
    assert g.entries["taliban"].curated and g.entries["taliban"].ucdp  # merged, curated wins
    assert g.entries["taliban"].name == "Taliban"
