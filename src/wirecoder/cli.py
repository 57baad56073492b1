"""``wirecoder``: thin commands over the library. Each ``*_cmd`` validates and prints; the work
is done by plain functions elsewhere. Output goes to stdout unless ``--output PATH``, which is
written to a temporary file and renamed on success (``output.atomic_output``)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from .errors import UsageError, WirecoderError

# ``ingest.MAX_BYTES``, written out: importing the readers costs every command 0.2 s
# (tests/test_long_documents.py checks that the two agree)
MAX_BYTES = 1_000_000

DESCRIPTION = ("Turn news articles about armed conflict into a database of events and actors,\n"
               "every fact kept with the sentence and the article it came from.")
EPILOG = """\
first steps:
  wirecoder ingest examples --report   read the shipped examples into wirecoder.db
  wirecoder events --country Nigeria   list the events found
  wirecoder serve                      browse them at http://127.0.0.1:8765/

`wirecoder COMMAND --help` lists a command's options."""
# commands whose result is not a stream: serve runs a server, batch writes into --out DIR
NO_OUTPUT = frozenset({"serve", "batch"})
EXPORT_FORMATS = ("jsonl", "acled-csv", "ucdp-csv", "geojson", "ftm", "gexf", "graphml",
                  "parquet")
# an -o file's extension -> the export format it names (.csv is ambiguous: two CSV formats)
EXPORT_EXTENSIONS = {".jsonl": "jsonl", ".geojson": "geojson", ".ftm": "ftm",
                     ".ftm.json": "ftm", ".gexf": "gexf", ".graphml": "graphml"}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if args.func is export_cmd and args.format is None:
        args.format = _export_format(args.output)
        if args.format is None:
            print("wirecoder: export needs --format (" + ", ".join(EXPORT_FORMATS)
                  + ") or an -o file whose extension names one ("
                  + ", ".join(EXPORT_EXTENSIONS) + ")", file=sys.stderr)
            return 2
    if getattr(args, "format", None) == "parquet" and getattr(args, "func", None) is export_cmd:
        args.parquet_dir, args.output = args.output, None  # a directory, not a stream
    from .output import atomic_output

    try:
        with atomic_output(getattr(args, "output", None)) as out:
            return args.func(args, out) or 0
    except WirecoderError as exc:
        print(f"wirecoder: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # "wirecoder export | head": the reader left; not an error
        sys.stderr.close()
        return 0
    except OSError as exc:  # a full disk, a file we may not write: one line, not a traceback
        where = f": {exc.filename}" if exc.filename else ""
        print(f"wirecoder: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("wirecoder: interrupted; everything stored so far is kept", file=sys.stderr)
        return 130


def _export_format(output: str | None) -> str | None:
    """The format an ``-o`` path's extension names (``events.geojson`` -> geojson), or None."""
    name = (output or "").lower()
    return next((fmt for ext, fmt in sorted(EXPORT_EXTENSIONS.items(), key=lambda x: -len(x[0]))
                 if name.endswith(ext)), None)


def _at_least(minimum: int):
    """An argparse type: an integer no smaller than ``minimum`` (``--limit -5`` is refused)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, got {value}")
        return value

    parse.__name__ = "number"  # argparse names the type in its own messages
    return parse


def _port(text: str) -> int:
    """An argparse type: a TCP port, 1-65535 (``--port 99999`` is refused, not a traceback)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, got {value}")
    return value


_port.__name__ = "port"


def build_parser() -> argparse.ArgumentParser:
    from .store import DEFAULT_DB
    from .store.connect import ENV as DB_ENV

    parser = argparse.ArgumentParser(prog="wirecoder", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name, func, help_):
        p = sub.add_parser(name, help=help_, description=help_)
        if name == "batch":  # its store is in --out unless one is named
            p.add_argument("--db", default=os.environ.get(DB_ENV) or None,
                           help="SQLite file or postgresql://user@host/name URL to merge into "
                           f"(default: ${DB_ENV}, else OUT/wirecoder.db)")
        else:
            p.add_argument("--db", default=os.environ.get(DB_ENV) or DEFAULT_DB,
                           help="SQLite file or postgresql://user@host/name URL (default: "
                           f"${DB_ENV}, else {DEFAULT_DB})")
        if name not in NO_OUTPUT:
            p.add_argument("--output", "-o", help="write to this file instead of standard "
                           "output (the file is replaced only when the command succeeds)")
        p.set_defaults(func=func)
        return p

    p = command("ingest", ingest_cmd, "read articles (text, HTML, JSONL, directories) into the database")
    p.add_argument("paths", nargs="+", help="files or directories; - for standard input")
    p.add_argument("--published", help="publication date YYYY-MM-DD (text and HTML files)")
    p.add_argument("--outlet", help="outlet name, e.g. Reuters")
    p.add_argument("--url")
    p.add_argument("--title")
    p.add_argument("--dateline", help="e.g. TUNIS")
    p.add_argument("--language", default=None,
                   help="ISO 639-1 code, e.g. fr (default: the input's own, else detected)")
    p.add_argument("--gazetteer", action="append", default=[],
                   help="extra actor gazetteer YAML (repeatable)")
    p.add_argument("--max-bytes", type=_at_least(1), default=MAX_BYTES,
                   help=f"skip articles larger than this many bytes of text (default "
                        f"{MAX_BYTES:,}, a few minutes of ingest; a longer article is parsed "
                        f"in parts)")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="in folders, follow symbolic links that stay inside the paths given "
                        "(default: links are skipped and listed)")
    p.add_argument("--update", action="store_true",
                   help="an article whose text is stored with other metadata (a corrected "
                   "date or title) replaces the stored one and everything derived from it "
                   "(default: it is refused, W113)")
    p.add_argument("--report", action="store_true",
                   help="print what was found in the articles stored by this run")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = command("events", events_cmd, "list events (one per real-world event, reports from "
                "several articles merged); `events merges` lists the merge judgements, "
                "`events split KEY` undoes one; `events merge ID ID` / `events split ID ID` "
                "record an analyst's judgement that two events are one / two")
    p.add_argument("words", nargs="*", help="`merges`; `split JUDGEMENT-NUMBER-OR-EVENT-ID`; "
                   "`merge EVENT-ID EVENT-ID`; `split EVENT-ID EVENT-ID`")
    p.add_argument("--by", default=None,
                   help="merge/split: who judges (default: the login name)")
    p.add_argument("--why", default="", help="merge/split: the reason, kept with the judgement")
    p.add_argument("--actor", help="actor id, name or any alias")
    p.add_argument("--country", help="country name or ISO code, e.g. Tunisia, TN or TUN")
    p.add_argument("--type", help="ACLED event type, e.g. Battles")
    p.add_argument("--from", dest="date_from", help="YYYY-MM-DD: events ending on or after")
    p.add_argument("--to", dest="date_to", help="YYYY-MM-DD: events starting on or before")
    p.add_argument("--text", help="full-text filter over the source articles")
    p.add_argument("--historical", choices=["yes", "no"], help="only background / only current")
    p.add_argument("--language", help="ISO 639-1 code of the reporting articles, e.g. fr")
    p.add_argument("--limit", type=_at_least(1), default=100,
                   help="at most this many events (default 100); when more match, "
                   "\"showing N of M\" goes to standard error")
    p.add_argument("--all", action="store_true", help="every event of the filter (no --limit)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")

    p = command("actors", actors_cmd, "list actors with their aliases; `actors merges` lists "
                "cross-article merge judgements, `actors split KEY` undoes one")
    p.add_argument("query", nargs="*", help="filter by any name or alias; or `merges`; or "
                   "`split JUDGEMENT-NUMBER-OR-ACTOR-ID`")
    p.add_argument("--limit", type=_at_least(1), default=200,
                   help="at most this many actors (default 200)")
    p.add_argument("--format", choices=["table", "json"], default="table")

    p = command("show", show_cmd, "an actor's dossier or an event, with evidence and sources")
    p.add_argument("key", help="event id, actor id, or any actor name or alias")

    p = command("export", export_cmd, "export the database (parquet: --output names a directory)")
    p.add_argument("--format", choices=EXPORT_FORMATS,
                   help="required unless -o names a file whose extension says it ("
                   + ", ".join(f"{ext} -> {fmt}" for ext, fmt in EXPORT_EXTENSIONS.items())
                   + ")")

    p = command("batch", batch_cmd, "run the pipeline on a Dask cluster: JSONL, directories, "
                "WARC -> claims per partition (Parquet) -> one merged store")
    p.add_argument("paths", nargs="+", help="JSON Lines, directories, .warc/.warc.gz files")
    p.add_argument("--out", required=True, help="output directory (store, Parquet, quarantine)")
    p.add_argument("--workers", type=_at_least(1), default=2,
                   help="local Dask workers on 127.0.0.1 (default 2)")
    p.add_argument("--scheduler", help="address of an existing Dask scheduler, e.g. "
                   "tcp://10.0.0.5:8786 (then --workers is ignored)")
    p.add_argument("--partition-size", type=_at_least(1), default=100,
                   help="articles per partition")
    p.add_argument("--published", help="publication date for inputs that carry none")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = command("serve", serve_cmd, "web UI and HTTP API over the database (read-only by default)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8765, help="port, 1-65535 (default 8765)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="accept pasted articles at POST /api/ingest (writes to --db)")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="a Host name requests may use besides the loopback ones (repeatable; "
                        "* for any)")
    p.add_argument("--ingest-token", help="a token every write must carry (Authorization: "
                   "Bearer or X-Ingest-Token); required with --allow-ingest on a non-loopback "
                   "--host; default: $WIRECODER_INGEST_TOKEN")
    p.add_argument("--workers", type=_at_least(1), default=1,
                   help="server processes sharing the port (default 1); each opens its own "
                        "connections, so use several with a PostgreSQL --db")

    from .cli_evaluate import add_parser as add_evaluate

    add_evaluate(command)

    command("upgrade", upgrade_cmd, "upgrade the database's schema in place to this version "
            "(keeps every article and judgement; any writing command does it too)")

    p = command("explain", explain_cmd, "why a place name resolves where it does, or why an "
                "event exists and has its type")
    p.add_argument("what", choices=["place", "event"])
    p.add_argument("name", help='a place name or phrase, e.g. "east of the capital Algiers"; '
                   "or an event id")
    p.add_argument("--context", default="",
                   help="countries the text names, most named first: names or ISO codes, "
                   "e.g. TN,DZ or Tunisia,Algeria")
    p.add_argument("--divisions", default="",
                   help='first-level divisions the text names, e.g. "New Jersey,Kasserine"')
    return parser


