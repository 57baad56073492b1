"""Event identity across articles, as judgements (table ``event_links``): each new event is
compared with the events of other articles that share its type and overlap its dates (an
indexed range lookup, so the cost per article grows with the log of the store, not its size)
and with the events of the versions of its story (``stories.py``, dated or not).
A merge joins two clusters; ``events.cluster`` is the smallest event id of its connected
component. ``split`` undoes a judgement and recomputes the component; a split pair is never
merged again.

A pair's verdict reads actor identity (``links.component``), which can change after both
events are stored: when actors are merged or parted, ``relink_actors`` judges again the pairs
of events those actors take part in, recording new merges and retracting (status
``retracted``) those that no longer hold. So the active merges, and the clusters, are those
of the final store, whatever the ingest order (but for a block of more than
``MAX_CANDIDATES`` reports, where which ones are compared depends on what is stored). Reprints
are in ``reprints.py``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from ..components import root_finder
from ..model import Event, from_dict
from ..resolve.events import MERGE_AT, REPORT_DAYS, compare
from .dialect import dialect_of, now
from .links import component
from .stories import story_articles

WINDOW = timedelta(days=2)
VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")
MAX_CANDIDATES = 200


def _text(conn, event_id: str) -> str:
    return " ".join(r[0] for r in conn.execute(
        "SELECT sentence FROM claims WHERE kind = 'event' AND subject = ? ORDER BY id",
        (event_id,)))


def link_event(conn, event_id: str, among: set[str] | None = None,
               stories: set[str] | None = None, named: dict | None = None) -> set[str]:
    """Judge a stored event against its candidates (only those in ``among``, if given) and
    make the pairs' judgements agree with the verdicts. Returns the clusters touched.

    Candidates: the events of other articles of the same type family whose dates overlap
    (within ``WINDOW``); the events of every article that is a version of the same story
    (``stories.story_articles``), dated or not; and, where one side is undated, the reports
    with a side in common (``_named_alike``) whose articles name a person in common.
    ``stories``: those versions, when the caller has looked them up once for the article.
    ``named``: article id -> the people it names, a cache the caller may share across the
    calls of one write (the people do not change while its events are linked)."""
    row = conn.execute("SELECT record, article_id FROM events WHERE id = ?",
                       (event_id,)).fetchone()
    if row is None:
        return set()
    event = from_dict(Event, json.loads(row[0]))
    when = event.when
    if event.modality != "asserted":
        return set()  # an unasserted report cannot be matched honestly
    types = VIOLENT if event.type in VIOLENT else (event.type,)  # reports code one killing
    marks = ",".join("?" * len(types))                           # as a battle or an attack
    rows = []
    if when.start and when.end:
        rows = conn.execute(
            f"SELECT id, record, article_id FROM events WHERE type IN ({marks}) "
            'AND article_id != ? AND start IS NOT NULL AND start <= ? AND "end" >= ? AND '
            "historical = ? AND modality = 'asserted' ORDER BY start, id LIMIT ?",
            (*types, row[1], (when.end + WINDOW).isoformat(),
             (when.start - WINDOW).isoformat(), int(event.historical), MAX_CANDIDATES)).fetchall()
    published, language = _published(conn, row[1]), _language(conn, row[1])
    issued: dict = {}  # article id -> its publication date and language, read once per call
    rows += _report_week_candidates(conn, event, row[1], published, types,
                                    {r[0] for r in rows})
    seen = {r[0] for r in rows}
    named = {} if named is None else named  # article id -> its people, read once

    def people(article_id: str) -> set[str]:
        if article_id not in named:
            named[article_id] = _persons(conn, article_id)
        return named[article_id]

    persons = people(row[1])  # an undated report meets a dated one only over a
    rows += [r for r in _named_alike(conn, event, row[1], types)  # person both name
             if r[0] not in seen and persons & people(r[2])]
    stories = sorted(story_articles(conn, row[1]) if stories is None else stories)
    if stories:
        seen = {r[0] for r in rows}
        rows += [r for r in conn.execute(
            f"SELECT id, record, article_id FROM events WHERE type IN ({marks}) AND "
            f"article_id IN ({','.join('?' * len(stories))}) AND historical = ? AND "
            "modality = 'asserted' ORDER BY id", (*types, *stories, int(event.historical)))
            if r[0] not in seen]
    heads: dict = {None: None}

    def canon(actor_id):  # compare reads identity only: a merged actor's smallest id will do
        if actor_id not in heads:
            heads[actor_id] = component(conn, actor_id)[0]
        return heads[actor_id]

    touched, text, story = set(), _text(conn, event_id), set(stories)
    for other_id, record, other_article in rows:
        if among is not None and other_id not in among:
            continue
        pair = {event_id: (event, text),
                other_id: (from_dict(Event, json.loads(record)), _text(conn, other_id))}
        a, b = sorted(pair)  # one orientation: the verdict cannot depend on who came first
        if other_article not in issued:
            issued[other_article] = (_published(conn, other_article),
                                     _language(conn, other_article))
        dates = {event_id: published, other_id: issued[other_article][0]}
        tongue = {event_id: language, other_id: issued[other_article][1]}
        score, parts = compare(pair[a][0], pair[b][0], canon, pair[a][1], pair[b][1],
                               same_story=other_article in story,
                               same_person=bool(persons & people(other_article)),
                               published=(dates[a], dates[b]),
                               languages=(tongue[a], tongue[b]))
        touched |= _record(conn, a, b, score, parts)
    return touched


def _language(conn, article_id: str) -> str | None:
    """The article's ISO 639-1 code as stored (``None`` when unknown)."""
    row = conn.execute("SELECT language FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row and row[0] else None


def _published(conn, article_id: str):
    row = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
    try:
        return date.fromisoformat(row[0]) if row and row[0] else None
    except ValueError:
        return None


def _report_week_candidates(conn, event: Event, article_id: str, published, types,
                            seen: set[str]) -> list:
    """Reports that ``report_window`` may put on one day with ``event``: for an undated
    event, the dated reports of other articles in the week before its article's publication;
    for an event dated to the day, the undated reports of articles published in the week
    after it. Both directions, so the candidates, and the merges, do not depend on which
    article came first."""
    marks = ",".join("?" * len(types))
    week = timedelta(days=REPORT_DAYS)
    if event.when.start is None and published is not None and not event.historical:
        rows = conn.execute(
            f"SELECT id, record, article_id FROM events WHERE type IN ({marks}) AND "
            "article_id != ? AND start IS NOT NULL AND start <= ? AND start >= ? AND "
            "historical = 0 AND modality = 'asserted' ORDER BY start, id LIMIT ?",
            (*types, article_id, (published + WINDOW).isoformat(),
             (published - week - WINDOW).isoformat(), MAX_CANDIDATES)).fetchall()
    elif event.when.precision == "day" and event.when.start is not None:
        rows = conn.execute(
            f"SELECT e.id, e.record, e.article_id FROM events e JOIN articles a ON "
            f"a.id = e.article_id WHERE e.type IN ({marks}) AND e.article_id != ? AND "
            "e.start IS NULL AND a.published >= ? AND a.published <= ? AND "
            "e.historical = 0 AND e.modality = 'asserted' ORDER BY e.id LIMIT ?",
            (*types, article_id, (event.when.start - WINDOW).isoformat(),
             (event.when.start + week + WINDOW).isoformat(), MAX_CANDIDATES)).fetchall()
    else:
        return []
    return [r for r in rows if r[0] not in seen]


def _persons(conn, article_id: str) -> set[str]:
    """The people an article names, as their merged actors' smallest ids: rare names that a
    reworded copy of the story keeps ("Bilel Kobi"), unlike a formulaic release's wording."""
    return {component(conn, r[0])[0] for r in conn.execute(
        f"SELECT DISTINCT c.subject FROM claims c {dialect_of(conn).indexed_by('claims_article')} "
        "JOIN actors a ON a.id = c.subject WHERE "
        "c.article_id = ? AND c.kind = 'actor' AND a.type = 'person'", (article_id,))}


def _named_alike(conn, event: Event, article_id: str, types) -> list:
    """Reports of another article that name one of ``event``'s named sides (a person or an
    armed group, under any of its merged ids) where one of the two is undated and the other
    dated (two undated reports give no evidence of one time): the only way
    an undated, reworded report meets the dated one (the date block needs a date on both)."""
    names = set()
    for actor_id in {event.actor1, event.actor2, *event.assoc_actors} - {None}:
        names |= set(component(conn, actor_id))
    if not names:
        return []
    ids = sorted(names)
    named = [r[0] for r in conn.execute(
        f"SELECT id FROM actors WHERE type IN ('person', 'armed group') AND id IN "
        f"({','.join('?' * len(ids))})", ids)]
    if not named:
        return []
    undated = "AND e.start IS NOT NULL " if event.when.start is None else "AND e.start IS NULL "
    return conn.execute(
        "SELECT DISTINCT e.id, e.record, e.article_id FROM event_actors a JOIN events e "
        f"ON e.id = a.event_id WHERE a.actor_id IN ({','.join('?' * len(named))}) AND "
        f"e.type IN ({','.join('?' * len(types))}) AND e.article_id != ? {undated}AND "
        "e.historical = ? AND e.modality = 'asserted' ORDER BY e.id LIMIT ?",
        (*named, *types, article_id, int(event.historical), MAX_CANDIDATES)).fetchall()


def _record(conn, a: str, b: str, score: float, parts: dict) -> set[str]:
    """Make the judgements of the pair (a, b) agree with its score; the clusters touched."""
    rows = conn.execute("SELECT id, score, parts, status FROM event_links WHERE event_a = ? "
                        "AND event_b = ?", (a, b)).fetchall()
    if any(r[3] == "split" for r in rows):
        return set()  # a person undid this merge: never made again
    active = next((r for r in rows if r[3] == "merged"), None)
    if active is not None and ANALYST in json.loads(active[2] or "{}"):
        return set()  # a person merged these: no later score undoes it
    parts_text = json.dumps(parts, sort_keys=True)
    if score >= MERGE_AT:
        if active is None:
            conn.execute("INSERT INTO event_links (event_a, event_b, score, parts) "
                         "VALUES (?,?,?,?)", (a, b, score, parts_text))
            return _join(conn, a, b)
        if (active[1], active[2]) != (score, parts_text):
            conn.execute("UPDATE event_links SET score = ?, parts = ?, changed_at = "
                         f"{now(conn)} WHERE id = ?", (score, parts_text, active[0]))
        return set()
    if active is None:
        return set()
    conn.execute(f"UPDATE event_links SET status = 'retracted', changed_at = {now(conn)} "
                 "WHERE id = ?", (active[0],))
    cluster = _cluster(conn, a)
    return {cluster, *_recluster(conn, cluster)}


def relink_actors(conn, regrouped: list) -> set[str]:
    """After actors joined or parted (``links.Regrouping``: two groups whose members' sameness
    flipped), judge again every pair of events with a side (actor1, actor2) in one group and
    a side in the other: no other pair's verdict can have changed. The events of the smaller
    group are compared with those of the larger. Returns the clusters touched."""
    touched: set[str] = set()
    for groups in regrouped:
        small, large = sorted((_events_of(conn, g) for g in groups), key=len)
        for event_id in small:
            touched |= link_event(conn, event_id, set(large))
    return touched


def _events_of(conn, actor_ids: list[str]) -> list[str]:
    ids = sorted(actor_ids)
    return [r[0] for r in conn.execute(
        f"SELECT DISTINCT event_id FROM event_actors WHERE role IN ('actor1', 'actor2') AND "
        f"actor_id IN ({','.join('?' * len(ids))}) ORDER BY event_id", ids)]


def articles_of_clusters(conn, clusters: set[str]) -> set[str]:
    ids = sorted(clusters)
    return {r[0] for r in conn.execute(
        f"SELECT DISTINCT article_id FROM events WHERE cluster IN ({','.join('?' * len(ids))})",
        ids)} if ids else set()


def _cluster(conn, event_id: str) -> str:
    row = conn.execute("SELECT cluster FROM events WHERE id = ?", (event_id,)).fetchone()
    return row[0] if row else event_id


def _join(conn, a: str, b: str) -> set[str]:
    ca, cb = _cluster(conn, a), _cluster(conn, b)
    keep, drop = sorted((ca, cb))
    if ca != cb:
        if _kept_apart(conn, ca, cb):
            return set()  # a person split an event of one from an event of the other
        conn.execute("UPDATE events SET cluster = ? WHERE cluster = ?", (keep, drop))
    return {keep}


def _kept_apart(conn, ca: str, cb: str) -> bool:
    """Whether a split judgement joins an event of cluster ``ca`` to one of ``cb``."""
    return conn.execute(
        "SELECT 1 FROM event_links l JOIN events x ON x.id = l.event_a JOIN events y ON "
        "y.id = l.event_b WHERE l.status = 'split' AND ((x.cluster = ? AND y.cluster = ?) OR "
        "(x.cluster = ? AND y.cluster = ?)) LIMIT 1", (ca, cb, cb, ca)).fetchone() is not None


ANALYST = "judged_by"  # the parts key of a person's judgement (with "why" and "at")


def judge(conn, a: str, b: str, verdict: str, by: str, why: str = "") -> set[str]:
    """A person's judgement that two stored events (any of their reports' ids) are one event
    (``verdict`` "merged") or two ("split"), recorded with who and why; it survives re-ingest
    and re-clustering (no score undoes it) and a split keeps the two apart whatever links
    join them later. Returns the clusters touched.

    Raises ``ValueError`` for an unknown event, one event judged against itself, or a merge
    that a split judgement forbids."""
    if verdict not in ("merged", "split"):
        raise ValueError(f"verdict {verdict!r} is neither 'merged' nor 'split'")
    for key in (a, b):
        if conn.execute("SELECT 1 FROM events WHERE id = ?", (key,)).fetchone() is None:
            raise ValueError(f"no event {key!r}")
    if a == b:
        raise ValueError("an event cannot be judged against itself")
    a, b = sorted((a, b))
    ca, cb = _cluster(conn, a), _cluster(conn, b)
    if verdict == "merged" and ca != cb and _kept_apart(conn, ca, cb):
        raise ValueError(f"a split judgement keeps {a} and {b} apart; undo it first")
    parts = json.dumps({ANALYST: by, "why": why}, sort_keys=True)
    conn.execute(f"UPDATE event_links SET status = 'retracted', changed_at = {now(conn)} "
                 "WHERE event_a = ? AND event_b = ? AND status IN ('merged', 'split')", (a, b))
    conn.execute("INSERT INTO event_links (event_a, event_b, score, parts, status) VALUES "
                 "(?,?,?,?,?)", (a, b, 1.0 if verdict == "merged" else 0.0, parts, verdict))
    if verdict == "merged":
        return _join(conn, a, b)
    return {*_recluster(conn, ca)} if ca == cb else {ca, cb}


def members(conn, event_id: str) -> list[str]:
    cluster = _cluster(conn, event_id)
    return [r[0] for r in conn.execute("SELECT id FROM events WHERE cluster = ? ORDER BY id",
                                       (cluster,))]


def judgements_of(conn, event_id: str) -> list[dict]:
    """Every judgement (merged, split, retracted) between two reports of the event's cluster
    or between one of them and another event, oldest first, each with its two articles and
    its parts (the score's parts, or who judged and why)."""
    ids = members(conn, event_id)
    marks = ",".join("?" * len(ids))
    keys = ("id", "event_a", "event_b", "score", "parts", "status", "created_at",
            "changed_at", "article_a", "article_b")
    rows = conn.execute(
        "SELECT l.id, l.event_a, l.event_b, l.score, l.parts, l.status, l.created_at, "
        "l.changed_at, x.article_id, y.article_id FROM event_links l "
        "LEFT JOIN events x ON x.id = l.event_a LEFT JOIN events y ON y.id = l.event_b "
        f"WHERE l.event_a IN ({marks}) OR l.event_b IN ({marks}) ORDER BY l.id", (*ids, *ids))
    out = []
    for r in rows:
        row = dict(zip(keys, r))
        row["parts"] = json.loads(row["parts"] or "{}")
        out.append(row)
    return out


def merges(conn) -> list[dict]:
    keys = ("id", "event_a", "event_b", "score", "parts", "status", "created_at", "changed_at")
    return [dict(zip(keys, r)) for r in conn.execute(
        "SELECT id, event_a, event_b, score, parts, status, created_at, changed_at "
        "FROM event_links ORDER BY id")]


def split(conn, key: str) -> int:
    """Undo merge judgements (a judgement number, or every merge of an event id), recompute
    the clusters they touched and the reprints among their articles. Returns how many."""
    from .reprints import refresh_reprints

    if key.isdigit():
        rows = conn.execute("SELECT id, event_a, event_b FROM event_links WHERE id = ? AND "
                            "status = 'merged'", (int(key),)).fetchall()
    else:
        rows = conn.execute("SELECT id, event_a, event_b FROM event_links WHERE status = "
                            "'merged' AND (event_a = ? OR event_b = ?)", (key, key)).fetchall()
    for link_id, a, _ in rows:
        conn.execute(f"UPDATE event_links SET status = 'split', changed_at = {now(conn)} "
                     "WHERE id = ?", (link_id,))
    clusters = {_cluster(conn, a) for _, a, _ in rows}
    for cluster in sorted(clusters):
        clusters |= _recluster(conn, cluster)
    refresh_reprints(conn, articles_of_clusters(conn, clusters))
    return len(rows)


def recluster(conn, cluster: str) -> set[str]:
    """Recompute the components of the events now in ``cluster`` (from the merge judgements
    in force); the cluster ids after. Empty for a cluster with no events left."""
    if conn.execute("SELECT 1 FROM events WHERE cluster = ? LIMIT 1", (cluster,)).fetchone():
        return _recluster(conn, cluster)
    return set()


def _recluster(conn, cluster: str) -> set[str]:
    """Recompute the components of the events now in ``cluster``; the cluster ids after."""
    ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE cluster = ? ORDER BY id",
                                      (cluster,))]
    links = [(r[0], r[1]) for r in sorted(conn.execute(  # a person's merges first
        f"SELECT event_a, event_b, parts, id FROM event_links WHERE status = 'merged' AND "
        f"event_a IN ({','.join('?' * len(ids))})", ids).fetchall(),
        key=lambda r: (ANALYST not in json.loads(r[2] or "{}"), r[3]))]
    parent = {i: i for i in ids}
    find = root_finder(parent)

    apart = [(r[0], r[1]) for r in conn.execute(
        f"SELECT event_a, event_b FROM event_links WHERE status = 'split' AND event_a IN "
        f"({','.join('?' * len(ids))})", ids)]
    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb and any({find(x), find(y)} == {ra, rb} for x, y in apart
                                if x in parent and y in parent):
                continue  # a person split these two apart
            parent[max(ra, rb)] = min(ra, rb)
    for i in ids:
        conn.execute("UPDATE events SET cluster = ? WHERE id = ?", (find(i), i))
    return {find(i) for i in ids}
