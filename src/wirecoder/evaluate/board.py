"""``make eval``: every dev set that is present, scored by the same code as
``wirecoder evaluate SET``, and one table of headline figures, ``docs/scoreboard.md``, with
the date (UTC) and commit. A set whose data is absent is skipped with a message.

The published anchors beside the figures: CASE 2021 task 2 weighted F1 0.839 (best system,
Haneczok et al. 2021); LGL 82.7 % within 161 km and GeoWebNews 94.1 % (Mordecai3, Halterman
2023); TempEval-3 value F1 0.776 (HeidelTime, UzZaman et al. 2013).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from . import run

SETS = {  # name -> path under the data folder
    "wikievents": "wikievents-dev/dev.jsonl",
    "tempeval": "tempeval3-train",
    "geowebnews": "geowebnews/GWN.xml",
    "lgl": "lgl/lgl.xml",
    "isaf": "isaf-dev/isaf_dev.jsonl",
    "case2021": "case2021-task2-dev/case2021_task2_dev.tsv",
    "noise": "reuters21578/reuters21578.jsonl",
    "ucdp": "ucdp-actors/ucdp-actor-221.csv",
    "news-articles-dev": "news-articles-dev",  # texts rebuilt outside the repo (run.texts_for)
    "french-news-dev": "french-news-dev",
}


def _seed(seed_dir: Path, pipeline) -> tuple[dict, list[str]]:
    """Ingest the seed article with its gold's metadata into a fresh store, then score."""
    import yaml

    from ..ingest import article_from_record
    from ..pipeline import ingest
    from ..store import Store

    gold = yaml.safe_load((seed_dir / "gold.yaml").read_text(encoding="utf-8"))
    meta = {k: v for k, v in (gold.get("article") or {}).items()
            if k in ("title", "outlet", "published", "dateline", "language")}
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="wirecoder-seed-") as folder:
        db = Path(folder) / "seed.db"
        with Store(db) as store:
            ingest([article_from_record({"text": text, **meta}, origin="seed")], store, pipeline)
        return run.seed(seed_dir / "gold.yaml", db=db)


def headline(name: str, r: dict) -> list[tuple[str, str, str]]:
    """(measure, figure, published anchor or target) rows for the scoreboard."""
    f = "{:.3f}".format
    if name == "seed":
        s = r["sections"]
        must = [sum(v["must"][i] for v in s.values()) for i in (0, 1)]
        never = s.get("never", {}).get("never", [0, 0])
        return [("must items found", f"{must[0]}/{must[1]}", "all"),
                ("never items respected", f"{never[0]}/{never[1]}", "all")]
    if name == "wikievents":
        return [("event detection F1", f(r["f1"]), "0.77 or more"),
                ("arguments F1", f(r["arg_f1"]), ""),
                ("events per gold occurrence", f"{r['events_per_occurrence']:.2f}", "1.00")]
    if name == "tempeval":
        rows = []
        for t, s in r["types"].items():
            p, vr = r["precision"], s["value_recall"]
            vp = p * s["value_accuracy"]
            rows.append((f"{t} value F1", f(2 * vp * vr / (vp + vr) if vp + vr else 0.0),
                         "HeidelTime 0.776 (all types)" if t == "DATE" else ""))
        return rows
    if name in ("geowebnews", "lgl"):
        anchor = "Mordecai3 0.941" if name == "geowebnews" else "Mordecai3 0.827"
        return [("within 161 km (gold spans)", f(r["within_161km"]), anchor),
                ("population baseline, within 161 km", f(r["baseline"]["within_161km"]), ""),
                ("exact GeoNames id", f(r["exact_geonames"]), ""),
                ("AUC of log error (lower is better)", f(r["auc"]), ""),
                ("recognition F1 (exact spans)", f(r["recognition"]["exact"][2]), "")]
    if name == "isaf":
        m = r.get("merges") or {}
        return [("event found", f(r["event_found"]), ""),
                ("start date exact", f(r["date_exact"]), ""),
                ("start date exact, releases whose dateline gives a day",
                 f(r.get("date_exact_dated", 0.0)), "0.85"),
                ("province right", f(r["province"]), "0.85"),
                ("target groups found", f(r["groups"]), "0.85"),
                ("event type, first event", f(r["type_first"]), "0.92"),
                ("captured exact", f(r["captured_exact"]), "0.75"),
                ("killed exact", f(r["killed_exact"]), ""),
                ("false merges (stored events)", f"{m.get('false_merges', 0)} of "
                 f"{m.get('merged_events', 0)}", "0")]
    if name == "case2021":
        return [("weighted F1, 25 ACLED classes", f(r["acled"]["weighted_f1"]), "best 0.839; 0.70"),
                ("macro F1, 25 ACLED classes", f(r["acled"]["macro_f1"]), ""),
                ("weighted F1, all 30 classes", f(r["all"]["weighted_f1"]), ""),
                ("no event on ACLED snippets", f(r["no_event_rate"]), "0.10 or less"),
                ("out-of-scope snippets with no event", f(r["outside_no_event"]), "0.80")]
    if name in ARTICLE_SETS:
        h = r["halves"]
        both = lambda k, fmt=f: f"{fmt(r[k])} (odd {fmt(h['odd'][k])}, even {fmt(h['even'][k])})"
        count = lambda k: both(k, str)
        return [("event precision", both("precision"), "0.85"),
                ("event recall", both("recall"), "0.88"),
                ("repeats in one article", count("repeats"), "3 or fewer"),
                ("background coded as current", count("background_as_current"), "2 or fewer"),
                ("cross-article pair recall", f"{both('pair_recall')}, {r['pairs_merged']}/"
                 f"{r['pairs']}", "0.85"),
                ("false merges", count("false_merges"), "0"),
                ("stored events per gold incident",
                 both("stored_per_incident", "{:.2f}".format), "1.15 or fewer"),
                *[(f"{k} right (matched events)", f(r["fields"].get(k, 0.0)), "")
                  for k in ("type", "date", "place_50km", "fatalities", "actor1")]]
    if name == "ucdp":
        return [("names recognised as an armed group (circular: the gazetteer is built from "
                 "this list)", f(r["recognised"]), "0.95"),
                ("short and full name -> one actor", f(r["short_equals_full"]), "0.90"),
                ("UCDP actors merged with another", f(r["merged"]), "0.01 or less")]
    if name == "noise":
        return [(f"events per 1,000 stories (first {r['stories']})", f"{r['per_1000']:.1f}", ""),
                ("stories with an event", str(r["stories_with_events"]), "")]
    return []


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10, cwd=Path(__file__).parent)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10,
                               cwd=Path(__file__).parent).stdout.strip()
        return out.stdout.strip() + ("+changes" if dirty else "") if out.returncode == 0 \
            else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


