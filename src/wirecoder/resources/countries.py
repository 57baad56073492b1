"""Countries as news text names them: ISO names (pycountry), press names and demonyms
(``countries.yaml``), and the ACLED-style state actors generated for every country.

``country_by_word("Algeria's")`` and ``country_by_word("Tunisians")`` both find the country; a
lower-case word never does ("turkey" the bird, "chad" the name), which keeps common nouns out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import load_yaml

from ..model import Actor, slug
from .languages import demonyms, reading_language

# role -> (ACLED name template, actor type)
STATE_ROLES = {
    "military": ("Military Forces of {country}", "state force"),
    "police": ("Police Forces of {country}", "state force"),
    "government": ("Government of {country}", "government"),
    "civilians": ("Civilians ({country})", "civilians"),
    "protesters": ("Protesters ({country})", "protesters"),
}

# A noun that, modified by a country word or read in a country's context, names a state actor.
# Single words (or their lemmas) only. Deliberately absent: "security" ("a security source" is a
# person speaking), "officials" and "officers" (too often sources, not actors).
FORCE_NOUNS = {
    **dict.fromkeys("army military troops troop soldier soldiers forces force guard guards "
                    "gendarmerie gendarme gendarmes commandos commando navy airforce marines "
                    "paratroopers".split(), "military"),
    **dict.fromkeys("police policemen policeman policewoman".split(), "police"),
    **dict.fromkeys("government authorities ministry regime".split(), "government"),
    **dict.fromkeys("civilians civilian villagers villager residents resident passengers "
                    "worshippers students farmers herders".split(), "civilians"),
    **dict.fromkeys("protesters protester demonstrators demonstrator marchers".split(),
                    "protesters"),
}


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str  # the short name used in actor names: "Tunisia", "Iran", "United States"
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    import pycountry

    extra = load_yaml(resources.files("wirecoder.resources").joinpath(
        "countries.yaml").read_text(encoding="utf-8")) or {}
    out = {}
    for c in pycountry.countries:
        more = extra.get(c.alpha_2) or {}
        short = more.get("short") or getattr(c, "common_name", None) or c.name
        names = [short, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                 *more.get("names", [])]
        out[c.alpha_2] = Country(c.alpha_2, short, tuple(dict.fromkeys(n for n in names if n)),
                                 tuple(more.get("demonyms", [])))
    for code, more in extra.items():  # codes pycountry lacks (XK)
        if code not in out and more.get("short"):
            out[code] = Country(code, more["short"], (more["short"], *more.get("names", [])),
                                tuple(more.get("demonyms", [])))
    return out


@lru_cache(maxsize=1)
def _word_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        for name in c.names:
            index.setdefault(name.casefold(), c.iso2)
            index.setdefault("the " + name.casefold(), c.iso2)
        for demonym in c.demonyms:
            index.setdefault(demonym.casefold(), c.iso2)
            for plural in _plurals(demonym):
                index.setdefault(plural.casefold(), c.iso2)
    return index


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "ss", "ish", "ch", "i")) or " " in demonym and \
            demonym.endswith("ese"):
        return [demonym + "s"] if demonym.endswith("i") else []
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
SHORT_CODES = frozenset({"US", "UK", "U.S.", "U.K.", "UAE", "USA", "DRC", "CAR", "DPRK"})


def country_by_word(word: str) -> Country | None:
    """The country a name or demonym (plural, possessive, with "the") refers to, else None.

    While an article in another language is read (``languages.reading``), that language's
    country names and demonyms (``resources/lang/<code>/countries.tsv``, ``demonyms.tsv``;
    French demonyms are written in lower case: "maliens") are looked up first."""
    word = " ".join(word.split())
    lang = reading_language()
    if lang != "en":
        folded = word.casefold()
        iso2 = country_names_in(lang).get(folded) or demonyms(lang).get(folded)
        if iso2 and iso2 in countries():
            return countries()[iso2]
    word = _POSSESSIVE.sub("", word).strip()
    if word.lower().startswith("the "):
        word = word[4:]
    if not word or not word[0].isupper():
        return None
    if len(word.replace(".", "")) <= 4 and word.isupper() and word not in SHORT_CODES:
        return None  # "IS", "AQIM"-like acronyms are not countries
    iso2 = _word_index().get(word.casefold())
    return countries()[iso2] if iso2 else None


def country_code(text: str) -> str | None:
    """A user's country filter as ISO 3166-1 alpha-2: ``TN``, ``tun``, ``Tunisia``, ``the UK``
    and ``Tunisian`` all work (any case); None when it names no country."""
    import pycountry

    words = " ".join(text.split())
    if len(words) == 2 and words.upper() in countries():
        return words.upper()
    if len(words) == 3 and words.isalpha():
        found = pycountry.countries.get(alpha_3=words.upper())
        if found is not None:
            return found.alpha_2
    return _word_index().get(words.casefold())


def country_suggestions(text: str, n: int = 3) -> list[str]:
    """Country names close to a misspelt ``text`` ("Tunsia" -> Tunisia), best first."""
    import difflib

    names = {name.casefold(): name for c in countries().values() for name in c.names}
    close = difflib.get_close_matches(" ".join(text.split()).casefold(), names, n=3 * n,
                                      cutoff=0.8)
    found = dict.fromkeys(names[c] for c in close)  # one name per spelling, best first
    return list(found)[:n]


def state_actor(iso2: str, role: str) -> Actor:
    """"Military Forces of Tunisia" and kin, with a stable id slugged from the name."""
    template, type_ = STATE_ROLES[role]
    country = countries().get(iso2)
    name = template.format(country=country.name if country else iso2)
    return Actor(slug(name), name, type_, iso2)


@lru_cache(maxsize=4)
def country_names_in(lang: str) -> dict[str, str]:
    """Country names in another language (``resources/lang/LANG/countries.tsv``, made by
    scripts/make_place_names.py), folded as ``country_code`` compares words -> ISO2; empty for
    a language without a table. Read only for articles in that language: an English text's
    "Chili" or "Maurice" is no country."""
    path = resources.files("wirecoder.resources").joinpath("lang", lang, "countries.tsv")
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, iso2 = line.split("\t")
            out[name.casefold()] = iso2
    return out
