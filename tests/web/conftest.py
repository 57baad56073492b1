"""A database to serve: the seed article when ../shared is beside the project (read in
place, never copied), else the shipped examples. Built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"


@pytest.fixture(scope="session")
def served_db(tmp_path_factory) -> Path:
    from wirecoder.cli import main

    path = tmp_path_factory.mktemp("web") / "served.db"
    if SEED.exists():
        args = [str(SEED), "--published", "2018-02-07", "--outlet", "Reuters", "--title",
                "Al Qaeda trying to regroup in Tunisia after Islamic State setbacks"]
    else:
        args = [str(ROOT / "examples")]
    assert main(["ingest", *args, "--db", str(path), "--quiet"]) == 0
    assert main(["ingest", str(ROOT / "examples"), "--db", str(path), "--quiet"]) == 0
    return path