ARTICLE_SETS = ("news-articles-dev", "french-news-dev")


def board(data: Path, seed_dir: Path, *, noise_n: int = 2000, quiet: bool = False,
          only: tuple[str, ...] = ()) -> tuple[dict, list[str]]:
    """Run every present set; returns ({set: result}, the scoreboard's markdown lines)."""
    from ..pipeline import Pipeline

    pipeline = Pipeline()
    results, rows, skipped, seconds = {}, [], [], {}
    names = ["seed", *SETS]
    for name in names:
        if only and name not in only:
            continue
        started = time.perf_counter()
        if name == "seed":
            if not (seed_dir / "gold.yaml").exists():
                skipped.append(f"seed: {seed_dir / 'gold.yaml'} not found")
                continue
            result, lines = _seed(seed_dir, pipeline)
        else:
            path = data / SETS[name]
            if not path.exists():
                skipped.append(f"{name}: {path} not found")
                print(f"skipping {name}: {path} not found", file=sys.stderr)
                continue
            if name in ARTICLE_SETS and run.texts_for(path) is None:
                skipped.append(f"{name}: texts not rebuilt (see {path / 'README.md'}; "
                               f"${run.TEXTS_ENV})")
                print(f"skipping {name}: texts not rebuilt (see {path / 'README.md'}; point "
                      f"${run.TEXTS_ENV} at the folder holding {name}/OUT/ingest.jsonl)",
                      file=sys.stderr)
                continue
            print(f"evaluating {name} ...", file=sys.stderr)
            kwargs = {"quiet": quiet}
            if name in ("isaf", "case2021", "noise", "wikievents", "ucdp", *ARTICLE_SETS):
                kwargs["pipeline"] = pipeline
            if name == "noise":
                kwargs["n"] = noise_n
            runner = run.geoparse if name in ("geowebnews", "lgl") else \
                run.articles if name in ARTICLE_SETS else getattr(run, name)
            result, lines = runner(name, path, **kwargs) if name in ("geowebnews", "lgl") \
                else runner(path, **kwargs)
        seconds[name] = time.perf_counter() - started
        results[name] = result
        for measure, figure, anchor in headline(name, result):
            rows.append(f"| {name} | {measure} | {figure} | {anchor} |")
        for line in lines[:8]:
            print(f"  {line}", file=sys.stderr)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = ["# Scoreboard", "",
          f"Made by `make eval` on {now} at commit {commit()}. Every figure comes from "
          "`wirecoder evaluate SET` on the dev data in `../shared/data` (see "
          "docs/evaluation.md for the commands and docs/figures.md for the history); the last column gives the published anchor or this "
          "round's target.", "",
          "| set | measure | figure | anchor / target |", "|---|---|---|---|", *rows, ""]
    md.append("Seconds per set: " + ", ".join(f"{k} {v:.0f}" for k, v in seconds.items()) + ".")
    if skipped:
        md += ["", "Skipped (data absent): " + "; ".join(skipped) + "."]
    return results, md
