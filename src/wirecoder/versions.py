"""Versions of one article: the same text (so the same id) with other metadata, a corrected
date or title, or one wire story under two outlets' titles. ``ingest`` compares a version
with the stored article (``differences``) and, within one run, takes the versions of a text
in a total order (``version_order``, ``first_versions``), so what is stored does not depend on
the order the inputs came in.
"""

from __future__ import annotations

from typing import Iterable

from .model import Article

# the metadata a re-ingest compares with the stored article (``origin``, where it was read
# from, is not the article's)
META = ("title", "published", "outlet", "url", "dateline", "language")


def version_order(article: Article) -> tuple:
    """A total order over versions of one text (the same id, other metadata): dated first,
    then by date, title, outlet, url, dateline, language, origin. Within a run the first
    version is the one stored, whatever the order the inputs came in."""
    return (article.published is None, str(article.published or ""),
            *("" if getattr(article, f) is None else str(getattr(article, f))
              for f in META if f != "published"), article.origin or "")


def differences(stored: Article, given: Article) -> list[str]:
    """The metadata ``given`` sets to something else than ``stored`` has, as
    ``title: 'Old' stored, 'New' given``; a field ``given`` leaves empty is no difference."""
    out = []
    for name in META:
        mine, theirs = getattr(given, name), getattr(stored, name)
        if mine is not None and mine != theirs:
            out.append(f"{name}: {_shown(theirs)} stored, {_shown(mine)} given")
    return out


def _shown(value) -> str:
    return "none" if value is None else repr(str(value))[:80]


def first_versions(items: Iterable) -> list:
    """``items`` with the first version (``version_order``) of each text moved to where that
    text first came, the other versions left where they were: the version stored cannot
    depend on the order of the inputs."""
    items = list(items)
    best: dict[str, Article] = {}
    for item in items:
        if isinstance(item, Article) and (item.id not in best or
                                          version_order(item) < version_order(best[item.id])):
            best[item.id] = item
    out, placed = [], set()
    for item in items:
        if not isinstance(item, Article):
            out.append(item)
            continue
        if item.id not in placed:
            placed.add(item.id)
            out.append(best[item.id])
        if item is not best[item.id]:
            out.append(item)
    return out
