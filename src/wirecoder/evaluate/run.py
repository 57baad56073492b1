"""Each dev set run end to end: read the gold, run the pipeline (into a store where the set
measures what a store holds), score, render. ``wirecoder evaluate`` and ``make eval``
(``board``) call these; every function returns ``(result, lines)``: a JSON-able dict of
figures (per-item rows under ``"rows"``, for ``--details``) and the report's lines.

Raises ``UsageError`` when a gold file is missing or holds nothing to score.
"""

from __future__ import annotations

import contextlib
import tempfile
from itertools import islice
from pathlib import Path

from ..errors import UsageError
from .common import by_position, current, fold, progress


def _pipeline():
    from ..pipeline import Pipeline

    return Pipeline()


def _tick(bar):
    return bar.update if bar is not None else None


@contextlib.contextmanager
def _store(db: str | None):
    """The given store, or a fresh one in a temporary folder, removed afterwards."""
    from ..store import Store

    if db:
        with Store(db) as store:
            yield store
        return
    with tempfile.TemporaryDirectory(prefix="wirecoder-eval-") as folder:
        with Store(Path(folder) / "eval.db") as store:
            yield store


def _check(path: Path) -> Path:
    if not path.exists():
        raise UsageError(f"gold data not found: {path}")
    return path


# ---- ISAF press releases --------------------------------------------------------------

def isaf(path, *, db=None, published=True, quiet=False, pipeline=None):
    from ..ingest import Rejected, article_from_record
    from ..pipeline import ingest
    from . import isaf as gold_isaf

    releases = gold_isaf.read_isaf(_check(Path(path)))
    if not releases:
        raise UsageError(f"no releases in {path}")
    pipeline = pipeline or _pipeline()
    articles, dates, dated = [], [], []
    for r in releases:
        day = gold_isaf.dateline_date(r.text, r.id)
        when = day if published else None
        dates.append(when)
        dated.append(day is not None)
        record = {"text": r.text, "outlet": "ISAF", "published": when}
        try:
            articles.append(article_from_record(record, origin=r.id))
        except Exception as exc:  # an empty release: scored as yielding nothing
            articles.append(Rejected(r.id, exc))
    with _store(db) as store:
        bar = progress(len(articles), quiet, "isaf")
        ingest(articles, store, pipeline, progress=_tick(bar))
        if bar is not None:
            bar.close()
        outcomes, by_article = [], {}
        for release, article, when, has_day in zip(releases, articles, dates, dated):
            stored = isinstance(article, Rejected) is False and store.has_article(article.id)
            events, names = [], set()
            if stored:
                by_article.setdefault(article.id, []).append(release)
                events = by_position(current(store.events(article_id=article.id, merged=False)),
                                     store.claims(kind="event", article_id=article.id))
                names = _actor_names(store, events)
            outcomes.append(gold_isaf.Outcome(release, when, events, names, stored, has_day))
        groups = []
        for event in store.events(merged=True):
            if event.sources > 1:
                joined = [by_article[a.id] for a in store.event_articles(event.id)
                          if a.id in by_article]
                if len({r.id for copies in joined for r in copies}) > 1:
                    groups.append(joined)
    result = gold_isaf.score(outcomes, gold_isaf.false_merges(groups))
    return result, gold_isaf.render(result)


def _actor_names(store, events) -> set[str]:
    names: set[str] = set()
    for e in events:
        for key in (e.actor1, e.actor2, *e.assoc_actors):
            if not key:
                continue
            names.add(fold(key))
            actor = store.actor(key)
            if actor is not None:
                names |= {fold(actor.id), fold(actor.name), *(fold(a) for a in actor.aliases)}
    return names


# ---- CASE 2021 task 2 -----------------------------------------------------------------

def case2021(path, *, quiet=False, pipeline=None):
    from ..ingest import Rejected, article_from_record
    from . import case2021 as gold_case

    snippets = gold_case.read_tsv(_check(Path(path)))
    if not snippets:
        raise UsageError(f"no snippets in {path}")
    pipeline = pipeline or _pipeline()
    predicted: list[str | None] = []
    articles = []
    for s in snippets:
        try:
            articles.append(article_from_record({"text": s.text}, origin=s.id))
        except Exception:
            articles.append(None)
    bar = progress(len(snippets), quiet, "case2021")
    results = iter(pipeline.process_many(a for a in articles if a is not None))
    for article in articles:
        if article is None:
            predicted.append(None)
            continue
        x = next(results)
        if isinstance(x, Rejected):
            predicted.append(None)
        else:
            events = by_position(current(x.events), x.claims)
            predicted.append(events[0].sub_type if events else None)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    result = gold_case.score(snippets, predicted)
    return result, gold_case.render(result)


