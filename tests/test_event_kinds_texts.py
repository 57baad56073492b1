"""Issue 18 on sentences written for these tests: every ACLED sub-type as reporters word it
(support constructions, the means, the participants), the non-event families (business,
sport, disasters, crime, labour, launches), and the modalities of real press releases
(purposes, a target's record) (loads the model)."""

from __future__ import annotations

import pytest

from article_coding import PUBLISHED, code, current
from wirecoder.model import Article

pytestmark = pytest.mark.slow


def subtypes(x) -> set[str]:
    return {e.sub_type for e in current(x)}


@pytest.mark.parametrize("text, expected", [
    # support constructions
    ("Jets carried out a string of air strikes on the town of Maarat on Monday.",
     "Air/drone strike"),
    ("Two bombers blew themselves up inside a mosque in Maiduguri, killing 20 worshippers.",
     "Suicide bomb"),
    ("The army engaged in heavy clashes with the militants near Tal Afar on Sunday.",
     "Armed clash"),
    ("A patrol came under fire from insurgents near Kunduz on Tuesday.", "Armed clash"),
    ("The warehouse was set on fire by a crowd in Kaduna on Friday.",
     "Looting/property destruction"),
    # the means fix the sub-type whatever the verb
    ("Six people were wounded in a hand grenade attack on a cafe in Bujumbura on Sunday.",
     "Grenade"),
    ("Three rockets struck near the consulate in Erbil on Tuesday.",
     "Shelling/artillery/missile attack"),
    ("A truck hit a landmine near Menaka on Monday, killing four soldiers.",
     "Remote explosive/landmine/IED"),
    ("A helicopter dropped barrels filled with chlorine on the town of Kafr Zita on Monday.",
     "Chemical weapon"),
    ("The rebels fired six missiles at an airbase in Jizan on Monday.",
     "Shelling/artillery/missile attack"),
    # participants decide the type
    ("Gunmen opened fire on worshippers inside a church in Ondo on Sunday.", "Attack"),
    ("Militants attacked an army checkpoint near Arish on Monday, killing five soldiers.",
     "Armed clash"),
    ("An angry mob lynched two men accused of theft in Ogun on Friday.", "Mob violence"),
    ("Security forces have raped women in villages near Kalemie, residents said.",
     "Sexual violence"),
    # protests
    ("Hundreds of teachers joined a peaceful march in Harare on Friday.", "Peaceful protest"),
    ("Protesters threw stones at police in Algiers on Friday.", "Violent demonstration"),
    ("Police fired tear gas to disperse hundreds of protesters in Conakry on Monday.",
     "Protest with intervention"),
    ("Police shot dead three protesters during a demonstration in Khartoum on Monday.",
     "Excessive force against protesters"),
    # strategic developments
    ("Police seized a cache of explosives and rifles in Mombasa on Monday.",
     "Disrupted weapons use"),
    ("Army engineers defused a roadside bomb near Gao on Tuesday.", "Disrupted weapons use"),
    ("Turkish forces set up a new observation post near Saraqib on Monday.",
     "Headquarters or base established"),
    ("About 200 soldiers defected to the rebels in Sool region on Sunday.",
     "Change to group/activity"),
    ("The army deployed troops to the border town of Tukaraq on Monday.",
     "Change to group/activity"),
    ("The warring sides agreed a ceasefire in Sirte on Sunday, the UN said.", "Agreement"),
    ("Government forces withdrew from the town of Marka on Monday without a fight.",
     "Non-violent transfer of territory"),
    ("Government troops recaptured the town of Palma from the insurgents on Tuesday.",
     "Government regains territory"),
    ("Coalition forces captured two insurgents in Kandahar province on Tuesday.", "Arrests"),
    ("Security forces took three suspected militants into custody in Kano on Monday.",
     "Arrests"),
])
def test_each_sub_type_as_reporters_word_it(pipeline, text, expected):
    assert expected in subtypes(code(pipeline, text)), [
        (e.sub_type, e.trigger) for e in code(pipeline, text).events]


