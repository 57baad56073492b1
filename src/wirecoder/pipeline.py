"""The runner: read -> parse -> claims -> normalize/resolve -> store. Kept trivial on purpose;
the stage order lives in ``nlp/stages.py``.

``Pipeline.process`` turns one ``Article`` into an ``Extraction``; ``ingest`` streams articles
into a ``Store``, one transaction per article, and never lets one bad article stop the batch.
An article in a language the loaded model does not read (``Pipeline.languages``) is never
parsed: its Extraction holds the article alone and a W203 warning.
"""

from __future__ import annotations

import gc
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import __version__, bounds
from .claims import doc_to_drafts
from .errors import LanguageUnread, MetadataDiffers, StageFailed, UrlAsText, WirecoderError
from .ingest import Notice, Rejected
from .ingest.normal_text import NormalText, normal_text
from .ingest.rejected import one_line
from .model import Article, Extraction, web_link
from .parts import to_original
from .resources.languages import reading
from .versions import differences, first_versions
from .resolve.records import build_extraction


# Parts of an over-long article are this long at most: spaCy's memory grows with a Doc's
# length (about 3.5 GB at its 1,000,000-character limit), and the parts are parsed anyway.
PART_CHARS = 200_000
# An article at least this long (characters) reports its progress on stderr, stage by stage:
# a 500 KB digest takes about a minute, a news story a fraction of a second.
LONG_CHARS = 100_000


def to_stderr(line: str) -> None:
    """The default progress report of a long article: one line on stderr."""
    print(line, file=sys.stderr, flush=True)