def ingest_cmd(args, out) -> int:
    from datetime import date

    from .errors import BadMetadata
    from .ingest import Notice, read_paths
    from .pipeline import Pipeline, ingest
    from .report import article_report, terminal_safe
    from .store import Store

    meta = {k: v for k in ("published", "outlet", "url", "title", "dateline", "language")
            if (v := getattr(args, k)) is not None}
    if "published" in meta:
        try:
            meta["published"] = date.fromisoformat(meta["published"])
        except ValueError:
            raise BadMetadata(f"--published {meta['published']!r} is not a YYYY-MM-DD date")
    items = list(read_paths(args.paths, meta=meta, max_bytes=args.max_bytes,
                            follow_symlinks=args.follow_symlinks))
    pipeline = Pipeline(extra_gazetteers=tuple(args.gazetteer))
    with Store(args.db) as store:
        bar = _progress(sum(not isinstance(i, Notice) for i in items), args.quiet)
        summary = ingest(items, store, pipeline, progress=bar.update if bar else None,
                         update=args.update)
        if bar:
            bar.close()
        if args.report:
            ids = [i.id for i in items if hasattr(i, "text")]
            for article_id in dict.fromkeys(ids):
                for line in article_report(store, article_id):
                    print(line, file=out)
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    lines = summary.lines()
    if missing:
        lines.append("missing: " + ", ".join(missing) + " (no such file or folder)")
    if not summary.stored and not summary.unchanged:
        lines.append("nothing stored: no article of this run is in the store")
    for line in lines:  # origins are paths, and paths may hold escape codes
        print(terminal_safe(line), file=sys.stderr if args.report and out is sys.stdout else out)
    # a script can tell: 1 when a path is missing or no article is in the store from this run
    return 1 if missing or not (summary.stored or summary.unchanged) else 0


