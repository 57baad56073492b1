"""Connected components over pairs (a union-find forest), shared by the store's merged
actors (``store.query``), event clusters (``store.event_links``) and the batch merge's
partition plan (``batch.merge``)."""

from __future__ import annotations

from typing import Callable, Hashable


def root_finder(parent: dict) -> Callable[[Hashable], Hashable]:
    """``find(x)``: the root of ``x`` in the forest ``parent`` (child -> parent, a root its own
    parent), halving the path as it climbs; an id not yet seen becomes its own root. Union is
    the caller's ``parent[root_a] = root_b``, so each keeps its own rule for which root wins."""
    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    return find
