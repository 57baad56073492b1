"""Score stored records against an analyst's gold file (the format of shared/seed/gold.yaml).

Pure: takes records (actors, relations, events, claims, places) and the parsed gold, returns
a report per section: found / missed / wrong, split by level (``must`` and ``should``).

Matching rules (written down so the figures can be read):
* actor: a stored actor whose name or any alias equals the gold name or a gold proper-name
  mention (case, quotes and possessives folded); right when its type matches and it carries
  every gold alias.
* relation: subject and object map to the matched actors (symmetric predicates either way);
  a literal object (place, country) matches when they share a word of 4+ letters.
* event: the stored event of the same ACLED type whose actors and dates agree best; right when
  type, actors given, fatalities given, historical flag and date range all agree.
* claim: a statement whose text holds at least 60% of the gold text's content words and whose
  attributed source matches the gold source.
* place: a stored place of that name (or alternate) in the gold country, within 25 km.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

STOP = frozenset("the a an of in on to and or is was it its from among with for at by as".split())
SYMMETRIC = frozenset(["rival_of", "ally_of"])


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’]s\b", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass
class Section:
    name: str
    rows: list = field(default_factory=list)  # (level, status, label, detail)

    def add(self, level: str, status: str, label: str, detail: str = "") -> None:
        self.rows.append((level, status, label, detail))

    def score(self, level: str) -> tuple[int, int]:
        rows = [r for r in self.rows if r[0] == level]
        return sum(r[1] == "found" for r in rows), len(rows)


def evaluate(gold: dict, actors, relations, events, claims, places) -> list[Section]:
    matched = {}
    sections = [
        _actors(gold.get("actors", []), actors, matched),
        _relations(gold.get("relations", []), relations, matched),
        _events(gold.get("events", []), events, matched),
        _claims(gold.get("claims", []), claims),
        _places(gold.get("places", []), places),
    ]
    sections.append(_never(gold, actors, events, claims, places, matched))
    return sections


# ---- actors -----------------------------------------------------------------------------------

def _names(actor) -> set[str]:
    return {norm(actor.name)} | {norm(a) for a in actor.aliases}


def _proper(mentions) -> list[str]:
    return [m for m in mentions if m[:1].isupper() and not m.lower().startswith("the ")]


def _actors(gold_actors, actors, matched) -> Section:
    section = Section("actors")
    for g in gold_actors:
        wanted = {norm(g["name"])} | {norm(m) for m in _proper(g.get("mentions", []))}
        hits = [a for a in actors if _names(a) & wanted]
        level = g.get("level", "must")
        if not hits:
            section.add(level, "missed", g["name"])
            continue
        best = max(hits, key=lambda a: len(_names(a) & wanted))
        matched[g["id"]] = best
        problems = []
        if best.type != g.get("type", best.type):
            problems.append(f"type {best.type!r}, gold {g['type']!r}")
        for alias in g.get("aliases", []):
            if norm(alias) not in _names(best):
                problems.append(f"alias {alias!r} not merged")
        status = "wrong" if problems else "found"
        section.add(level, status, g["name"], f"-> {best.name} [{best.id}]" +
                    (f": {'; '.join(problems)}" if problems else ""))
    return section


# ---- relations --------------------------------------------------------------------------------

def _relations(gold_relations, relations, matched) -> Section:
    section = Section("relations")
    for subj, pred, obj, level in gold_relations:
        label = f"{subj} {pred} {obj}"
        s = matched.get(subj)
        o = matched.get(obj)
        hit = None
        for r in relations:
            if r.predicate != pred:
                continue
            pairs = [(r.subject, r.object)] + ([(r.object, r.subject)] if pred in SYMMETRIC else [])
            for rs, ro in pairs:
                if s is not None and rs != s.id:
                    continue
                if o is not None and ro == o.id or o is None and _literal_match(obj, ro):
                    hit = r
        if hit is not None:
            section.add(level, "found", label, f"{hit.subject} {hit.predicate} {hit.object}")
        else:
            section.add(level, "missed", label)
    return section


def _literal_match(gold: str, ours: str) -> bool:
    if gold.isupper() and len(gold) == 2:
        return ours == gold
    words = {w for w in norm(gold).split() if len(w) >= 4}
    return bool(words & set(norm(ours).split()))


# ---- events -----------------------------------------------------------------------------------

def _events(gold_events, events, matched) -> Section:
    section = Section("events")
    used = set()
    for g in gold_events:
        level = g.get("level", "must")
        candidates = [e for e in events if e.type == g["type"] and e.id not in used]
        scored = sorted(((_event_agreement(g, e, matched), e) for e in candidates),
                        key=lambda x: -x[0][0])
        if not scored or scored[0][0][0] <= 0:
            section.add(level, "missed", f"{g['id']}: {g['what']}")
            continue
        (points, problems), best = scored[0]
        used.add(best.id)
        status = "wrong" if problems else "found"
        when = f"{best.when.start}..{best.when.end} ({best.when.precision})"
        detail = f"-> {best.type}/{best.sub_type} {when} f={best.fatalities} " \
                 f"hist={best.historical}" + (f": {'; '.join(problems)}" if problems else "")
        section.add(level, status, f"{g['id']}: {g['what']}", detail)
    return section


def _event_agreement(g, e, matched) -> tuple[int, list[str]]:
    points, problems = 0, []
    for side in ("actor1", "actor2"):
        want = g.get(side)
        if want is None:
            continue
        ours = getattr(e, side)
        target = matched.get(want)
        ok = target is not None and ours == target.id or target is None and ours and \
            norm(want) in norm(ours.replace("-", " "))
        points += 2 if ok else 0
        if not ok:
            problems.append(f"{side} {ours!r}, gold {want!r}")
    if "fatalities" in g:
        if e.fatalities == g["fatalities"]:
            points += 1
        else:
            problems.append(f"fatalities {e.fatalities}, gold {g['fatalities']}")
    if bool(e.historical) != bool(g.get("historical", False)):
        problems.append(f"historical {e.historical}, gold {g.get('historical')}")
    else:
        points += 1
    gd = g.get("date") or {}
    if gd:
        start, end = _as_date(gd.get("start")), _as_date(gd.get("end"))
        if e.when.start and e.when.end and start and end and e.when.start <= end and start <= e.when.end:
            points += 2
            if (e.when.start, e.when.end) != (start, end):
                problems.append(f"date {e.when.start}..{e.when.end}, gold {start}..{end}")
        else:
            problems.append(f"date {e.when.start}..{e.when.end}, gold {start}..{end}")
    if g.get("sub_type") and e.sub_type != g["sub_type"]:
        problems.append(f"sub_type {e.sub_type!r}, gold {g['sub_type']!r}")
    loc = g.get("location") or {}
    if loc.get("country") and (e.place is None or e.place.country != loc["country"]):
        problems.append(f"place {getattr(e.place, 'name', None)!r} "
                        f"({getattr(e.place, 'country', None)}), gold country {loc['country']}")
    return points, problems


def _as_date(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# ---- claims -----------------------------------------------------------------------------------

def _content(text: str) -> set[str]:
    return {w for w in norm(text).split() if w not in STOP and len(w) > 2}


def _claims(gold_claims, claims) -> Section:
    section = Section("claims")
    statements = [c for c in claims if c.kind == "statement"]
    for g in gold_claims:
        level = g.get("level", "must")
        want = _content(g["text"])
        best, overlap = None, 0.0
        for c in statements:
            share = len(want & _content(c.value.get("text", ""))) / max(1, len(want))
            if share > overlap:
                best, overlap = c, share
        if best is None or overlap < 0.6:
            section.add(level, "missed", g["text"][:70])
            continue
        problems = []
        if norm(best.source or "") != norm(g["attributed_to"]):
            problems.append(f"source {best.source!r}, gold {g['attributed_to']!r}")
        if g.get("hedged") and not best.hedged:
            problems.append("not marked hedged")
        section.add(level, "wrong" if problems else "found", g["text"][:70],
                    f"<- {best.source}" + (f": {'; '.join(problems)}" if problems else ""))
    return section


# ---- places -----------------------------------------------------------------------------------

def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _places(gold_places, places) -> Section:
    section = Section("places")
    for g in gold_places:
        level = g.get("level", "must")
        hits = [p for p in places if norm(g["name"]) in (norm(p.name), norm(p.text or ""))
                or norm(g["name"]) in norm(p.name).split()]
        if not hits:
            section.add(level, "missed", g["name"])
            continue
        p = hits[0]
        problems = []
        if g.get("country") and p.country != g["country"]:
            problems.append(f"country {p.country}, gold {g['country']}")
        if "lat" in g and p.lat is not None:
            d = km(g["lat"], g["lon"], p.lat, p.lon)
            if d > 25:
                problems.append(f"{d:.0f} km from gold")
        elif "lat" in g:
            problems.append("no coordinates")
        section.add(level, "wrong" if problems else "found", g["name"],
                    f"-> {p.name} ({p.country}) {p.lat},{p.lon}" +
                    (f": {'; '.join(problems)}" if problems else ""))
    return section


# ---- never ------------------------------------------------------------------------------------

def _never(gold, actors, events, claims, places, matched) -> Section:
    """The gold's `never` list, checked by what each kind of mistake looks like in records."""
    section = Section("never")
    published = _as_date((gold.get("article") or {}).get("published"))
    for g in gold.get("events", []):
        if not g.get("historical"):
            continue
        bad = [e for e in events if e.type == g["type"] and not e.historical
               and _event_agreement(g, e, matched)[0] >= 3 and published
               and e.when.start and e.when.start.year == published.year]
        section.add("never", "wrong" if bad else "found",
                    f"no current-year event for background {g['id']}",
                    "; ".join(e.summary for e in bad))
    for g in gold.get("actors", []):
        names = {norm(n) for n in _proper([g["name"], *g.get("aliases", []), *g.get("mentions", [])])}
        holders = {a.id for a in actors if _names(a) & names}
        if len(names) > 1:
            section.add("never", "wrong" if len(holders) > 1 else "found",
                        f"{g['name']}: one actor for all its names", ", ".join(sorted(holders)))
    for g in gold.get("places", []):
        if not g.get("country"):
            continue
        bad = [p for p in places if norm(p.name) == norm(g["name"]) and p.country != g["country"]]
        if bad:
            section.add("never", "wrong", f"{g['name']} outside {g['country']}",
                        ", ".join(f"{p.name} ({p.country})" for p in bad))
    event_sentences = {c.sentence for c in claims if c.kind == "event"}
    for g in gold.get("claims", []):
        want = _content(g["text"])
        bad = [s for s in event_sentences if len(want & _content(s)) / max(1, len(want)) >= 0.8]
        section.add("never", "wrong" if bad else "found", f"claim not an event: {g['text'][:50]}")
    return section


def render(sections: list[Section]) -> list[str]:
    lines = []
    for s in sections:
        header = [f"{lvl} {a}/{b}" for lvl in ("must", "should", "never")
                  for a, b in [s.score(lvl)] if b]
        lines.append(f"== {s.name}: " + ", ".join(header))
        for level, status, label, detail in s.rows:
            lines.append(f"  [{level:6}] {status:6} {label}  {detail}".rstrip())
    return lines