def _progress(total: int, quiet: bool, stream=None):
    """A bar on a terminal, a plain line now and then elsewhere (``progress.py``)."""
    if quiet or total <= 1:
        return None
    from .progress import progress

    return progress(total, stream or sys.stderr, label="ingest")


def _event_id(store, key: str) -> str:
    """A stored report's id from its id or a unique prefix of one (as `wirecoder events`
    shows them); UsageError when none or several match."""
    rows = [r[0] for r in store.conn.execute(
        "SELECT id FROM events WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 2", (len(key), key))]
    if len(rows) != 1:
        raise UsageError(f"{'no' if not rows else 'more than one'} event matches {key!r}; see "
                         "`wirecoder events`")
    return rows[0]


def events_cmd(args, out) -> int:
    from .report import event_rows, write_rows
    from .store import Store

    if args.words[:1] == ["merges"]:
        with Store(args.db, readonly=True) as store:
            write_rows(store.event_merges(), args.format, out)
        return 0
    if args.words[:1] in (["merge"], ["split"]) and len(args.words) == 3:
        import getpass

        verdict = "merged" if args.words[0] == "merge" else "split"
        by = args.by or getpass.getuser()
        with Store(args.db) as store:
            ids = [_event_id(store, key) for key in args.words[1:]]
            try:
                touched = store.judge_events(*ids, verdict, by, args.why)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
        print(f"{verdict}: {ids[0]} {ids[1]} (by {by}{'; ' + args.why if args.why else ''}); "
              f"events now: {', '.join(sorted(touched)) or 'unchanged'}", file=out)
        return 0
    if args.words[:1] == ["split"] and len(args.words) == 2:
        with Store(args.db) as store:
            undone = store.split_event(args.words[1])
        if not undone:
            raise UsageError(f"no active merge matches {args.words[1]!r}; see `wirecoder events merges`")
        print(f"undone: {undone} merge judgement(s); they will not be made again", file=out)
        return 0
    if args.words:
        raise UsageError("usage: wirecoder events [merges | split KEY | merge ID ID | "
                         "split ID ID] [filters]")

    from . import filters

    # the API's checks (filters.py): an unknown type lists the valid ones, a reversed range
    # is refused rather than matching nothing
    event_type, sub_type = filters.event_type(args.type, "--type")
    date_from, date_to = filters.date_range(args.date_from, args.date_to, ("--from", "--to"))
    historical = None if args.historical is None else args.historical == "yes"
    country = _country(args.country) if args.country else None
    language = _language(args.language) if args.language else None
    chosen = dict(actor=args.actor, country=country, type=event_type, date_from=date_from,
                  date_to=date_to, text=args.text, historical=historical)
    if sub_type:
        chosen["sub_type"] = sub_type
    if language:
        chosen["language"] = language
    limit = None if args.all else args.limit
    with Store(args.db, readonly=True) as store, store.snapshot():
        rows = event_rows(store, **chosen, limit=limit)
        total = store.count_events(**chosen) if limit is not None else len(rows)
    write_rows(rows, args.format, out)
    if len(rows) < total:  # never stop short without saying so
        print(f"showing {len(rows)} of {total} events; --limit N or --all for more",
              file=sys.stderr)
    return 0