@pytest.mark.parametrize("text", [
    # economic and sporting senses
    "Banks hope to strike swift deals with their largest debtors.",
    "Shares of Northgate Corp shot up 11 points in heavy trading on Monday.",
    "Northgate Inc said it signed an agreement to sell its plastics unit to Halvorsen Corp.",
    "The company fought back a hostile bid from a rival shareholder group.",
    "Analysts expect the firm to launch a major attack on the software market.",
    "Growth has been targeted at four pct for next year, the minister said.",
    "The airline said it will eliminate 300 management positions this year.",
    "Crude oil prices rallied on Tuesday after the producers' meeting.",
    "The company demonstrated a new computer chip at the fair in Boston.",
    "The champions battled their rivals to a goalless draw on Saturday.",
    # launches and weapons named but not used
    "An unmanned rocket carrying a weather satellite blasted off from the cape on Tuesday.",
    "The army plans to buy a new anti-aircraft missile from a European maker.",
    # labour, disasters, accidents, ordinary crime, natural death
    "Seamen began a national strike on Monday over pay and conditions.",
    "Three workers were killed in an accident at a coal mine in Shanxi on Monday.",
    "Floods killed twelve people in the Kasai region on Sunday, officials said.",
    "Police arrested the firm's treasurer and charged him with embezzlement.",
    "The appointment follows the death of the former chairman in January.",
    # agreements between parties to no conflict
    "The two countries signed an agreement on rescheduling commercial debts.",
    "Farmers' leaders announced a truce in their dispute with the ministry.",
])
def test_no_event_where_nothing_political_happened(pipeline, text):
    assert current(code(pipeline, text)) == [], [
        (e.sub_type, e.trigger) for e in code(pipeline, text).events]


@pytest.mark.parametrize("text", [
    "Forces conducted an operation to arrest a militant commander in Logar province.",
    "The patrol was sent in search of a bomb maker and sought to capture him.",
    "The commander is responsible for attacks on soldiers in the district.",
    "The facilitator, who planned bombings against the police, is wanted for the attack.",
    "The cell leader plans and organizes roadside bombings in the area.",
    "Militants tried to attack the base on Monday, the army said.",
    "The group threatened to attack the capital.",
    "The army denied that it had shelled the village.",
])
def test_purposes_records_attempts_threats_denials_are_no_current_event(pipeline, text):
    assert current(code(pipeline, text)) == [], [
        (e.sub_type, e.trigger, e.modality) for e in code(pipeline, text).events]


def test_the_raid_purpose_is_not_an_arrest_but_the_detentions_are(pipeline):
    x = code(pipeline, "An Afghan and coalition force detained two suspected insurgents "
                       "during an operation targeting a Taliban leader in Khost province "
                       "on Tuesday.")
    assert [(e.sub_type, e.arrested) for e in current(x)] == [("Arrests", 2)]


def test_captured_people_are_counted_as_arrested(pipeline):
    x = code(pipeline, "Coalition forces captured three insurgents in Zabul province on "
                       "Monday.")
    assert [(e.sub_type, e.arrested) for e in current(x)] == [("Arrests", 3)]


def test_explain_event_gives_why_it_exists_and_its_type(pipeline, tmp_path):
    from wirecoder.pipeline import ingest
    from wirecoder.resolve.typing import explain_event
    from wirecoder.store import Store

    with Store(tmp_path / "x.db") as store:
        ingest([Article.make("Gunmen attacked worshippers at a mosque in Zaria on Friday.",
                             published=PUBLISHED)], store, pipeline)
        [event] = store.events()
        lines = explain_event(store, event.id, pipeline)
    text = "\n".join(lines)
    assert "names sense 'attack'" in text and "civilian" in text


