from __future__ import annotations

import pytest

from wirecoder.errors import UsageError
from wirecoder.model import ACTOR_TYPES
from wirecoder.resources.gazetteer import (_key, country_by_word, load_actor_gazetteer,
                                           state_actor)


def test_shipped_gazetteer_is_consistent():
    g = load_actor_gazetteer()
    assert len(g.entries) >= 150
    seen = {}
    for entry in g.entries.values():
        assert entry.type in ACTOR_TYPES
        for predicate, obj in entry.ties:
            assert obj in g.entries, (entry.id, obj)
        for name in g.variants(entry):
            other = g.entries[seen.setdefault(_key(name), entry.id)]
            if other.id != entry.id:  # one name, several actors: never two curated, never
                # in one country (the article's countries choose: ActorGazetteer.choose)
                assert not (other.curated and entry.curated), (name, other.id, entry.id)
                assert not set(other.scope) & set(entry.scope) or not entry.scope, \
                    (name, other.id, entry.id)


@pytest.mark.parametrize("surface, actor_id", [
    ("al Qaida in the Islamic Maghreb", "aqim"), ("AQMI", "aqim"), ("AQIM’s", "aqim"),
    ("Daesh", "islamic-state"), ("ISIL", "islamic-state"), ("the Islamic State", "islamic-state"),
    ("Katibat Uqba Bin Nafi", "okba-ibn-nafaa"), ("al-Qaeda", "al-qaeda"),
    ("Boko Haram", "boko-haram"), ("al Shabaab", "al-shabaab"),
])
def test_lookup_under_every_name(surface, actor_id):
    assert load_actor_gazetteer().lookup(surface).id == actor_id


def test_acronyms_are_case_sensitive():
    g = load_actor_gazetteer()
    assert g.lookup("IS").id == "islamic-state"
    assert g.lookup("is") is None


@pytest.mark.parametrize("word, iso2", [
    ("Tunisian", "TN"), ("Algerians", "DZ"), ("Algeria’s", "DZ"), ("Algeria's", "DZ"),
    ("U.S.", "US"), ("the United States", "US"), ("Burkinabe", "BF"), ("Nigerien", "NE"),
    ("Britain", "GB"), ("Iran", "IR"),
    ("the", None), ("state", None), ("turkey", None), ("IS", None), ("tunisian", None),
])
def test_country_by_word(word, iso2):
    country = country_by_word(word)
    assert (country.iso2 if country else None) == iso2


def test_state_actors_follow_acled_names():
    army = state_actor("TN", "military")
    assert (army.id, army.name, army.type) == ("military-forces-of-tunisia",
                                               "Military Forces of Tunisia", "state force")
    assert state_actor("DZ", "police").name == "Police Forces of Algeria"
    assert state_actor("IR", "government").name == "Government of Iran"
    assert state_actor("NG", "civilians").name == "Civilians (Nigeria)"


def test_user_gazetteer_adds_entries(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("- {id: dune-sons, name: Sons of the Dunes, type: armed group, "
                    "acronyms: [SOD], ties: [{predicate: branch_of, object: aqim}]}\n")
    g = load_actor_gazetteer((str(path),))
    assert g.lookup("SOD").id == "dune-sons" and g.lookup("Daesh").id == "islamic-state"


@pytest.mark.parametrize("content, message", [
    ("not: [a, list", "not valid YAML"),
    ("{id: x}", "expected a list"),
    ("- {name: No Id}", "needs at least"),
    ("- {id: x, name: X, type: alien}", "type 'alien'"),
])
def test_malformed_user_gazetteer_names_the_file(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(UsageError, match=message) as info:
        load_actor_gazetteer((str(path),))
    assert "bad.yaml" in str(info.value)


def test_ruler_tables_build():
    import spacy

    from wirecoder.nlp.actor_ruler import ActorRuler, region_patterns

    nlp = spacy.blank("en")
    g = load_actor_gazetteer()
    ruler = ActorRuler(nlp, region_patterns(nlp), g)
    assert "AQIM" in g.acronyms and g.acronyms["AQIM"] == ["aqim"]
    assert any(p["label"] == "LOC" and p["id"] == "region:sahel" for p in region_patterns(nlp))
    doc = nlp("Fighters of Al Shabab and the Kurdistan Worker\u2019s Party met a Haqqani leader.")
    found = {doc[s:e].text: ids for s, e, ids in ruler.find(doc)}
    assert found == {"Al Shabab": ["al-shabaab"], "Kurdistan Worker\u2019s Party": ["pkk"],
                     "Haqqani": ["haqqani-network"]}