# ---- toponym corpora: GeoWebNews, LGL -------------------------------------------------

def geoparse(corpus: str, path, *, quiet=False):
    """``corpus``: ``geowebnews`` or ``lgl``."""
    from ..ingest.normal_text import normal_text
    from ..nlp.load import load_nlp
    from ..nlp.toponyms import toponym_spans
    from ..normalize.where import parse_place_phrase, resolve_place
    from . import geoparse as gp
    from . import geowebnews, lgl

    path = _check(Path(path))
    articles = geowebnews.read_gwn(path) if corpus == "geowebnews" else lgl.read_lgl(path)
    if not articles:
        raise UsageError(f"no articles in {path}")
    exclude = geowebnews.NOT_TOPONYMS if corpus == "geowebnews" else frozenset()
    nlp = load_nlp()
    bar = progress(len(articles), quiet, corpus)
    predicted = []
    forms = [normal_text(a.text) for a in articles]  # as the pipeline reads them
    for form, doc in zip(forms, nlp.pipe(f.text for f in forms)):
        predicted.append([form.span(e.start_char, e.end_char) for e in toponym_spans(doc)])
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()

    def resolve(name, countries, divisions, anchors=None):
        place_name, _relation, _anchor = parse_place_phrase(name)
        return resolve_place(place_name or name, context_countries=countries,
                             context_divisions=divisions, context_points=anchors)

    recognition = gp.score_recognition(articles, predicted, exclude)
    resolution = gp.score_resolution(articles, resolve, exclude)
    baseline = gp.score_resolution(articles, gp.population_baseline, exclude)
    result = {"corpus": corpus, "recognition": recognition,
              **{k: v for k, v in resolution.items() if k != "rows"},
              "baseline": {k: v for k, v in baseline.items() if k not in ("rows", "by_type")},
              "rows": resolution["rows"]}
    return result, gp.render(recognition, resolution, baseline, corpus="")


# ---- noise: Reuters-21578 -------------------------------------------------------------

def noise(path, *, n=2000, judged=None, quiet=False, pipeline=None):
    from ..ingest import Rejected, read_jsonl
    from . import noise as gold_noise

    path = _check(Path(path))
    if n < 1:
        raise UsageError("--n must be at least 1")
    with open(path, "rb") as stream:
        items = list(islice(read_jsonl(stream, name=path.name), n))
    articles = [a for a in items if not isinstance(a, Rejected)]
    pipeline = pipeline or _pipeline()
    coded = []
    bar = progress(len(articles), quiet, "noise")
    for article, x in zip(articles, pipeline.process_many(articles)):
        if bar is not None:
            bar.update(1)
        if isinstance(x, Rejected):
            continue
        sentences = {}
        for c in x.claims:
            if c.kind == "event":
                sentences.setdefault(c.subject, c.sentence)
        for e in by_position(x.events, x.claims):
            coded.append(gold_noise.Coded(
                article.origin or article.id, article.title or "", e.id, e.type, e.sub_type,
                sentences.get(e.id, ""), e.happened and not e.historical))
    if bar is not None:
        bar.close()
    verdicts = gold_noise.read_judged(judged) if judged else None
    result = gold_noise.score(len(items), coded, verdicts)
    return result, gold_noise.render(result)


# ---- the sets that came before --------------------------------------------------------

def wikievents(path, *, quiet=False, pipeline=None):
    from ..model import Article
    from . import wikievents as gold_wiki

    docs = gold_wiki.read_dev(_check(Path(path)))
    pipeline = pipeline or _pipeline()
    extractions = [pipeline.process(Article.make(d.text)) for d in docs]
    result = gold_wiki.score(docs, extractions)
    return result, gold_wiki.render(result)


def tempeval(path, *, quiet=False):
    from ..nlp.load import load_nlp
    from . import tempeval as gold_te

    docs = gold_te.read_corpus(_check(Path(path)))
    if not docs:
        raise UsageError(f"no .tml files under {path}")
    result = gold_te.evaluate(docs, load_nlp(bare=True))
    return result, gold_te.render(result)


def seed(gold_path, *, db):
    """The store ``db`` against the seed's gold file."""
    import yaml

    from ..store import Store
    from .seed import evaluate, render

    gold = yaml.safe_load(_check(Path(gold_path)).read_text(encoding="utf-8"))
    with Store(db, readonly=True) as store:
        sections = evaluate(gold, store.actors(), store.relations(), store.events(),
                            store.claims(), store.places())
    result = {"sections": {s.name: {"rows": [list(r) for r in s.rows]} for s in sections}}
    for s in sections:
        for level in ("must", "should", "never"):
            rows = [r for r in s.rows if r[0] == level]
            result["sections"][s.name][level] = [sum(r[1] == "found" for r in rows), len(rows)]
    return result, render(sections)


