"""Shared fixtures: one per-article pipeline (the spaCy model and place index load once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    from wirecoder.pipeline import Pipeline

    return Pipeline()
