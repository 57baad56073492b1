"""``POST /api/ingest``: paste an article, get what was found; ``POST /api/judgements``: an
analyst merges or splits two events. Off unless the server was
started with ``--allow-ingest``; the pipeline loads on first use and is reused. ``guard.py``
refuses a write (read-only server, missing token, body over the limit) before its body is
read; the read-only check here is a second line."""

from __future__ import annotations

import threading
from datetime import date

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from ..errors import InputError
from . import params as p

router = APIRouter(prefix="/api")
_lock = threading.Lock()  # one writer at a time; SQLite would serialise anyway


class PastedArticle(BaseModel):
    text: str = Field(..., min_length=1, max_length=p.MAX_BODY)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: date | None = None
    dateline: str | None = Field(None, max_length=200)
    update: bool = Field(False, description="replace the stored article of the same text "
                         "(a corrected date or title) and everything derived from it")
    language: str | None = Field(None, max_length=8, description="ISO 639-1 code; "
                                 "default: detected from the text")


@router.post("/ingest", summary="Ingest one pasted article (only with --allow-ingest)")
def ingest(request: Request, body: PastedArticle):
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "this server is read-only; start it with --allow-ingest")
    from ..ingest.text import article_from_text
    from ..pipeline import Pipeline, ingest as run
    from ..store import Store

    from ..errors import OutOfRange
    from ..limits import date_problem

    meta = {k: v for k, v in body.model_dump().items()
            if k not in ("text", "update") and v is not None}
    warnings = []
    problem = date_problem(meta.get("published"))
    if problem:  # a date no article has (9999-12-31): stored without it, and said so
        del meta["published"]
        warnings.append(str(OutOfRange(f"published: {problem}; stored with an unknown date",
                                       origin="api")))
    try:
        article = article_from_text(body.text, origin="api", meta=meta)
    except InputError as exc:  # say why, in one line
        raise HTTPException(400, str(exc)) from None
    with _lock:
        if getattr(request.app.state, "pipeline", None) is None:
            request.app.state.pipeline = Pipeline()
        with Store(request.app.state.db) as s:
            summary = run([article], s, request.app.state.pipeline, update=body.update)
    if summary.rejected:
        raise HTTPException(400, summary.rejected[0][1])
    return {"article_id": article.id, "stored": summary.stored,
            "already_stored": summary.unchanged, "events": summary.events,
            "warnings": warnings + [reason for _, reason in summary.warnings]}


class Judgement(BaseModel):
    event_a: str = Field(..., min_length=1, max_length=64)
    event_b: str = Field(..., min_length=1, max_length=64)
    verdict: str = Field(..., pattern="^(merged|split)$")
    by: str = Field(..., min_length=1, max_length=200)
    why: str = Field("", max_length=2000)


@router.post("/judgements", summary="Merge or split two events (only with --allow-ingest)")
def judge(request: Request, body: Judgement):
    """Record an analyst's judgement that two events (report ids) are one (``merged``) or two
    (``split``), with who and why (``store.event_links.judge``); 400 when an event is unknown
    or a split forbids the merge; 403 on a read-only server."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "this server is read-only; start it with --allow-ingest")
    from ..store import Store

    with _lock, Store(request.app.state.db) as s:
        try:
            touched = s.judge_events(body.event_a, body.event_b, body.verdict, body.by, body.why)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
    return {"verdict": body.verdict, "events": sorted(touched)}
