"""Long documents (issue 32): cost linear in length, progress on stderr, a size limit that
says how to raise it. The digest is synthetic (``benchmarks/digest.py``: template paragraphs
with invented towns, dates and tolls)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from wirecoder import pipeline as pipeline_module
from wirecoder.ingest import MAX_BYTES, Rejected, read_paths
from wirecoder.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from digest import digest  # noqa: E402


def seconds(pipeline, text: str) -> float:
    started = time.perf_counter()
    pipeline.process(Article.make(text))
    return time.perf_counter() - started


@pytest.mark.slow
def test_ingest_time_grows_about_linearly(pipeline):
    """A digest four times longer costs less than six times as much (the square would be 16;
    before the fix 12 KB and 48 KB took 5.8 s and 62 s, eleven times)."""
    pipeline.process(Article.make(digest(3, seed=1)))  # indexes and caches loaded first
    short = min(seconds(pipeline, digest(12)), seconds(pipeline, digest(12, seed=2)))
    long = seconds(pipeline, digest(48))
    assert long < 6 * short, f"12 KB: {short:.1f} s, 48 KB: {long:.1f} s"


@pytest.mark.slow
def test_long_article_reports_each_stage_and_extracts_the_same(pipeline, monkeypatch):
    text = digest(4)
    plain = pipeline.process(Article.make(text))
    lines: list[str] = []
    monkeypatch.setattr(pipeline_module, "LONG_CHARS", 1000)
    monkeypatch.setattr(pipeline, "progress", lines.append)
    reported = pipeline.process(Article.make(text, origin="digest.txt"))
    assert (reported.claims, reported.events) == (plain.claims, plain.events)
    assert len(lines) == len(pipeline.nlp.pipeline) + 2
    assert lines[0].startswith("digest.txt (4 KB): tok2vec done (1/")
    assert "parser done" in " ".join(lines) and "sentences" in " ".join(lines)
    assert lines[-1].startswith("digest.txt (4 KB): normalize and resolve done")


@pytest.mark.slow
def test_short_article_reports_nothing(pipeline, monkeypatch):
    lines: list[str] = []
    monkeypatch.setattr(pipeline, "progress", lines.append)
    pipeline.process(Article.make(digest(2)))
    assert lines == []


def test_over_the_size_limit_names_the_option(tmp_path):
    big = tmp_path / "digest.txt"
    big.write_text("Gunmen killed three people in Kano on Monday. " * (MAX_BYTES // 40))
    [item] = read_paths([big])
    assert isinstance(item, Rejected)
    assert "--max-bytes" in str(item.error) and f"{MAX_BYTES:,}-byte limit" in str(item.error)


def test_default_limit_runs_in_minutes():
    """1 MB: spaCy's own limit of one Doc (a longer text is parsed in parts), a few minutes
    of ingest (``benchmarks/bench_long.py``)."""
    from wirecoder import cli

    assert MAX_BYTES == cli.MAX_BYTES == 1_000_000