@pytest.mark.parametrize("text, expected", [
    # chemical agents named as the means, whatever the verb
    ("Rebels fired shells filled with poison gas at the village of Tell Aran on Monday.",
     "Chemical weapon"),
    ("Residents choked after the use of toxic gas by militants near Homs on Friday.",
     "Chemical weapon"),
    # protests told by the crowd's acts or by a plural noun with its kind
    ("Thousands of demonstrators chanted slogans outside parliament in Tbilisi on Sunday.",
     "Peaceful protest"),
    ("Anti-government protests spread across Bamako on Tuesday.", "Peaceful protest"),
    ("Violent protests erupted in Lagos on Monday over fuel prices.", "Violent demonstration"),
    # territory worded as an armed side driven from a place
    ("Government troops drove the militants out of three villages near Palmyra on Sunday.",
     "Government regains territory"),
    ("The rebels were pushed back from the outskirts of Idlib on Friday.",
     "Government regains territory"),
    ("Militants seized control of the main border crossing near Qaim on Thursday.",
     "Non-state actor overtakes territory"),
    # people taken by a non-state side: an abduction, not an arrest
    ("Gunmen captured four local officials near Warri on Monday.",
     "Abduction/forced disappearance"),
])
def test_issue_18_wordings(pipeline, text, expected):
    assert expected in subtypes(code(pipeline, text)), [
        (e.sub_type, e.trigger) for e in code(pipeline, text).events]


@pytest.mark.parametrize("text", [
    "Japan lodged strong protests with Washington over the new tariffs.",
    "The plant produces chlorine for the paper industry, the company said.",
    "Workers gathered at the plant gate in Detroit on Monday to hear the pay offer.",
])
def test_issue_18_non_events(pipeline, text):
    assert current(code(pipeline, text)) == [], [
        (e.sub_type, e.trigger) for e in code(pipeline, text).events]


@pytest.mark.parametrize("text, arrested", [
    ("Coalition forces detained several suspected insurgents in Zabul province on Monday.", 3),
    ("Coalition forces captured a few militants in Logar province on Tuesday.", 3),
])
def test_vague_quantities_take_the_table_low_estimate(pipeline, text, arrested):
    assert [e.arrested for e in current(code(pipeline, text))] == [arrested]


def test_engaged_with_an_airstrike_is_an_air_strike(pipeline):
    x = code(pipeline, "The patrol engaged a group of insurgents with a precision airstrike "
                       "in Paktika province on Monday, killing four of them.")
    assert "Air/drone strike" in subtypes(x)


def test_a_number_of_people_detained_is_an_arrest(pipeline):
    x = code(pipeline, "Coalition forces detained a number of suspected militants in Logar "
                       "province on Tuesday.")
    assert [e.sub_type for e in current(x)] == ["Arrests"]


def test_a_role_told_in_the_present_is_a_record(pipeline):
    x = code(pipeline, "Soldiers captured a Taliban commander in Zabul province on Monday. "
                       "The commander orders roadside bombings against the police.")
    assert [e.sub_type for e in current(x)] == ["Arrests"]


def test_territory_taken_during_an_offensive_is_one_event(pipeline):
    x = code(pipeline, "Government forces recaptured the town of Kafr Nabl during the offensive "
                       "on Monday, the army said.")
    assert [e.sub_type for e in current(x)] == ["Government regains territory"]


def test_territory_taken_back_is_regained_by_the_government(pipeline):
    x = code(pipeline, "The town of Marib was regained on Sunday after weeks of fighting, "
                       "officials said.")
    assert "Government regains territory" in subtypes(x), [
        (e.sub_type, e.trigger) for e in x.events]


def test_violence_during_a_march_is_one_demonstration(pipeline):
    x = code(pipeline, "Hundreds of students battled police during a march in Dakar on Friday.")
    assert [e.sub_type for e in current(x)] == ["Violent demonstration"], [
        (e.sub_type, e.trigger) for e in x.events]


@pytest.mark.parametrize("text, expected", [
    # the crowd's own destruction is the demonstration, violent (ACLED: vandalism)
    ("Students tore down the gates of the education ministry during a march in Lilongwe on "
     "Monday.", "Violent demonstration"),
    ("Furious demonstrators smashed the windows of the town hall in Mopti on Friday.",
     "Violent demonstration"),
    # harm told beside force used on a protest: excessive force, the harm not the trigger
    ("A gendarme beat a young marcher with his baton during a rally against bread prices in "
     "Niamey on Tuesday.", "Excessive force against protesters"),
    ("Three people died in the crackdown on the nurses' protest in Harare on Monday.",
     "Excessive force against protesters"),
    # ACLED: excessive force is force against peaceful protesters; deaths at a protest whose
    # crowd clashed or threw stones are a violent demonstration
    ("Two protesters were killed in Khartoum on Sunday when stone-throwing crowds clashed with "
     "riot police.", "Violent demonstration"),
    # a clash noun with its sides after "between", on the noun or on its verb
    ("Clashes broke out between riot police and demonstrators in Conakry on Thursday.",
     "Violent demonstration"),
    ("Fierce clashes erupted between the army and rebels near Beni on Saturday.",
     "Armed clash"),
])
def test_protests_typed_by_what_the_crowd_and_the_police_did(pipeline, text, expected):
    assert expected in subtypes(code(pipeline, text))


