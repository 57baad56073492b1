"""Extractions to and from JSON, so a worker's output can travel as Parquet rows and be
written to the store by the merge step exactly as ``ingest`` would have written it."""

from __future__ import annotations

import json

from ..model import (Actor, Article, Claim, Event, Extraction, Place, Relation, from_dict,
                     to_dict)


def dumps(extraction: Extraction) -> str:
    return json.dumps(to_dict(extraction), ensure_ascii=False, sort_keys=True, default=str)


def loads(text: str) -> Extraction:
    data = json.loads(text)
    claims = tuple(Claim(**{**c, "value": c["value"]}) for c in data["claims"])
    return Extraction(
        article=from_dict(Article, data["article"]), claims=claims,
        actors=tuple(from_dict(Actor, a) for a in data["actors"]),
        relations=tuple(from_dict(Relation, r) for r in data["relations"]),
        events=tuple(from_dict(Event, e) for e in data["events"]),
        places=tuple(from_dict(Place, p) for p in data["places"]),
        pipeline=tuple(data["pipeline"]), warnings=tuple(data.get("warnings", ())))


def article_dumps(article: Article) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False, sort_keys=True, default=str)


def article_loads(text: str) -> Article:
    return from_dict(Article, json.loads(text))
