"""The ISAF scorer on releases written for these tests (never the dev set's text)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.evaluate import isaf
from wirecoder.model import Event, Place, When


def release(text, **gold):
    base = {"start_date": "2012-03-04", "event_type": ["detention"], "province": ["paktya"],
            "target_group": ["haqqani"], "min_killed": 0, "min_captured": 2}
    return isaf.Release("r1", text, {**base, **gold})


def event(sub_type="Arrests", type_="Strategic developments", day=date(2012, 3, 4),
          precision="day", admin1="Paktiyā", fatalities=None, arrested=2, id_="e1", end=None):
    when = When(day, end or day, precision) if day else When()
    return Event(id=id_, type=type_, sub_type=sub_type, when=when,
                 place=Place("Zurmat", country="AF", admin1=admin1, precision=2),
                 fatalities=fatalities, arrested=arrested)


@pytest.mark.parametrize("text, rid, expected", [
    ("HERAT, Afghanistan (Feb. 3, 2012)\nA patrol found a cache.", "x", date(2012, 2, 3)),
    ("Release 2011-05-CA-012 \u2028KABUL, Afghanistan (Sept. 9) - Troops ...", "x",
     date(2011, 9, 9)),
    ("KABUL, Afghanistan (August 14) - ...", "Joint Command Update, Aug. 14, 2010",
     date(2010, 8, 14)),
    ("A patrol detained two men today.", "2011-07-S-001", None),
    ("KABUL (Feb. 30, 2012) - ...", "x", None),
])
def test_dateline_date(text, rid, expected):
    assert isaf.dateline_date(text, rid) == expected


def test_province_spellings_fold_together():
    assert "paktya" in isaf.province_keys("Paktiya Province")
    assert "kandahar" in isaf.province_keys("Kandahār")
    assert isaf.event_provinces([event(admin1="Paktiyā")]) >= {"paktya"}
    assert not isaf.province_keys("") and not isaf.province_keys(None)


def test_vague_counts_are_told_apart():
    text = "The force detained several suspected insurgents. Two fighters were killed."
    assert isaf.vague(text, "captured") and not isaf.vague(text, "killed")


def test_one_release_scored():
    o = isaf.Outcome(release("An Afghan force detained two men in Zurmat district."),
                     date(2012, 3, 5), [event()], {"haqqani network", "taliban"})
    row = isaf.score_release(o)
    assert row["date"] == "exact" and row["province_ok"] and row["first_type_ok"]
    assert row["captured"] == 2 and row["groups_found"] == ["haqqani"]


def test_dates_types_and_counts_over_releases():
    outcomes = [
        isaf.Outcome(release("detained two"), None, [event(day=date(2012, 3, 5))], set()),
        isaf.Outcome(release("detained several men", min_captured=3), None,
                     [event(day=None, arrested=None)], set()),
        isaf.Outcome(release("killed one", event_type=["captureandkill"], min_killed=1),
                     None, [event(sub_type="Armed clash", type_="Battles", fatalities=1,
                                  precision="month", day=date(2012, 3, 1),
                                  end=date(2012, 3, 31))], set()),
        isaf.Outcome(release("", event_type=["insurgentskilled;detention"]), None, [], set(),
                     stored=False),
    ]
    result = isaf.score(outcomes)
    assert result["date"]["within one day"] == 0.25 and result["date"]["undated"] == 0.25
    # the month (1-31 March) holds the gold day, 4 March: coarser, yet not wrong
    assert result["date"]["coarser, holds the day"] == 0.25
    assert result["date"]["no event"] == 0.25
    assert result["type_first"] == 0.75  # captureandkill accepts an armed clash
    assert result["captured_vague"]["n"] == 1 and result["captured_vague"]["exact"] == 0.0
    assert result["killed_exact"] == 1.0  # the empty release: 0 killed, as its gold
    assert result["event_found"] == 0.75 and result["groups"] == 0.0
    assert ("detention", "Arrests") in dict(result["confusion"])


def test_gold_lists_split_codes():
    assert isaf.gold_list(["aq;taliban"]) == ["aq", "taliban"]
    assert isaf.gold_list([""]) == [] and isaf.gold_list("imu") == ["imu"]


def test_false_merges_need_different_gold():
    a = release("a")
    b = isaf.Release("r2", "b", {**a.gold, "start_date": "2012-03-09"})
    c = isaf.Release("r3", "c", dict(a.gold))
    merges = isaf.false_merges([[[a], [b]], [[a], [c]]])
    assert merges == {"merged_events": 2, "false_merges": 1, "releases_in_false_merges": 2,
                      "largest": 2, "gold_differs_on_one_text": 0,
                      "false_groups": [["r1", "r2"]]}


def test_one_text_twice_with_two_golds_is_no_false_merge():
    # the set holds one release text twice (r1, r2) with different golds: the store keeps
    # one article; merging it with a third release that agrees with one of them is right
    a = release("a")
    b = isaf.Release("r2", "a", {**a.gold, "start_date": "2012-03-09"})
    c = isaf.Release("r3", "c", dict(a.gold))
    merges = isaf.false_merges([[[a, b], [c]]])
    assert (merges["false_merges"], merges["gold_differs_on_one_text"]) == (0, 1)


def test_every_mapped_type_is_an_acled_category():
    from wirecoder.resources.vocab import vocabulary

    v = vocabulary()
    names = set(v["event_types"]) | {s for t in v["event_types"].values() for s in t["sub_types"]}
    for accepted in isaf.tables()["event_types"].values():
        assert set(accepted) <= names


def test_dated_releases_scored_apart():
    """Issue 20's target is over releases given a publication date (their dateline gives a
    day); the all-releases figure stays beside it."""
    def out(day, published, dated=None):
        return isaf.Outcome(release("detained two"), published, [event(day=day)], set(),
                            dated=dated)

    outcomes = [out(date(2012, 3, 4), date(2012, 3, 4)),  # exact, dated
                out(date(2012, 3, 5), date(2012, 3, 5)),  # a day off, dated
                out(None, None),                           # no publication date: undated
                out(date(2012, 3, 4), None, dated=True)]   # --no-published, dateline has a day
    result = isaf.score(outcomes)
    assert result["date_exact"] == 0.5 and result["dated_n"] == 3
    assert result["date_exact_dated"] == 2 / 3
    assert result["date_dated"]["within one day"] == 1 / 3
    assert any("of dated releases" in line and "n=3" in line for line in isaf.render(result))


def test_coarser_range_holding_the_day_is_told_apart():
    week = event(day=date(2012, 2, 27), end=date(2012, 3, 4), precision="week")
    assert isaf._date_status([week], date(2012, 3, 4)) == "coarser, holds the day"
    assert isaf._date_status([week], date(2012, 3, 6)) == "coarser"


def test_of_events_starting_the_same_day_the_day_precise_one_is_scored():
    span = event(id_="e0", precision="range", day=date(2012, 3, 4), end=date(2012, 3, 5))
    o = isaf.Outcome(release("detained two"), date(2012, 3, 5), [span, event(id_="e9")], set())
    assert isaf.score_release(o)["date"] == "exact"
