"""The seed scorer on hand-made records: it must find, miss and flag as the gold says."""

from datetime import date

from wirecoder.evaluate.seed import evaluate, render
from wirecoder.model import Actor, Claim, Event, Place, Relation, When

GOLD = {
    "article": {"published": "2018-02-07"},
    "actors": [
        {"id": "g1", "name": "Group One", "type": "armed group", "mentions": ["Group One", "G1"],
         "level": "must"},
        {"id": "p1", "name": "Ann Person", "type": "person", "aliases": ["Abu Ann"],
         "mentions": ["Ann Person"], "level": "must"},
        {"id": "army", "name": "Military Forces of Tunisia", "type": "state force",
         "mentions": ["the army"], "level": "should"},
    ],
    "relations": [["p1", "leader_of", "g1", "must"], ["g1", "based_in", "Kef mountains", "must"]],
    "events": [
        {"id": "e1", "what": "army kills two", "type": "Battles", "sub_type": "Armed clash",
         "date": {"start": "2018-01-01", "end": "2018-01-31"}, "actor1": "army", "actor2": "g1",
         "fatalities": 2, "historical": False, "location": {"country": "TN"}, "level": "must"},
        {"id": "e2", "what": "old attack", "type": "Violence against civilians",
         "date": {"start": "2015-06-01", "end": "2015-06-30"}, "historical": True, "level": "must"},
    ],
    "claims": [{"text": "Group One is in decline", "attributed_to": "a source", "level": "must"}],
    "places": [{"name": "Sousse", "country": "TN", "lat": 35.83, "lon": 10.64, "level": "must"}],
}


def records():
    actors = [Actor("g-one", "Group One", "armed group", aliases=("G1",)),
              Actor("ann", "Ann Person", "person", aliases=("Abu Ann",)),
              Actor("military-forces-of-tunisia", "Military Forces of Tunisia", "state force", "TN")]
    relations = [Relation("ann", "leader_of", "g-one"),
                 Relation("g-one", "based_in", "the Kef mountains region")]
    tn = Place("Tunisia", country="TN")
    events = [Event("x1", "Battles", "Armed clash", When(date(2018, 1, 1), date(2018, 1, 31), "month"),
                    tn, "military-forces-of-tunisia", "g-one", fatalities=2)]
    claims = [Claim("a", "statement", "a", {"text": "Group One is in decline here"}, 0, 5, "s",
                    source="a source")]
    places = [Place("Sousse", "1", 35.82, 10.63, "TN", precision=1)]
    return actors, relations, events, claims, places


def test_scores_found_missed_and_never():
    sections = {s.name: s for s in evaluate(GOLD, *records())}
    assert sections["actors"].score("must") == (2, 2)
    assert sections["actors"].score("should") == (1, 1)
    assert sections["relations"].score("must") == (2, 2)
    assert sections["events"].score("must") == (1, 2)  # e2 is missed
    assert sections["claims"].score("must") == (1, 1)
    assert sections["places"].score("must") == (1, 1)
    assert all(row[1] == "found" for row in sections["never"].rows)
    assert any("missed" in line for line in render(list(sections.values())))


def test_split_alias_is_a_never_violation():
    actors, relations, events, claims, places = records()
    actors.append(Actor("abu-ann", "Abu Ann", "person"))
    actors[1] = Actor("ann", "Ann Person", "person")
    sections = {s.name: s for s in evaluate(GOLD, actors, relations, events, claims, places)}
    assert any(row[1] == "wrong" and "Ann Person" in row[2] for row in sections["never"].rows)
    assert sections["actors"].rows[1][1] == "wrong"  # alias not merged
