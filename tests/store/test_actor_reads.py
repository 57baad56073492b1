"""``Store.actors()`` reads every actor in a few queries (store/query.py ``actors_matching``),
and gives for each what the one-actor read ``Store.actor`` gives, merges folded in."""

from __future__ import annotations

from datetime import date

from wirecoder.model import Actor, Article, Event, Extraction, When, stable_id
from wirecoder.store import Store


def report(actors: tuple[Actor, ...], text: str) -> Extraction:
    article = Article.make(text, published=date(2021, 3, 10))
    event = Event(stable_id(article.id, "event", 0), "Battles", "Armed clash",
                  When(date(2021, 3, 8), date(2021, 3, 8), "day"), actor1=actors[0].id)
    return Extraction(article, (), actors, (), (event,))


def test_bulk_read_matches_one_by_one(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(report((Actor("mohamed-ould-zeidane", "Mohamed Ould Zeidane", "person",
                                  aliases=("Zeidane", "the Zeidane")),
                            Actor("sons-of-the-dunes", "Sons of the Dunes", "armed group",
                                  aliases=("The Sons", "the Sons", "SOD"))), "First."))
        store.write(report((Actor("mohammed-ould-zaydane", "Mohammed Ould Zaydane", "person",
                                  aliases=("Zaydane",)),), "Second."))
        assert store.merges()  # the two spellings are one actor
        everyone = store.actors()
        assert [a.id for a in everyone] == ["mohamed-ould-zeidane", "sons-of-the-dunes"]
        assert everyone == [store.actor(a.id) for a in everyone]
        assert "Mohammed Ould Zaydane" in everyone[0].aliases
        assert everyone[1].aliases == ("SOD", "The Sons", "the Sons")  # same order every run
        assert store.actors(query="zaydane") == everyone[:1]
        assert store.actors(limit=1) == everyone[:1]
        assert store.actors(query="nobody") == []
