"""What every dev-set evaluator shares: which events count, where an event sits in its
article, progress bars, the per-item details file and a few small statistics.

Nothing here reads a data set; each set has its own module (``isaf``, ``case2021``, ``lgl``,
``geowebnews``, ``noise``, ...), and ``run`` wires them to the pipeline and the store.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable

from ..folding import name_key
from ..model import Claim, Event


def current(events: Iterable[Event]) -> list[Event]:
    """Events a user counts as having happened now: asserted and not background."""
    return [e for e in events if e.happened and not e.historical]


def positions(claims: Iterable[Claim]) -> dict[str, int]:
    """Event id -> character offset of its first evidence in the article (its position)."""
    out: dict[str, int] = {}
    for c in claims:
        if c.kind == "event":
            out[c.subject] = min(out.get(c.subject, c.start), c.start)
    return out


def by_position(events: Iterable[Event], claims: Iterable[Claim]) -> list[Event]:
    """Events in article order (first evidence offset, then id, a total order)."""
    where = positions(claims)
    return sorted(events, key=lambda e: (where.get(e.id, 1 << 40), e.id))


_DIVISION_WORDS = frozenset({"province", "provinz", "wilayat", "velayat"})


def fold(text: str | None) -> str:
    """Accents, case, punctuation and the word "province" folded: "Kandahār Province",
    "kandahar" and "KANDAHAR" compare equal."""
    return name_key(text, drop=_DIVISION_WORDS)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def progress(total: int, quiet: bool = False, desc: str = ""):
    """A tqdm bar on standard error, or ``None`` when quiet or for a single item."""
    if quiet or total <= 1:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="item", desc=desc, file=sys.stderr, dynamic_ncols=True,
                leave=False)


def write_details(path: str | Path | None, rows: Iterable[dict]) -> int:
    """One JSON object per line (sorted keys, so runs diff cleanly); returns the count."""
    if not path:
        return 0
    n = 0
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n")
            n += 1
    return n