# ---- UCDP actor names -----------------------------------------------------------------

def ucdp(path, *, quiet=False, pipeline=None, db=None):
    """One short text per name of each UCDP non-state actor, all into one store; which actor
    each name is read as (``evaluate/ucdp.py``; circular for recognition, and says so)."""
    from ..model import Article
    from ..pipeline import ingest
    from . import ucdp as gold_ucdp

    rows = gold_ucdp.read_actors(_check(Path(path)))
    items = gold_ucdp.items(rows)
    if not items:
        raise UsageError(f"no non-state actors in {path}")
    pipeline = pipeline or _pipeline()
    articles = [Article.make(item.text, outlet="ucdp-eval") for item in items]
    with _store(db) as store:
        bar = progress(len(articles), quiet, "ucdp")
        ingest(articles, store, pipeline, progress=_tick(bar))
        if bar is not None:
            bar.close()
        index = store.actor_index()
        found = []
        for item, article in zip(items, articles):
            best = None
            for claim in store.claims(kind="actor", article_id=article.id):
                if claim.start < item.end and item.start < claim.end:
                    overlap = min(claim.end, item.end) - max(claim.start, item.start)
                    if best is None or overlap > best[0]:
                        best = (overlap, claim.subject)
            actor = index.get(best[1]) if best else None
            found.append((item, actor.id if actor else None, actor.type if actor else None))
    result = gold_ucdp.score(found)
    return result, gold_ucdp.render(result)


# ---- whole articles from many outlets: news-articles-dev, french-news-dev ---------------

TEXTS_ENV = "WIRECODER_TEXTS"


def texts_for(gold_folder: Path, texts: str | Path | None = None) -> Path | None:
    """Where a set's rebuilt texts are: ``texts`` when given, else ``$WIRECODER_TEXTS/<set>``,
    else ``../texts/<set>`` beside the working directory (the texts are third-party copyright
    and live outside the repository); ``None`` when none holds an ``ingest.jsonl``."""
    import os

    from .articles import read_texts

    name = gold_folder.resolve().name
    candidates = [Path(texts)] if texts else []
    if os.environ.get(TEXTS_ENV):
        candidates.append(Path(os.environ[TEXTS_ENV]) / name)
    candidates.append(Path("..") / "texts" / name)
    for c in candidates:
        try:
            read_texts(c)
            return c
        except FileNotFoundError:
            continue
    return None


def articles(path, *, texts=None, db=None, quiet=False, pipeline=None):
    """Ingest a whole-article set's rebuilt texts into one store and score it
    (``evaluate/articles.py``). ``path``: the set's folder (``articles_index.jsonl``,
    ``gold.jsonl``); ``texts``: the rebuilt ``ingest.jsonl`` or its folder.

    Raises ``UsageError`` when the gold or the texts are missing (the message says how to
    rebuild the texts)."""
    return articles_together([path], texts=[texts], db=db, quiet=quiet, pipeline=pipeline)


