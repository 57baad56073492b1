"""WikiEvents (Li et al. 2021), dev split: event detection and arguments, at sentence level.

WikiEvents marks every trigger word; wirecoder codes occurrences. So: a gold trigger of a
mapped type counts as *found* when one of our events cites its sentence as evidence; one of
our events counts as *right* when a sentence it cites holds a gold trigger of a mapped type.
Arguments of right events: Attacker/Killer/Injurer/Jailer/Demonstrator against our actor1,
Target/Victim/Detainee against actor2 and the victims' wording, Place against the place; a
value matches when one text contains the other's head word (case-insensitive).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

MAPPED = ("Conflict.Attack", "Conflict.Demonstrate", "Life.Die", "Life.Injure",
          "Justice.ArrestJailDetain")
AGENT_ROLES = frozenset("Attacker Killer Injurer Jailer Demonstrator".split())
PATIENT_ROLES = frozenset("Target Victim Detainee".split())


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    sent_spans: list[tuple[int, int]]
    triggers: list[tuple[int, str, list[tuple[str, str]]]] = field(default_factory=list)
    # (sentence index, event type, [(role, text)])
    groups: list[list[int]] = field(default_factory=list)
    # gold occurrences: indices into ``triggers``, grouped by a shared participant

    @property
    def occurrences(self) -> int:
        return len(self.groups)


def occurrences(events: list[dict], clusters: dict[str, str]) -> int:
    """How many occurrences the mapped triggers tell (see ``occurrence_groups``)."""
    return len(occurrence_groups(events, clusters))


def occurrence_groups(events: list[dict], clusters: dict[str, str]) -> list[list[int]]:
    """The occurrences the mapped triggers tell, each a list of indices into ``events`` in
    order. WikiEvents has no event coreference, so triggers are grouped when a participant
    (any role but Place) is the same entity, by the set's entity coreference
    (``coref/dev.jsonlines``): "a bomb killed five; the blast wounded ten" is one
    occurrence, two bombings with different victims two."""
    parent = list(range(len(events)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, event in enumerate(events):
        for arg in event["arguments"]:
            if arg["role"] == "Place":
                continue
            key = clusters.get(arg["entity_id"], arg["entity_id"])
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _clusters(path: Path) -> dict[str, dict[str, str]]:
    """doc id -> entity id -> its coreference cluster's first id (empty if no file)."""
    out: dict[str, dict[str, str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out[record["doc_key"]] = {m: c[0] for c in record["clusters"] for m in c}
    return out


def read_dev(path: str | Path) -> list[GoldDoc]:
    """Sentences joined by newlines (the file's own ``text`` runs them together)."""
    out = []
    coref = _clusters(Path(path).parent / "coref" / "dev.jsonlines")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            parts, spans, at = [], [], 0
            for _tokens, sentence in record["sentences"]:
                spans.append((at, at + len(sentence)))
                parts.append(sentence)
                at += len(sentence) + 1
            doc = GoldDoc(record["doc_id"], "\n".join(parts), spans)
            mapped = [e for e in record["event_mentions"] if e["event_type"].startswith(MAPPED)]
            for event in mapped:
                doc.triggers.append((event["trigger"]["sent_idx"], event["event_type"],
                                     [(a["role"], a["text"]) for a in event["arguments"]]))
            doc.groups = occurrence_groups(mapped, coref.get(record["doc_id"], {}))
            out.append(doc)
    return out


def _sentences(doc: GoldDoc, start: int, end: int) -> set[int]:
    return {i for i, (s, e) in enumerate(doc.sent_spans) if s < end and start < e}


def _match(gold: str, values: list[str]) -> bool:
    g = gold.lower().split()
    head = g[-1] if g else ""
    return any(head and (head in v.lower().split() or gold.lower() in v.lower()
                         or v.lower() in gold.lower() and len(v) > 2) for v in values)


def tellings(doc: GoldDoc, cited: dict[str, set[int]]) -> list[list[str]]:
    """For each gold occurrence (``doc.groups``), the ids of our events that cite a sentence
    holding one of its triggers: none is a missed occurrence, two or more a fragmented one
    (at sentence level, so two occurrences told in one sentence share their events)."""
    out = []
    for group in doc.groups:
        sents = {doc.triggers[i][0] for i in group}
        out.append([eid for eid, s in cited.items() if s & sents])
    return out


def _rows(doc: GoldDoc, x, cited: dict[str, set[int]], told: list[list[str]]) -> list[dict]:
    """One details row per gold occurrence: its sentences and types, and our events on it."""
    sentence = [doc.text[s:e] for s, e in doc.sent_spans]
    events = {e.id: e for e in x.events}
    return [{"doc": doc.doc_id, "occurrence": k, "n_events": len(ids),
             "types": sorted({doc.triggers[i][1] for i in group}),
             "sentences": {s: sentence[s][:300] for s in sorted({doc.triggers[i][0]
                                                                  for i in group})},
             "events": [{"id": i, "type": events[i].sub_type, "trigger": events[i].trigger,
                         "cites": sorted(cited[i]), "fatalities": events[i].fatalities}
                        for i in ids]}
            for k, (group, ids) in enumerate(zip(doc.groups, told))]


def score(docs: list[GoldDoc], extractions: list) -> dict:
    found = gold_total = right = predicted = 0
    arg_gold = arg_pred = arg_gold_hit = arg_pred_hit = 0
    spread: dict[str, int] = {"0": 0, "1": 0, "2+": 0}
    rows: list[dict] = []
    for doc, x in zip(docs, extractions):
        names = {a.id: [a.name, *a.aliases] for a in x.actors}
        cited: dict[str, set[int]] = {}
        for claim in x.claims:
            if claim.kind == "event":
                cited.setdefault(claim.subject, set()).update(
                    _sentences(doc, claim.start, claim.end))
        all_cited = set().union(*cited.values()) if cited else set()
        told = tellings(doc, cited)
        for ids in told:
            spread["0" if not ids else "1" if len(ids) == 1 else "2+"] += 1
        rows.extend(_rows(doc, x, cited, told))
        gold_sents = {s for s, _, _ in doc.triggers}
        gold_total += len(doc.triggers)
        found += sum(1 for s, _, _ in doc.triggers if s in all_cited)
        for event in x.events:
            sents = cited.get(event.id, set())
            predicted += 1
            if not sents & gold_sents:
                continue
            right += 1
            agents = names.get(event.actor1, [])
            patients = [*names.get(event.actor2, []), *event.counts_text,
                        *(n for a in event.assoc_actors for n in names.get(a, []))]
            place = [event.place.name, event.place.text] if event.place else []
            ours = {"agent": agents, "patient": patients, "place": place}
            gold_args = {"agent": [], "patient": [], "place": []}
            for s, _, args in doc.triggers:
                if s in sents:
                    for role, text in args:
                        slot = "agent" if role in AGENT_ROLES else "patient" \
                            if role in PATIENT_ROLES else "place" if role == "Place" else None
                        if slot:
                            gold_args[slot].append(text)
            for slot in ours:
                values = [v for v in ours[slot] if v]
                if values:
                    arg_pred += 1
                    arg_pred_hit += any(_match(g, values) for g in gold_args[slot])
                for g in dict.fromkeys(gold_args[slot]):
                    arg_gold += 1
                    arg_gold_hit += _match(g, values)
    p = right / predicted if predicted else 0.0
    r = found / gold_total if gold_total else 0.0
    ap = arg_pred_hit / arg_pred if arg_pred else 0.0
    ar = arg_gold_hit / arg_gold if arg_gold else 0.0
    gold_occurrences = sum(d.occurrences for d in docs)
    return {"documents": len(docs), "gold_triggers": gold_total, "events": predicted,
            "gold_occurrences": gold_occurrences,
            "events_per_occurrence": predicted / gold_occurrences if gold_occurrences else 0.0,
            "occurrences_by_events": spread, "rows": rows,
            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "arg_precision": ap, "arg_recall": ar,
            "arg_f1": 2 * ap * ar / (ap + ar) if ap + ar else 0.0}


def render(result: dict) -> list[str]:
    return [f"{result['documents']} documents, {result['gold_triggers']} gold triggers of the "
            f"mapped types, {result['events']} events coded",
            f"events per gold occurrence: {result['events_per_occurrence']:.2f} "
            f"({result['gold_occurrences']} occurrences: triggers sharing a participant)",
            "occurrences told by 0 / 1 / 2+ of our events: "
            + " / ".join(str(result["occurrences_by_events"][k]) for k in ("0", "1", "2+")),
            f"event detection (sentence level): P {result['precision']:.3f}  "
            f"R {result['recall']:.3f}  F1 {result['f1']:.3f}",
            f"arguments (Attacker/Target/Victim/Place): P {result['arg_precision']:.3f}  "
            f"R {result['arg_recall']:.3f}  F1 {result['arg_f1']:.3f}"]
