"""One incident, one event within an article (``resolve/incidents.py``): the join rule on
events built here, then short articles written for these tests through the whole pipeline
(those load the model). Places, names and texts are invented, except the real towns the
pipeline has to place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from wirecoder.model import Article, Event, Place, When
from wirecoder.resolve.incidents import (
    announces_other,
    is_tally,
    one_incident,
    opens_on_total,
    places_agree,
    same_incident,
)

DAY = date(2022, 5, 3)
ON_DAY = When(DAY, DAY, "day", "on Tuesday")
WEEK = When(date(2022, 5, 2), date(2022, 5, 8), "week", "last week")
# invented places: a town, a town 33 km north of it, one 67 km north, and their region
KELVORA = Place("Kelvora", lat=12.0, lon=3.0, country="ML", admin1="Sannit", precision=1)
NEAR = Place("Tourmal", lat=12.3, lon=3.0, country="ML", admin1="Sannit", precision=1)
FAR = Place("Ostrey", lat=12.6, lon=3.0, country="ML", admin1="Sannit", precision=1)
REGION = Place("Sannit", country="ML", admin1="Sannit", precision=3)


def ev(id="e1", **kw) -> Event:
    base = dict(type="Battles", sub_type="Armed clash", when=ON_DAY, place=KELVORA)
    base.update(kw)
    return Event(id=id, **base)


def joined(*reports) -> list[tuple[Event, list[int]]]:
    """``one_incident`` on ``(event, sentence)`` pairs."""
    return one_incident([(e, [s]) for e, s in reports])


# ---- joined ----------------------------------------------------------------------------

def test_two_reports_of_one_attack_are_joined_and_the_finer_facts_win():
    first = ev("e1", when=WEEK, place=REGION, fatalities=4, counts_text=("four soldiers",),
               wounded=2)
    later = ev("e2", when=ON_DAY, place=KELVORA, fatalities=7, counts_text=("seven people",),
               wounded=1)
    [(event, members)] = joined((first, "Gunmen attacked an army post in Sannit last week."),
                                (later, "The gunmen opened fire on the post in Kelvora on "
                                        "Tuesday, killing seven people."))
    assert members == [0, 1]
    assert event.id == "e1"                       # the first keeps its id
    assert event.when == ON_DAY                   # a day is finer than a week
    assert event.place == KELVORA                 # a town is finer than its region
    assert event.fatalities == 7                  # the largest toll stated
    assert event.wounded == 2                     # a smaller later count does not lower it
    assert event.counts_text == ("four soldiers", "seven people")


def test_the_finer_facts_win_in_either_order():
    [(event, members)] = joined((ev("e1", when=ON_DAY, place=KELVORA), "a"),
                                (ev("e2", when=WEEK, place=REGION, fatalities=3), "b"))
    assert (event.id, event.when, event.place, event.fatalities) == ("e1", ON_DAY, KELVORA, 3)
    assert members == [0, 1]


def test_towns_within_60_km_and_a_report_without_date_or_place_join():
    assert len(joined((ev("e1"), "a"), (ev("e2", place=NEAR), "b"))) == 1
    assert len(joined((ev("e1"), "a"), (ev("e2", when=When(), place=None), "b"))) == 1


def test_a_later_report_joins_the_earliest_incident_it_agrees_with():
    other = ev("e2", place=Place("Brask", lat=15.0, lon=-1.0, country="ML", admin1="Dorvane",
                                 precision=1))
    result = joined((ev("e1"), "a"), (other, "b"), (ev("e3", fatalities=2), "c"))
    assert [(e.id, members) for e, members in result] == [("e1", [0, 2]), ("e2", [1])]


def test_a_named_side_fills_an_unnamed_one():
    first = ev("e1", actor1="unidentified-armed-group", actor2=None)
    later = ev("e2", actor1="mountain-front", actor2="testland-army")
    [(event, _)] = joined((first, "a"), (later, "b"))
    assert (event.actor1, event.actor2) == ("mountain-front", "testland-army")


def test_a_sentence_that_opens_on_a_total_joins_without_its_count():
    first = ev("e1", fatalities=4, counts_text=("four soldiers",))
    later = ev("e2", fatalities=19, counts_text=("19 people",))
    [(event, members)] = joined((first, "Gunmen killed four soldiers in Kelvora on Tuesday."),
                                (later, "In all, at least 19 people were killed in the "
                                        "region this week."))
    assert members == [0, 1]
    assert event.fatalities == 4 and event.counts_text == ("four soldiers",)
    assert opens_on_total("Altogether, 30 people died.")
    assert not opens_on_total("Officials said in all some 30 people died.")


def test_property_destruction_joins_the_violence_and_takes_its_type():
    burning = ev("e1", type="Strategic developments", sub_type="Looting/property destruction",
                 trigger="burned", summary="houses burned")
    attack = ev("e2", type="Violence against civilians", sub_type="Attack", fatalities=3,
                trigger="attacked", summary="gunmen attacked villagers")
    [(event, members)] = joined((burning, "Gunmen burned houses in Kelvora on Tuesday."),
                                (attack, "They also killed three villagers."))
    assert members == [0, 1] and event.id == "e1"
    assert (event.type, event.sub_type) == ("Violence against civilians", "Attack")
    assert (event.trigger, event.summary) == ("attacked", "gunmen attacked villagers")
    assert event.fatalities == 3


# ---- kept apart ------------------------------------------------------------------------

@pytest.mark.parametrize("later", [
    ev("e2", place=replace(KELVORA, country="NE")),             # another country
    ev("e2", place=replace(NEAR, admin1="Dorvane")),            # another first-level division
    ev("e2", place=FAR),                                        # towns 67 km apart
    ev("e2", when=When(date(2022, 5, 5), date(2022, 5, 5), "day")),  # another day
    ev("e2", when=When(date(2022, 4, 1), date(2022, 4, 30), "month")),  # a window before it
], ids=["country", "admin1", "67-km", "other-day", "other-month"])
def test_reports_that_something_tells_apart_stay_apart(later):
    result = joined((ev("e1"), "a"), (later, "b"))
    assert [(e.id, m) for e, m in result] == [("e1", [0]), ("e2", [1])]


def test_a_region_in_another_division_or_country_stays_apart():
    assert not places_agree(KELVORA, replace(REGION, admin1="Dorvane"))
    assert not places_agree(REGION, Place("Testland", country="NE", precision=3))
    assert places_agree(KELVORA, REGION) and places_agree(FAR, REGION)


def test_a_historical_report_never_joins_a_current_one():
    old = ev("e2", historical=True)
    assert len(joined((ev("e1"), "a"), (old, "b"))) == 2
    assert len(joined((old, "b"), (ev("e1"), "a"))) == 2
    assert not same_incident(ev("e1"), old, ["b"])


def test_two_background_reports_from_one_sentence_are_one_past_incident():
    # "... since May 2019, when a car bomb in Kelvora killed 14 policemen": the bombing and
    # the killing, each coded from the one sentence, one with the month, one with the town
    sentence = ("The town has been under curfew since May 2019, when a car bomb in Kelvora "
                "killed 14 policemen.")
    month = When(date(2019, 5, 1), date(2019, 5, 31), "month", "May 2019")
    bombing = ev("e1", type="Explosions/Remote violence", sub_type="Remote explosive/landmine/IED",
                 when=When(), place=KELVORA, historical=True)
    killing = ev("e2", type="Explosions/Remote violence", sub_type="Remote explosive/landmine/IED",
                 when=month, place=REGION, fatalities=14, historical=True)
    [(event, members)] = joined((bombing, sentence), (killing, sentence))
    assert members == [0, 1] and event.historical
    assert event.when == month and event.place == KELVORA and event.fatalities == 14


def test_background_told_by_its_bombing_and_its_killing_is_one_whatever_the_types():
    sentence = ("The capital has been under curfew since May 2019, when a suicide bombing "
                "there killed 14 guards.")
    month = When(date(2019, 5, 1), date(2019, 5, 31), "month", "May 2019")
    other = ev("e0", when=month, place=FAR, fatalities=14, historical=True,
               actor2="military-forces-of-mali")  # told earlier, in a town 67 km away
    bombing = ev("e1", type="Explosions/Remote violence", sub_type="Suicide bomb",
                 when=When(), place=KELVORA, historical=True)
    killing = ev("e2", when=month, place=REGION, fatalities=14, historical=True,
                 actor2="military-forces-of-mali")
    kept = joined((other, "Guards were killed in Ostrey in May 2019."),
                  (bombing, sentence), (killing, sentence))
    # the killing joins the bombing of its own sentence, not the earlier report it resembles
    assert [m for _, m in kept] == [[0], [1, 2]]
    assert kept[1][0].sub_type == "Suicide bomb" and kept[1][0].fatalities == 14


def test_background_reports_naming_one_side_are_not_one_incident():
    # the story's background names the same army in every past incident it recalls
    a = ev("e1", when=When(), place=None, historical=True, actor2="military-forces-of-mali")
    b = ev("e2", when=When(), place=None, historical=True, actor2="military-forces-of-mali")
    assert len(joined((a, "Soldiers have been attacked for years."),
                      (b, "The army lost dozens of men in raids."))) == 2


def test_one_sentence_is_no_bond_between_two_types():
    sentence = "A mine exploded and gunmen then attacked the survivors."
    mine = ev("e1", type="Explosions/Remote violence", sub_type="Remote explosive/landmine/IED",
              when=When(), place=None)
    gunmen = ev("e2", type="Violence against civilians", sub_type="Attack", when=When(),
                place=None)
    assert not same_incident(mine, gunmen, [sentence], first_sentences=frozenset([sentence]))


def test_a_detail_found_at_the_scene_is_evidence_of_the_lead_not_a_seizure():
    lead = ev("e1", fatalities=6)
    found = ev("e2", type="Strategic developments", sub_type="Disrupted weapons use",
               when=When(), place=Place("Mali", country="ML", precision=3))
    [(event, members)] = joined((lead, "Gunmen killed six soldiers near Kelvora on Tuesday."),
                                (found, "Police found spent cartridges at the scene."))
    assert members == [0, 1]
    assert (event.type, event.sub_type, event.fatalities) == ("Battles", "Armed clash", 6)
    # without the reference back, a seizure is an event of its own
    assert len(joined((lead, "Gunmen killed six soldiers near Kelvora on Tuesday."),
                      (found, "Police seized a weapons cache."))) == 2


def test_a_report_with_nothing_of_its_own_retells_the_lead():
    # "a witness heard shells landing": no side, no day, no town, no count, the lead's type
    lead = ev("e1", type="Explosions/Remote violence", sub_type="Air/drone strike",
              fatalities=9, actor1="military-forces-of-mali")
    empty = ev("e2", type="Explosions/Remote violence",
               sub_type="Shelling/artillery/missile attack", when=When(),
               place=Place("Mali", country="ML", precision=3))
    text = "A drone strike killed nine people in Kelvora on Tuesday."
    [(event, members)] = joined((lead, text), (empty, "A witness heard shells landing."))
    assert members == [0, 1] and event.sub_type == "Air/drone strike"
    counted = replace(empty, fatalities=3)  # a count of its own may be another incident
    assert len(joined((lead, text), (counted, "Three people were killed by shells."))) == 2
    other_type = replace(empty, type="Battles", sub_type="Armed clash")
    assert len(joined((lead, text), (other_type, "Fighting was heard."))) == 2
    # after two incidents, a report with nothing of its own could retell either
    second = ev("e3", type="Battles", sub_type="Armed clash", place=FAR, fatalities=2,
                actor1="jnim")
    assert len(joined((lead, text), (second, "Militants attacked Ostrey."),
                      (empty, "A witness heard shells landing."))) == 3


def test_a_report_not_asserted_stays_apart():
    assert len(joined((ev("e1"), "a"), (ev("e2", modality="denied"), "b"))) == 2


def test_a_separate_attack_stays_apart():
    result = joined((ev("e1", fatalities=4), "Gunmen killed four soldiers in Kelvora."),
                    (ev("e2", fatalities=3), "In a separate attack, gunmen killed three "
                                             "traders on Tuesday, residents said."))
    assert [(e.id, e.fatalities) for e, _ in result] == [("e1", 4), ("e2", 3)]
    assert announces_other("Meanwhile, soldiers clashed with rebels.")
    assert not announces_other("Soldiers clashed with rebels.")


def test_two_different_named_initiators_stay_apart():
    first = ev("e1", actor1="mountain-front")
    later = ev("e2", actor1="river-brigade")
    assert len(joined((first, "a"), (later, "b"))) == 2
    targets = joined((ev("e1", actor2="testland-army"), "a"),
                     (ev("e2", actor2="testland-police"), "b"))
    assert len(targets) == 2


def test_two_burnings_stay_apart_and_so_does_a_protest():
    burn = dict(type="Strategic developments", sub_type="Looting/property destruction")
    assert len(joined((ev("e1", **burn), "a"), (ev("e2", **burn), "b"))) == 2
    protest = ev("e2", type="Protests", sub_type="Peaceful protest")
    assert len(joined((ev("e1"), "a"), (protest, "b"))) == 2


# ---- through the pipeline --------------------------------------------------------------

PUBLISHED = date(2021, 3, 10)  # a Wednesday


def current(pipeline, text: str) -> list[Event]:
    x = pipeline.process(Article.make(text, published=PUBLISHED))
    return [e for e in x.events if e.happened and not e.historical]


def show(events) -> list:
    return [(e.type, e.sub_type, e.when.text, e.place.name if e.place else None, e.fatalities,
             e.summary) for e in events]


AMBUSH_LEAD = ("KAYA, Burkina Faso (Test Wire) - Gunmen ambushed a military convoy near the "
               "town of Kaya on Monday, killing eight soldiers, security sources said on "
               "Wednesday.")
FILLER = ("The region has seen a rise in violence over the past year. Thousands of people "
          "have fled their villages for the towns. Aid groups say food is running short in "
          "the camps. Schools in several districts have closed. Many farmers have been unable "
          "to plant their fields.")
AMBUSH_DETAIL = ("The attackers, who arrived on motorcycles, opened fire on the convoy as it "
                 "crossed a bridge outside Kaya, one of the sources said. Eight soldiers died "
                 "in the ambush and four others were wounded.")


@pytest.mark.slow
def test_the_lead_and_a_later_detail_paragraph_are_one_event(pipeline):
    events = current(pipeline, f"{AMBUSH_LEAD}\n\n{FILLER}\n\n{AMBUSH_DETAIL}")
    assert len(events) == 1, show(events)  # the detail paragraph is six sentences on
    [event] = events
    assert event.type == "Battles" and event.fatalities == 8 and event.place.name == "Kaya"
    assert (event.when.start, event.when.precision) == (date(2021, 3, 8), "day")


@pytest.mark.slow
def test_a_quote_about_the_attack_adds_no_event(pipeline):
    quote = ('"They attacked our convoy near Kaya and killed eight of our men," a soldier who '
             'survived the ambush said.')  # far from the lead: not joined by the parse
    events = current(pipeline, f"{AMBUSH_LEAD}\n\n{FILLER}\n\n{quote}")
    assert len(events) == 1, show(events)
    assert events[0].fatalities == 8


@pytest.mark.slow
def test_two_attacks_in_two_towns_far_apart_are_two_events(pipeline):
    text = ("OUAGADOUGOU (Test Wire) - Gunmen killed five soldiers in an attack on an army "
            "post in Djibo on Monday, the army said on Wednesday. Gunmen also killed four "
            "civilians in an attack on a market in Banfora on Monday, the army said.")
    events = current(pipeline, text)
    assert len(events) == 2, show(events)
    assert {e.place.name for e in events} == {"Djibo", "Banfora"}
    assert sorted(e.fatalities for e in events) == [4, 5]


@pytest.mark.slow
def test_a_separate_attack_is_a_second_event(pipeline):
    # same day, same town, no named side: only the words tell it apart
    text = (f"{AMBUSH_LEAD}\n\nIn a separate attack, gunmen killed three traders near Kaya "
            "on Monday, residents said.")
    events = current(pipeline, text)
    assert len(events) == 2, show(events)
    assert sorted(e.fatalities for e in events) == [3, 8]


# ---- kinds added after the first measure: counts beside "another", vague leads, tallies,
# decisions -----------------------------------------------------------------------------

def test_another_with_a_count_names_no_other_occurrence():
    assert not announces_other("Four soldiers died, while another nine were wounded.")
    assert announces_other("Another deadly ambush hit a convoy on the same road.")
    assert announces_other("Meanwhile, troops repelled raiders further north.")


def test_a_vague_lead_is_told_precisely_below():
    vague_lead = ev("e1", type="Violence against civilians", sub_type="Attack",
                    when=When(), place=Place("Mali", country="ML", precision=3))
    precise = ev("e2", type="Violence against civilians", sub_type="Attack", place=KELVORA)
    [(event, members)] = joined((vague_lead, "Dozens of villagers were killed in a raid."),
                                (precise, "The raid took place on Tuesday in Kelvora."))
    assert members == [0, 1] and event.place == KELVORA and event.when == ON_DAY


def test_a_vague_report_of_another_sub_type_stays_apart():
    vague_lead = ev("e1", type="Violence against civilians", sub_type="Attack",
                    when=When(), place=Place("Mali", country="ML", precision=3))
    other = ev("e2", type="Explosions/Remote violence",
               sub_type="Remote explosive/landmine/IED", place=KELVORA)
    assert len(joined((vague_lead, "Villagers were killed."), (other, "A mine exploded."))) == 2


def test_a_tally_over_months_in_the_perfect_is_no_incident():
    half_year = When(date(2022, 1, 1), date(2022, 6, 30), "range", "in the first half of 2022")
    tally = ev("e1", when=half_year, fatalities=120)
    assert is_tally(tally, simple_past=False)
    assert not is_tally(tally, simple_past=True)  # "last year forces killed the leader"
    assert not is_tally(ev("e2", fatalities=4), simple_past=False)  # one day


@pytest.mark.slow
def test_a_decision_to_attack_and_a_tally_are_not_current_incidents(pipeline):
    text = ("NIAMEY (Test Wire) - Gunmen killed six herders near the village of Tamalt on "
            "Monday, local officials said on Wednesday.\n\n"
            "\"They had decided to burn the market and kill everyone in it,\" a witness said.\n\n"
            "The army said more than 200 militants have been killed in the region in the first "
            "half of the year.")
    events = current(pipeline, text)
    assert len(events) == 1, show(events)
    assert events[0].fatalities == 6


@pytest.mark.slow
def test_killed_following_an_ambush_is_one_current_incident(pipeline):
    text = ("DORI, Burkina Faso (Test Wire) - Twelve soldiers were killed following an ambush "
            "on Tuesday by gunmen near the town of Dori, the army said on Wednesday.")
    x = pipeline.process(Article.make(text, published=PUBLISHED))
    assert not any(e.historical for e in x.events), show(x.events)
    events = current(pipeline, text)
    assert len(events) == 1 and events[0].fatalities == 12, show(events)


@pytest.mark.slow
def test_both_halves_of_a_decided_plan_are_intentions(pipeline):
    text = ("\"They had decided to storm the depot and kill the guards,\" a police officer said "
            "of the men arrested in Niamey on Monday.")
    events = [e for e in pipeline.process(Article.make(text, published=PUBLISHED)).events
              if e.type != "Strategic developments"]
    assert all(e.modality == "planned" for e in events), show(events)


def test_a_site_hit_is_no_other_target():
    museum = ev("e1", type="Violence against civilians", sub_type="Attack",
                actor2="grand-museum")
    tourists = ev("e2", type="Violence against civilians", sub_type="Attack",
                  actor2="civilians-mali")
    pairs = [(museum, ["Gunmen stormed the Grand Museum on Tuesday."]),
             (tourists, ["They opened fire on the tourists on Tuesday."])]
    assert len(one_incident(pairs, {"grand-museum": "other org",
                                    "civilians-mali": "civilians"})) == 1
    soldiers = ev("e3", type="Violence against civilians", sub_type="Attack",
                  actor2="military-forces-of-mali")
    assert len(one_incident([(soldiers, ["x"]), (tourists, ["y"])],
                            {"military-forces-of-mali": "state force",
                             "civilians-mali": "civilians"})) == 2


def test_a_burning_told_of_the_attack_already_told_is_that_attack():
    lead = ev(type="Violence against civilians", sub_type="Attack",
              place=Place("Mali", country="ML", precision=3))
    burning = ev("e2", type="Strategic developments", sub_type="Looting/property destruction",
                 when=WEEK, place=KELVORA)
    said = ["An official said the attack took place in Kelvora, where homes were also burned."]
    assert same_incident(lead, burning, said, lead=True)
    assert not same_incident(lead, burning, ["Homes were burned in Kelvora."], lead=True)
    assert not same_incident(lead, burning, said, lead=False)
