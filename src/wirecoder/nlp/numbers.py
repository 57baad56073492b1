"""Counts as worded in news text -> numbers, keeping the wording.

Vague quantities take the low estimate of resources/vague_quantities.yaml (ACLED's Fatalities
FAQ: "tens" 10, "dozens" 12, "hundreds" 100; ACLED's notes: "several" 3; the rest a project
convention, marked there). Units: people.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from ..resources import load_yaml

from ..resources.languages import language_data, reading_language

WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
    "both": 2, "couple": 2, "pair": 2,
}


@lru_cache(maxsize=1)
def vague_quantities() -> dict[str, int]:
    """Vague word -> its low estimate (people), from resources/vague_quantities.yaml."""
    text = resources.files("wirecoder.resources").joinpath("vague_quantities.yaml") \
        .read_text("utf-8")
    return {w: v["count"] for w, v in load_yaml(text)["values"].items()}


VAGUE = vague_quantities()
# the one-word vague quantities that stand before a plural ("several suspects", "multiple
# suspected insurgents") or alone ("several of his associates"); bare "few" ("few were
# hurt") says almost none and is left out
VAGUE_WORDS = frozenset(w for w in VAGUE if " " not in w and w != "few")
_NUM = re.compile(r"^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+$")


@lru_cache(maxsize=1)
def count_words() -> dict[str, frozenset[str]]:
    """The lists of ``resources/lang/en/counts.yaml``: none words, range openers, joiners."""
    text = resources.files("wirecoder.resources").joinpath("lang", "en", "counts.yaml") \
        .read_text("utf-8")
    return {k: frozenset(v) for k, v in load_yaml(text).items()}


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern:
    words = count_words()

    def alt(items):
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))
    return re.compile(rf"^(?:(?:{alt(words['range_openers'])})\s+)?(?P<low>[\w,.]+?)\s*"
                      rf"(?:{alt(words['range_joiners'])})\s*(?P<high>[\w,.]+?)(?=\s|$)")


def parse_range(words: str) -> tuple[int, int] | None:
    """``"between 15 and 20"``, ``"15 to 20"``, ``"15-20"``, ``"two or three"`` -> (low, high)
    in people, low below high, from the start of ``words`` ("15 to 20 villagers" too); else
    None (a hedge before a range is dropped: "at least 15 to 20")."""
    text = re.sub(r"^(at least|up to|about|around|some|approximately|roughly)\s+", "",
                  words.lower().strip())
    m = _range_pattern().match(text)
    if m is None:
        return None
    low, high = _plain_count(m["low"]), _plain_count(m["high"])
    if low is None or high is None or not low < high:
        return None
    return low, high


def parse_count(words: str) -> int | None:
    """``"39"`` -> 39, ``"eight"`` -> 8, ``"twenty-five"`` -> 25, ``"dozens"`` -> 12, ``"more
    than 10"`` -> 11, ``"between 15 and 20"`` -> 15 (the least number the wording allows, as
    ACLED takes the most conservative estimate), else None."""
    span = parse_range(words)
    if span is not None:
        return span[0]
    text = words.lower().strip()
    lang = reading_language()
    if lang != "en":
        return _count_in(text, language_data(lang, "lexicon"))
    above = re.match(r"^(more than|over)\s+", text) is not None  # "more than 10": 11 at least
    text = re.sub(r"^(at least|at most|up to|about|around|nearly|almost|more than|over|some|"
                  r"as many as|approximately|roughly)\s+", "", text)
    number = _plain_count(text)
    return number + 1 if above and number is not None else number


def _count_in(text: str, lex: dict) -> int | None:
    """A count worded in another language, from its lexicon's ``numbers``, ``vague``,
    ``at_least`` and ``more_than`` ("au moins 20" -> 20, "plus de 40" -> 41, "une dizaine"
    -> 10, "vingt-et-un" -> 21)."""
    text = " ".join(text.replace("\u00a0", " ").replace("’", "'").split())
    vague = lex.get("vague") or {}
    for words, above in ((lex.get("more_than") or (), True), (lex.get("at_least") or (), False)):
        for w in sorted(words, key=len, reverse=True):
            if text.startswith(w + " ") and text[len(w) + 1:].strip():
                rest = text[len(w) + 1:].strip()
                if text in vague:
                    break
                number = _count_in(rest, lex)
                return number + 1 if above and number is not None else number
    if text in vague:
        return vague[text]
    if re.match(r"^\d{1,3}(?:[ .]\d{3})+$", text):
        return int(re.sub(r"\D", "", text))
    if _NUM.match(text):
        return int(float(text.replace(",", "")))
    numbers = lex.get("numbers") or {}
    words = [p for p in re.split(r"[-\s]+", text) if p]
    parts, i = [], 0
    while i < len(words):  # the longest hyphened number first: "quatre-vingt-dix" is 90
        for j in range(len(words), i, -1):
            if "-".join(words[i:j]) in numbers:
                parts.append("-".join(words[i:j]))
                i = j
                break
        else:
            return None
    if not parts:
        return None
    total = 0
    for p in parts:
        total = max(total, 1) * numbers[p] if numbers[p] == 100 else total + numbers[p]
    return total or None


def _plain_count(text: str) -> int | None:
    if _NUM.match(text):
        return int(float(text.replace(",", "")))
    if text in VAGUE:
        return VAGUE[text]
    if text in WORDS:
        return WORDS[text]
    parts = re.split(r"[-\s]+", text)
    if parts and all(p in WORDS for p in parts):
        total = 0
        for p in parts:
            total = total * WORDS[p] if WORDS[p] == 100 else total + WORDS[p]
        return total
    return None