def test_a_peaceful_march_stays_peaceful(pipeline):
    x = code(pipeline, "Hundreds of teachers marched peacefully to parliament in Lusaka on "
                       "Wednesday to demand their unpaid salaries.")
    assert subtypes(x) == {"Peaceful protest"}


@pytest.mark.parametrize("text, expected", [
    # a protest noun told as happening, with no determiner or actor
    ("Peaceful protest took place in Kasama on Monday over unpaid wages.", "Peaceful protest"),
    ("The protest march was held in Kampala on Sunday.", "Peaceful protest"),
    # the crowd as the agent of a passive: "heckled by protesters"
    ("The minister was heckled by a crowd of protesters outside the court in Jos on Friday.",
     "Peaceful protest"),
    # an arrest the protest is about is its cause, not force used on it
    ("A peaceful demonstration took place in Chipata on Monday after the arrest of two "
     "councillors.",
     "Peaceful protest"),
])
def test_protests_told_as_happening_or_by_their_crowd(pipeline, text, expected):
    assert subtypes(code(pipeline, text)) == {expected}


@pytest.mark.parametrize("text", [
    "A football match took place in Kano on Monday.",
    "A fire occurred at the textile factory on Monday.",
])
def test_other_things_that_took_place_are_no_protest(pipeline, text):
    assert not current(code(pipeline, text))


def test_protesters_arrested_are_an_intervention_not_excessive_force(pipeline):
    # a count of people arrested is no death toll (ACLED: arrests at a protest are an
    # intervention; excessive force is force that kills or wounds peaceful protesters)
    x = code(pipeline, "Police in Accra arrested 25 protesters outside parliament on Monday.")
    assert [e.sub_type for e in current(x)] == ["Protest with intervention"]


def test_explain_event_names_the_rule_behind_each_field(pipeline, tmp_path):
    from wirecoder.pipeline import ingest
    from wirecoder.resolve.typing import explain_event
    from wirecoder.store import Store

    with Store(tmp_path / "x.db") as store:
        ingest([Article.make("Members of Boko Haram killed 15 to 20 villagers near "
                             "Bama yesterday evening, said the governor.",
                             published=PUBLISHED)], store, pipeline)
        [event] = store.events()
        lines = explain_event(store, event.id, pipeline)
    text = "\n".join(lines)
    assert "date:" in text and "'yesterday evening'" in text
    assert "place:  Bama" in text
    assert "actor1: Boko Haram" in text and "found by members of" in text
    assert "toll:   15 fatalities" in text and "range 15-20" in text
    assert "source: the governor" in text


def test_tear_gas_used_to_push_back_protesters_is_a_protest_with_intervention(pipeline):
    x = pipeline.process(Article.make("Police used tear gas on Thursday to push back protesters "
                                      "trying to reach the parliament in Tunis.",
                                      published=PUBLISHED))
    assert [(e.type, e.sub_type) for e in x.events] == [
        ("Protests", "Protest with intervention")]


@pytest.mark.parametrize("text", [
    "Protesters set fire to a police station in Kisumu on Tuesday.",
    "Protesters threw stones at police and burned tyres in the streets of Conakry on Monday.",
])
def test_protesters_destroying_property_are_one_violent_demonstration(pipeline, text):
    x = pipeline.process(Article.make(text, published=PUBLISHED))
    assert [(e.type, e.sub_type) for e in x.events] == [("Riots", "Violent demonstration")]


def test_soldiers_looting_is_looting(pipeline):
    x = pipeline.process(Article.make("Soldiers looted shops in Gao on Sunday.",
                                      published=PUBLISHED))
    assert [e.sub_type for e in x.events] == ["Looting/property destruction"]