class Pipeline:
    """Loads the model once; ``process`` and ``process_many`` are the per-article work."""

    def __init__(self, model: str | None = None, extra_gazetteers: tuple[str, ...] = (),
                 progress: Callable[[str], None] | None = to_stderr):
        """``progress``: where an article of ``LONG_CHARS`` or more reports each stage done
        (None: nowhere)."""
        from .nlp.load import installed_languages, load_nlp

        self.extra_gazetteers = tuple(extra_gazetteers)
        self.nlp = load_nlp(model, extra_gazetteers=self.extra_gazetteers)
        self.version = __version__
        self.progress = progress
        # what the models read: the loaded model's own language code, and (when no model was
        # named) every language with an installed model, loaded when its first article comes
        others = () if model else tuple(l for l in installed_languages() if l != self.nlp.lang)
        self.languages = (self.nlp.lang, *others)
        self.stages = self.stages_of(self.nlp)
        self._settled = False  # see ``_settle``

    @staticmethod
    def stages_of(nlp) -> tuple[str, ...]:
        from .nlp.stages import stage_names

        return stage_names(nlp) + ("claims", "normalize", "resolve")

    def nlp_for(self, article: Article):
        """The pipeline of the article's language (``reads`` it): loaded on first use."""
        if article.language in (None, self.nlp.lang):
            return self.nlp
        from .nlp.load import load_nlp, model_name

        return load_nlp(model_name(article.language), extra_gazetteers=self.extra_gazetteers)

    def reads(self, article: Article) -> bool:
        return article.language in self.languages

    def process(self, article: Article) -> Extraction:
        """One article; one longer than spaCy's ``max_length`` is parsed in parts (``parts``)."""
        if not self.reads(article):
            return self._unread(article)
        with reading(article.language):
            return self._process(article)

    def _process(self, article: Article) -> Extraction:
        nlp = self.nlp_for(article)
        if len(article.text) > nlp.max_length:
            return self._finish_long(article)
        if len(article.text) >= LONG_CHARS and self.progress is not None:
            return self._finish_reporting(article)
        form = normal_text(article.text)
        return self._finish(article, nlp(form.text), form)

    def process_many(self, articles: Iterable[Article], batch_size: int = 16
                     ) -> Iterator[Extraction | Rejected]:
        """Stream articles through ``nlp.pipe``; a stage that raises rejects only its article."""
        buffer: list[Article] = []
        for article in articles:
            buffer.append(article)
            if len(buffer) >= batch_size:
                yield from self._run(buffer)
                buffer = []
        if buffer:
            yield from self._run(buffer)

    def _run(self, articles: list[Article]) -> Iterator[Extraction | Rejected]:
        fits = [a for a in articles if self.reads(a)
                and len(a.text) <= self.nlp_for(a).max_length
                and not (len(a.text) >= LONG_CHARS and self.progress is not None)]
        forms = {id(a): normal_text(a.text) for a in fits}
        docs = {}
        for lang in dict.fromkeys(a.language for a in fits):  # one batch per language
            same = [a for a in fits if a.language == lang]
            try:
                with reading(lang):
                    docs.update(zip(map(id, same), self.nlp_for(same[0]).pipe(
                        forms[id(a)].text for a in same)))
            except Exception:  # one article broke the batch: redo them one by one to find it
                pass
        for article in articles:
            try:
                doc = docs.get(id(article))
                if doc is None:
                    result = self.process(article)
                else:
                    with reading(article.language):  # set for this article only, not across
                        result = self._finish(article, doc, forms[id(article)])  # the yield
                yield result
            except Exception as exc:  # a bug in a stage must not lose the rest of the batch
                error = StageFailed(_reason(exc), origin=article.origin)
                yield Rejected(article.origin or article.id, error)
        docs.clear()
        self._settle()  # after the first batch: its stages have loaded their tables

    def _settle(self) -> None:
        """Once per pipeline, after its first batch: the model and the tables its stages load
        on first use (place index, gazetteers, word lists: about 1.5 million objects) are
        moved out of the cyclic garbage collector's reach (``gc.freeze``), so its full
        collections stop scanning them again and again (each took about 0.5 s; ISAF releases
        ingest about 7% faster). Garbage made so far is collected first, so nothing is kept
        that would have been freed."""
        if not self._settled:
            self._settled = True
            gc.collect()
            gc.freeze()

    def drafts(self, article: Article):
        """The ``claims.Drafts`` of one article as ``process`` reads it (normal text parsed
        by its language's pipeline, offsets in the article's own text), for ``explain``."""
        form = normal_text(article.text)
        with reading(article.language):
            return to_original(doc_to_drafts(self.nlp_for(article)(form.text)), form)

    def _finish(self, article: Article, doc, form: NormalText) -> Extraction:
        """``doc``: the parse of ``form.text``; offsets go back to the article's own text."""
        drafts = to_original(doc_to_drafts(doc), form)
        stages = self.stages if doc.lang_ == self.nlp.lang else self.stages_of(
            self.nlp_for(article))
        return bounds.check(build_extraction(article, drafts, self.version, stages))

    def _unread(self, article: Article) -> Extraction:
        """The article alone, with why it was not parsed: English rules on another language
        would make "actors" of its common words."""
        warning = LanguageUnread(
            f"language {article.language!r} is not one this pipeline reads "
            f"({', '.join(self.languages)}); stored, not parsed", origin=article.origin)
        return Extraction(article, pipeline=("language",), warnings=(str(warning),))

    def _finish_reporting(self, article: Article) -> Extraction:
        """``_finish(article, nlp(text))``, one stage at a time, each reported when done."""
        nlp = self.nlp_for(article)
        report = _Report(self.progress, article, len(nlp.pipeline) + 2)
        form = normal_text(article.text)
        doc = nlp.make_doc(form.text)
        for name, component in nlp.pipeline:  # what ``Language.__call__`` does
            doc = component(doc)
            report.done(name, f"{sum(1 for _ in doc.sents):,} sentences"
                        if name == "parser" else "")
        drafts = to_original(doc_to_drafts(doc), form)
        report.done("claims", f"{len(drafts.events):,} event reports")
        extraction = build_extraction(article, drafts, self.version, self.stages_of(nlp))
        report.done("normalize and resolve", f"{len(extraction.events):,} events")
        return bounds.check(extraction)

    def _finish_long(self, article: Article) -> Extraction:
        from .parts import merge_drafts, split_points

        nlp = self.nlp_for(article)
        size = min(nlp.max_length, PART_CHARS)
        points = split_points(article.text, size)
        report = _Report(self.progress, article, len(points) + 1)
        parts = []
        for n, (start, end) in enumerate(points, 1):
            form = normal_text(article.text[start:end])
            parts.append((start, to_original(doc_to_drafts(nlp(form.text)), form)))
            report.done(f"part {n} of {len(points)}", f"{end - start:,} characters")
        extraction = build_extraction(article, merge_drafts(parts), self.version,
                                      self.stages_of(nlp))
        report.done("normalize and resolve", f"{len(extraction.events):,} events")
        return bounds.check(extraction)


