"""The batch merge, scaled out: articles that can never meet are merged apart, on the workers.

Every judgement the store makes (``store/links.py``, ``event_links.py``, ``reprints.py``,
``stories.py``) compares an article only with stored articles it shares a *blocking key*
with: an actor id or an actor name key, a week of dates for an event type family (widened
by the event window and the report week, so every pair of events the store would compare
shares one), a MinHash band of the text (versions of one story). ``interaction_keys`` lists
an article's keys; articles joined by shared keys, transitively, form a component, and two
articles of different components cannot change each other's rows.

So the merge is:

1. **keys** (on the workers, one task per partition): each article's interaction keys;
2. **plan** (here): components by union-find over the keys, packed into one group per
   worker, largest first, each group keeping input order;
3. **merge** (on the workers, one task per group): the group's articles written, exactly as
   ``ingest`` writes them, into an SQLite store of its own (``OUT/merge/group-N.db``);
4. **reconcile** (here): the group stores copied into the target store. Rows of different
   groups never collide (their keys differ) but for places, shared by name, which are
   upserted under the store's own total order; merge judgements are renumbered in group
   order. The result is the store a plain ingest makes, but for those numbers and the
   times rows were written (``tests/batch/test_merge.py`` compares table by table).

Only a batch into an empty store is merged this way: articles already stored would be keys
no plan sees. Into a store with articles, the merge is the plain one, in input order.
"""

from __future__ import annotations

import json
import time
from datetime import date, timedelta
from pathlib import Path

from ..components import root_finder
from ..model import Extraction, clean_name

BUCKET_DAYS = 7


def interaction_keys(x: Extraction) -> set[str]:
    """Every blocking key through which the store could compare ``x`` with another article
    (module docstring); empty for an article that names no actor and reports no event."""
    from ..resolve.actors import keys as actor_keys
    from ..resolve.events import REPORT_DAYS
    from ..store.event_links import VIOLENT, WINDOW
    from ..store.links import GENERIC
    from ..store.stories import bands

    out: set[str] = set()
    ids = {a.id for a in x.actors} | {c.subject for c in x.claims if c.kind == "actor"}
    for actor in x.actors:
        if actor.id in GENERIC:
            continue  # never judged against another actor (links.link_actor): its id will do
        # (not so an unlinked type: the type stored is what most articles say, not this one)
        for name in (actor.name, *actor.aliases):
            out |= {"name:" + k for k in actor_keys(clean_name(name) or actor.id)}
    for e in x.events:
        ids |= {e.actor1, e.actor2, *e.assoc_actors} - {None}
    out |= {"actor:" + i for i in ids}
    if not x.events:
        return out
    out |= {f"band:{b}:{k}" for b, k in bands(x.article.text)}
    reach = WINDOW * 2 + timedelta(days=REPORT_DAYS)
    for e in x.events:
        family = "violent" if e.type in VIOLENT else e.type
        if e.when.start:
            low, high = e.when.start - reach, (e.when.end or e.when.start) + reach
        elif x.article.published:
            low, high = x.article.published - reach, x.article.published + reach
        else:
            continue  # met only through its actors or its story, keyed above
        out |= {f"when:{family}:{week}" for week in _weeks(low, high)}
    return out


