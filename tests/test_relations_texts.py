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
