"""How a story tells its events across sentences: the lead told in detail later, habits and
whole-war tolls that are no event, force used to put down a protest, "the town" meaning the
town just named (loads the model). Texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from article_coding import PUBLISHED, code

pytestmark = pytest.mark.slow


def names(x) -> dict:
    return {a.id: a.name for a in x.actors}


LEAD = ("DORI, Burkina Faso (Test Wire) - Burkinabe soldiers fought off an attack by Ansarul "
        "Islam fighters on the town of Dori, killing 15 insurgents, an army spokesman said on "
        "Wednesday.\n\nThe militants arrived on motorcycles late on Monday and opened fire on a "
        "military base on the edge of the town, the spokesman said. Two soldiers were killed "
        "in a gun battle that lasted three hours.\n\n")


def test_the_lead_takes_its_date_and_victims_from_the_sentences_that_tell_it(pipeline):
    x = code(pipeline, LEAD)
    battles = [e for e in x.events if e.type == "Battles"]
    assert len(battles) == 1, [(e.summary, e.when.text) for e in x.events]
    [battle] = battles
    assert (battle.when.start, battle.when.precision) == (date(2021, 3, 8), "day")
    assert battle.fatalities == 17  # 15 insurgents and two soldiers, one engagement
    assert battle.place.name == "Dori" and battle.place.precision == 1
    attackers = next(a for a in x.actors if a.id == battle.actor2)  # not "an attack"
    assert attackers.type == "armed group" and "Ans" in attackers.name


def test_a_separate_attack_is_not_the_lead(pipeline):
    x = code(pipeline, LEAD.split("\n\n")[0] + "\n\nIn a separate attack, gunmen killed three "
                       "traders on Tuesday, residents said.")
    assert len([e for e in x.events if e.fatalities]) == 2
    lead = next(e for e in x.events if e.type == "Battles")
    assert lead.fatalities == 15 and lead.when.precision == "unknown"


@pytest.mark.parametrize("text", [
    "Dori has been attacked repeatedly since the insurgency began in 2015.",
    "The group frequently carries out bombings in the north, analysts say.",
    "Kidnappings on the roads of the north have become frequent since 2019.",
    "The conflict has killed thousands of people and displaced two million, the UN says.",
])
def test_habits_trends_and_whole_war_tolls_are_no_events(pipeline, text):
    x = code(pipeline, text)
    assert not x.events, [(e.summary, e.type) for e in x.events]


def test_a_dated_toll_of_fighting_is_still_an_event(pipeline):
    x = code(pipeline, "Fighting killed twelve people near Dori on Monday, medics said.")
    assert [e.fatalities for e in x.events] == [12]


def test_force_used_to_break_up_a_protest_is_a_protest_with_intervention(pipeline):
    x = code(pipeline, "Nigerien police fired tear gas and shot into the air to break up a "
                       "protest by hundreds of traders in Niamey on Wednesday, witnesses said.")
    assert [(e.type, e.sub_type) for e in x.events] == \
        [("Protests", "Protest with intervention")]
    assert x.events[0].place.name == "Niamey"


def test_the_town_is_the_town_just_named(pipeline):
    x = code(pipeline, "Gao, a market town in northern Mali, had been calm for months. Last "
                       "month, gunmen struck a market in the town where traders had gathered, "
                       "killing four people.")
    [event] = x.events
    assert event.place.name == "Gao" and event.place.precision == 1
    assert event.fatalities == 4  # the killing closing the sentence is the strike's
    assert (event.type, event.sub_type) == ("Violence against civilians", "Attack")
    assert event.actor1 == "unidentified-armed-group"  # not the traders who had gathered


def test_a_bomb_that_killed_is_one_event(pipeline):
    x = code(pipeline, "In October 2017, a truck bomb at a busy junction in Mogadishu killed "
                       "more than 500 people, the deadliest attack in Somalia's history.")
    [event] = x.events
    # "more than 500": the least the wording allows
    assert event.type == "Explosions/Remote violence" and event.fatalities == 501
    assert event.place.name == "Mogadishu"  # not "in Somalia's history"


def test_suicide_bombers_make_a_suicide_bombing(pipeline):
    x = code(pipeline, "On Monday, suicide bombers struck a mosque in Maiduguri, killing "
                       "eight worshippers.")
    assert [(e.sub_type, e.fatalities) for e in x.events] == [("Suicide bomb", 8)]


def test_the_headline_tells_the_lead(pipeline):
    x = code(pipeline, "Ten soldiers killed in ambush in northern Mali\n\nGAO, Mali (Test Wire) - "
                       "Gunmen ambushed an army patrol near Gao on Sunday, killing ten "
                       "soldiers, the army said.\n\nThe patrol was hit by a roadside bomb before "
                       "the gunmen opened fire, a military source said.")
    [event] = x.events
    assert event.when.start == date(2021, 3, 7) and event.fatalities == 10
    assert event.place.name == "Gao"
    cited = {c.sentence for c in x.claims if c.kind == "event"}
    assert any(s.startswith("Ten soldiers killed") for s in cited)
    assert any("roadside bomb" in s for s in cited)


def test_a_wounded_count_does_not_pass_for_a_death_toll(pipeline):
    x = code(pipeline, "Gunmen attacked a checkpoint near Gao on Sunday, the army said. Seven "
                       "soldiers were wounded in the fighting.")
    [event] = x.events
    assert event.fatalities is None and event.wounded == 7


def test_a_quotation_over_two_sentences_takes_its_closing_source():
    from wirecoder.nlp.attribution import _still_quoting

    assert _still_quoting('"The fighters attacked the post at dawn.', False)
    assert not _still_quoting('They killed three guards," a spokesman said.', True)
    assert _still_quoting("“We will fight.", False)
    assert not _still_quoting("He said “no” twice.", False)


def test_victims_told_next_join_the_lead_and_another_victim_is_no_other_event(pipeline):
    x = code(pipeline, "On the morning of 1 March 2021, Taliban gunmen attacked an army base in "
                       "Helmand Province, Afghanistan. They killed 23 Afghan soldiers and "
                       "injured another 15. Twenty insurgents were killed in the fighting.")
    [event] = x.events
    assert (event.when.start, event.when.precision) == (date(2021, 3, 1), "day")
    assert event.fatalities == 43


def test_elsewhere_is_another_event(pipeline):
    x = code(pipeline, "Taliban gunmen attacked an army base in Helmand Province on Monday. "
                       "Elsewhere, gunmen killed two police officers in Kandahar.")
    assert len(x.events) == 2


def test_a_countrys_air_strike_is_its_forces_and_a_town_in_an_events_name_is_its_place(
        pipeline):
    x = code(pipeline, "A U.S. drone strike killed four militants on Monday, officials said.")
    assert [e.actor1 for e in x.events] == ["military-forces-of-the-united-states"]
    x = code(pipeline, "Police arrested a man on Monday in connection with the Manchester "
                       "attack, which killed 22 people in May 2017.")
    attack = next(e for e in x.events if e.fatalities == 22)
    assert attack.place.name == "Manchester" and attack.place.country == "GB"


def test_a_name_on_an_event_noun_is_its_doer_only_when_it_is_armed(pipeline):
    x = code(pipeline, "The Rolando bombing in Madrid killed 13 people in September 1974.")
    assert [e.actor1 for e in x.events] == [None]  # "Rolando" names the bombing
    x = code(pipeline, "A Boko Haram attack killed 13 people near Maiduguri on Monday.")
    assert [e.actor1 for e in x.events if e.fatalities] and \
        "boko" in [e.actor1 for e in x.events if e.fatalities][0]


STRIKES = ("ADEN (Test Wire) - Air strikes by the Saudi-led coalition killed 14 civilians in "
           "Yemen's Hodeidah province on Monday, medics said.\n\nThe strikes hit a market in "
           "the town of Zabid, about 100 km south of the port city of Hodeidah, residents said."
           "\n\nHouthi fighters clashed with government forces south of Zabid on Sunday night, "
           "a military source said. Five soldiers were killed.")


def test_a_later_sentence_places_the_event_more_precisely(pipeline):
    x = code(pipeline, STRIKES)
    strike = next(e for e in x.events if e.fatalities == 14)
    assert strike.sub_type == "Air/drone strike"  # "Air strikes killed": the strikes' sense
    assert strike.place.name.startswith("Zab") and strike.place.precision == 1


def test_victims_in_the_next_sentence_belong_to_the_event_just_told(pipeline):
    x = code(pipeline, STRIKES)
    clash = next(e for e in x.events if e.type == "Battles")
    assert clash.fatalities == 5 and clash.when.start == date(2021, 3, 7)
    assert len(x.events) == 2


def test_a_claim_in_reported_speech_is_no_earlier_event(pipeline):
    x = code(pipeline, "Militants attacked an army base near Gao on Monday, killing nine "
                       "soldiers, an officer said.\n\nThe group said in a statement it had "
                       "killed 27 soldiers and seized weapons.")
    assert [e.historical for e in x.events] == [False]
    assert x.events[0].fatalities == 9  # the first report's toll; the claim is evidence


def test_a_raid_with_an_abduction_is_one_abduction_keeping_every_count(pipeline):
    x = code(pipeline, "Gunmen kidnap 30 worshippers from church in northwest Nigeria\n\n"
                       "KADUNA, Nigeria (Test Wire) - Gunmen stormed a church in Kaduna state "
                       "on Sunday and kidnapped at least 30 worshippers, police said.\n\nThe "
                       "attackers shot dead a guard before leading the worshippers into the "
                       "forest, a resident said.")
    [event] = x.events
    assert event.sub_type == "Abduction/forced disappearance"
    assert (event.abducted, event.fatalities) == (30, 1)
    assert event.when.start == date(2021, 3, 7)


def test_on_the_border_with_a_country_is_this_side_of_it(pipeline):
    x = code(pipeline, "GOMA, Democratic Republic of Congo (Test Wire) - M23 rebels seized the "
                       "town of Bunagana on the border with Uganda on Monday, officials said.")
    [event] = x.events
    assert event.place.country == "CD" and event.place.precision == 3


def test_police_dispersing_protesters_is_a_protest_with_intervention(pipeline):
    x = code(pipeline, "Kenyan police fired tear gas and water cannon on Tuesday to disperse "
                       "hundreds of opposition supporters protesting against tax increases in "
                       "central Nairobi, witnesses said.")
    assert [(e.sub_type, e.when.start, e.place.name) for e in x.events] == \
        [("Protest with intervention", date(2021, 3, 9), "Nairobi")]


def test_an_undated_event_told_in_the_simple_past_falls_in_the_storys_time(pipeline):
    x = code(pipeline, "Police fired tear gas to disperse protesters in Nairobi on Monday, "
                       "witnesses said.\n\nIn the western city of Kisumu, police shot dead two "
                       "protesters, a hospital official said. Militants have killed dozens of "
                       "people in the region, analysts say.")
    killing = next(e for e in x.events if e.fatalities == 2)
    assert (killing.when.start, killing.when.end, killing.when.precision) == \
        (date(2021, 3, 8), date(2021, 3, 10), "range")
    assert "no time of its own" in killing.when.note
    assert all(e.when.precision == "unknown" for e in x.events if e.fatalities is None
               and e.type != "Protests")


def test_uncounted_victims_are_no_event(pipeline):
    x = code(pipeline, "It is unclear how many have returned as significant numbers of them "
                       "were killed in Syria, officials say.")
    assert not x.events


def test_clashes_that_killed_are_a_battle_dated_overnight_in_the_capital(pipeline):
    x = code(pipeline, "TRIPOLI (Test Wire) - Clashes between two rival armed groups in the "
                       "Libyan capital Tripoli killed at least 12 people and wounded dozens "
                       "overnight, the health ministry said on Wednesday.")
    [event] = x.events
    assert (event.type, event.fatalities, event.wounded) == ("Battles", 12, 12)
    assert (event.when.start, event.when.end) == (date(2021, 3, 9), date(2021, 3, 9))
    assert event.place.name == "Tripoli" and event.place.country == "LY"


def test_a_countrys_drone_strike_near_the_town_of_x_is_near_the_town(pipeline):
    x = code(pipeline, "An Israeli drone strike on a car killed five people near the town of "
                       "Nabatieh in southern Lebanon on Monday, security sources said.")
    [event] = x.events
    assert event.actor1 == "military-forces-of-israel"
    assert event.place.country == "LB" and event.place.precision == 2  # near the town


def test_what_did_it_names_the_event_and_its_doer(pipeline):
    x = code(pipeline, "Artillery fire by the paramilitary Rapid Support Forces hit a crowded "
                       "market in Omdurman on Sunday, killing at least 40 people.")
    [event] = x.events
    assert event.sub_type == "Shelling/artillery/missile attack" and event.fatalities == 40
    assert event.actor1 == "rsf"
    x = code(pipeline, "Army aircraft bombed rebel positions in Khartoum North on Sunday.")
    assert [e.sub_type for e in x.events] == ["Air/drone strike"]


def test_events_without_a_time_or_place_of_their_own_take_the_leads(pipeline):
    text = ("QUETTA, Pakistan (March 10, 2021)\u2028Police conducted a search operation in "
            "Mastung district, Balochistan province, yesterday. During the search the police "
            "engaged a group of gunmen with rifle fire. Two gunmen were killed in the "
            "exchange.")
    x = code(pipeline, text, published=None)
    killed = [e for e in x.events if e.fatalities]
    assert killed, [(e.summary, e.when.text) for e in x.events]
    assert all(e.when.start == date(2021, 3, 9) for e in killed)
    assert all(e.place.admin1 and e.place.admin1.startswith("Balochistan") for e in killed)
    assert x.article.published == date(2021, 3, 10)  # from the dateline, so noted
    assert any(c.kind == "attribute" and c.value.get("attribute") == "published"
               for c in x.claims)


def test_the_dateline_day_is_not_the_lead_events_day(pipeline):
    text = ("KANO, Nigeria (Feb. 3, 2021)\u2028Gunmen killed four farmers in a village on "
            "Monday.")
    x = code(pipeline, text, published=None)
    [event] = [e for e in x.events if e.fatalities]
    assert event.when.start == date(2021, 2, 1)


def test_a_district_the_ner_missed_is_the_events_place(pipeline):
    text = ("KHOST, Afghanistan (May 3, 2012) - Afghan forces killed a militant commander "
            "during an operation in Tanai district, Khost province, yesterday.")
    x = code(pipeline, text, published=date(2012, 5, 3))
    [event] = [e for e in x.events if e.fatalities]
    assert (event.place.admin1, event.place.precision) == ("Khost", 2)
    assert event.when.start == date(2012, 5, 2)


def test_the_victims_nationality_is_not_the_place(pipeline):
    x = code(pipeline, "Gunmen killed four Danish engineers near a mine on Monday, officials "
                       "in Mali said.")
    [event] = [e for e in x.events if e.fatalities]
    assert event.place.country == "ML"


def test_the_division_after_a_comma_belongs_to_the_place(pipeline):
    text = ("Soldiers killed a bomb maker during a raid in Qarabagh district, Ghazni province, "
            "on Monday.")
    x = code(pipeline, text)
    [event] = [e for e in x.events if e.fatalities]
    assert (event.place.admin1, event.place.precision) == ("Ghazni", 2)


def test_a_story_that_dates_nothing_puts_its_news_in_the_week_before_the_report(pipeline):
    # ACLED Codebook, "Time precision codes": sometime during a week is precision 2
    x = code(pipeline, "HERAT, Afghanistan (Test Wire) - In Shindand district, Herat "
                       "province, soldiers detained three suspected militants during a search "
                       "of a compound.")
    detained = next(e for e in x.events if e.sub_type == "Arrests")
    assert (detained.when.start, detained.when.end, detained.when.precision) == \
        (date(2021, 3, 4), PUBLISHED, "week")
    assert "no day" in detained.when.note
    # without a publication date there is nothing to count back from
    undated = code(pipeline, "In Shindand district, Herat province, soldiers detained three "
                             "suspected militants during a search of a compound.",
                   published=None)
    assert all(e.when.start is None for e in undated.events)


def test_a_story_that_dates_its_lead_gives_no_week_to_its_other_events(pipeline):
    x = code(pipeline, "Soldiers detained three suspected militants in Shindand district, "
                       "Herat province, on Monday.\n\nIn Farah province, police shot dead "
                       "two gunmen who attacked a checkpoint.")
    assert all(e.when.precision != "week" for e in x.events)


def test_the_day_of_a_confirmed_arrest_is_the_arrests_not_the_confirmings(pipeline):
    x = code(pipeline, "KABUL, Afghanistan (Test Wire) - Afghan officials confirmed today the "
                       "arrest of a weapons courier during a raid in Zurmat district, Paktiya "
                       "province, Monday.\n\nThe security force also detained two suspected "
                       "insurgents in Afghanistan. Afghan and coalition forces have captured 30 "
                       "insurgent leaders in the last month.")
    arrests = {e.arrested: e for e in x.events if e.sub_type == "Arrests"}
    assert arrests[1].when.start == arrests[1].when.end == date(2021, 3, 8)  # Monday
    # placed no finer than the lead's country: the lead's day
    assert arrests[2].when.start == arrests[2].when.end == date(2021, 3, 8)
    # a tally over the last month is not the news: no event, or a historical one
    assert all(e.historical for e in x.events if e.arrested == 30)


def test_an_overnight_raid_is_dated_by_the_nights_evening(pipeline):
    x = code(pipeline, "KABUL, Afghanistan (Test Wire) - Coalition troops killed three "
                       "insurgents during an overnight raid in Gardez district, Paktiya "
                       "province.\n\nThe troops also seized two rifles.")
    assert {(e.when.start, e.when.precision) for e in x.events} == {(date(2021, 3, 9), "day")}