def _weeks(low: date, high: date) -> range:
    first = low.toordinal() // BUCKET_DAYS
    return range(first, high.toordinal() // BUCKET_DAYS + 1)


def partition_keys(parquet: str) -> list[tuple[str, list[str]]]:
    """Worker task: (article id, its keys) for each stored-to-be article of one partition
    output, in order (an article the pipeline could not read has no keys). The keys the map
    step stored, or, in an output written before it did, found again."""
    import pyarrow.parquet as pq

    from .serialize import loads

    if "keys" in pq.read_schema(parquet).names:
        table = pq.read_table(parquet, columns=["article_id", "keys"]).to_pydict()
        return list(zip(table["article_id"], table["keys"]))
    table = pq.read_table(parquet, columns=["article_id", "extraction", "error"]).to_pydict()
    return [(article_id, sorted(interaction_keys(loads(text))) if error is None else [])
            for article_id, text, error in zip(table["article_id"], table["extraction"],
                                               table["error"])]


def plan_groups(keyed: list[list[tuple[str, list[str]]]], groups: int) -> dict[str, int]:
    """Article id -> group number: components (articles sharing a key, transitively) packed
    into ``groups`` groups by size, largest component first, each to the emptiest group."""
    parent: dict[str, str] = {}
    find = root_finder(parent)
    for part in keyed:
        for article_id, keys in part:
            root = find("article:" + article_id)
            for key in keys:
                other = find(key)
                if other != root:
                    parent[other] = root
    members: dict[str, list[str]] = {}
    for part in keyed:
        for article_id, _ in part:
            members.setdefault(find("article:" + article_id), []).append(article_id)
    loads = [0] * groups
    group_of: dict[str, int] = {}
    for component in sorted(members.values(), key=lambda m: (-len(m), m[0])):
        target = loads.index(min(loads))
        loads[target] += len(component)
        group_of.update(dict.fromkeys(component, target))
    return group_of


def merge_group(outputs: list[str], wanted: list[str], db: str) -> dict:
    """Worker task: the articles ``wanted`` (ids) of the partition ``outputs``, in input
    order, written into a new SQLite store ``db``. Returns counts and quarantine lines."""
    import pyarrow.parquet as pq

    from ..errors import WirecoderError
    from ..store import Store
    from .serialize import loads

    wanted_ids = set(wanted)
    result = {"stored": 0, "unchanged": 0, "quarantine": [], "seconds": 0.0}
    started = time.perf_counter()
    Path(db).unlink(missing_ok=True)  # a retried task starts again from nothing
    for suffix in ("-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    with Store(db) as store:
        for output in outputs:
            table = pq.read_table(output).to_pydict()
            for article_id, text, error in zip(table["article_id"], table["extraction"],
                                               table["error"]):
                if error is not None or article_id not in wanted_ids:
                    continue
                extraction = loads(text)
                result["quarantine"] += [{"article_id": article_id, "stage": "pipeline-warning",
                                          "reason": w} for w in extraction.warnings]
                try:
                    written = store.write(extraction)
                except WirecoderError as exc:
                    result["quarantine"].append({"article_id": article_id, "stage": "store",
                                                 "reason": str(exc)})
                    continue
                result["stored" if written else "unchanged"] += 1
    result["seconds"] = time.perf_counter() - started
    return result


# tables copied as they are, in this order (foreign keys: articles before what names them)
COPIED = ("articles", "claims", "actors", "aliases", "actor_keys", "relations", "events",
          "event_actors", "article_links", "story_bands")
RENUMBERED = ("actor_links", "event_links")  # judgement numbers: given anew, in group order


def reconcile(group_dbs: list[str], store) -> None:
    """Copy every group store into ``store`` (a ``Store``, empty), in one transaction."""
    from ..store import Store, search
    from ..store.query import place_from_row
    from ..store.write import upsert_place  # under the store's own total order

    with store.transaction("reconcile the merge groups"):
        for path in group_dbs:
            with Store(path, readonly=True) as group:
                for table in (*COPIED, *RENUMBERED):
                    rows = group.conn.execute(f"SELECT * FROM {table}").fetchall()
                    if not rows:
                        continue
                    columns = [c for c in rows[0].keys() if
                               not (table in RENUMBERED and c == "id")]
                    quoted = ", ".join(f'"{c}"' for c in columns)
                    order = sorted(rows, key=lambda r: r["id"]) if table in RENUMBERED \
                        else rows
                    # DO NOTHING: as ``write`` (a pipeline bug repeating an id costs nothing)
                    store.conn.executemany(
                        f"INSERT INTO {table} ({quoted}) VALUES "
                        f"({', '.join('?' * len(columns))}) ON CONFLICT DO NOTHING",
                        [tuple(r[c] for c in columns) for r in order])
                    if table == "articles":
                        for r in rows:
                            search.index(store.conn, r["id"], r["title"], r["text"])
                for row in group.conn.execute("SELECT record FROM places ORDER BY id"):
                    upsert_place(store.conn, place_from_row(row))


def quarantine_lines(results: list[dict]) -> list[str]:
    return [json.dumps(line) for r in results for line in r["quarantine"]]
