"""What the text-level tests share: code one article written for a test, and keep its current
events. Imported by name (``pythonpath = ["tests"]`` in pyproject.toml)."""

from __future__ import annotations

from datetime import date

from wirecoder.model import Article

PUBLISHED = date(2021, 3, 10)  # a Wednesday


def code(pipeline, text: str, published: date = PUBLISHED):
    """The pipeline's result for ``text`` as an article published on ``published``."""
    return pipeline.process(Article.make(text, published=published))


def current(result) -> list:
    """The events that happened and are not a story's background."""
    return [e for e in result.events if e.happened and not e.historical]
