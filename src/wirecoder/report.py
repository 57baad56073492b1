"""Human-readable views over the store: the demo report, tables, dossiers. Read-only.

Article text is the input's, byte for byte; every view meant for a terminal (``article_report``,
``show``, ``dossier_lines``, the table of ``write_rows``) passes its lines through
``terminal_safe``, so an escape sequence in an article cannot recolour, move or clear the
user's terminal. JSON and CSV output keep the text as stored.
"""

from __future__ import annotations

import csv
import json
import re
import textwrap

from .model import to_dict

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), and the Unicode
# bidirectional overrides that can make a line display differently from what it holds.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(line: str) -> str:
    """``line`` with control characters removed (tab and newline kept)."""
    return _UNSAFE.sub("", line)


def _when(when) -> str:
    if when is None or not when.resolved:
        return f"unresolved ({when.text!r})" if when is not None and when.text else "no date"
    if when.start == when.end:
        return f"{when.start} (day)"
    return f"{when.start}..{when.end or 'open'} ({when.precision})"


def _place(place) -> str:
    if place is None:
        return "no place"
    where = f"{place.relation} {place.anchor}" if place.anchor and place.relation != "in" \
        else place.name
    coords = f" {place.lat:.2f},{place.lon:.2f}" if place.lat is not None else ""
    admin = f", {place.admin1}" if place.admin1 else ""
    return f"{where}{admin} [{place.country or '?'}]{coords} precision {place.precision}"


def _name(store, key) -> str:
    if not key:
        return "-"
    actor = store.actor(key)
    return actor.name if actor else key


def _quote(text: str, indent: str = "      ") -> list[str]:
    return textwrap.wrap(f"“{' '.join(text.split())}”", width=100, initial_indent=indent,
                         subsequent_indent=indent + " ")


def article_report(store, article_id: str) -> list[str]:
    """Everything found in one article, each fact with its evidence sentence and source."""
    return [terminal_safe(line) for line in _article_report(store, article_id)]


def _article_report(store, article_id: str) -> list[str]:
    article = store.article(article_id)
    if article is None:
        return []
    claims = store.claims(article_id=article_id)
    lines = [f"=== {article.title or article.origin or article.id}  "
             f"[{article.outlet or 'outlet unknown'}, {article.published or 'date unknown'}]"]
    copies = store.reprints(article_id)
    if copies:
        lines.append(f"--- reprint or wire copy of {len(copies)} stored article(s): " + ", ".join(
            f"{(store.article(i).title or i)[:60]} ({score:.2f})" for i, score in copies))
    events = [e for e in store.events(article_id=article_id, merged=False)]
    lines.append(f"--- events ({len(events)})")
    for e in events:
        flag = " HISTORICAL" if e.historical else ""
        mode = "" if e.modality == "asserted" else f" [{e.modality}]"
        lines.append(f"  {e.type} / {e.sub_type}{flag}{mode}  id {e.id}")
        lines.append(f"    when: {_when(e.when)}   where: {_place(e.place)}")
        lines.append(f"    actor1: {_name(store, e.actor1)}   actor2: {_name(store, e.actor2)}"
                     f"   fatalities: {e.fatalities if e.fatalities is not None else '-'}"
                     + (f" ({'; '.join(e.counts_text)})" if e.counts_text else ""))
        for c in [c for c in claims if c.kind == "event" and c.subject == e.id]:
            lines.append(f"    source: {c.source or 'the article'}" + (" (hedged)" if c.hedged else ""))
            lines.extend(_quote(c.sentence))
    actors = {a.id: a for a in store.actors()}
    mentioned = dict.fromkeys(c.subject for c in claims if c.kind == "actor")
    lines.append(f"--- actors ({len(mentioned)})")
    for key in mentioned:
        a = actors.get(key)
        if a is None:
            continue
        aliases = [x for x in a.aliases if x != a.name]
        lines.append(f"  {a.name} [{a.type}{', ' + a.country if a.country else ''}]"
                     + (f"  aka {', '.join(aliases)}" if aliases else "") + f"  id {a.id}")
    relations = [c for c in claims if c.kind == "relation"]
    lines.append(f"--- relations ({len(relations)})")
    for c in relations:
        r = c.value
        since = f" (since {r['valid_from']['start'][:4]})" if r.get("valid_from") and \
            r["valid_from"].get("start") else ""
        if r.get("valid_to"):  # "former", "until 2019": the tie no longer holds
            since += f" (ended: {r['valid_to'].get('text') or 'before publication'})"
        obj = actors[r["object"]].name if r["object"] in actors else r["object"]
        lines.append(f"  {_name(store, r['subject'])} {r['predicate']} {obj}{since}")
        lines.extend(_quote(c.sentence))
    statements = [c for c in claims if c.kind == "statement"]
    lines.append(f"--- attributed claims ({len(statements)})")
    for c in statements:
        lines.append(f"  {c.source}{' (hedged)' if c.hedged else ''} says:")
        lines.extend(_quote(c.value["text"]))
    attributes = [c for c in claims if c.kind == "attribute"]
    if attributes:
        lines.append(f"--- attributes ({len(attributes)})")
        for c in attributes:
            lines.append(f"  {_name(store, c.subject)} {c.value['attribute']}: {c.value['value']}"
                         f"  <- {c.source or 'the article'}")
    places = [c for c in claims if c.kind == "place"]
    lines.append(f"--- places ({len(dict.fromkeys(c.subject for c in places))})")
    seen = set()
    for c in places:
        if c.subject in seen:
            continue
        seen.add(c.subject)
        p = c.value
        coords = f"{p['lat']:.2f},{p['lon']:.2f}" if p.get("lat") is not None else "no point"
        lines.append(f"  {p['name']} [{p.get('country') or '-'}] {coords} "
                     f"precision {p['precision']} (as {p.get('text')!r})")
    return lines


