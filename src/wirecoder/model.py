"""Pure data: the nouns every stage passes along. No I/O, no spaCy.

Offsets are *character* offsets into ``Article.text`` (Python str indices), end exclusive.
Dates are calendar dates (``datetime.date``) in the article's own frame; no time zones.

Every fact leaves the pipeline as a :class:`Claim`: what was said, where in which article,
and who the article says said it. Records (:class:`Actor`, :class:`Relation`,
:class:`Event`) are what the claims add up to; the store keeps both.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# ---- vocabularies kept here only as the *closed sets* code validates against;
# labels, descriptions and mappings live in resources/vocabulary.yaml.
WHEN_PRECISIONS = ("day", "week", "month", "year", "range", "unknown")
ACTOR_TYPES = (
    "person", "armed group", "state force", "government",
    "civilians", "protesters", "other org",
)
MODALITIES = ("asserted", "negated", "hypothetical", "planned", "denied")


def stable_id(*parts: Any, length: int = 16) -> str:
    """A deterministic hex id from JSON-able parts (same input, same id, any machine)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_json_default)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


def normalize_text(text: str) -> str:
    """The form an article's identity is computed on: NFC, unified quotes, folded spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def slug(name: str) -> str:
    """``"Abdelmalek Droukdel"`` -> ``"abdelmalek-droukdel"`` (ASCII, lower, dashes)."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or stable_id(name, length=8)


@dataclass(frozen=True, slots=True)
class When:
    """A date with the precision the text supports. ``start``/``end`` inclusive.

    Unresolved (no anchor, or wording we cannot place): ``start is None`` and ``precision ==
    "unknown"``; ``text`` keeps the wording so nothing is lost.
    """

    start: date | None = None
    end: date | None = None
    precision: str = "unknown"
    text: str = ""
    note: str = ""  # why it is unresolved, or what it was anchored on

    def __post_init__(self) -> None:
        if self.precision not in WHEN_PRECISIONS:
            raise ValueError(f"precision {self.precision!r} not in {WHEN_PRECISIONS}")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"When ends before it starts: {self.start} > {self.end}")

    @property
    def resolved(self) -> bool:
        return self.start is not None


@dataclass(frozen=True, slots=True)
class Place:
    """A located place. ``precision`` follows ACLED's geo_precision.

    1 = the town itself; 2 = near a town, or a part of a region; 3 = a region or the country.
    ``lat``/``lon`` are WGS84 degrees, ``None`` when we do not know them (never invented).
    ``relation``/``anchor`` keep relative wording: ``"east of"`` + ``"Algiers"``.
    """

    name: str
    geonameid: str | None = None  # "2464470" for GeoNames, "region:sahel" for our own table
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    feature: str | None = None  # GeoNames feature class.code, e.g. "P.PPLC", "A.PCLI"
    precision: int = 3
    relation: str = "in"
    anchor: str | None = None
    text: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``id`` is a hash of the normalized text, so a re-read is a no-op."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "en"
    dateline: str | None = None
    origin: str | None = None  # where it was read from (path, path:line); not part of identity

    @classmethod
    def make(cls, text: str, **meta: Any) -> "Article":
        return cls(id=article_id(text), text=text, **meta)


WEB_SCHEMES = ("http", "https")


