"""Each relation pattern family on sentences written for these tests (loads the model).
Group names are invented unless the test is about the shipped gazetteer."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import Article

pytestmark = pytest.mark.slow



def relations(pipeline, text):
    x = pipeline.process(Article.make(text, published=date(2021, 3, 10)))
    names = {a.id: a.name for a in x.actors}
    found = {(names.get(r.subject, r.subject), r.predicate, names.get(r.object, r.object))
             for r in x.relations}
    return found, x


def test_member_of_with_start_year(pipeline):
    found, x = relations(pipeline, "Karim Haddadi, a Moroccan who joined Boko Haram in 2011, "
                                   "was arrested in Kano, police said.")
    assert ("Karim Haddadi", "member_of", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati "
            "wal-Jihad") in found
    assert ("Karim Haddadi", "nationality", "MA") in found
    member = next(r for r in x.relations if r.predicate == "member_of")
    assert member.valid_from.start == date(2011, 1, 1)


def test_branch_by_possessive_and_naming(pipeline):
    found, _ = relations(pipeline, "JNIM's northern branch, called the Sons of the Dunes "
                                   "Brigade, is based in the desert near Kidal.")
    assert ("Sons of the Dunes Brigade", "branch_of",
            "JNIM: Group for Support of Islam and Muslims") in found


def test_leader_and_commander_by_apposition(pipeline):
    found, _ = relations(pipeline, "Soldiers killed Oumar Sidibe, the leader of the Macina "
                                   "Liberation Front, and a veteran JNIM commander, Ali Toure.")
    assert ("Oumar Sidibe", "leader_of", "Katiba Macina") in found
    assert ("Ali Toure", "commander_of", "JNIM: Group for Support of Islam and Muslims") in found


def test_rival(pipeline):
    found, _ = relations(pipeline, "Boko Haram is losing ground in Borno as rival ISWAP "
                                   "expands, officials say.")
    assert ("ISWAP: Islamic State West Africa Province", "rival_of",
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad") in found


def test_based_in(pipeline):
    found, _ = relations(pipeline, "The Sons of the Dunes Brigade is split into three cells "
                                   "based in the Adrar mountains near Kidal.")
    assert any(r[0] == "Sons of the Dunes Brigade" and r[1] == "based_in" for r in found)


def test_global_parent_in_a_branch_area_is_the_branch(pipeline):
    text = ("Islamic State is trying to regroup in northeastern Nigeria, officials say. "
            "ISWAP fighters attacked a base near Maiduguri. A man who joined Islamic State "
            "in 2014 surrendered.")
    found, x = relations(pipeline, text)
    ids = {a.id for a in x.actors}
    assert {"iswap", "islamic-state"} <= ids  # the 2014 membership stays with the parent


def test_ally_and_spokesman(pipeline):
    found, _ = relations(pipeline, "The Sons of the Dunes Brigade, an ally of JNIM, attacked "
                                   "Gao. Ali Maiga, a spokesman for the Sons of the Dunes "
                                   "Brigade, said the group would fight on.")
    assert ("Sons of the Dunes Brigade", "ally_of",
            "JNIM: Group for Support of Islam and Muslims") in found
    assert ("Ali Maiga", "spokesman_of", "Sons of the Dunes Brigade") in found


# ---- issue 19, item 7: relations on real wording (every order, with negatives) -------------

JNIM = "JNIM: Group for Support of Islam and Muslims"
ANSAR = "Ansaroul Islam"
NIGERIA_ARMY = "Military Forces of Nigeria"


def evidence_of(x, predicate):
    """The sentence each relation claim of ``predicate`` quotes as its evidence."""
    return [c.sentence for c in x.claims if c.kind == "relation"
            and c.value["predicate"] == predicate]


@pytest.mark.parametrize("text", [
    "Ali Maiga, the group's spokesman, said JNIM fighters had attacked the base.",  # cataphor
    "JNIM attacked a base on Monday. The group's spokesman Ali Maiga said it was revenge.",
    "JNIM spokesman Ali Maiga said the fighters had attacked the base near Gao.",
    "Ali Maiga, a spokesman for JNIM, said the fighters had attacked the base.",
])
def test_spokesman_in_every_order(pipeline, text):
    found, x = relations(pipeline, text)
    assert ("Ali Maiga", "spokesman_of", JNIM) in found
    assert all("Ali Maiga" in s for s in evidence_of(x, "spokesman_of"))


@pytest.mark.parametrize("text", [
    "Ali Maiga is the leader of JNIM, officials said.",
    "The leader of JNIM, Ali Maiga, said the fighters would fight on.",
    "JNIM attacked a base near Gao on Monday. Ali Maiga, who was the group's head, said "
    "it would fight on.",
    "Ali Maiga, who heads JNIM, said the fighters would fight on.",
    "JNIM, led by Ali Maiga, attacked a base near Gao.",
])
def test_leader_by_copula_apposition_and_verb(pipeline, text):
    found, _ = relations(pipeline, text)
    assert ("Ali Maiga", "leader_of", JNIM) in found


def test_head_until_a_year_keeps_its_end(pipeline):
    _, x = relations(pipeline, "JNIM fighters attacked a base on Monday. Ali Maiga was the "
                               "group's head until 2019.")
    leads = next(r for r in x.relations if r.predicate == "leader_of")
    assert leads.valid_to is not None and leads.valid_to.start == date(2019, 1, 1)


@pytest.mark.parametrize("text", [
    "Soldiers killed Oumar Sidibe, Ali Maiga's deputy, near Gao.",
    "Ali Maiga's deputy, Oumar Sidibe, was killed near Gao.",
])
def test_deputy_both_orders(pipeline, text):
    found, _ = relations(pipeline, text)
    assert ("Oumar Sidibe", "aide_to", "Ali Maiga") in found


@pytest.mark.parametrize("text", [
    "Nigerian military spokesman Onyema Nwachukwu said troops killed ten militants in Borno.",
    "Troops killed ten Boko Haram fighters in Borno, Nigeria, military spokesman Onyema "
    "Nwachukwu said.",
])
def test_military_spokesman_serves_the_named_country_military(pipeline, text):
    found, x = relations(pipeline, text)
    assert ("Onyema Nwachukwu", "spokesman_of", NIGERIA_ARMY) in found
    person = next(a for a in x.actors if a.name == "Onyema Nwachukwu")
    assert person.type == "person"


def test_military_spokesman_without_a_country_is_no_tie(pipeline):
    found, x = relations(pipeline, "Troops killed ten fighters near the border, military "
                                   "spokesman Onyema Nwachukwu said.")
    assert not any(r[1] == "spokesman_of" for r in found)  # the text does not say whose
    assert any(a.name == "Onyema Nwachukwu" and a.type == "person" for a in x.actors)


def test_ministry_spokesman_is_no_armed_group_tie(pipeline):
    found, x = relations(pipeline, "Onyema Nwachukwu, a spokesman for the Ministry of "
                                   "Defence, said troops killed Boko Haram fighters in Borno.")
    groups = {a.name for a in x.actors if a.type == "armed group"}
    assert not any(r[0] == "Onyema Nwachukwu" and r[2] in groups for r in found)


@pytest.mark.parametrize("text,word", [
    ("Hamid Kassem, a former member of JNIM, was killed near Gao.", "former"),
    ("Hamid Kassem, an ex-commander of JNIM, surrendered in Gao.", "ex-"),
])
def test_former_member_keeps_its_tense(pipeline, text, word):
    _, x = relations(pipeline, text)
    tie = next(r for r in x.relations if r.object == "jnim")
    assert tie.valid_to is not None and tie.valid_to.text == word
    assert tie.valid_to.end == date(2021, 3, 10) and tie.valid_to.start is None


def test_a_member_now_has_no_end(pipeline):
    _, x = relations(pipeline, "Hamid Kassem, a member of JNIM, was killed near Gao.")
    tie = next(r for r in x.relations if r.predicate == "member_of")
    assert tie.valid_to is None


@pytest.mark.parametrize("text", [
    "Hamid Kassem, an Algerian who was arrested in Gao last week, appeared in court.",
    "The Algerian Hamid Kassem was killed near Gao, officials said.",
    "Soldiers killed the Algerian militant Hamid Kassem near Gao.",
    "Hamid Kassem, the Algerian commander of JNIM, was killed near Gao.",
    "Hamid Kassem is Algerian, the prosecutor said.",
])
def test_nationality_in_every_order(pipeline, text):
    found, x = relations(pipeline, text)
    assert ("Hamid Kassem", "nationality", "DZ") in found
    assert evidence_of(x, "nationality")


@pytest.mark.parametrize("text,alias", [
    ("Hamid Kassem, nicknamed Abu Talha, was killed near Gao. Abu Talha had led raids.",
     "Abu Talha"),
    ("Hamid Kassem, also known as Abu Talha, was killed near Gao.", "Abu Talha"),
    ("Hamid Kassem, alias Abu Talha, was killed near Gao.", "Abu Talha"),
    ("Hamid Kassem (known as Abu Talha) was killed near Gao.", "Abu Talha"),
    ("Hamid Kassem, known by his nom de guerre Abu Talha, was killed near Gao.", "Abu Talha"),
    ('Hamid Kassem, nicknamed "the Butcher", was killed near Gao.', "the Butcher"),
])
def test_nickname_is_one_actor_with_its_alias_and_evidence(pipeline, text, alias):
    _, x = relations(pipeline, text)
    people = [a for a in x.actors if a.type == "person"]
    assert [a.name for a in people] == ["Hamid Kassem"]  # never a second actor
    assert alias in people[0].aliases
    said = [c for c in x.claims if c.kind == "alias" and c.value["alias"] == alias]
    assert said and alias in said[0].sentence and "Hamid Kassem" in said[0].sentence


@pytest.mark.parametrize("text", [
    "Ansarul Islam pledged allegiance to Islamic State in 2019, the report said.",
    "Ansarul Islam pledged loyalty to Islamic State last year.",
    "The Sons of the Dunes Brigade, which pledged allegiance to Islamic State in 2019, "
    "attacked a base.",
])
def test_pledged_allegiance(pipeline, text):
    found, x = relations(pipeline, text)
    assert any(r[1] == "allegiance_to" and r[2] == "Islamic State" for r in found)
    assert all("allegiance" in s or "loyalty" in s for s in evidence_of(x, "allegiance_to"))


@pytest.mark.parametrize("text", [
    "Ansarul Islam pledged to rebuild the mosque in Gao.",
    "Ansarul Islam pledged support to the talks with JNIM in Ouagadougou.",
])
def test_a_pledge_that_is_no_allegiance(pipeline, text):
    found, _ = relations(pipeline, text)
    assert not any(r[1] in ("allegiance_to", "member_of") for r in found)


@pytest.mark.parametrize("text", [
    "Ansarul Islam, a splinter of JNIM, attacked a base.",
    "Ansarul Islam is a splinter group of JNIM.",
    "Ansarul Islam, a JNIM splinter group, attacked a base.",
    "Ansarul Islam, a breakaway faction of JNIM, attacked a base.",
    "Ansarul Islam broke away from JNIM in 2018, officials said.",
    "Ansarul Islam split from JNIM in 2018.",
])
def test_splinter_in_every_wording(pipeline, text):
    found, _ = relations(pipeline, text)
    assert (ANSAR, "splinter_of", JNIM) in found
    assert (ANSAR, "branch_of", JNIM) not in found


def test_splinter_keeps_its_year(pipeline):
    _, x = relations(pipeline, "Ansarul Islam broke away from JNIM in 2018.")
    tie = next(r for r in x.relations if r.predicate == "splinter_of")
    assert tie.valid_from.start == date(2018, 1, 1)


@pytest.mark.parametrize("text", [
    "JNIM split into two factions last year.",
    "Soldiers hunted splinter groups of JNIM fighters near Gao.",
])
def test_no_splinter_without_two_groups(pipeline, text):
    found, _ = relations(pipeline, text)
    assert not any(r[1] == "splinter_of" for r in found)


@pytest.mark.parametrize("text", [
    "Ansarul Islam was founded by Hamid Kassem in 2015.",
    "Ansarul Islam, founded by Hamid Kassem, attacked a base.",
    "Hamid Kassem founded Ansarul Islam in 2015.",
    "Hamid Kassem, who set up Ansarul Islam in 2015, was killed near Gao.",
    "Hamid Kassem, the founder of Ansarul Islam, was killed near Gao.",
])
def test_founded_by_in_every_order(pipeline, text):
    found, x = relations(pipeline, text)
    assert ("Hamid Kassem", "founder_of", ANSAR) in found
    assert evidence_of(x, "founder_of")


def test_a_ministry_forming_a_committee_founds_nothing(pipeline):
    found, _ = relations(pipeline, "Nigeria's government formed a committee on Boko Haram "
                                   "attacks in Borno.")
    assert not any(r[1] == "founder_of" for r in found)


def test_a_demonym_on_an_apposed_agency_is_no_nationality(pipeline):
    found, _ = relations(pipeline, "Youcef Haddad, director-general of Petrolex, the Algerian "
                                   "state oil agency, spoke in Algiers.")
    assert not any(r[1] == "nationality" for r in found)
