"""Spelling keys for transliterated place names: the same town written two ways.

The press writes Arabic, Persian and Pashto names as it hears them, and GeoNames as its
sources transliterate them: "Qamishli" is GeoNames' "Al Qāmishlī", "Hodeidah" its
"Al Ḩudaydah", "Tal Afar" its "Tall ‘Afar", "Maarat al-Numan" its "Ma‘arrat an Nu‘mān". Two
keys catch most of this, both from ``geo_index.norm``'s accent-folded form:

- ``unarticled``: without the Arabic article in any of its assimilated forms ("al", "el", "ar",
  "as", "an", "ez", "ash" ...), wherever it stands: "deir ez zor" -> "deir zor";
- ``skeleton``: that, with a word-final "h" after a vowel dropped (ta marbuta: "Raqqah" /
  "Raqqa"), French digraphs read as English ("ch" -> "sh", "dj" -> "j"), "q" as "k", doubled
  letters collapsed, then vowels and the "y"/"w" glides dropped, marking only whether each word
  opens or closes on a vowel: "hodeidah" and "hudaydah" both -> "hdd+". Only a skeleton of at
  least ``MIN_CONSONANTS`` letters is kept: shorter ones collide too often.

A match on either key is weaker evidence than a match on the name itself, so ``where`` uses
them only when the name itself finds nothing, and only for places in the article's countries.
"""

from __future__ import annotations

import re
from functools import lru_cache

ARTICLES = frozenset("al el ar as ad at az an ash adh ath ed es en ez et ul".split())
MIN_CONSONANTS = 3


@lru_cache(maxsize=1 << 16)  # asked again for each candidate of a name: kept per key
def unarticled(key: str) -> str:
    """``key`` (already ``norm``-ed) without its Arabic articles; unchanged if that empties it."""
    words = [w for w in key.split() if w not in ARTICLES]
    return " ".join(words) if words else key


@lru_cache(maxsize=1 << 16)
def skeleton(key: str, min_consonants: int = MIN_CONSONANTS) -> str | None:
    """The consonant skeleton of ``key`` (already ``norm``-ed), or None when it has fewer than
    ``min_consonants`` letters, too few to tell places apart."""
    words = []
    for word in unarticled(key).split():
        word = re.sub(r"(?<=[aeiou])h$", "", word)
        word = word.replace("ch", "sh").replace("dj", "j").replace("q", "k")
        word = re.sub(r"(.)\1+", r"\1", word)
        bones = re.sub(r"[aeiouyw]", "", word)
        if bones:  # a word's opening and closing vowel stay, as marks: "Helmet" is no "Helmetta"
            words.append(("'" if word[0] in "aeiou" else "") + bones
                         + ("+" if word[-1] in "aeiouy" else ""))
    consonants = sum(c.isalnum() for c in "".join(words))
    return " ".join(words) if consonants >= max(min_consonants, 1) else None


def variant_keys(key: str) -> set[str]:
    """The keys ``key`` (already ``norm``-ed) is filed under besides itself: "=" + unarticled,
    "~" + skeleton of any length (lookups apply their own minimum)."""
    keys = set()
    if unarticled(key) != key:
        keys.add("=" + unarticled(key))
    if (bones := skeleton(key, 1)) is not None:
        keys.add("~" + bones)
    return keys