def articles_together(paths, *, texts=(), db=None, quiet=False, pipeline=None):
    """Ingest several whole-article sets into ONE store (in the order given) and score each
    set, then, for two sets or more, the pairs across sets (``articles.score_across``: a French
    and an English report of one incident should be one stored event). ``paths``: the sets'
    folders; ``texts``: their rebuilt texts, by position (missing or ``None``: the default
    place, ``texts_for``).

    Returns ``(result, lines)``: for one set the result of ``articles.score``; for several
    ``{"sets": {name: score}, "across": score_across}`` with ``rows`` of every set.
    Raises ``UsageError`` when a gold or its texts are missing, when more texts than sets are
    given, or when two sets share an article id."""
    from ..ingest import Rejected, article_from_record
    from ..pipeline import ingest
    from . import articles as gold_articles

    paths, texts = list(paths), list(texts or ())
    if len(texts) > len(paths):
        raise UsageError(f"{len(texts)} --texts for {len(paths)} sets: give one per set, "
                         f"in the sets' order")
    texts += [None] * (len(paths) - len(texts))
    golds = []  # (folder, gold), every set read and checked before any text is
    seen: dict[str, str] = {}
    for path in paths:
        folder = _check(Path(path))
        if folder.is_file():
            folder = folder.parent
        gold = gold_articles.read_gold(folder)
        if not gold:
            raise UsageError(f"no articles in {folder / 'gold.jsonl'}")
        for a in gold:
            if a.id in seen:
                raise UsageError(f"article id {a.id} is in both {seen[a.id]} and {folder.name}")
            seen[a.id] = folder.name
        golds.append((folder, gold))
    loaded = []  # (folder, gold, chosen)
    items = []
    for (folder, gold), text_path in zip(golds, texts):
        where = texts_for(folder, text_path)
        if where is None:
            raise UsageError(
                f"the texts of {folder.name} have not been rebuilt: follow "
                f"{folder / 'README.md'} (build_texts.py RAW OUT), then point at OUT with "
                f"--texts or ${TEXTS_ENV} (a folder holding {folder.name}/OUT/ingest.jsonl)")
        by_url = {}
        for record in gold_articles.read_texts(where):
            by_url[record.get("url")] = record
        chosen = []
        for a in gold:
            record = by_url.get(a.index.get("url"))
            if record is None:
                continue
            try:
                article = article_from_record(record, origin=a.id)
            except Exception as exc:  # noqa: BLE001 - an unreadable text scores as nothing
                items.append(Rejected(a.id, exc))
                continue
            chosen.append((a, article))
            items.append(article)
        loaded.append((folder, gold, chosen))
    pipeline = pipeline or _pipeline()
    with _store(db) as store:
        bar = progress(len(items), quiet, " + ".join(f.name for f, _g, _c in loaded))
        ingest(items, store, pipeline, progress=_tick(bar))
        if bar is not None:
            bar.close()
        stored_of = {}
        for event in store.events(merged=True):
            for member in event.members or (event.id,):
                stored_of[member] = (event.id, event.fatalities)
        index = store.actor_index()
        relations = store.relations()
        for _folder, _gold, chosen in loaded:
            for a, article in chosen:
                _reports_of(store, a, article, stored_of, index, relations)
    per_set, lines, rows = {}, [], []
    for folder, gold, chosen in loaded:
        scored = [a for a, _art in chosen]
        result = gold_articles.score(scored)
        result["texts_missing"] = sorted({a.id for a in gold} - {a.id for a in scored})
        set_lines = gold_articles.render(result, folder.name)
        if result["texts_missing"]:
            set_lines.insert(1, f"texts not rebuilt for {len(result['texts_missing'])} "
                                f"articles ({', '.join(result['texts_missing'])}): scored "
                                f"without them")
        if len(loaded) == 1:
            return result, set_lines
        per_set[folder.name] = result
        rows.extend(result.pop("rows"))
        lines.extend([*set_lines, ""])
    across = gold_articles.score_across(
        [(folder.name, [a for a, _art in chosen]) for folder, _gold, chosen in loaded])
    lines.extend(gold_articles.render_across(across))
    return {"sets": per_set, "across": across, "rows": rows}, lines


def _reports_of(store, a, article, stored_of, index, relations) -> None:
    """Fill ``a`` (an ``articles.Article``) with its stored reports, actor names, alias
    groups and relations; leaves it unstored when the store refused the article."""
    from . import articles as gold_articles

    if not store.has_article(article.id):
        return
    a.stored = True
    claims = store.claims(article_id=article.id)
    sentences = {}
    for c in claims:
        if c.kind == "event":
            sentences.setdefault(c.subject, (c.start, c.sentence))
    for e in store.events(article_id=article.id, merged=False):
        if not e.happened:
            continue
        cluster, best = stored_of.get(e.id, (e.id, e.fatalities))
        where_at, sentence = sentences.get(e.id, (1 << 40, ""))
        p = e.place
        a.reports.append(gold_articles.Report(
            article=a.id, id=e.id, cluster=cluster, type=e.type, sub_type=e.sub_type,
            start=e.when.start, end=e.when.end, place=(p.name if p else "") or "",
            country=p.country if p else None, admin1=p.admin1 if p else None,
            lat=p.lat if p else None, lon=p.lon if p else None,
            actor1=_names_of(index, e.actor1), actor2=_names_of(index, e.actor2),
            fatalities=e.fatalities, historical=e.historical, sentence=sentence,
            position=where_at, stored_fatalities=best))
    actor_ids = {c.subject for c in claims if c.kind in ("actor", "alias")}
    for key in actor_ids:
        names = set(_names_of(index, key))
        a.actor_names |= names
        a.alias_groups.append(names)
    related = {c.subject for c in claims if c.kind == "relation"}
    for r in relations:
        if r.subject in related:
            subject = set(_names_of(index, r.subject))
            obj = (_names_of(index, r.object) or (gold_articles.lenient(r.object),))
            for s in subject:
                for o in obj:
                    a.relations.add((s, r.predicate, o))


def _names_of(index, key) -> tuple[str, ...]:
    """An actor's lenient names: its key, name and aliases (``articles.lenient``)."""
    from .articles import lenient

    if not key:
        return ()
    actor = index.get(key)
    names = {key} if actor is None else {actor.id, actor.name, *actor.aliases}
    return tuple(sorted({lenient(n) for n in names if lenient(n)}))