def web_link(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) address, the only kind anything renders or
    exports as a link; None otherwise (``javascript:``, ``data:``, a relative path), which
    is kept as text, never made a link."""
    if not url:
        return None
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() in WEB_SCHEMES and rest[:1] not in ("", "/") \
            and not any(c.isspace() or ord(c) < 32 for c in url):
        return url
    return None


JOINERS = "\u200c\u200d"  # zero-width (non-)joiners: spelling in Persian, Arabic, Indic names


def clean_name(name: str) -> str:
    """A name as the store keeps it: control and format characters dropped (ANSI escapes,
    zero-width marks, NUL), every run of white space (line breaks too) one space, trimmed.
    Names go into GEXF, FtM, the suggestions and terminal tables, one line each."""
    kept = "".join(" " if c.isspace() else c for c in name
                   if c.isspace() or c in JOINERS
                   or unicodedata.category(c) not in ("Cc", "Cf"))
    return " ".join(kept.split())


def article_id(text: str) -> str:
    return stable_id("article", normalize_text(text))


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article that names something. Offsets are characters in the article."""

    start: int
    end: int
    text: str
    sentence: str = ""
    sent_start: int = 0
    label: str = ""  # what named it: ORG, PERSON, GPE, ... or gazetteer
    actor: str | None = None  # resolved actor id, if any


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in ACTOR_TYPES:
            raise ValueError(f"actor type {self.type!r} not in {ACTOR_TYPES}")


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject predicate object``: actor ids, or a literal (place name, ISO country)."""

    subject: str
    predicate: str
    object: str
    valid_from: When | None = None
    valid_to: When | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One occurrence as one article reports it (cross-article merging is resolve/'s job)."""

    id: str
    type: str
    sub_type: str
    when: When = field(default_factory=When)
    place: Place | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: tuple[str, ...] = ()
    fatalities: int | None = None
    wounded: int | None = None
    abducted: int | None = None
    arrested: int | None = None
    counts_text: tuple[str, ...] = ()  # the wording each number came from: "eight militants"
    historical: bool = False
    modality: str = "asserted"
    hedged: bool = False
    plover: str | None = None
    trigger: str = ""
    summary: str = ""
    # filled when reports from several articles are merged into one event (resolve/events.py)
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    sources: int = 1
    members: tuple[str, ...] = ()  # ids of the per-article events merged into this one
    # every report's figure with its source, oldest first: (fatalities, published ISO date or
    # "", article id, wording); ``fatalities`` is the latest, the range its low and high
    toll_history: tuple[tuple, ...] = ()

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise ValueError(f"modality {self.modality!r} not in {MODALITIES}")

    @property
    def happened(self) -> bool:
        """Counted as having happened: asserted (hedged still counts, flagged)."""
        return self.modality == "asserted"


CLAIM_KINDS = ("actor", "alias", "attribute", "relation", "event", "statement", "place", "when")


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact as one article states it, with its evidence.

    ``subject`` names what the claim is about (actor id, event id, place name); ``value`` is the
    JSON-able payload (a record as a dict, or ``{"text": ...}``). ``start``/``end`` are character
    offsets of the evidence in the article; ``sentence`` is the whole sentence. ``source`` is
    the attributed source as worded ("a senior Tunisian security source"), ``None`` when the
    article states it in its own voice. ``id`` is derived from the rest, so re-running the same
    extractor on the same article reproduces the same ids.
    """

    article_id: str
    kind: str
    subject: str
    value: dict = field(hash=False)
    start: int
    end: int
    sentence: str
    source: str | None = None
    hedged: bool = False
    negated: bool = False
    extractor: str = ""
    version: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if self.kind not in CLAIM_KINDS:
            raise ValueError(f"claim kind {self.kind!r} not in {CLAIM_KINDS}")
        if not self.id:
            object.__setattr__(self, "id", stable_id(
                self.article_id, self.kind, self.subject, self.value,
                self.start, self.end, self.extractor, self.version))


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline makes of one article: the unit the store writes in one transaction."""

    article: Article
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    pipeline: tuple[str, ...] = ()  # stage names with versions, in order
    # coded one-line warnings about the article, which is stored anyway ("[W203] ...",
    # what bounds.py dropped)
    warnings: tuple[str, ...] = ()


# ---- JSON round trip (pure; used by the store, exports and batch workers) ----

def _json_default(obj: Any) -> Any:
    if isinstance(obj, date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj):
        return to_dict(obj)
    raise TypeError(f"not JSON-able: {type(obj).__name__}")


def to_dict(obj: Any) -> dict:
    """A dataclass as a JSON-able dict (dates as ISO strings, tuples as lists)."""
    out = {}
    for f in dataclasses.fields(obj):
        out[f.name] = _plain(getattr(obj, f.name))
    return out


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return to_dict(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_NESTED = {"when": When, "place": Place, "valid_from": When, "valid_to": When}


def from_dict(cls: type, data: dict) -> Any:
    """Inverse of :func:`to_dict` for the classes in this module."""
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if value is not None and f.name in _NESTED:
            value = from_dict(_NESTED[f.name], value)
        elif value is not None and f.name in ("start", "end", "published") and isinstance(value, str):
            value = date.fromisoformat(value)
        elif isinstance(value, list):  # JSON arrays, nested ones too (``toll_history``)
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        kwargs[f.name] = value
    return cls(**kwargs)
