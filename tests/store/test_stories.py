"""Event identity across articles needs positive evidence of one place, except between
versions of one story (found by MinHash LSH), whose undated copies join too. No spaCy: the
extractions are built by hand from texts written for these tests."""

from __future__ import annotations

import itertools
from datetime import date

from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, When,
                             stable_id, to_dict)
from wirecoder.store import Store
from wirecoder.store.stories import containment, shingles

GROUP = Actor("northern-front", "Northern Front", "armed group", None, ("NF",))
ARMY = Actor("military-forces-of-mali", "Military Forces of Mali", "state force", "ML")
GAO = Place("Gao", "2457163", 16.27, -0.04, "ML", "Gao", "P.PPL", 1)
MALI = Place("Mali", "2453866", 17.0, -4.0, "ML", None, "A.PCLI", 3)
MOPTI = Place("Mopti", "2453348", 14.48, -4.19, "ML", "Mopti", "P.PPLA", 1)

STORY = ("Fighters of the Northern Front attacked an army post outside the town on Monday "
         "morning, killing four soldiers before they withdrew into the desert, the army "
         "said in a statement read on state radio.")


def report(text: str, place: Place | None, day: date | None, published=date(2021, 6, 1),
           arrested=None, sub_type="Armed clash") -> Extraction:
    article = Article.make(text, published=published, title=text[:30])
    when = When(day, day, "day") if day else When(text="undated")
    event = Event(stable_id(article.id, "event", 0), "Battles", sub_type, when, place,
                  GROUP.id, ARMY.id, fatalities=4, arrested=arrested)
    claims = (Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text),)
    return Extraction(article, claims, (GROUP, ARMY), (), (event,),
                      (place,) if place else (), ("test",))


def clusters(extractions, tmp_path, name) -> list[int]:
    with Store(tmp_path / f"{name}.db") as store:
        for x in extractions:
            store.write(x)
        return sorted(e.sources for e in store.events())


def test_shingles_and_containment():
    a, b = shingles(STORY), shingles(STORY + " A curfew was imposed on Tuesday.")
    assert containment(a, b) == 1.0
    assert not shingles("Event in Gao.")  # too short to tell a copy from a namesake


def test_country_level_reports_never_merge_by_themselves(stores_at):
    day = date(2021, 5, 31)
    reports = [report("Clashes were reported in the country on Monday, officials said.",
                      MALI, day),
               report("Soldiers and rebels fought in the north on Monday, a source said.",
                      MALI, day)]
    assert clusters(reports, stores_at, "c") == [1, 1]


def test_different_first_level_divisions_never_merge(stores_at):
    day = date(2021, 5, 31)
    mopti_region = Place("Mopti Region", "2453347", 14.5, -4.2, "ML", "Mopti", "A.ADM1", 2)
    reports = [report("Rebels attacked soldiers near Gao on Monday, killing four.", GAO, day),
               report("Rebels attacked soldiers in the Mopti region on Monday, killing four.",
                      mopti_region, day)]
    assert clusters(reports, stores_at, "d") == [1, 1]


def test_versions_of_one_story_merge_even_undated_and_in_any_order(stores_at):
    day = date(2021, 5, 31)
    original = report(STORY + " Gao was calm on Tuesday.", GAO, day)
    undated_copy = report(STORY, GAO, None)
    country_copy = report("UPDATE 1 - " + STORY, MALI, day, published=date(2021, 6, 2))
    other = report("Rebels attacked soldiers near Mopti on Monday, killing four.", MOPTI, day)
    results = {tuple(clusters(order, stores_at, f"o{i}")) for i, order in enumerate(
        itertools.permutations([original, undated_copy, country_copy, other]))}
    assert results == {(1, 3)}


def test_a_story_retold_weeks_later_is_not_a_version(stores_at):
    first = report(STORY, GAO, None)
    later = report(STORY + " It was the second such attack.", GAO, None,
                   published=date(2021, 6, 20))
    assert clusters([first, later], stores_at, "w") == [1, 1]


def test_different_numbers_detained_are_different_operations(stores_at):
    day = date(2021, 5, 31)
    a = report(STORY + " Two men were detained.", GAO, day, arrested=2, sub_type="Arrests")
    b = report(STORY + " Five men were detained.", GAO, day, arrested=5, sub_type="Arrests")
    assert clusters([a, b], stores_at, "n") == [1, 1]