def _language(text: str) -> str:
    """``--language`` as a lower-case ISO 639-1 code; UsageError for anything else."""
    if not re.fullmatch(r"[A-Za-z]{2,3}", text):
        raise UsageError(f"--language {text!r} is not an ISO 639-1 code such as en or fr")
    return text.lower()


def _country(text: str, flag: str = "--country") -> str:
    """``--country`` (or ``--context``'s items) as an ISO 3166-1 alpha-2 code; UsageError
    naming close names if none."""
    from .resources.countries import country_code, country_suggestions

    code = country_code(text)
    if code is None:
        close = country_suggestions(text)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise UsageError(f"{flag} {text!r} is neither a country name nor an ISO 3166 code "
                         f"(e.g. Tunisia, TN, TUN){hint}")
    return code


def actors_cmd(args, out) -> int:
    from .report import actor_rows, write_rows
    from .store import Store

    words = args.query
    if words[:1] == ["merges"]:
        with Store(args.db, readonly=True) as store:
            rows = store.merges()
        write_rows(rows, args.format, out)
        return 0
    if words[:1] == ["split"]:
        if len(words) != 2:
            raise UsageError("usage: wirecoder actors split JUDGEMENT-NUMBER-OR-ACTOR-ID")
        with Store(args.db) as store:
            undone = store.split(words[1])
        if not undone:
            raise UsageError(f"no active merge matches {words[1]!r}; see `wirecoder actors merges`")
        print(f"undone: {undone} merge judgement(s); they will not be made again", file=out)
        return 0
    with Store(args.db, readonly=True) as store:
        write_rows(actor_rows(store, " ".join(words) or None, args.limit), args.format, out)
    return 0


