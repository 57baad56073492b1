"""Every record as JSON Lines: ``{"table": ..., "record": {...}}``, one per line, stable order."""

from __future__ import annotations

import json

from ..model import to_dict


def write_jsonl(store, out) -> None:
    def emit(table, record):
        out.write(json.dumps({"table": table, "record": record}, ensure_ascii=False,
                             sort_keys=True, default=str) + "\n")

    for article in store.articles():
        emit("article", {k: v for k, v in to_dict(article).items() if k != "text"})
    for actor in store.actors():
        emit("actor", to_dict(actor))
    for relation in store.relations():
        emit("relation", to_dict(relation))
    for event in store.events():
        emit("event", to_dict(event))
    for claim in store.claims():
        emit("claim", to_dict(claim))
