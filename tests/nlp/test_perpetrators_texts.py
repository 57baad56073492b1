"""Perpetrators from claims and attributions of responsibility (nlp/perpetrators/), on
sentences written for these tests: each wording, its hedge and source, a claim in a later
sentence, no claim, defenders, and ACLED's unidentified armed group (loads the model)."""

from __future__ import annotations

from datetime import date

import pytest

from article_coding import code as _code

pytestmark = pytest.mark.slow
PUBLISHED = date(2022, 5, 2)


def code(pipeline, text):
    return _code(pipeline, text, PUBLISHED)


def first_violent(x):
    return next(e for e in x.events if e.type in ("Battles", "Explosions/Remote violence",
                                                     "Violence against civilians"))


def perpetrator_claims(x):
    return [c for c in x.claims if c.kind == "attribute"
            and c.value.get("attribute") == "perpetrator"]


@pytest.mark.parametrize("text, actor, hedge", [
    # "X claimed responsibility for", in the next sentence
    ("A car bomb killed eleven people at a bus station in Beledweyne on Sunday. "
     "Al Shabaab claimed responsibility for the bombing in a radio broadcast.",
     "al-shabaab", "claimed"),
    # "X said it was behind"
    ("An explosion tore through a mosque in Jalalabad on Friday, killing six worshippers. "
     "Islamic State said it was behind the explosion.", "islamic-state", "claimed"),
    # "X said it carried out"
    ("Gunmen stormed an army post near Menaka on Monday, killing four soldiers. "
     "Islamic State said it carried out the raid.", "islamic-state", "claimed"),
    # "blamed on X"
    ("The bombing, which killed nineteen people at a market in Parachinar on Sunday, "
     "was blamed on the Pakistani Taliban.", "ttp", "blamed"),
    # "officials blamed X", after "no group claimed it"
    ("Gunmen killed nine farmers near Damboa on Tuesday. No group claimed the attack, "
     "but officials blamed Boko Haram.", "boko-haram", "blamed"),
    # "attributed to X"
    ("A roadside bomb killed two policemen in Asadabad on Sunday. Local officials "
     "attributed the attack to the Taliban.", "taliban", "blamed"),
    # "believed to have been carried out by X"
    ("A grenade attack wounded eight shoppers in Garissa on Saturday. The attack is "
     "believed to have been carried out by Al Shabaab.", "al-shabaab", "suspected"),
    # "police said X was behind"
    ("A bomb exploded at a checkpoint in Gwoza on Monday, killing three soldiers. "
     "Police said Boko Haram was behind the blast.", "boko-haram", "blamed"),
])
def test_claims_make_actor1(pipeline, text, actor, hedge):
    x = code(pipeline, text)
    event = first_violent(x)
    assert event.actor1 == actor
    said = [c for c in perpetrator_claims(x) if c.subject == event.id]
    assert said and said[0].value["value"] == actor and said[0].value["hedge"] == hedge


def test_source_of_a_blame_is_kept(pipeline):
    x = code(pipeline, "Gunmen killed nine farmers near Damboa on Tuesday. No group claimed "
                       "the attack, but officials blamed Boko Haram.")
    said = perpetrator_claims(x)[0]
    assert said.source == "officials" and said.hedged


def test_no_claim_no_perpetrator(pipeline):
    x = code(pipeline, "A car bomb killed eleven people at a bus station in Beledweyne on "
                       "Sunday. No group has claimed responsibility for the attack.")
    assert first_violent(x).actor1 in (None, "unidentified-armed-group")
    assert not perpetrator_claims(x)


def test_denial_is_no_claim(pipeline):
    x = code(pipeline, "A car bomb killed eleven people at a bus station in Beledweyne on "
                       "Sunday. Al Shabaab denied responsibility for the bombing.")
    assert first_violent(x).actor1 != "al-shabaab"


def test_a_named_doer_is_not_overridden(pipeline):
    x = code(pipeline, "Boko Haram fighters attacked a village near Bama on Monday, killing "
                       "six people. Officials blamed Islamic State for the attack.")
    assert first_violent(x).actor1 == "boko-haram"


def test_defenders_are_not_actor1(pipeline):
    x = code(pipeline, "Police opened fire on a suicide bomber at a checkpoint in Maiduguri "
                       "on Sunday before he blew himself up, killing four officers.")
    event = first_violent(x)
    assert event.actor1 == "unidentified-armed-group"
    assert event.actor2 == "police-forces-of-nigeria"


def test_claimed_defenders_case(pipeline):
    x = code(pipeline, "Police opened fire on a suicide bomber at a checkpoint in Maiduguri "
                       "on Sunday before he blew himself up, killing four officers. "
                       "Boko Haram claimed the attack on Monday.")
    event = first_violent(x)
    assert event.actor1 == "boko-haram"
    assert event.actor2 == "police-forces-of-nigeria"


def test_rejected_allegations_are_no_perpetrator(pipeline):
    x = code(pipeline, "An air strike hit a clinic near Maarat on Tuesday, killing five "
                       "patients. The ministry rejected allegations that Russian jets were "
                       "responsible for the strike.")
    assert not perpetrator_claims(x)


def test_state_aircraft_named_by_a_witness(pipeline):
    x = code(pipeline, "Air strikes hit a bakery in Ariha on Monday, killing seven people, "
                       "according to rescuers, who said the strikes were carried out by "
                       "Russian warplanes.")
    said = perpetrator_claims(x)
    assert said and said[0].value["value"] == "military-forces-of-russia"
    assert said[0].value["hedge"] == "blamed"


def test_the_group_blamed_for(pipeline):
    x = code(pipeline, "A bomb killed four traders at a market in Konduga on Friday. Police "
                       "later raided a camp of Boko Haram, the group blamed for the bombing.")
    assert first_violent(x).actor1 == "boko-haram"