def show_cmd(args, out) -> int:
    from .report import show
    from .store import Store

    with Store(args.db, readonly=True) as store:
        lines = show(store, args.key)
    if lines is None:
        raise UsageError(f"no event or actor {args.key!r} in {args.db}")
    for line in lines:
        print(line, file=out)
    return 0


def export_cmd(args, out) -> int:
    from .export import export, export_parquet
    from .store import Store

    if args.format == "parquet":
        if not args.parquet_dir:
            raise UsageError("parquet writes one file per table: give --output DIRECTORY")
        if Path(args.parquet_dir).exists() and not Path(args.parquet_dir).is_dir():
            raise UsageError(f"-o {args.parquet_dir}: parquet needs a folder, and this is a file")
    with Store(args.db, readonly=True) as store:
        if args.format == "parquet":
            for path in export_parquet(store, args.parquet_dir):
                print(f"wrote {path}", file=sys.stderr)
        else:
            left_out = export(store, args.format, out)
            if left_out and any(left_out.values()):
                print(f"{args.format}: left out " + ", ".join(
                    f"{n} {why}" for why, n in left_out.items() if n), file=sys.stderr)
    return 0


def explain_cmd(args, out) -> int:
    from .normalize.explain import explain_lines

    if args.what == "event":
        from .pipeline import Pipeline
        from .resolve.typing import explain_event
        from .store import Store

        with Store(args.db) as store:
            try:
                lines = explain_event(store, args.name, Pipeline())
            except KeyError:
                print(f"no event {args.name!r} in {args.db}", file=out)
                return 1
        print("\n".join(lines), file=out)
        return 0

    context = [_country(c.strip(), "--context") for c in args.context.split(",") if c.strip()]
    divisions = [d.strip() for d in args.divisions.split(",") if d.strip()]
    for line in explain_lines(args.name, context, divisions):
        print(line, file=out)
    return 0


def batch_cmd(args, out) -> int:
    from datetime import date

    from .batch.run import batch, main_progress
    from .errors import BadMetadata

    meta = {}
    if args.published:
        try:
            meta["published"] = date.fromisoformat(args.published)
        except ValueError:
            raise BadMetadata(f"--published {args.published!r} is not a YYYY-MM-DD date")
    if args.workers < 1 or args.partition_size < 1:
        raise UsageError("--workers and --partition-size must be at least 1")
    update, bar = (None, None) if args.quiet else main_progress()
    summary = batch(args.paths, Path(args.out), workers=args.workers, scheduler=args.scheduler,
                    partition_size=args.partition_size, meta=meta, progress=update,
                    db=args.db)
    if bar and bar["bar"] is not None:
        bar["bar"].close()
    for line in summary.lines():
        print(line, file=out)
    return 0


def upgrade_cmd(args, out) -> int:
    from .store import SCHEMA_VERSION, Store
    from .store.connect import describe

    Store(args.db).close()  # opening for writing migrates (store/migrate.py)
    print(f"{describe(args.db)}: schema version {SCHEMA_VERSION}", file=out)
    return 0


def serve_cmd(args, out) -> int:
    from .web.serve import serve

    serve(args.db, args.host, args.port, allow_ingest=args.allow_ingest,
          allowed_hosts=args.allowed_host, token=args.ingest_token, workers=args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
