"""The whole-article scorer (``evaluate/articles.py``) on hand-made gold events and reports,
its readers on files written here, the missing-texts error of ``wirecoder evaluate
articles``, and one small run end to end. Every place, date, name and text is invented for
these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from wirecoder.cli import main
from wirecoder.evaluate import articles as sc
from wirecoder.evaluate.articles import (
    Article,
    GoldEvent,
    Report,
    align,
    fit,
    read_gold,
    read_texts,
    score,
)

DAY = date(2022, 5, 3)
# an invented town and its coordinates; 0.3 degree of latitude is about 33 km, 0.6 about 67
TOWN = dict(location="Kelvora", country="ML", admin1="Sannit", lat=12.0, lon=3.0)


def gold(id="g1", *, article="a1", key=None, **kw) -> GoldEvent:
    base = dict(article=article, id=id, key=key or f"k-{id}", type="Battles",
                sub_type="Armed clash", alt_sub_types=(), start=DAY, end=DAY, **TOWN,
                actor1=(), actor2=(), fatalities=None, fatality_figures=(), historical=False,
                optional=False, part_of=None, desc="")
    base.update(kw)
    return GoldEvent(**base)


def report(id="r1", *, article="a1", cluster=None, position=0, **kw) -> Report:
    base = dict(article=article, id=id, cluster=cluster or f"c-{id}", type="Battles",
                sub_type="Armed clash", start=DAY, end=DAY, place="Kelvora", country="ML",
                admin1="Sannit", lat=12.0, lon=3.0, actor1=(), actor2=(), fatalities=None,
                historical=False, sentence="", position=position)
    base.update(kw)
    return Report(**base)


def article(id, gold_events, reports, stored=True) -> Article:
    return Article(id, {"id": id}, list(gold_events), [], list(reports), stored=stored)


# ---- fit -------------------------------------------------------------------------------

def test_a_report_that_agrees_on_everything_fits():
    # date 2 + place 2 + sub-event type 1.5
    assert fit(report(), gold()) == pytest.approx(5.5)


def test_another_type_family_does_not_fit():
    assert fit(report(type="Protests", sub_type="Peaceful protest"), gold()) == 0.0
    assert fit(report(type="Strategic developments", sub_type="Looting/property destruction"),
               gold()) == 0.0


def test_same_family_other_type_still_fits():
    r = report(type="Violence against civilians", sub_type="Attack")
    assert fit(r, gold()) == pytest.approx(4.0)  # date 2 + place 2, no type credit


def test_disagreeing_dates_do_not_fit():
    assert fit(report(start=date(2022, 5, 10), end=date(2022, 5, 10)), gold()) == 0.0
    assert fit(report(start=date(2022, 4, 20), end=date(2022, 4, 28)), gold()) == 0.0


def test_one_day_of_slack_on_the_date():
    assert fit(report(start=date(2022, 5, 4), end=date(2022, 5, 4)), gold()) == pytest.approx(5.5)
    assert fit(report(start=date(2022, 5, 5), end=date(2022, 5, 5)), gold()) == 0.0


def test_different_countries_do_not_fit():
    assert fit(report(country="NE"), gold()) == 0.0


def test_a_place_within_50_km_scores_as_the_place():
    near = report(place="Tourmal", lat=12.3)  # about 33 km north, another name
    assert sc.km(12.3, 3.0, 12.0, 3.0) == pytest.approx(33.4, abs=0.5)
    assert sc.place_agrees(near, gold())
    assert fit(near, gold()) == pytest.approx(5.5)
    far = report(place="Tourmal", lat=12.6)  # about 67 km: only the same admin1
    assert not sc.place_agrees(far, gold())
    assert fit(far, gold()) == pytest.approx(4.5)
    other_admin1 = replace(far, admin1="Dorvane")  # only the same country
    assert fit(other_admin1, gold()) == pytest.approx(3.75)


def test_the_same_wording_is_the_place_without_coordinates():
    r = report(place="Kelvora", lat=None, lon=None)
    g = gold(location="Kelvora Region", lat=None, lon=None)
    assert sc.place_agrees(r, g)


def test_actors_and_toll_add_to_the_fit():
    g = gold(actor1=("mountain front",), fatalities=4, fatality_figures=(4, 6))
    r = report(actor1=("mountain front",), fatalities=6)
    assert fit(r, g) == pytest.approx(7.5)


def test_too_little_evidence_is_no_fit():
    # no date on the report, no place, no country: only the type (1.0) agrees
    r = report(start=None, end=None, place="", country=None, admin1=None, lat=None, lon=None,
               sub_type="Government regains territory")
    assert fit(r, gold()) == 0.0


# ---- align -----------------------------------------------------------------------------

def test_align_is_one_to_one_best_fit_first():
    g1 = gold("g1")
    g2 = gold("g2", location="Tourmal", admin1="Dorvane", lat=13.5, lon=5.0)
    r1 = report("r1", place="Tourmal", admin1="Dorvane", lat=13.5, lon=5.0, position=10)
    r2 = report("r2", position=20)
    al = align([r1, r2], [g1, g2])
    assert {(r.id, g.id) for r, g in al.pairs} == {("r1", "g2"), ("r2", "g1")}
    assert al.repeats == [] and al.unmatched == [] and al.background_unmatched == []


def test_a_leftover_report_that_fits_a_matched_gold_event_is_a_repeat():
    g1 = gold("g1")
    r1, r2 = report("r1", position=1), report("r2", position=50)
    al = align([r1, r2], [g1])
    assert [(r.id, g.id) for r, g in al.pairs] == [("r1", "g1")]  # article order breaks ties
    assert [(r.id, g.id) for r, g in al.repeats] == [("r2", "g1")]
    assert al.unmatched == []


def test_an_unmatched_current_report_is_no_incident():
    far = report("r2", type="Protests", sub_type="Peaceful protest")
    old = report("r3", type="Protests", sub_type="Peaceful protest", historical=True)
    al = align([report("r1"), far, old], [gold("g1")])
    assert [r.id for r in al.unmatched] == ["r2"]
    assert [r.id for r in al.background_unmatched] == ["r3"]


# ---- score -----------------------------------------------------------------------------

def test_precision_and_recall():
    g1 = gold("g1")
    g2 = gold("g2", type="Violence against civilians", sub_type="Attack", location="Tourmal",
              admin1="Dorvane", lat=13.5, lon=5.0, start=date(2022, 4, 1), end=date(2022, 4, 1))
    r1 = report("r1")
    r2 = report("r2", type="Protests", sub_type="Peaceful protest")  # no incident
    r3 = report("r3", type="Protests", sub_type="Peaceful protest", position=5)  # no incident
    result = score([article("a1", [g1, g2], [r1, r2, r3])])
    assert (result["gold_core"], result["current_reports"], result["matched"]) == (2, 3, 1)
    assert result["precision"] == pytest.approx(1 / 3)
    assert result["recall"] == pytest.approx(1 / 2)
    assert result["f1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert result["no_incident"] == 2 and result["repeats"] == 0
    assert result["fields"]["type"] == 1.0 and result["field_counts"]["date"] == [1, 1]
    outcomes = sorted(row["outcome"] for row in result["rows"])
    assert outcomes == ["match", "missed", "no incident", "no incident"]


def test_repeats_are_counted_and_not_matches():
    result = score([article("a1", [gold("g1")], [report("r1"), report("r2", position=9)])])
    assert result["matched"] == 1 and result["repeats"] == 1
    assert result["precision"] == pytest.approx(1 / 2) and result["recall"] == 1.0


def test_optional_gold_events_neither_reward_nor_penalise():
    g1 = gold("g1")
    opt = gold("g2", optional=True, location="Tourmal", admin1="Dorvane", lat=13.5, lon=5.0)
    found = score([article("a1", [g1, opt], [report("r1"),
                                             report("r2", place="Tourmal", admin1="Dorvane",
                                                    lat=13.5, lon=5.0)])])
    assert found["gold_core"] == 1 and found["matched"] == 1
    assert found["precision"] == 1.0 and found["recall"] == 1.0  # the optional hit not counted
    left = score([article("a1", [g1, opt], [report("r1")])])
    assert left["precision"] == 1.0 and left["recall"] == 1.0  # the optional miss not counted
    assert "missed" not in {row["outcome"] for row in left["rows"]}
    assert "optional" in {row["outcome"] for row in found["rows"]}


def test_a_current_report_of_a_background_event_is_background_coded_as_current():
    old_day = date(2019, 8, 14)
    bg = gold("g1", historical=True, start=old_day, end=old_day)
    as_current = score([article("a1", [bg], [report("r1", start=old_day, end=old_day)])])
    assert as_current["background_as_current"] == 1 and as_current["gold_background"] == 1
    assert as_current["matched"] == 0 and as_current["precision"] == 0.0
    assert as_current["gold_core"] == 0 and as_current["recall"] == 0.0
    assert [row["outcome"] for row in as_current["rows"]] == ["background as current"]
    as_bg = score([article("a1", [bg], [report("r1", start=old_day, end=old_day,
                                               historical=True)])])
    assert as_bg["background_found"] == 1 and as_bg["background_as_current"] == 0
    assert as_bg["current_reports"] == 0


def test_a_historical_report_of_a_current_event_is_current_coded_as_background():
    result = score([article("a1", [gold("g1")], [report("r1", historical=True)])])
    assert result["current_as_background"] == 1 and result["matched"] == 0
    assert result["recall"] == 0.0


def test_an_article_not_stored_counts_its_gold_as_missed():
    result = score([article("a1", [gold("g1")], [], stored=False)])
    assert result["stored"] == 0 and result["gold_core"] == 1 and result["recall"] == 0.0
    assert result["rows"] == [{"article": "a1", "outcome": "not stored"}]


def two_articles(cluster1: str, cluster2: str) -> list[Article]:
    return [article("a1", [gold("g1", article="a1", key="kelvora-ambush")],
                    [report("r1", article="a1", cluster=cluster1)]),
            article("a2", [gold("g1", article="a2", key="kelvora-ambush")],
                    [report("r9", article="a2", cluster=cluster2)])]


def test_two_articles_of_one_incident_in_one_stored_event_are_a_pair_merged():
    result = score(two_articles("e1", "e1"))
    assert (result["pairs"], result["pairs_merged"], result["pair_recall"]) == (1, 1, 1.0)
    assert result["missed_pairs"] == [] and result["false_merges"] == 0
    assert result["stored_per_incident"] == 1.0


def test_two_articles_of_one_incident_in_two_stored_events_are_a_pair_missed():
    result = score(two_articles("e1", "e2"))
    assert (result["pairs"], result["pairs_merged"], result["pair_recall"]) == (1, 0, 0.0)
    assert result["missed_pairs"] == ["kelvora-ambush: a1-a2"]
    assert result["stored_per_incident"] == 2.0


def test_a_pair_needs_the_incident_to_be_core_in_both_articles():
    arts = two_articles("e1", "e1")
    arts[1].gold[0] = replace(arts[1].gold[0], historical=True)
    assert score(arts)["pairs"] == 0


def test_the_stored_toll_within_the_gold_range():
    arts = two_articles("e1", "e1")
    arts[0].gold[0] = replace(arts[0].gold[0], fatalities=5, fatality_figures=(5, 7))
    arts[0].reports[0] = replace(arts[0].reports[0], stored_fatalities=6)
    assert score(arts)["toll_in_range"] == 1.0
    arts[0].reports[0] = replace(arts[0].reports[0], stored_fatalities=9)
    arts[1].reports[0] = replace(arts[1].reports[0], stored_fatalities=9)
    assert score(arts)["toll_in_range"] == 0.0


def two_keys_in_one_cluster(part_of: str | None) -> list[Article]:
    g1 = gold("g1", key="kelvora-raid")
    g2 = gold("g2", key="kelvora-market-fire", type="Violence against civilians",
              sub_type="Attack", part_of=part_of)
    r1 = report("r1", cluster="e1")
    r2 = report("r2", cluster="e1", type="Violence against civilians", sub_type="Attack")
    return [article("a1", [g1, g2], [r1, r2])]


def test_a_stored_event_holding_two_incidents_is_a_false_merge():
    result = score(two_keys_in_one_cluster(None))
    assert result["matched"] == 2
    assert result["false_merges"] == 1
    assert result["false_merge_keys"] == [["kelvora-market-fire", "kelvora-raid"]]


def test_a_part_of_its_incident_is_no_false_merge():
    result = score(two_keys_in_one_cluster("g1"))
    assert result["matched"] == 2 and result["false_merges"] == 0


def test_halves_split_by_odd_and_even_article_numbers():
    g_odd = gold("g1", article="a1")
    g_even = gold("g1", article="a2")
    g_ten = gold("g1", article="a10")
    result = score([article("a1", [g_odd], [report("r1", article="a1")]),
                    article("a2", [g_even], []),
                    article("a10", [g_ten], [report("r1", article="a10", historical=True)])])
    assert set(result["halves"]) == {"odd", "even"}
    odd, even = result["halves"]["odd"], result["halves"]["even"]
    assert (odd["gold_core"], odd["recall"], odd["precision"]) == (1, 1.0, 1.0)
    assert (even["gold_core"], even["recall"], even["current_as_background"]) == (2, 0.0, 1)
    assert result["gold_core"] == 3 and result["recall"] == pytest.approx(1 / 3)
    halves = {row["article"]: row["half"] for row in result["rows"] if "half" in row}
    assert halves == {"a1": "odd", "a2": "even", "a10": "even"}


def test_render_shows_the_table():
    lines = sc.render(score(two_articles("e1", "e1")), "invented-set")
    assert lines[0] == "invented-set: 2 of 2 articles stored"
    assert "cross-article pair recall" in lines[1] and "1.000 (1/1)" in lines[1]


# ---- reading ---------------------------------------------------------------------------

INDEX = [{"id": "a1", "url": "https://example.test/kelvora-1", "published": "2022-05-04",
          "outlet": "Test Wire"},
         {"id": "a2", "url": "https://example.test/kelvora-2", "published": "2022-05-05"}]

GOLD = [
    {"id": "a1", "events": [{
        "id": "e1", "event_key": "kelvora-ambush", "desc": "gunmen ambush a patrol",
        "event_type": "Battles", "sub_event_type": "Armed clash",
        "alt_sub_event_type": "Attack", "date_start": "2022-05-03", "date_end": "2022-05-03",
        "location_name": "Kelvora", "country": "ML", "admin1": "Sannit", "lat": 12.0,
        "lon": 3.0, "actor1": {"norm": "Mountain Front: Northern Wing (Kelvora)",
                               "text": "the mountain fighters"},
        "actor2": {"norm": "Military Forces of Testland", "assoc": ["Village guards"]},
        "fatalities": 5, "historical": False, "optional": False, "part_of": None,
        "notes": "a local official gave 7"}],
     "actors": [{"name": "Mountain Front", "type": "armed group", "aliases": ["MF"],
                 "relations": []}]},
    {"id": "a2", "events": [{
        "id": "e1", "event_key": "kelvora-ambush", "event_type": "Battles",
        "sub_event_type": "Armed clash", "date_start": None, "date_end": "2022-05-03",
        "location_name": "Kelvora", "country": "ML", "historical": True, "optional": True,
        "part_of": "e0", "actor1": None, "actor2": {}}], "actors": []},
    {"id": "a3", "events": [], "actors": []},  # in the gold, not in the index
]


def write_jsonl(path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")


def test_read_gold(tmp_path):
    write_jsonl(tmp_path / "articles_index.jsonl", INDEX)
    write_jsonl(tmp_path / "gold.jsonl", GOLD)
    arts = read_gold(tmp_path)
    assert [a.id for a in arts] == ["a1", "a2", "a3"]
    assert arts[0].index["url"] == "https://example.test/kelvora-1" and arts[2].index == {}
    assert arts[0].actors[0]["name"] == "Mountain Front" and not arts[0].stored
    g = arts[0].gold[0]
    assert (g.article, g.id, g.key, g.type, g.sub_type) == (
        "a1", "e1", "kelvora-ambush", "Battles", "Armed clash")
    assert g.alt_sub_types == ("Attack",)
    assert (g.start, g.end) == (date(2022, 5, 3), date(2022, 5, 3))
    assert (g.location, g.country, g.admin1, g.lat, g.lon) == ("Kelvora", "ML", "Sannit",
                                                               12.0, 3.0)
    # the label, its parts and the text's own words, leniently ("the" dropped)
    assert set(g.actor1) == {"mountain front northern wing kelvora", "mountain front",
                             "northern wing", "kelvora", "mountain fighters"}
    assert "village guards" in g.actor2 and "military forces testland" in g.actor2
    assert g.fatalities == 5 and g.fatality_figures == (5, 7)
    assert g.core and g.desc == "gunmen ambush a patrol"
    h = arts[1].gold[0]
    assert h.start is None and h.end == date(2022, 5, 3)
    assert h.historical and h.optional and not h.core and h.part_of == "e0"
    assert h.actor1 == () and h.actor2 == () and h.alt_sub_types == ()
    assert h.fatalities is None and h.fatality_figures == () and h.admin1 is None


TEXTS = [{"url": "https://example.test/kelvora-1", "text": "Invented text one.",
          "outlet": "Test Wire", "published": "2022-05-04"}]


def test_read_texts_from_the_file_its_folder_or_OUT(tmp_path):
    direct = tmp_path / "one" / "ingest.jsonl"
    write_jsonl(direct, TEXTS)
    assert read_texts(direct) == TEXTS
    assert read_texts(tmp_path / "one") == TEXTS
    write_jsonl(tmp_path / "two" / "OUT" / "ingest.jsonl", TEXTS)
    assert read_texts(tmp_path / "two") == TEXTS
    with pytest.raises(FileNotFoundError):
        read_texts(tmp_path / "three")


def test_texts_for_looks_at_the_option_then_the_environment(tmp_path, monkeypatch):
    from wirecoder.evaluate.run import TEXTS_ENV, texts_for

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(TEXTS_ENV, raising=False)
    folder = tmp_path / "sets" / "invented-dev"
    folder.mkdir(parents=True)
    assert texts_for(folder) is None
    write_jsonl(tmp_path / "env" / "invented-dev" / "OUT" / "ingest.jsonl", TEXTS)
    monkeypatch.setenv(TEXTS_ENV, str(tmp_path / "env"))
    assert texts_for(folder) == tmp_path / "env" / "invented-dev"
    write_jsonl(tmp_path / "given.jsonl", TEXTS)
    assert texts_for(folder, tmp_path / "given.jsonl") == tmp_path / "given.jsonl"


# ---- several sets in one store ---------------------------------------------------------

def two_sets(cluster_f: str, cluster_e: str, *, key_e="kelvora-ambush") -> list:
    """An invented French set (f1, f2) and English set (e1, e2); f1 and e1 report one
    incident, f2 and e2 another, each pair with clusters as given (the second pair apart)."""
    french = [article("f1", [gold("g1", article="f1", key="kelvora-ambush")],
                      [report("r1", article="f1", cluster=cluster_f)]),
              article("f2", [gold("g1", article="f2", key="sannit-raid")],
                      [report("r2", article="f2", cluster="x-f2")])]
    english = [article("e1", [gold("g1", article="e1", key=key_e)],
                       [report("r3", article="e1", cluster=cluster_e)]),
               article("e2", [gold("g1", article="e2", key="sannit-raid")],
                       [report("r4", article="e2", cluster="x-e2")])]
    return [("invented-fr", french), ("invented-en", english)]


def test_pairs_across_sets_merged_and_missed():
    result = sc.score_across(two_sets("c1", "c1"))
    assert result["sets"] == ["invented-fr", "invented-en"]
    assert (result["pairs"], result["pairs_merged"]) == (2, 1)
    assert result["merged_pairs"] == ["kelvora-ambush: f1-e1"]
    assert result["missed_pairs"] == ["sannit-raid: f2-e2"]
    assert result["false_merges"] == 0


def test_pairs_within_one_set_are_not_pairs_across_sets():
    sets = two_sets("c1", "c1")
    sets[0][1].append(article("f3", [gold("g1", article="f3", key="kelvora-ambush")],
                              [report("r5", article="f3", cluster="c1")]))
    result = sc.score_across(sets)
    assert result["pairs"] == 3  # f1-e1, f3-e1, f2-e2; not f1-f3
    assert "kelvora-ambush: f1-f3" not in result["merged_pairs"] + result["missed_pairs"]


def test_halves_across_sets_keep_pairs_of_two_odd_or_two_even_articles():
    result = sc.score_across(two_sets("c1", "c2"))
    odd, even = result["halves"]["odd"], result["halves"]["even"]
    assert (odd["pairs"], odd["missed_pairs"]) == (1, ["kelvora-ambush: f1-e1"])
    assert (even["pairs"], even["missed_pairs"]) == (1, ["sannit-raid: f2-e2"])


def test_a_stored_event_holding_two_incidents_from_two_sets_is_a_false_merge_across_sets():
    result = sc.score_across(two_sets("c1", "c1", key_e="kelvora-market-fire"))
    assert result["pairs"] == 1 and result["pairs_merged"] == 0
    assert result["false_merges"] == 1
    assert result["false_merge_keys"] == [["kelvora-ambush", "kelvora-market-fire"]]


def test_two_incidents_merged_within_one_set_are_no_false_merge_across_sets():
    french = two_keys_in_one_cluster(None)
    english = [article("e1", [gold("g1", article="e1", key="kelvora-raid")],
                       [report("r9", article="e1", cluster="e1")])]
    # e1's report is in the same stored event as both of a1's: two incidents, two sets
    result = sc.score_across([("invented-fr", french), ("invented-en", english)])
    assert result["false_merges"] == 1
    english[0].reports[0] = replace(english[0].reports[0], cluster="e2")
    result = sc.score_across([("invented-fr", french), ("invented-en", english)])
    assert result["false_merges"] == 0  # the merge inside one set is the per-set figure's


def test_score_across_refuses_one_set_and_shared_ids():
    with pytest.raises(ValueError):
        sc.score_across(two_sets("c1", "c1")[:1])
    sets = two_sets("c1", "c1")
    with pytest.raises(ValueError, match="f1"):
        sc.score_across([sets[0], ("again", sets[0][1])])


def test_render_across_shows_the_pairs_line():
    lines = sc.render_across(sc.score_across(two_sets("c1", "c1")))
    assert "invented-fr + invented-en" in lines[0]
    assert "pairs across sets merged" in lines[1] and "0.500 (1/2)" in lines[1]
    assert "false merges across sets" in lines[1]
    assert lines[2] == "missed across sets: sannit-raid: f2-e2"


# ---- the command -----------------------------------------------------------------------

def test_evaluate_articles_without_texts_says_how_to_rebuild_them(tmp_path, monkeypatch,
                                                                   capsys):
    from wirecoder.evaluate.run import TEXTS_ENV

    monkeypatch.chdir(tmp_path)  # no ../texts/<set> beside it
    monkeypatch.delenv(TEXTS_ENV, raising=False)
    folder = tmp_path / "invented-dev"
    write_jsonl(folder / "articles_index.jsonl", INDEX)
    write_jsonl(folder / "gold.jsonl", GOLD)
    assert main(["evaluate", "articles", str(folder), "-q"]) == 1
    err = capsys.readouterr().err
    assert "the texts of invented-dev have not been rebuilt" in err
    assert "build_texts.py" in err and str(folder / "README.md") in err
    assert "--texts" in err and TEXTS_ENV in err
    assert "Traceback" not in err


def test_evaluate_articles_with_an_empty_gold_is_a_clear_error(tmp_path, capsys):
    folder = tmp_path / "invented-dev"
    write_jsonl(folder / "articles_index.jsonl", INDEX)
    (folder / "gold.jsonl").write_text("\n", encoding="utf-8")
    assert main(["evaluate", "articles", str(folder), "-q"]) == 1
    assert "no articles in" in capsys.readouterr().err


def test_evaluate_several_gold_is_only_for_articles(tmp_path, capsys):
    folder = tmp_path / "invented-dev"
    write_jsonl(folder / "articles_index.jsonl", INDEX)
    write_jsonl(folder / "gold.jsonl", GOLD)
    assert main(["evaluate", "isaf", str(folder), str(folder), "-q"]) == 1
    assert "several are for `articles`" in capsys.readouterr().err


def test_evaluate_articles_two_sets_sharing_ids_is_a_clear_error(tmp_path, capsys):
    for name in ("invented-dev", "other-dev"):
        write_jsonl(tmp_path / name / "articles_index.jsonl", INDEX)
        write_jsonl(tmp_path / name / "gold.jsonl", GOLD)
    assert main(["evaluate", "articles", str(tmp_path / "invented-dev"),
                 str(tmp_path / "other-dev"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "is in both invented-dev and other-dev" in err and "Traceback" not in err


def test_evaluate_articles_more_texts_than_sets_is_a_clear_error(tmp_path, capsys):
    folder = tmp_path / "invented-dev"
    write_jsonl(folder / "articles_index.jsonl", INDEX)
    write_jsonl(folder / "gold.jsonl", GOLD)
    assert main(["evaluate", "articles", str(folder), "--texts", "x", "--texts", "y",
                 "-q"]) == 1
    assert "2 --texts for 1 sets" in capsys.readouterr().err


# ---- end to end ------------------------------------------------------------------------

E2E_INDEX = [
    {"id": "a1", "url": "https://example.test/one", "outlet": "Test Wire",
     "published": "2021-03-10"},
    {"id": "a2", "url": "https://example.test/two", "outlet": "Other Wire",
     "published": "2021-03-10"},
    {"id": "a3", "url": "https://example.test/three", "outlet": "Test Wire",
     "published": "2021-03-10"},
]

ATTACK = {"event_key": "dori-base-attack", "event_type": "Battles",
          "sub_event_type": "Armed clash", "date_start": "2021-03-08",
          "date_end": "2021-03-08", "location_name": "Dori", "country": "BF",
          "admin1": "Sahel", "lat": 14.035, "lon": -0.034, "fatalities": 6,
          "historical": False, "optional": False, "part_of": None,
          "actor1": {"norm": "Unidentified Armed Group (Burkina Faso)", "text": "gunmen"},
          "actor2": {"norm": "Military Forces of Burkina Faso", "text": "soldiers"}}

E2E_GOLD = [
    {"id": "a1", "events": [{"id": "e1", **ATTACK}], "actors": []},
    {"id": "a2", "events": [{"id": "e1", **ATTACK}], "actors": []},
    {"id": "a3", "events": [], "actors": []},
]

E2E_TEXTS = [
    {"url": "https://example.test/one", "outlet": "Test Wire", "published": "2021-03-10",
     "title": "Gunmen kill six soldiers in attack on Dori base",
     "text": "DORI, Burkina Faso (Test Wire) - Gunmen killed six soldiers in an attack on a "
             "military base in the town of Dori on Monday, a security source said.\n\n"
             "The attackers arrived on motorcycles before dawn and fired on the base for two "
             "hours before withdrawing, the source said."},
    {"url": "https://example.test/two", "outlet": "Other Wire", "published": "2021-03-10",
     "title": "Six soldiers killed in Burkina Faso",
     "text": "Six Burkinabe soldiers were killed on Monday when unidentified gunmen attacked "
             "an army base in Dori, in the north-east of Burkina Faso, the army said on "
             "Wednesday.\n\nReinforcements were sent to the town after the attack, the army "
             "said in a statement."},
    {"url": "https://example.test/three", "outlet": "Test Wire", "published": "2021-03-10",
     "title": "Cotton harvest rises",
     "text": "The cotton harvest in Burkina Faso rose by eight percent this season, the "
             "agriculture ministry said on Wednesday, citing good rains in the south."},
]


@pytest.mark.slow
def test_a_tiny_set_end_to_end(tmp_path, pipeline):
    from wirecoder.evaluate import run

    folder = tmp_path / "invented-dev"
    write_jsonl(folder / "articles_index.jsonl", E2E_INDEX)
    write_jsonl(folder / "gold.jsonl", E2E_GOLD)
    write_jsonl(tmp_path / "texts" / "ingest.jsonl", E2E_TEXTS)
    result, lines = run.articles(folder, texts=tmp_path / "texts", quiet=True,
                                 pipeline=pipeline)
    for key in ("articles", "stored", "precision", "recall", "f1", "repeats", "no_incident",
                "pairs", "pairs_merged", "pair_recall", "false_merges", "fields", "halves",
                "rows", "texts_missing", "gold_core", "current_reports"):
        assert key in result, key
    assert result["articles"] == 3 and result["stored"] == 3
    assert result["texts_missing"] == []
    assert result["gold_core"] == 2
    assert 0.0 <= result["precision"] <= 1.0 and 0.0 <= result["recall"] <= 1.0
    assert set(result["halves"]) == {"odd", "even"}
    assert result["halves"]["odd"]["gold_core"] == 1 and result["halves"]["even"]["gold_core"] == 1
    assert result["pairs"] == 1 and 0 <= result["pairs_merged"] <= 1
    assert lines[0] == "invented-dev: 3 of 3 articles stored"
    assert {row["article"] for row in result["rows"]} <= {"a1", "a2", "a3"}


@pytest.mark.slow
def test_two_tiny_sets_in_one_store_end_to_end(tmp_path, pipeline):
    """An invented French set (one article) and the English set above, ingested together:
    each set's figures, and the pair across the sets (f1 with a1 and with a2)."""
    from wirecoder.evaluate import run

    english = tmp_path / "invented-dev"
    write_jsonl(english / "articles_index.jsonl", E2E_INDEX)
    write_jsonl(english / "gold.jsonl", E2E_GOLD)
    write_jsonl(tmp_path / "texts-en" / "ingest.jsonl", E2E_TEXTS)
    french = tmp_path / "invented-fr-dev"
    write_jsonl(french / "articles_index.jsonl",
                [{"id": "f1", "url": "https://example.test/un", "outlet": "Test Fil",
                  "published": "2021-03-10", "language": "fr"}])
    write_jsonl(french / "gold.jsonl", [{"id": "f1", "events": [{"id": "e1", **ATTACK}],
                                         "actors": []}])
    write_jsonl(tmp_path / "texts-fr" / "ingest.jsonl", [
        {"url": "https://example.test/un", "outlet": "Test Fil", "published": "2021-03-10",
         "language": "fr", "title": "Six soldats tués dans une attaque à Dori",
         "text": "Six soldats burkinabè ont été tués lundi dans l'attaque d'une base militaire "
                 "à Dori, dans le nord-est du Burkina Faso, par des hommes armés non "
                 "identifiés, a indiqué une source sécuritaire."}])
    result, lines = run.articles_together(
        [french, english], texts=[tmp_path / "texts-fr", tmp_path / "texts-en"], quiet=True,
        pipeline=pipeline)
    assert set(result["sets"]) == {"invented-fr-dev", "invented-dev"}
    assert result["sets"]["invented-fr-dev"]["stored"] == 1
    assert result["sets"]["invented-dev"]["stored"] == 3
    across = result["across"]
    assert across["sets"] == ["invented-fr-dev", "invented-dev"]
    assert across["pairs"] == 2 and across["false_merges"] == 0
    # the French report shares no wording with the English ones; actors, place and toll
    # make it one event with them (resolve.events.compare, ``languages``)
    assert across["merged_pairs"] == ["dori-base-attack: f1-a1", "dori-base-attack: f1-a2"]
    assert across["halves"]["odd"]["pairs"] == 1  # f1-a1; f1-a2 is odd with even
    assert any("pairs across sets merged" in line for line in lines)
    assert lines[0] == "invented-fr-dev: 1 of 1 articles stored"
    assert {row["article"] for row in result["rows"]} <= {"f1", "a1", "a2", "a3"}
