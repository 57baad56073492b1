"""``wirecoder evaluate SET GOLD``: the evaluators of ``evaluate/`` as one command (thin:
parse, call ``evaluate.run``, print). ``wirecoder evaluate all DATA`` is ``make eval``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import UsageError

SETS = ("seed", "wikievents", "tempeval", "geowebnews", "lgl", "isaf", "case2021", "noise",
        "ucdp", "articles", "all")


def add_parser(command) -> None:
    p = command("evaluate", evaluate_cmd, "score wirecoder against annotated data (one set, or "
                "`all` for the scoreboard)")
    p.add_argument("dataset", choices=SETS, metavar="SET",
                   help="seed (the --db store against gold.yaml), wikievents, tempeval, "
                        "geowebnews, lgl, isaf, case2021, noise, ucdp (actor names of the UCDP "
                        "actor list), articles (a whole-article set: news-articles-dev, "
                        "french-news-dev), or all (every set present "
                        "under the data folder; writes --scoreboard)")
    p.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold file or folder, e.g. ../shared/seed/gold.yaml, "
                        "../shared/data/isaf-dev/isaf_dev.jsonl; for `all`, the data folder "
                        "../shared/data; for `articles`, one set's folder or several (ingested "
                        "into one store, scored per set and for the pairs across sets)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--details", metavar="FILE",
                   help="write one JSON line per scored item (release, snippet, toponym...)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--no-published", action="store_true",
                   help="isaf: give no publication date (measure what the pipeline reads)")
    p.add_argument("--n", type=int, default=2000, help="noise: the first N stories (default 2000)")
    p.add_argument("--judged", metavar="FILE",
                   help="noise: judgements, one 'KEY right|wrong' a line, for precision")
    p.add_argument("--scoreboard", default="docs/scoreboard.md",
                   help="all: where to write the table (default docs/scoreboard.md)")
    p.add_argument("--seed", default="../shared/seed",
                   help="all: the seed folder (article.txt, gold.yaml)")
    p.add_argument("--texts", metavar="PATH", action="append", default=[],
                   help="articles: the rebuilt ingest.jsonl (or its folder) of the set; once "
                        "per set, in the sets' order; default $WIRECODER_TEXTS/SET, else "
                        "../texts/SET")
    p.add_argument("--only", default="", help="all: comma-separated sets to run")


def evaluate_cmd(args, out) -> int:
    from .evaluate import run
    from .evaluate.common import write_details

    if len(args.gold) > 1 and args.dataset != "articles":
        raise UsageError(f"{args.dataset} takes one GOLD; several are for `articles`")
    if args.texts and args.dataset != "articles":
        raise UsageError("--texts is for `articles`")
    for extra in args.gold[1:]:
        if not Path(extra).exists():
            raise UsageError(f"gold data not found: {extra}")
    path = Path(args.gold[0])
    if not path.exists() and args.dataset != "all":  # `all` skips each absent set by name
        raise UsageError(f"gold data not found: {path}")
    if args.dataset == "all":
        from .evaluate.board import board

        only = tuple(s.strip() for s in args.only.split(",") if s.strip())
        results, md = board(path, Path(args.seed), noise_n=args.n, quiet=args.quiet, only=only)
        target = Path(args.scoreboard)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(md) + "\n", encoding="utf-8")
        print("\n".join(md), file=out)
        print(f"wrote {target}", file=sys.stderr)
        return 0
    if args.dataset == "seed":
        result, lines = run.seed(path, db=args.db)
    elif args.dataset in ("geowebnews", "lgl"):
        result, lines = run.geoparse(args.dataset, path, quiet=args.quiet)
    elif args.dataset == "isaf":
        result, lines = run.isaf(path, published=not args.no_published, quiet=args.quiet)
    elif args.dataset == "articles":
        result, lines = run.articles_together(args.gold, texts=args.texts, quiet=args.quiet)
    elif args.dataset == "noise":
        result, lines = run.noise(path, n=args.n, judged=args.judged, quiet=args.quiet)
    else:
        result, lines = getattr(run, args.dataset)(path, quiet=args.quiet)
    if args.details:
        n = write_details(args.details, result.get("rows", []))
        print(f"wrote {n} lines to {args.details}", file=sys.stderr)
    if args.json:
        figures = {k: v for k, v in result.items() if k != "rows"}
        print(json.dumps(figures, indent=1, sort_keys=True, default=str), file=out)
    else:
        for line in lines:
            print(line, file=out)
    return 0
