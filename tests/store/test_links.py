"""Actor identity across articles: merges are judgements that can be listed and undone."""

from __future__ import annotations

from datetime import date

from wirecoder.model import Actor, Article, Event, Extraction, When, stable_id
from wirecoder.resolve.actors import judge, keys, skeleton
from wirecoder.store import Store


def article_with(actor: Actor, text: str, day: int = 8) -> Extraction:
    article = Article.make(text, published=date(2021, 3, 10))
    event = Event(stable_id(article.id, "event", 0), "Battles", "Armed clash",
                  When(date(2021, 3, day), date(2021, 3, day), "day"), actor1=actor.id)
    return Extraction(article, (), (actor,), (), (event,))


def test_transliterations_share_keys_and_match():
    assert skeleton("droukdel") == skeleton("drukdal") == skeleton("droukdal") == "drkdl"
    assert keys("Abdelmalek Droukdel") & keys("Abdelmalek Drukdal")
    a = Actor("mohamed-ould-zeidane", "Mohamed Ould Zeidane", "person")
    b = Actor("mohammed-ould-zaydane", "Mohammed Ould Zaydane", "person")
    assert judge(b, a) == ("transliteration", 0.9)


def test_never_across_types_or_countries():
    a = Actor("x", "Northern Front", "armed group", "ML")
    assert judge(Actor("y", "Northern Front", "other org"), a) is None
    assert judge(Actor("y", "Northern Front", "armed group", "NE"), a) is None
    assert judge(Actor("y", "Northern Front", "armed group"), a) == ("alias", 1.0)
    assert judge(Actor("y", "Southern Front", "armed group"), a) is None


def test_merge_then_split(stores_at):
    zeidane = Actor("mohamed-ould-zeidane", "Mohamed Ould Zeidane", "person")
    zaydane = Actor("mohammed-ould-zaydane", "Mohammed Ould Zaydane", "person")
    with Store(stores_at / "w.db") as store:
        store.write(article_with(zeidane, "First report."))
        store.write(article_with(zaydane, "Second report.", day=1))  # another event
        [merge] = store.merges()
        assert (merge["actor_id"], merge["canonical_id"], merge["method"], merge["status"]) == \
            ("mohammed-ould-zaydane", "mohamed-ould-zeidane", "transliteration", "merged")
        # one actor, both names, both events, whichever name is asked for
        assert [a.id for a in store.actors()] == ["mohamed-ould-zeidane"]
        assert "Mohammed Ould Zaydane" in store.actor("Mohammed Ould Zaydane").aliases
        assert len(store.events(actor="Mohammed Ould Zaydane")) == 2
        assert len(store.dossier("mohamed-ould-zeidane")["events"]) == 2
        # undo: two actors again, and the judgement is kept as history
        assert store.split(str(merge["id"])) == 1
        assert sorted(a.id for a in store.actors()) == ["mohamed-ould-zeidane",
                                                        "mohammed-ould-zaydane"]
        assert len(store.events(actor="Mohammed Ould Zaydane")) == 1
        assert store.merges()[0]["status"] == "split"


def test_unknown_group_becomes_its_own_actor(stores_at):
    with Store(stores_at / "w.db") as store:
        store.write(article_with(Actor("sons-of-the-dunes", "Sons of the Dunes", "armed group"),
                                 "A group never seen before."))
        assert store.actor("Sons of the Dunes").id == "sons-of-the-dunes"
        assert store.merges() == []