class _Report:
    """Progress lines for one long article: "<origin> (512 KB): parser done (3/14) 21.0 s"."""

    def __init__(self, write: Callable[[str], None] | None, article: Article, steps: int):
        self.write, self.steps, self.step = write, steps, 0
        self.name = f"{article.origin or article.id} ({len(article.text) / 1000:,.0f} KB)"
        self.started = time.perf_counter()

    def done(self, stage: str, note: str = "") -> None:
        self.step += 1
        if self.write is not None:
            seconds = time.perf_counter() - self.started
            self.write(f"{self.name}: {stage} done ({self.step}/{self.steps}) {seconds:.1f} s"
                       + (f"; {note}" if note else ""))


def _reason(exc: Exception, limit: int = 300) -> str:
    """An exception as one summary line: spaCy's messages run to several lines of advice."""
    reason = one_line(f"{type(exc).__name__}: {exc}")
    return reason if len(reason) <= limit else reason[:limit - 3] + "..."


@dataclass
class Summary:
    """One run's counts. ``events`` and ``actors_new`` are this run's; ``actors`` is the
    store's total after it."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # (origin, one-line reason)
    warnings: list = field(default_factory=list)  # (origin, one-line reason): stored anyway
    events: int = 0
    actors: int = 0
    actors_new: int = 0
    seconds: float = 0.0
    reasons: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        warned = f"; warnings: {len(self.warnings)}" if self.warnings else ""
        out = [f"articles read: {self.read}; stored: {self.stored}; already stored: "
               f"{self.unchanged}; skipped: {len(self.rejected)}{warned}; "
               f"events: {self.events}; actors: {self.actors_new} new ({self.actors} in the "
               f"store); {self.seconds:.1f}s"]
        for origin, reason in self.rejected:
            out.append(f"  skipped {origin}: {reason}")
        for origin, reason in self.warnings:
            out.append(f"  warning {origin}: {reason}")
        return out


def ingest(items: Iterable[Article | Rejected], store, pipeline: Pipeline,
           progress: Callable[[int], None] | None = None, update: bool = False) -> Summary:
    """Process and store; already-stored articles are recognised by id and not re-parsed.

    An article whose text is stored with other metadata (a corrected date or title) is
    refused with a W113 line naming ``--update``, or, with ``update``, replaces the stored
    one and everything derived from it (``Store.replace``). Versions of one text within the
    run are taken in ``version_order``, so the one stored does not depend on input order."""
    summary = Summary()
    started = time.perf_counter()
    actors_before = store.counts().get("actors", 0)
    replacing: set[str] = set()
    seen: dict[str, Article] = {}

    def fresh() -> Iterator[Article]:
        for item in first_versions(items):
            if isinstance(item, Notice):  # about the article that follows; not an input
                summary.warnings.append((item.origin, str(item.error)))
                continue
            summary.read += 1
            if isinstance(item, Rejected):
                summary.rejected.append((item.origin, str(item.error)))
                _tick(progress)
                continue
            known = seen.get(item.id) or (store.article(item.id)
                                          if store.has_article(item.id) else None)
            changed = differences(known, item) if known is not None else []
            if known is not None and not changed:
                summary.unchanged += 1
                _tick(progress)
            elif known is not None and (not update or item.id in seen):
                why = "; ".join(changed)
                hint = ("an earlier input of this run has the same text" if item.id in seen
                        else "rerun with --update to replace the stored article and "
                             "everything derived from it")
                summary.rejected.append((item.origin or item.id, str(MetadataDiffers(
                    f"the same text is stored with other metadata ({why}); {hint}",
                    origin=item.origin))))
                _tick(progress)
            else:
                if known is not None:
                    replacing.add(item.id)
                seen[item.id] = item
                if item.url and web_link(item.url) is None:
                    summary.warnings.append((item.origin or item.id, str(UrlAsText(
                        f"url {item.url[:80]!r} is not an http(s) address: stored as text, "
                        "never shown as a link", origin=item.origin))))
                yield item

    for result in pipeline.process_many(fresh()):
        _tick(progress)
        if isinstance(result, Rejected):
            summary.rejected.append((result.origin, str(result.error)))
            continue
        origin = result.article.origin or result.article.id
        summary.warnings += [(origin, w) for w in result.warnings]
        try:
            write = store.replace if result.article.id in replacing else store.write
            if write(result):
                summary.stored += 1
                summary.events += len(result.events)
            else:
                summary.unchanged += 1
        except WirecoderError as exc:
            summary.rejected.append((origin, str(exc)))
    summary.actors = store.counts().get("actors", 0)
    summary.actors_new = summary.actors - actors_before
    summary.seconds = time.perf_counter() - started
    return summary


def _tick(progress) -> None:
    if progress is not None:
        progress(1)
