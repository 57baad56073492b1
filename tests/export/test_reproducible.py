"""Reproducible output: every export of one store is byte-identical from run to run, and the
same articles stored in any order export byte for byte the same (actor and event merges
included: a canonical actor or event does not depend on which report came first).

``fixtures/repro_reports.jsonl``: 60 made-up reports written for this test, four wordings of
each of 15 attacks (names, places and dates varied), where officials are named in full in one
report and by surname in another, and spellings differ only in case ("al-Shabaab")."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wirecoder.export import FORMATS, export, export_parquet
from wirecoder.model import Actor, Article, Event, Extraction, When, stable_id
from wirecoder.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "repro_reports.jsonl"
SRC = Path(__file__).resolve().parents[2] / "src"


def exports(db: Path, tmp: Path) -> dict[str, bytes]:
    """Every format's bytes: text formats by name, parquet tables as ``parquet/<table>``."""
    out = {}
    with Store(db, readonly=True) as store:
        for fmt in FORMATS:
            buffer = io.StringIO()
            export(store, fmt, buffer)
            out[fmt] = buffer.getvalue().encode("utf-8")
        for path in export_parquet(store, tmp / f"{db.stem}-parquet"):
            out[f"parquet/{path.name}"] = path.read_bytes()
    return out


def one_article(actor: Actor, text: str) -> Extraction:
    article = Article.make(text, published=date(2021, 3, 10), title=text)
    event = Event(stable_id(article.id, "event", 0), "Battles", "Armed clash",
                  When(date(2021, 3, 8), date(2021, 3, 8), "day"), actor1=actor.id)
    return Extraction(article, (), (actor,), (), (event,))


def test_aliases_that_differ_only_in_case_export_the_same_in_every_process(tmp_path):
    """Sets iterate in a per-process order (PYTHONHASHSEED): three processes, one file."""
    db = tmp_path / "w.db"
    spellings = ("al-Shabaab", "Al-Shabaab", "AL-SHABAAB", "al-shabaab", "Al-shabaab")
    with Store(db) as store:
        store.write(one_article(Actor("al-shabaab", "Al Shabaab", "armed group", "SO",
                                      spellings), "Fighting near Afgoye."))
    found = set()
    for seed in ("1", "2", "3"):
        for fmt in ("jsonl", "ftm"):
            out = tmp_path / f"{seed}.{fmt}"
            subprocess.run([sys.executable, "-m", "wirecoder.cli", "export", "--db", str(db),
                            "--format", fmt, "-o", str(out)], check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed,
                                "PYTHONPATH": os.pathsep.join(filter(None, (
                                    str(SRC), os.environ.get("PYTHONPATH"))))})
            found.add((fmt, out.read_bytes()))
    assert len(found) == 2  # one file per format
    [actor] = [json.loads(line)["record"] for line in dict(found)["jsonl"].splitlines()
               if json.loads(line)["table"] == "actor"]
    assert actor["aliases"] == sorted(spellings, key=lambda s: (s.casefold(), s))


@pytest.mark.slow
def test_sixty_articles_in_three_orders_export_byte_for_byte_the_same(pipeline, tmp_path):
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 60
    # the pipeline reads one article at a time; what depends on order is the store
    extractions = [pipeline.process(Article.make(
        r["text"], outlet=r["outlet"], title=r["title"],
        published=date.fromisoformat(r["published"]))) for r in records]
    orders = [extractions, extractions[::-1],
              random.Random(3).sample(extractions, len(extractions))]
    results = []
    for i, order in enumerate(orders):
        db = tmp_path / f"order{i}.db"
        with Store(db) as store:
            for x in order:
                assert store.write(x)
        results.append(exports(db, tmp_path))
    for fmt in results[0]:
        assert results[1][fmt] == results[0][fmt], f"{fmt}: reversed order differs"
        assert results[2][fmt] == results[0][fmt], f"{fmt}: shuffled order differs"
    with Store(tmp_path / "order0.db", readonly=True) as store:
        evans = store.actor("Evans")
        assert (evans.id, evans.name) == ("daniel-evans", "Daniel Evans")
        assert len(store.events(historical=False)) < len(store.events(historical=False,
                                                                       merged=False))
