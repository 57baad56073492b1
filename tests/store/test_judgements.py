"""An analyst's judgement that two stored events are one, or two, is kept with who and why and
outlives re-ingest and later merges (``store.event_links.judge``). No spaCy: extractions built
by hand from texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, When,
                             stable_id, to_dict)
from wirecoder.store import Store

GROUP = Actor("river-brigade", "River Brigade", "armed group", None, ())
ARMY = Actor("military-forces-of-niger", "Military Forces of Niger", "state force", "NE")
TOWN = Place("Tahoua", "2439376", 14.89, 5.26, "NE", "Tahoua", "P.PPLA", 1)
OTHER = Place("Zinder", "2437798", 13.81, 8.99, "NE", "Zinder", "P.PPLA", 1)
DAY = date(2023, 4, 3)


def report(text: str, place: Place, fatalities=5, day=DAY) -> Extraction:
    article = Article.make(text, published=date(2023, 4, 4), title=text[:30])
    event = Event(stable_id(article.id, "event", 0), "Battles", "Armed clash",
                  When(day, day, "day"), place, GROUP.id, ARMY.id, fatalities=fatalities)
    claims = (Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text),)
    return Extraction(article, claims, (GROUP, ARMY), (), (event,), (place,), ("test",))


TWIN_A = report("River Brigade fighters attacked an army post in Tahoua on Monday, killing "
                "five soldiers, the army said.", TOWN)
TWIN_B = report("Five soldiers died when the River Brigade attacked a post in Tahoua on Monday, "
                "a local official said.", TOWN)
APART = report("Troops fought River Brigade fighters near Zinder on Monday; two died.", OTHER,
               fatalities=2)


def event_id(x: Extraction) -> str:
    return x.events[0].id


def sources(store) -> list[int]:
    return sorted(e.sources for e in store.events())


def test_a_split_outlives_re_ingest_and_later_links(stores_at):
    with Store(stores_at / "s.db") as store:
        store.write(TWIN_A)
        store.write(TWIN_B)
        assert sources(store) == [2]  # the two reports merge by themselves
        store.judge_events(event_id(TWIN_A), event_id(TWIN_B), "split", "analyst-1",
                           "two posts, per the local radio")
        assert sources(store) == [1, 1]
        store.write(TWIN_A)  # re-ingest: nothing changes
        store.write(TWIN_B)
        third = report("Attack on a Tahoua army post on Monday killed five soldiers.", TOWN)
        store.write(third)  # links to both, but cannot join the two the analyst split
        assert sorted(sources(store)) in ([1, 2], [1, 1, 1])
        assert max(sources(store)) <= 2
        judged = [m for m in store.event_merges() if m["status"] == "split"]
        assert judged and "analyst-1" in judged[0]["parts"] and "local radio" in judged[0]["parts"]


def test_a_merge_outlives_re_judging_and_a_split_forbids_merging(stores_at):
    with Store(stores_at / "m.db") as store:
        store.write(TWIN_A)
        store.write(APART)
        assert sources(store) == [1, 1]  # different towns 300 km apart: two events
        store.judge_events(event_id(TWIN_A), event_id(APART), "merged", "analyst-2",
                           "same clash, misplaced")
        assert sources(store) == [2]
        store.write(TWIN_B)  # more reports: the merge stands
        assert sources(store) == [3]
        with pytest.raises(ValueError, match="itself"):
            store.judge_events(event_id(TWIN_A), event_id(TWIN_A), "merged", "x")
        store.judge_events(event_id(TWIN_A), event_id(APART), "split", "analyst-3")
        assert max(sources(store)) == 2  # the Tahoua twins stay one; Zinder apart
        with pytest.raises(ValueError, match="split judgement"):
            store.judge_events(event_id(TWIN_B), event_id(APART), "merged", "analyst-4")


def test_unknown_events_are_refused(stores_at):
    with Store(stores_at / "u.db") as store:
        store.write(TWIN_A)
        with pytest.raises(ValueError, match="no event"):
            store.judge_events(event_id(TWIN_A), "nope", "merged", "x")


def test_the_command_line_records_who_and_why(tmp_path, capsys):
    from wirecoder.cli import main

    db = tmp_path / "c.db"
    with Store(db) as store:
        store.write(TWIN_A)
        store.write(TWIN_B)
    a, b = event_id(TWIN_A)[:10], event_id(TWIN_B)[:10]  # prefixes, as `events` shows them
    assert main(["events", "split", a, b, "--db", str(db), "--by", "desk",
                 "--why", "two posts"]) == 0
    assert "split" in capsys.readouterr().out
    with Store(db, readonly=True) as store:
        assert sources(store) == [1, 1]
    assert main(["events", "merge", a, "zzzz", "--db", str(db)]) != 0
    assert "no event matches" in capsys.readouterr().err
