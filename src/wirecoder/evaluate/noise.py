"""Noise: events coded on news that is mostly *not* about conflict (Reuters-21578, the 1987
business and economic wire). Every event there is either one of the few real ones (a little
conflict news runs on the wire) or noise in every count, map and trend a user makes.

Reports current events (asserted, not background) per 1,000 stories, each listed with its id,
an evidence key, type, evidence sentence and story title so a person can judge it. A judged
file (one line each: ``KEY right`` or ``KEY wrong``; KEY an event id or an evidence key;
``#`` starts a comment) gives precision, so it can be tracked as the code changes. The
evidence key (:func:`evidence_key`) depends only on the story and the sentence, so judgements
survive changes that renumber events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import stable_id


@dataclass
class Coded:
    """One event coded on one story."""

    story: str  # the story's origin (file:line) or id
    title: str
    event_id: str
    type: str
    sub_type: str
    sentence: str
    current: bool

    @property
    def key(self) -> str:
        return evidence_key(self.title, self.sentence)


def evidence_key(title: str, sentence: str) -> str:
    """A 12-hex key of (story title, evidence sentence), folded for spaces."""
    return stable_id("noise", " ".join((title or "").split()), " ".join(sentence.split()),
                     length=12)


def read_judged(path: str | Path) -> dict[str, bool]:
    """``KEY right|wrong`` per line -> {key: right?}. ``ValueError`` names a bad line."""
    out = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2 or parts[1].lower() not in ("right", "wrong"):
            raise ValueError(f"{path}:{number}: expected 'KEY right' or 'KEY wrong'")
        out[parts[0]] = parts[1].lower() == "right"
    return out


def score(stories: int, coded: list[Coded], judged: dict[str, bool] | None = None) -> dict:
    current = [c for c in coded if c.current]
    result = {"stories": stories, "events": len(current), "events_all": len(coded),
              "per_1000": 1000 * len(current) / stories if stories else 0.0,
              "by_type": Counter(c.sub_type for c in current).most_common(),
              "stories_with_events": len({c.story for c in current})}
    if judged is not None:
        verdicts = [judged.get(c.key, judged.get(c.event_id)) for c in current]
        right = sum(v is True for v in verdicts)
        wrong = sum(v is False for v in verdicts)
        result["judged"] = {"right": right, "wrong": wrong,
                            "unjudged": sum(v is None for v in verdicts),
                            "precision": right / (right + wrong) if right + wrong else None}
    result["rows"] = [{"key": c.key, "event": c.event_id, "story": c.story, "title": c.title,
                       "type": c.type, "sub_type": c.sub_type, "sentence": c.sentence,
                       "current": c.current} for c in coded]
    return result


def render(result: dict, listing: int = 60) -> list[str]:
    lines = [f"noise: {result['events']} current events on {result['stories']} stories "
             f"({result['per_1000']:.1f} per 1,000 stories; {result['stories_with_events']} "
             f"stories with an event; {result['events_all']} events of any status)"]
    if result["by_type"]:
        lines.append("  by sub-type: " + ", ".join(f"{t} {n}" for t, n in result["by_type"]))
    j = result.get("judged")
    if j:
        p = "n/a" if j["precision"] is None else f"{j['precision']:.3f}"
        lines.append(f"  judged: {j['right']} right, {j['wrong']} wrong, {j['unjudged']} not "
                     f"judged; precision {p}")
    shown = [r for r in result["rows"] if r["current"]][:listing]
    for r in shown:
        lines.append(f"  {r['key']}  {r['sub_type']:34} {r['title'][:50]!r}: "
                     f"{' '.join(r['sentence'].split())[:140]}")
    if result["events"] > len(shown):
        lines.append(f"  ... {result['events'] - len(shown)} more (--details FILE lists all)")
    return lines
