"""Many writers, one store: the articles the concurrency tests write (hand-built extractions
whose actors and events merge across articles, no model), a child process that writes its
share of them, and the store read back table by table for comparison.

    python -c "import store_writers; store_writers.main()" DB K N
        writes the articles whose number is K modulo N into DB, one transaction each
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from wirecoder.model import (Actor, Article, Claim, Event, Extraction, Place, When, stable_id,
                             to_dict)

GAO = Place("Gao", "2457163", 16.27, -0.04, "ML", "Gao", "P.PPL", 1)
CIVILIANS = Actor("civilians-mali", "Civilians (Mali)", "civilians", "ML")
# names that merge (a transliteration; a short name a later article ties to the full one)
SIDES = [Actor("mohamed-ould-zeidane", "Mohamed Ould Zeidane", "person"),
         Actor("mohammed-ould-zaydane", "Mohammed Ould Zaydane", "person"),
         Actor("evans", "Evans", "person"),
         Actor("daniel-evans", "Daniel Evans", "person"),
         Actor("katiba-macina", "Katiba Macina", "armed group", "ML"),
         Actor("katibat-macina", "Katibat Macina", "armed group", "ML")]
KNOWN_AS = Actor("daniel-evans", "Daniel Evans", "person", None, ("Evans",))


def extractions(n: int = 48) -> list[Extraction]:
    """``n`` reports of attacks on Gao over four days by the actors of ``SIDES``; every
    eighth article only says that Daniel Evans is known as Evans."""
    out = []
    for i in range(n):
        if i % 8 == 7:
            text = f"Report {i}: Daniel Evans, known as Evans, spoke to reporters in Gao."
            out.append(_extraction(text, (KNOWN_AS,), None, i))
            continue
        side = SIDES[i % len(SIDES)]
        day = 3 + i % 4
        text = (f"Report {i}: the men of {side.name} killed seven herders near Gao on "
                f"May {day}, residents said.")
        out.append(_extraction(text, (side, CIVILIANS), (side.id, day), i))
    return out


def _extraction(text: str, actors, attack, i: int) -> Extraction:
    article = Article.make(text, published=date(2022, 5, 8), title=text, outlet=f"outlet{i % 3}")
    claims = [Claim(article.id, "actor", a.id, {"name": a.name, "type": a.type,
                                                 "country": a.country, "text": a.name},
                    k, k + 1, text) for k, a in enumerate(actors)]
    events = ()
    if attack:
        initiator, day = attack
        when = When(date(2022, 5, day), date(2022, 5, day), "day")
        event = Event(stable_id(article.id, "event", 0), "Violence against civilians",
                      "Attack", when, GAO, initiator, "civilians-mali", fatalities=7)
        claims.append(Claim(article.id, "event", event.id, to_dict(event), 0, len(text), text))
        events = (event,)
    return Extraction(article, tuple(claims), tuple(actors), (), events, (GAO,))


def write_share(db, k: int, n: int) -> int:
    from wirecoder.store import Store

    written = 0
    with Store(db) as store:
        for i, x in enumerate(extractions()):
            if i % n == k:
                written += store.write(x)
    return written


def main() -> None:
    db, k, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    go = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    while go is not None and not go.exists():  # all writers start together
        time.sleep(0.01)
    print(write_share(db, k, n))


# what a comparison leaves out: when and by whom a row was written, and the numbers
# judgements were given in the order they were made
VOLATILE = {"ingested_at", "ingested_by", "created_at", "changed_at"}
TABLES = ("articles", "claims", "actors", "aliases", "actor_keys", "relations", "events",
          "event_actors", "article_links", "story_bands", "places")


def table_rows(db) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without ``VOLATILE`` columns; the judgements in force
    (merged or split: a retracted one is history whose length depends on the order) by
    their pair, not their number."""
    from wirecoder.store import Store

    out = {}
    with Store(db, readonly=True) as store, store.snapshot():
        for table in TABLES:
            rows = store.conn.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted(tuple((k, row[k]) for k in row.keys() if k not in VOLATILE)
                                for row in rows)
        out["actor_links"] = sorted(tuple(r) for r in store.conn.execute(
            "SELECT actor_id, canonical_id, method, score, status FROM actor_links "
            "WHERE status != 'retracted'"))
        out["event_links"] = sorted(tuple(r) for r in store.conn.execute(
            "SELECT event_a, event_b, score, parts, status FROM event_links "
            "WHERE status != 'retracted'"))
    return out
