"""Group names folded so that the press's spellings of one name meet (``name_forms.yaml``).

``fold_word`` gives one word's comparison form: case folded, accents, apostrophes (straight
and curly), dots and hyphens removed, a transliteration table applied ("Taleban" = "Taliban"),
doubled letters written once ("Shabaab" = "Shabab"). ``fold`` joins the words of a name
*without* spaces, so "al-Shabaab", "Al Shabab" and "Alshabaab" fold alike, as do "Kurdistan
Workers' Party" and "Kurdistan Worker’s Party"; a leading "the" is dropped. ``stems`` gives a
name without its generic last word ("Haqqani Network" -> "Haqqani") when what is left is a
name of its own. Used by the gazetteer (``gazetteer.py``) and the actor ruler.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from . import load_yaml

_DROP = re.compile(r"['\u2019\u2018`\u00b4.\-\u2010\u2011\u2013]")


@lru_cache(maxsize=1)
def forms() -> dict:
    data = load_yaml(resources.files("wirecoder.resources").joinpath(
        "name_forms.yaml").read_text(encoding="utf-8"))
    data["respell"] = {_DROP.sub("", k.casefold()): v for k, v in data["respell"].items()}
    data["droppable_suffixes"] = frozenset(data["droppable_suffixes"])
    data["generic"] = frozenset(data["generic"])
    data["acronym_stop"] = frozenset(data["acronym_stop"])
    return data


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One token's comparison form; "" for a token that is only punctuation."""
    text = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word
    text = _DROP.sub("", text.casefold())
    text = forms()["respell"].get(text, text)
    return re.sub(r"(.)\1+", r"\1", text)


def fold(name: str) -> str:
    words = re.split(r"[\s\-\u2010\u2011]+", name.strip())
    if words and words[0].casefold() == "the":
        words = words[1:]
    return "".join(fold_word(w) for w in words)


def stems(name: str, is_country_word) -> list[str]:
    """"Haqqani Network" -> ["Haqqani"]; "Islamic Movement" -> [] (only generic words left);
    ``is_country_word(text)`` rules out "Afghan Army" -> "Afghan"."""
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in forms()["droppable_suffixes"]:
        return []
    stem = words[:-1]
    while stem and stem[0].casefold() == "the":
        stem = stem[1:]
    if not stem or all(fold_word(w) in _generic_folded() for w in stem):
        return []
    text = " ".join(stem)
    if is_country_word(text) or len(fold(text)) < 4 or not text[:1].isupper():
        return []
    return [text]


@lru_cache(maxsize=1)
def _generic_folded() -> frozenset:
    return frozenset(fold_word(w) for w in forms()["generic"])