def event_rows(store, **filters) -> list[dict]:
    rows = []
    for e in store.events(**filters):
        rows.append({
            "id": e.id, "type": e.type, "sub_type": e.sub_type,
            "start": str(e.when.start or ""), "end": str(e.when.end or ""),
            "precision": e.when.precision, "place": e.place.name if e.place else "",
            "country": e.place.country if e.place else "", "actor1": _name(store, e.actor1),
            "actor2": _name(store, e.actor2), "fatalities": e.fatalities,
            "historical": e.historical, "modality": e.modality, "sources": e.sources,
        })
    return rows


def actor_rows(store, query, limit) -> list[dict]:
    return [{"id": a.id, "name": a.name, "type": a.type, "country": a.country or "",
             "aliases": "; ".join(x for x in a.aliases if x != a.name)}
            for a in store.actors(query=query, limit=limit)]


def write_rows(rows: list[dict], fmt: str, out) -> None:
    if fmt == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "csv":
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return
    if not rows:
        out.write("(none)\n")
        return
    cols = list(rows[0])
    # an unknown value is an empty cell, never the word None
    cells = [{c: terminal_safe("" if r[c] is None else str(r[c])).replace("\n", " ")
              .replace("\t", " ") for c in cols} for r in rows]
    width = {c: min(40, max(len(c), *(len(r[c]) for r in cells))) for c in cols}
    out.write("  ".join(c.ljust(width[c]) for c in cols).rstrip() + "\n")
    for r in cells:
        out.write("  ".join(r[c][:40].ljust(width[c]) for c in cols).rstrip() + "\n")


def show(store, key: str) -> list[str] | None:
    """An event (by id) or an actor's dossier, as terminal lines; None if ``key`` is neither."""
    lines = _show(store, key)
    return None if lines is None else [terminal_safe(line) for line in lines]


def _show(store, key: str) -> list[str] | None:
    event = store.event(key)
    if event is not None:
        lines = [json.dumps(to_dict(event), ensure_ascii=False, indent=2, default=str)]
        for c in store.event_claims(event):
            lines.append(f"evidence (article {c.article_id}, chars {c.start}-{c.end}), "
                         f"source: {c.source or 'the article'}")
            lines.extend(_quote(c.sentence, "  "))
        return lines
    dossier = store.dossier(key)
    if dossier is None:
        return None
    return _dossier_lines(store, dossier)


def dossier_lines(store, dossier: dict) -> list[str]:
    return [terminal_safe(line) for line in _dossier_lines(store, dossier)]


def _dossier_lines(store, dossier: dict) -> list[str]:
    a = dossier["actor"]
    lines = [f"{a.name}  [{a.type}{', ' + a.country if a.country else ''}]  id {a.id}",
             f"  aliases: {', '.join(a.aliases) or '-'}"]
    for title in ("relations", "events", "attributes"):
        items = dossier.get(title) or []
        lines.append(f"  {title} ({len(items)}):")
        for item in items:
            lines.append(f"    {_dossier_item(store, item)}")
            for c in item.get("claims", []) if isinstance(item, dict) else []:
                lines.append(f"      source: {getattr(c, 'source', None) or 'the article'} "
                             f"(article {getattr(c, 'article_id', '?')})")
                lines.extend(_quote(getattr(c, "sentence", ""), "        "))
    return lines


def _dossier_item(store, item) -> str:
    if isinstance(item, dict):
        record = item.get("relation") or item.get("event") or item.get("claim") or item
    else:
        record = item
    if hasattr(record, "predicate"):
        return f"{_name(store, record.subject)} {record.predicate} {_name(store, record.object)}"
    if hasattr(record, "sub_type"):
        return f"{record.type} / {record.sub_type}  {_when(record.when)}  {record.summary}"
    if hasattr(record, "value"):
        return f"{record.value.get('attribute')}: {record.value.get('value')}"
    return str(record)
