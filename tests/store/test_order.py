"""Ingest order does not matter: the same extractions written in every order give the same
actors, merges, events and exports. Hand-built extractions, no model."""

from __future__ import annotations

import io
import itertools
from datetime import date

from wirecoder.export import FORMATS, export
from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, When, stable_id,
                             to_dict)
from wirecoder.store import Store

GAO = Place("Gao", "2457163", 16.27, -0.04, "ML", "Gao", "P.PPL", 1)
DAY = When(date(2022, 5, 3), date(2022, 5, 3), "day")


def report(text: str, actors: tuple[Actor, ...], initiator: str | None = None,
           mentions: tuple[Actor, ...] = ()) -> Extraction:
    """One article naming ``actors`` (one mention claim each, more for ``mentions``), with
    one attack on Gao that ``initiator`` carried out, when given."""
    article = Article.make(text, published=date(2022, 5, 4), title=text)
    claims = [Claim(article.id, "actor", a.id, {"name": a.name, "type": a.type,
                                                 "country": a.country, "text": a.name},
                    i, i + 1, text) for i, a in enumerate((*actors, *mentions))]
    events = ()
    if initiator:
        event = Event(stable_id(article.id, "event", 0), "Violence against civilians",
                      "Attack", DAY, GAO, initiator, "civilians-mali", fatalities=7)
        claims.append(Claim(article.id, "event", event.id, to_dict(event), 0, len(text),
                            "Gunmen killed seven herders in Gao on Tuesday."))
        events = (event,)
    return Extraction(article, tuple(claims), actors, (), events, (GAO,))


def stores(tmp_path, reports: list[Extraction]):
    """Each order of ``reports`` written to its own store; yields (order number, store)."""
    for i, order in enumerate(itertools.permutations(reports)):
        with Store(tmp_path / f"o{i}.db") as store:
            for x in order:
                assert store.write(x)
            yield i, store


def exported(store) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        buffer = io.StringIO()
        export(store, fmt, buffer)
        out[fmt] = buffer.getvalue()
    return out


def test_a_name_learned_later_merges_actors_and_then_their_events(stores_at):
    """Two reports of one attack by "Evans" and by "Daniel Evans" are two events until a third
    article says Evans is Daniel Evans; in every order the end is one actor and one event."""
    civilians = Actor("civilians-mali", "Civilians (Mali)", "civilians", "ML")
    evans = Actor("evans", "Evans", "person")
    daniel = Actor("daniel-evans", "Daniel Evans", "person")
    reports = [report("Evans's men killed seven herders.", (evans, civilians), "evans"),
               report("Daniel Evans's men killed seven herders.", (daniel, civilians),
                      "daniel-evans"),
               report("Daniel Evans, known as Evans, spoke.",
                      (Actor("daniel-evans", "Daniel Evans", "person", None, ("Evans",)),))]
    seen = set()
    for _, store in stores(stores_at, reports):
        actor = store.actor("evans")
        assert (actor.id, actor.name, actor.aliases) == ("daniel-evans", "Daniel Evans",
                                                          ("Evans",))
        [event] = store.events()
        assert event.sources == 2 and event.actor1 in ("evans", "daniel-evans")
        seen.add(tuple(exported(store).items()))
    assert len(seen) == 1
    # undone by a person: two actors again, so two events (the event merge is retracted)
    with Store(stores_at / "o0.db") as store:
        assert store.split("evans") == 1
        assert store.actor("evans").name == "Evans" and len(store.events()) == 2
        assert [m["status"] for m in store.event_merges()] == ["retracted"]


def test_a_type_most_mentions_give_parts_a_merge_in_every_order(stores_at):
    """"Garba" read as a person once (merged with Yusuf Garba) and as an organisation twice:
    an organisation, never merged with the person, whichever article came first."""
    garba_person = Actor("garba", "Garba", "person")
    garba_org = Actor("garba", "Garba", "other org")
    yusuf = Actor("yusuf-garba", "Yusuf Garba", "person", None, ("Garba",))
    reports = [report("Garba said the attackers fled.", (garba_person,)),
               report("Yusuf Garba, or Garba, said so.", (yusuf,)),
               report("Garba and Garba reported the toll.", (garba_org,), mentions=(garba_org,))]
    seen = set()
    for i, store in stores(stores_at, reports):
        assert [(a.id, a.type) for a in store.actors()] == [("garba", "other org"),
                                                            ("yusuf-garba", "person")]
        assert all(m["status"] == "retracted" for m in store.merges())
        seen.add(tuple(exported(store).items()))
    assert len(seen) == 1


def test_a_name_most_mentions_give_in_every_order(stores_at):
    upper = Actor("sons-of-the-dunes", "SONS OF THE DUNES", "armed group")
    plain = Actor("sons-of-the-dunes", "Sons of the Dunes", "armed group")
    reports = [report("SONS OF THE DUNES claimed it.", (upper,)),
               report("The Sons of the Dunes claimed it.", (plain,))]
    for _, store in stores(stores_at, reports):  # one vote each: a tie, not shouted
        [actor] = store.actors()
        assert (actor.name, actor.aliases) == ("Sons of the Dunes", ("SONS OF THE DUNES",))
