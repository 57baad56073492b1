"""Per-language data, kept apart from the stages as spaCy keeps ``spacy/lang/xx/``.

Each language wirecoder reads beyond English has a folder ``resources/lang/<code>/`` (ISO
639-1) of data files; the stages ask for "the article's language's data" by the Doc's or the
article's language code and never name a language. Adding a language is adding a folder (and
its spaCy model in ``nlp/load.py``'s ``MODELS``).

Files a folder may hold (all optional; a language without one gets ``{}``):

- ``labels.yaml``: how the language's spaCy model labels map onto the labels the stages read
  (dependency labels, fine tags, NER labels), read by ``nlp/labels.py``;
- ``lexicon.yaml``: the language's words for each concept the stages key on (event senses
  per ACLED sub-type, speech verbs, hedges, casualty and victim words), read by
  ``nlp/labels.py``;
- ``dates.yaml``: time expressions (months, weekdays, relative days) as token patterns, and
  their rewording into the wording ``normalize/when.py`` reads;
- ``places.yaml``: place-phrase wording ("au nord de", "dans la région de") reworded for
  ``normalize/where.py``;
- ``countries.tsv``: country names (``resources/countries.country_names_in``);
- ``demonyms.tsv``: demonym forms -> ISO 3166-1 alpha-2.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources

from . import load_yaml


def _folder(lang: str):
    return resources.files("wirecoder.resources").joinpath("lang", lang)


@lru_cache(maxsize=32)
def language_data(lang: str | None, name: str) -> dict:
    """``resources/lang/<lang>/<name>.yaml`` as a dict; ``{}`` when the language or the file
    is absent (English's data still lives beside the stages)."""
    if not lang:
        return {}
    path = _folder(lang).joinpath(f"{name}.yaml")
    if not path.is_file():
        return {}
    return load_yaml(path.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=8)
def demonyms(lang: str | None) -> dict[str, str]:
    """``resources/lang/<lang>/demonyms.tsv``: a demonym form, case-folded -> ISO2 (``{}``
    when absent)."""
    if not lang:
        return {}
    path = _folder(lang).joinpath("demonyms.tsv")
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, iso2 = line.split("\t")
            out[word.casefold()] = iso2
    return out


def has_language_data(lang: str | None, name: str) -> bool:
    return bool(lang) and _folder(lang).joinpath(name).is_file()


# The language of the article being read, for look-ups that stages and normalizers make from
# many places by word alone (``countries.country_by_word``): set by ``Pipeline`` around the
# parse and the normalization of each article (``reading``), English outside.
_READING: ContextVar[str] = ContextVar("wirecoder_reading_language", default="en")


def reading_language() -> str:
    return _READING.get()


@contextmanager
def reading(lang: str | None):
    """Within the block, ``reading_language()`` is ``lang`` (English when None)."""
    token = _READING.set(lang or "en")
    try:
        yield
    finally:
        _READING.reset(token)
