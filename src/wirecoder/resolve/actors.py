"""Across articles: is a newly seen actor one we already know under another spelling?

Blocking keeps it fast: every name and alias gives *keys* (the consonant skeletons of its
first and last words, so Droukdel / Drukdal / Droukdal share "drkdl"), kept in an indexed
table; only actors that share a key are compared. The comparison is explained and scored:

* ``alias``           1.00  the same name or alias, once normalized (case, accents, "al-");
* ``transliteration`` 0.90  every word has the same skeleton, same type (Mohamed / Mohammed);
* ``fuzzy``           ratio  close spelling of the whole name (rapidfuzz's normalised Indel
                             similarity, which difflib's ratio approximates), at or above 0.88.

Different types, or different known countries, never merge; nor do two different gazetteer
actors ("TTP - MR" and "TTP - MT", "Supporters of ANPP" and "Supporters of UNPP": the UCDP
list says they are different groups). The verdict on a pair depends on
the two actors only, whichever is called ``new``. A merge is a recorded judgement (store table
``actor_links``) that can be listed and undone; source records keep their ids. Merged actors
read as one, under the member that ``rank`` puts first: the most complete name (most words),
then the smallest id, so neither name nor id depends on which article came first
("Daniel Evans", never "Evans"). An actor's own name, type and country are settled the same
way, by ``settle``: the value most mentions give, ties by a fixed order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from rapidfuzz.fuzz import ratio as _ratio

from ..model import ACTOR_TYPES, Actor

FUZZY_MIN = 0.88
PARTICLES = frozenset("al el ad ag ibn bin ben abu abou ould the of".split())


def normal(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['\u2019`]", "", text)
    text = re.sub(r"\b(al|el|ad|an|as|ash|at|az)-", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def skeleton(word: str) -> str:
    """Consonants only, doubled letters once: transliterations of one name agree."""
    word = word.replace("ou", "u").replace("kh", "k").replace("ph", "f").replace("q", "k")
    word = word.replace("c", "k").replace("j", "d")
    consonants = re.sub(r"[aeiouyhw]", "", word)
    return re.sub(r"(.)\1+", r"\1", consonants) or word


def words(name: str) -> list[str]:
    return [w for w in normal(name).split() if w not in PARTICLES] or normal(name).split()


def keys(name: str) -> set[str]:
    """Blocking keys of one name: the normalized name, and the skeletons of its first and
    last words together ("mhmd|zdn"), selective enough that a common first name or surname
    alone does not make a block of thousands."""
    out = {"n:" + normal(name)}
    ws = words(name)
    if ws:
        out.add("s:" + skeleton(ws[0]) + "|" + skeleton(ws[-1]))
    return out


def judge(new: Actor, old: Actor) -> tuple[str, float] | None:
    """(method, score) if ``new`` is ``old`` under another name, else None."""
    if new.type != old.type or new.country and old.country and new.country != old.country:
        return None
    known = _gazetteer_ids()
    if new.id != old.id and new.id in known and old.id in known:
        return None
    new_names = {normal(n) for n in (new.name, *new.aliases)} - {""}
    old_names = {normal(n) for n in (old.name, *old.aliases)} - {""}
    if new_names & old_names:
        return "alias", 1.0
    best = None
    for a in new_names:
        for b in old_names:
            wa, wb = words(a), words(b)
            if len(wa) >= 2 and len(wa) == len(wb) and \
                    [skeleton(x) for x in wa] == [skeleton(x) for x in wb]:
                return "transliteration", 0.9
            if min(len(a), len(b)) >= 8:
                ratio = _ratio(a, b) / 100
                if ratio >= FUZZY_MIN and (best is None or ratio > best[1]):
                    best = ("fuzzy", round(ratio, 3))
    return best


@lru_cache(maxsize=1)
def _gazetteer_ids() -> frozenset:
    from ..resources.gazetteer import load_actor_gazetteer

    return frozenset(load_actor_gazetteer().entries)


def rank(actor_id: str, name: str) -> tuple:
    """Sort key of merged actors: the first is canonical. The most complete name (most words
    that are not particles: "Daniel Evans" before "Evans"), then the smallest id, a total
    order that does not depend on ingest order."""
    return (-len(words(name)), actor_id)


def _name_order(name: str) -> tuple:
    return (name.isupper(), name.casefold(), name)  # "Al-Shabaab" before "AL-SHABAAB"


# ties: a name not in capitals; the smaller ISO code; the type first in ACTOR_TYPES, which puts
# "other org" (what an organisation nobody has typed defaults to) last
TIE_ORDER = {"name": _name_order, "country": lambda code: (code,),
             "type": lambda kind: (ACTOR_TYPES.index(kind) if kind in ACTOR_TYPES else 99,)}


def settle(field: str, votes: Counter, seen: tuple = ()) -> object:
    """An actor's ``field`` (name, type, country) from its mentions: the value most of them
    give (``votes``), ties broken by ``TIE_ORDER``; with no vote, the first of ``seen`` in that
    order. Order-independent: the same mentions give the same value however they arrived."""
    order = TIE_ORDER[field]
    votes = Counter({k: n for k, n in votes.items() if k is not None})
    if votes:
        return min(votes, key=lambda k: (-votes[k], order(k)))
    seen = [k for k in seen if k is not None]
    return min(seen, key=order) if seen else None
