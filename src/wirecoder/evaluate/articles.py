"""Whole news articles from many outlets (``news-articles-dev``, ``french-news-dev``): is one
incident one record, within an article and across articles?

The gold (``gold.jsonl``, one line per article: ``events[]``, ``actors[]``) and the index
(``articles_index.jsonl``: ``id``, ``url``, ``published``, ...) come from the set's folder; the
article texts are third-party copyright and are rebuilt outside the repository by the set's
``build_texts.py`` (its ``ingest.jsonl``). The scoring follows the conventions of the set's
README:

- within an article, system reports and gold events are aligned one to one on type family,
  date window, country, place (50 km or the same wording), actors and toll (``fit``);
- optional gold events are neither misses nor false positives; a current report that matches
  a background (historical) gold event is "background coded as current";
- a current report left over that fits an already matched gold event is a **repeat**;
- cross-article identity: for every pair of articles whose gold shares an ``event_key``, are
  the reports aligned to that key in one stored event (pair recall); a stored event whose
  aligned reports carry two keys (neither a part of the other) is a false merge.

Everything here is pure: ``run.articles`` ingests and builds the ``Report`` rows.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from ..folding import name_key
from .geoparse import km

VIOLENT = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
DEMONSTRATIONS = frozenset({"Protests", "Riots"})
NEAR_KM = 50.0
SLACK = timedelta(days=1)  # a report's day may fall one day outside the gold window


def family(event_type: str | None) -> str:
    """ACLED event types in three families: political violence, demonstrations, strategic."""
    if event_type in VIOLENT:
        return "violence"
    if event_type in DEMONSTRATIONS:
        return "demonstration"
    return "strategic"


@dataclass(frozen=True)
class GoldEvent:
    article: str
    id: str
    key: str
    type: str
    sub_type: str
    alt_sub_types: tuple[str, ...]
    start: date | None
    end: date | None
    location: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    actor1: tuple[str, ...]  # lenient names: norm, its parts, the text's own words
    actor2: tuple[str, ...]
    fatalities: int | None
    fatality_figures: tuple[int, ...]  # the figure and the alternatives its notes give
    historical: bool
    optional: bool
    part_of: str | None
    desc: str

    @property
    def core(self) -> bool:
        return not self.historical and not self.optional


@dataclass(frozen=True)
class Report:
    """One system event as one article reports it, with what the scorer compares."""

    article: str
    id: str
    cluster: str  # the stored (merged) event it belongs to
    type: str
    sub_type: str
    start: date | None
    end: date | None
    place: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    actor1: tuple[str, ...]  # folded names and aliases of the actor
    actor2: tuple[str, ...]
    fatalities: int | None
    historical: bool
    sentence: str
    position: int
    stored_fatalities: int | None = None  # the merged event's best estimate


@dataclass
class Article:
    id: str
    index: dict
    gold: list[GoldEvent]
    actors: list[dict]
    reports: list[Report] = field(default_factory=list)
    actor_names: set[str] = field(default_factory=set)   # folded names and aliases
    alias_groups: list[set[str]] = field(default_factory=list)
    relations: set[tuple[str, str, str]] = field(default_factory=set)  # folded
    stored: bool = False


# ---- reading --------------------------------------------------------------------------

def _day(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def lenient(text: str | None) -> str:
    return name_key(text, drop=frozenset({"the", "of", "al", "el", "province", "governorate",
                                          "wilaya", "region"}))


def actor_names(actor: dict | None) -> tuple[str, ...]:
    """A gold actor's lenient names: its ACLED label, the label's parts ("AQIM", "Al Qaeda in
    the Islamic Maghreb"), and the article's own words."""
    if not actor:
        return ()
    names = []
    for value in (actor.get("norm"), actor.get("text"), *_as_list(actor.get("assoc"))):
        if not value or not isinstance(value, str):
            continue
        names.append(value)
        names.extend(p for p in re.split(r":|\(|\)| - ", value) if p.strip())
    return tuple(sorted({lenient(n) for n in names if lenient(n)}))


def _figures(event: dict) -> tuple[int, ...]:
    out = set()
    if isinstance(event.get("fatalities"), int):
        out.add(event["fatalities"])
    for n in re.findall(r"\b(\d{1,4})\b", event.get("notes") or ""):
        out.add(int(n))
    return tuple(sorted(out))


def read_gold(folder: Path) -> list[Article]:
    """The set's index and gold, one ``Article`` per indexed article (gold order)."""
    index = {}
    for line in (folder / "articles_index.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            index[row["id"]] = row
    out = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        events = []
        for e in row.get("events", []):
            events.append(GoldEvent(
                article=row["id"], id=e["id"], key=e["event_key"], type=e["event_type"],
                sub_type=e["sub_event_type"],
                alt_sub_types=tuple(_as_list(e.get("alt_sub_event_type"))),
                start=_day(e.get("date_start")), end=_day(e.get("date_end")),
                location=e.get("location_name") or "", country=e.get("country"),
                admin1=e.get("admin1"), lat=e.get("lat"), lon=e.get("lon"),
                actor1=actor_names(e.get("actor1")), actor2=actor_names(e.get("actor2")),
                fatalities=e.get("fatalities"), fatality_figures=_figures(e),
                historical=bool(e.get("historical")), optional=bool(e.get("optional")),
                part_of=e.get("part_of"), desc=e.get("desc") or ""))
        out.append(Article(row["id"], index.get(row["id"], {}), events, row.get("actors", [])))
    return out


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def read_texts(path: Path) -> list[dict]:
    """The rebuilt ``ingest.jsonl`` records (``text``, ``title``, ``url``, ``outlet``,
    ``published``[, ``language``]). ``path`` is the file or a folder holding it (directly or
    in ``OUT/``)."""
    for candidate in (path, path / "ingest.jsonl", path / "OUT" / "ingest.jsonl"):
        if candidate.is_file():
            return [json.loads(line) for line in
                    candidate.read_text(encoding="utf-8").splitlines() if line.strip()]
    raise FileNotFoundError(path)


# ---- comparing one report with one gold event -----------------------------------------

def date_agrees(r: Report, g: GoldEvent) -> bool | None:
    """True when the report's window meets the gold window (one day's slack), False when it
    does not, None when either side has no date to compare."""
    if r.start is None or g.end is None:
        return None
    g_start = g.start or date.min + SLACK
    r_end = r.end or r.start
    return r.start <= g.end + SLACK and r_end >= g_start - SLACK


def date_right(r: Report, g: GoldEvent) -> bool:
    """The report's start lies in the gold window (one day's slack); for an undated gold
    event (background with no date) any report is right."""
    if g.start is None:
        return True
    if r.start is None:
        return False
    return g.start - SLACK <= r.start <= (g.end or g.start) + SLACK


def place_agrees(r: Report, g: GoldEvent) -> bool:
    """Within 50 km, or the same wording (one name inside the other, leniently)."""
    if None not in (r.lat, r.lon, g.lat, g.lon) and km(r.lat, r.lon, g.lat, g.lon) <= NEAR_KM:
        return True
    a, b = lenient(r.place), lenient(g.location)
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def actor_agrees(names: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    if not names or not gold:
        return False
    gold_set = set(gold)
    return any(n in gold_set for n in names)


def fit(r: Report, g: GoldEvent) -> float:
    """How well a report fits a gold event: 0.0 when they cannot be one incident (another
    type family, dates or countries that disagree), else a positive score from the evidence
    that agrees; a score under 2 is too little to call them one."""
    if family(r.type) != family(g.type):
        return 0.0
    dates = date_agrees(r, g)
    if dates is False:
        return 0.0
    if r.country and g.country and r.country != g.country:
        return 0.0
    score = 0.0
    if dates:
        score += 2.0 if g.start is not None else 0.5
    if place_agrees(r, g):
        score += 2.0
    elif r.admin1 and g.admin1 and lenient(r.admin1) == lenient(g.admin1):
        score += 1.0
    elif r.country and r.country == g.country:
        score += 0.25
    if r.sub_type == g.sub_type or r.sub_type in g.alt_sub_types:
        score += 1.5
    elif r.type == g.type:
        score += 1.0
    if actor_agrees(r.actor1 + r.actor2, g.actor1 + g.actor2):
        score += 1.0
    if r.fatalities is not None and r.fatalities in g.fatality_figures:
        score += 1.0
    return score if score >= 2.0 else 0.0


# ---- one article -----------------------------------------------------------------------

@dataclass
class Alignment:
    pairs: list[tuple[Report, GoldEvent]]
    repeats: list[tuple[Report, GoldEvent]]
    unmatched: list[Report]            # current reports that fit no gold event
    background_unmatched: list[Report]  # background reports that fit none (not penalised)


def align(reports: list[Report], gold: list[GoldEvent]) -> Alignment:
    """One to one, best fit first (ties: article order, then gold order); leftovers that fit
    a matched gold event are repeats."""
    scored = sorted(((fit(r, g), r.position, i, r, g) for r in reports
                     for i, g in enumerate(gold)), key=lambda t: (-t[0], t[1], t[2]))
    used_r, used_g, pairs = set(), set(), []
    for score, _pos, _i, r, g in scored:
        if score <= 0 or r.id in used_r or g.id in used_g:
            continue
        used_r.add(r.id)
        used_g.add(g.id)
        pairs.append((r, g))
    repeats, unmatched, background = [], [], []
    matched_gold = [g for _r, g in pairs]
    for r in reports:
        if r.id in used_r:
            continue
        best = max(((fit(r, g), g) for g in matched_gold), key=lambda t: t[0],
                   default=(0.0, None))
        if best[0] > 0:
            repeats.append((r, best[1]))
        elif r.historical:
            background.append(r)
        else:
            unmatched.append(r)
    return Alignment(pairs, repeats, unmatched, background)


# ---- the whole set ---------------------------------------------------------------------

def _half(article_id: str) -> str:
    digits = re.sub(r"\D", "", article_id)
    return "odd" if digits and int(digits) % 2 else "even"


def score(articles: list[Article]) -> dict:
    """Figures for the whole set and for its two halves (odd and even article numbers);
    per-report rows under ``rows`` (for ``--details``)."""
    alignments = {a.id: align(a.reports, a.gold) for a in articles if a.stored}
    result = {"articles": len(articles), "stored": sum(a.stored for a in articles),
              "halves": {}}
    for name, chosen in (("all", articles),
                         ("odd", [a for a in articles if _half(a.id) == "odd"]),
                         ("even", [a for a in articles if _half(a.id) == "even"])):
        figures = _figures_for(chosen, alignments)
        if name == "all":
            result.update(figures)
        else:
            result["halves"][name] = figures
    result["rows"] = _rows(articles, alignments)
    return result


def _figures_for(articles: list[Article], alignments: dict[str, Alignment]) -> dict:
    core = [g for a in articles for g in a.gold if g.core]
    tp = bg_as_current = current_as_bg = optional_hits = repeats = no_incident = 0
    bg_found = 0
    fields = defaultdict(lambda: [0, 0])
    aligned: dict[str, list[tuple[Report, GoldEvent]]] = defaultdict(list)  # key -> pairs
    for a in articles:
        al = alignments.get(a.id)
        if al is None:
            continue
        for r, g in al.pairs:
            aligned[g.key].append((r, g))
            if g.optional:
                optional_hits += not r.historical
                continue
            if g.historical:
                if r.historical:
                    bg_found += 1
                else:
                    bg_as_current += 1
                continue
            if r.historical:
                current_as_bg += 1
                continue
            tp += 1
            _field_scores(r, g, fields)
        repeats += sum(1 for r, _g in al.repeats if not r.historical)
        no_incident += len(al.unmatched)
    current_reports = sum(1 for a in articles for r in a.reports if not r.historical)
    counted = current_reports - optional_hits
    background_gold = sum(1 for a in articles for g in a.gold if g.historical and not g.optional)
    out = {
        "gold_core": len(core), "gold_background": background_gold,
        "current_reports": current_reports, "matched": tp,
        "precision": tp / counted if counted else 0.0,
        "recall": tp / len(core) if core else 0.0,
        "repeats": repeats, "no_incident": no_incident,
        "background_as_current": bg_as_current, "current_as_background": current_as_bg,
        "background_found": bg_found,
        "fields": {k: (v[0] / v[1] if v[1] else 0.0) for k, v in sorted(fields.items())},
        "field_counts": {k: list(v) for k, v in sorted(fields.items())},
    }
    out["f1"] = (2 * out["precision"] * out["recall"] / (out["precision"] + out["recall"])
                 if out["precision"] + out["recall"] else 0.0)
    out.update(_identity(articles, aligned))
    out.update(_actors(articles))
    return out


def _field_scores(r: Report, g: GoldEvent, fields) -> None:
    for name, ok in field_marks(r, g).items():
        fields[name][0] += ok
        fields[name][1] += 1


def field_marks(r: Report, g: GoldEvent) -> dict[str, bool]:
    """{field: right?} for the fields the gold event gives (type, sub_type, date, place_50km,
    fatalities, actor1, actor2), by the conventions of the set's README."""
    marks = {}

    def mark(name, ok):
        marks[name] = bool(ok)

    mark("type", r.type == g.type)
    mark("sub_type", r.sub_type == g.sub_type or r.sub_type in g.alt_sub_types)
    mark("date", date_right(r, g))
    if g.lat is not None or g.location:
        mark("place_50km", place_agrees(r, g))
    if g.fatalities is not None:
        mark("fatalities", r.fatalities in g.fatality_figures)
    if g.actor1:
        mark("actor1", actor_agrees(r.actor1, g.actor1))
    if g.actor2:
        mark("actor2", actor_agrees(r.actor2, g.actor2))
    return marks


def _identity(articles: list[Article], aligned) -> dict:
    """Pair recall of cross-article identity, false merges, stored events per incident and
    the stored toll against the gold's range."""
    ids = {a.id for a in articles}
    by_key: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, str] = {}
    for a in articles:
        local = {g.id: g.key for g in a.gold}
        for g in a.gold:
            if g.core:  # pairs: the incident is current news in both articles
                by_key[g.key].add(a.id)
            if g.part_of and g.part_of in local:
                parts[g.key] = local[g.part_of]
    pairs = found = 0
    missed_pairs = []
    for key, arts in sorted(by_key.items()):
        arts = sorted(arts & ids)
        clusters = defaultdict(set)  # article -> clusters of its current reports of the key
        for r, g in aligned.get(key, []):
            if not r.historical:
                clusters[r.article].add(r.cluster)
        for x, y in combinations(arts, 2):
            pairs += 1
            if clusters[x] & clusters[y]:
                found += 1
            else:
                missed_pairs.append(f"{key}: {x}-{y}")
    keys_in_cluster: dict[str, set[str]] = defaultdict(set)
    for key, matched in aligned.items():
        for r, _g in matched:
            keys_in_cluster[r.cluster].add(key)
    false_merges = []
    for cluster, keys in sorted(keys_in_cluster.items()):
        roots = {parts.get(k, k) for k in keys}
        if len(roots) > 1:
            false_merges.append(sorted(keys))
    per_incident, toll_ok, toll_n = [], 0, 0
    for key in sorted(aligned):
        matched = [(r, g) for r, g in aligned[key] if g.core and not r.historical]
        if not matched:
            continue
        per_incident.append(len({r.cluster for r, _g in matched}))
        figures = [f for a in articles for g in a.gold if g.key == key
                   for f in g.fatality_figures]
        if figures:
            toll_n += 1
            best = {r.stored_fatalities for r, _g in matched}
            toll_ok += any(b is not None and min(figures) <= b <= max(figures) for b in best)
    return {"pairs": pairs, "pairs_merged": found,
            "pair_recall": found / pairs if pairs else 0.0,
            "false_merges": len(false_merges), "false_merge_keys": false_merges,
            "missed_pairs": missed_pairs,
            "stored_per_incident": (sum(per_incident) / len(per_incident)
                                    if per_incident else 0.0),
            "toll_in_range": toll_ok / toll_n if toll_n else 0.0}


def _actors(articles: list[Article]) -> dict:
    """Recall of gold actors (any name or alias among the article's stored actor names),
    of gold aliases (name and alias on one stored actor) and of gold relations."""
    found = total = alias_found = alias_total = rel_found = rel_total = 0
    for a in articles:
        if not a.stored:
            continue
        for actor in a.actors:
            names = {lenient(actor.get("name"))} | {lenient(x) for x in actor.get("aliases", [])}
            names.discard("")
            total += 1
            found += bool(names & a.actor_names)
            name = lenient(actor.get("name"))
            for alias in actor.get("aliases", []):
                alias_total += 1
                alias_found += any(name in grp and lenient(alias) in grp
                                   for grp in a.alias_groups)
            for rel in actor.get("relations", []):
                rel_total += 1
                preds = {rel.get("relation"), *_as_list(rel.get("alt_relations"))}
                obj = lenient(rel.get("object"))
                rel_found += any(s in names and p in preds and o == obj
                                 for s, p, o in a.relations)
    return {"actors": found / total if total else 0.0,
            "aliases": alias_found / alias_total if alias_total else 0.0,
            "relations": rel_found / rel_total if rel_total else 0.0}


def _rows(articles: list[Article], alignments: dict[str, Alignment]) -> list[dict]:
    rows = []
    for a in articles:
        al = alignments.get(a.id)
        if al is None:
            rows.append({"article": a.id, "outcome": "not stored"})
            continue
        matched_gold = {g.id for _r, g in al.pairs}
        for r, g in al.pairs:
            kind = ("optional" if g.optional else
                    ("background found" if r.historical else "background as current")
                    if g.historical else ("current as background" if r.historical else "match"))
            rows.append(_row(a, kind, r, g))
        for r, g in al.repeats:
            rows.append(_row(a, "repeat (background)" if r.historical else "repeat", r, g))
        for r in al.unmatched:
            rows.append(_row(a, "no incident", r, None))
        for g in a.gold:
            if g.id not in matched_gold and not g.optional:
                rows.append(_row(a, "missed background" if g.historical else "missed", None, g))
    return rows


def _row(a: Article, outcome: str, r: Report | None, g: GoldEvent | None) -> dict:
    row = {"article": a.id, "half": _half(a.id), "outcome": outcome}
    if r is not None:
        row.update(report=r.id, cluster=r.cluster, type=f"{r.type} / {r.sub_type}",
                   date=f"{r.start or ''}..{r.end or ''}", place=r.place,
                   fatalities=r.fatalities, actor1=r.actor1[:1], actor2=r.actor2[:1],
                   historical=r.historical, sentence=r.sentence)
    if g is not None:
        row.update(gold=g.id, key=g.key, gold_type=f"{g.type} / {g.sub_type}",
                   gold_date=f"{g.start or ''}..{g.end or ''}", gold_place=g.location,
                   gold_fatalities=g.fatalities, gold_desc=g.desc,
                   gold_lat=g.lat, gold_lon=g.lon)
    if r is not None and g is not None:
        row.update(lat=r.lat, lon=r.lon,
                   wrong=[k for k, ok in field_marks(r, g).items() if not ok])
    return row


def render(result: dict, name: str = "news-articles-dev") -> list[str]:
    f = "{:.3f}".format
    lines = [f"{name}: {result['stored']} of {result['articles']} articles stored"]
    head = ["measure", "all", "odd", "even"]
    sets = [result, result["halves"].get("odd", {}), result["halves"].get("even", {})]

    def row(label, getter):
        cells = []
        for s in sets:
            try:
                cells.append(getter(s))
            except (KeyError, TypeError):
                cells.append("-")
        return [label, *cells]

    table = [
        row("event precision", lambda s: f(s["precision"])),
        row("event recall", lambda s: f(s["recall"])),
        row("current reports / gold core events",
            lambda s: f"{s['current_reports']} / {s['gold_core']}"),
        row("repeats", lambda s: str(s["repeats"])),
        row("reports of no incident", lambda s: str(s["no_incident"])),
        row("background coded as current", lambda s: str(s["background_as_current"])),
        row("current coded as background", lambda s: str(s["current_as_background"])),
        *[row(k, (lambda k: lambda s: f(s["fields"][k]) + f" ({s['field_counts'][k][1]})")(k))
          for k in ("type", "sub_type", "date", "place_50km", "fatalities", "actor1",
                    "actor2")],
        row("actors found", lambda s: f(s["actors"])),
        row("aliases found", lambda s: f(s["aliases"])),
        row("relations found", lambda s: f(s["relations"])),
        row("cross-article pair recall",
            lambda s: f"{f(s['pair_recall'])} ({s['pairs_merged']}/{s['pairs']})"),
        row("false merges", lambda s: str(s["false_merges"])),
        row("stored events per gold incident", lambda s: f"{s['stored_per_incident']:.2f}"),
        row("stored toll within the gold range", lambda s: f(s["toll_in_range"])),
    ]
    from tabulate import tabulate

    lines.append(tabulate(table, headers=head, tablefmt="github"))
    return lines


# ---- several sets in one store ---------------------------------------------------------

def score_across(sets: list[tuple[str, list[Article]]]) -> dict:
    """Cross-set identity when several whole-article sets were ingested into one store (a
    French and an English set whose gold shares ``event_key``\\ s, e.g. ``french-news-dev``
    and ``news-articles-dev``).

    ``sets``: ``(name, articles)`` in command order, the articles carrying their reports (as
    for ``score``). A cross-set pair is two articles of two different sets whose gold has the
    same key as a core event; it is merged when their current reports aligned to the key share
    a stored event. A cross-set false merge is a stored event whose aligned reports come from
    two sets and carry two keys of different incidents (a part of an incident is its incident).

    Returns ``{"sets": [names], "pairs", "pairs_merged", "pair_recall", "false_merges",
    "false_merge_keys", "missed_pairs", "merged_pairs", "halves": {"odd": {...}, "even":
    {...}}}``; a half keeps the pairs whose two articles both have an odd (even) number.
    A pair is written ``key: x-y`` with ``x`` from the earlier set.

    Raises ``ValueError`` for fewer than two sets or an article id found in two sets."""
    if len(sets) < 2:
        raise ValueError("score_across needs two sets or more")
    set_of: dict[str, int] = {}
    for i, (name, arts) in enumerate(sets):
        for a in arts:
            if a.id in set_of:
                raise ValueError(f"article id {a.id} is in both {sets[set_of[a.id]][0]} "
                                 f"and {name}")
            set_of[a.id] = i
    every = [a for _name, arts in sets for a in arts]
    alignments = {a.id: align(a.reports, a.gold) for a in every if a.stored}
    result = {"sets": [name for name, _arts in sets],
              **_across(every, set_of, alignments), "halves": {}}
    for half in ("odd", "even"):
        result["halves"][half] = _across([a for a in every if _half(a.id) == half], set_of,
                                         alignments)
    return result


def _across(articles: list[Article], set_of: dict[str, int],
            alignments: dict[str, Alignment]) -> dict:
    by_key: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, str] = {}
    for a in articles:
        local = {g.id: g.key for g in a.gold}
        for g in a.gold:
            if g.core:
                by_key[g.key].add(a.id)
            if g.part_of and g.part_of in local:
                parts[g.key] = local[g.part_of]
    clusters: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, key) -> clusters
    in_cluster: dict[str, set[tuple[str, int]]] = defaultdict(set)  # cluster -> (key, set)
    for a in articles:
        al = alignments.get(a.id)
        if al is None:
            continue
        for r, g in al.pairs:
            if not r.historical:
                clusters[(a.id, g.key)].add(r.cluster)
            in_cluster[r.cluster].add((g.key, set_of[a.id]))
    pairs, merged, missed = 0, [], []
    for key, arts in sorted(by_key.items()):
        for x, y in combinations(sorted(arts, key=lambda i: (set_of[i], i)), 2):
            if set_of[x] == set_of[y]:
                continue
            pairs += 1
            shared = clusters[(x, key)] & clusters[(y, key)]
            (merged if shared else missed).append(f"{key}: {x}-{y}")
    false_merges = []
    for cluster, keyed in sorted(in_cluster.items()):
        roots = {(parts.get(k, k), s) for k, s in keyed}
        if any(s1 != s2 and k1 != k2 for (k1, s1) in roots for (k2, s2) in roots):
            false_merges.append(sorted({k for k, _s in keyed}))
    return {"pairs": pairs, "pairs_merged": len(merged),
            "pair_recall": len(merged) / pairs if pairs else 0.0,
            "false_merges": len(false_merges), "false_merge_keys": false_merges,
            "merged_pairs": merged, "missed_pairs": missed}


def render_across(result: dict) -> list[str]:
    """The cross-set lines of ``score_across``: pairs merged and false merges, all and by
    half, then the missed pairs."""
    f = "{:.3f}".format
    cells = [result, result["halves"]["odd"], result["halves"]["even"]]
    table = [
        ["pairs across sets merged",
         *(f"{f(s['pair_recall'])} ({s['pairs_merged']}/{s['pairs']})" for s in cells)],
        ["false merges across sets", *(str(s["false_merges"]) for s in cells)],
    ]
    from tabulate import tabulate

    lines = [f"across sets ({' + '.join(result['sets'])}, one store): pairs of articles from "
             f"two sets sharing a gold event key",
             tabulate(table, headers=["measure", "all", "odd", "even"], tablefmt="github")]
    if result["missed_pairs"]:
        lines.append("missed across sets: " + "; ".join(result["missed_pairs"]))
    for keys in result["false_merge_keys"]:
        lines.append("false merge across sets: " + ", ".join(keys))
    return lines
