"""Places by their slot (issue 29, kind 1): a capitalised name where English puts a place is a
place whatever entity label the small model gave it, kept whole.

The slots (``resources/lang/en/place_slots.yaml``):

* after a place preposition: "in X", "near X", "outside X" -- a place when the place index
  knows the whole name (a town, a division, a country, a region);
* explicit: "the town of X", "the village of X", "the military camp of X", "X district", "X
  province" -- a place even when the index does not know it (the words say so);
* a list after such a place: "in Djibo and Dori", "near A, B and C" -- each name the index
  knows;
* a dateline: an upper-case name opening the text or a paragraph, before a comma
  ("KIDAL, Mali (AP) --"), when the index knows it.

In a preposition's slot or a list the name must be the object the parse gives ("to Police
headquarters": "Police" modifies "headquarters"). A name is the longest run of capitalised words (with the particles of ``particles`` and
hyphens inside it: "Ras al-Ain", "Deir ez-Zor"); never a part of a run ("John Kerry" holds no
"Kerry"). An entity the gazetteer matched (``ent_id_``: an actor), a date or a number is never
overwritten, nor a PERSON after "from"/"to" and the like (people are told "from" and "to"),
nor one the text treats as a person (``fix_ents.looks_like_person``). An entity the name
covers is replaced; one that runs on past it over a conjunction ("Bakhmut and Avdiivka" as
one ORG) is cut there. ``slot_places`` computes; ``fix_ents`` writes the result.
Offsets: token indices of the Doc.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..resources import load_yaml
from spacy.attrs import IDX
from spacy.tokens import Span

from .doc_cache import doc_text

KNOWN_KINDS = frozenset("city admin1 country region county".split())
PLACE_LABELS = frozenset("GPE LOC FAC".split())
LOOSE_LABELS = frozenset("PERSON ORG NORP".split())
MAX_WORDS = 6


@lru_cache(maxsize=1)
def slot_words() -> dict[str, frozenset[str]]:
    """The word lists of ``place_slots.yaml``, each a frozenset of lower-case words."""
    path = resources.files("wirecoder.resources").joinpath("lang", "en", "place_slots.yaml")
    return {k: frozenset(v) for k, v in load_yaml(path.read_text("utf-8")).items()}


def slot_places(doc, ents: list[Span]) -> list[Span]:
    """``ents`` with every place found in a slot labelled GPE (sorted, none overlapping)."""
    words = slot_words()
    found: list[tuple[int, int, int, str]] = []  # (start, end, end of the name, slot word)
    taken_until = -1
    text = doc_text(doc)
    # every slot's name starts with a capital: only those tokens are looked at (a Token made
    # for each of a long article's words cost more than the rest of the stage)
    capitals = [i for i, at in enumerate(doc.to_array(IDX).tolist()) if text[at].isupper()]
    for i in capitals:
        if i < taken_until:
            continue
        span = _slot_at(doc, i, words)
        if span is None:
            continue
        found.append(span)
        taken_until = span[1]
        for more in _listed_after(doc, span[1], words):
            found.append((*more, more[1], span[3]))
            taken_until = more[1]
    if not found:
        return ents
    out = list(ents)
    for start, end, name_end, slot in found:
        out = _write(doc, out, start, end, name_end, slot)
    return sorted(out, key=lambda e: e.start)


def _slot_at(doc, i: int, words) -> tuple[int, int, int, str] | None:
    """A place slot whose name starts at token ``i``: (start, end, end of the name without
    a place noun after it, slot word)."""
    token = doc[i]
    if i > 0 and doc[i - 1].lower_ in words["prepositions"] and _name_word(token):
        end = _run_end(doc, i, words)
        noun = _noun_after(doc, end, words)
        if noun:
            return i, end + 1, end, doc[i - 1].lower_
        if _known(doc[i:end].text) and _object(doc[i:end]):
            return i, end, end, doc[i - 1].lower_
        return None
    if i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in words["of_nouns"] \
            and _definite(doc, i - 3) and _name_word(token):
        end = _run_end(doc, i, words)
        return i, end, end, doc[i - 2].lower_
    if _name_word(token) and (i == 0 or doc[i - 1].lower_ not in words["prepositions"]):
        if _opens_paragraph(doc, i) and token.is_upper:
            end = _run_end(doc, i, words)
            if end < len(doc) and doc[end].text == "," and _known(doc[i:end].text.title()):
                return i, end, end, "dateline"
        if token.pos_ == "PROPN" and (i == 0 or not _name_word(doc[i - 1])):
            end = _run_end(doc, i, words)
            if _noun_after(doc, end, words) and not token.is_sent_start:
                return i, end + 1, end, doc[end].lower_
    return None


def _definite(doc, i: int) -> bool:
    """"the" at ``i``, or an adjective there after "the" ("the military camp of X")."""
    return doc[i].lower_ == "the" or (i >= 1 and doc[i].pos_ == "ADJ"
                                      and doc[i - 1].lower_ == "the")


def _listed_after(doc, end: int, words):
    """Names the index knows, listed after a slot's name: ", B", "and B", ", and B"."""
    while end < len(doc) and doc[end].lower_ in words["conjunctions"]:
        nxt = end + 1
        if nxt < len(doc) and doc[nxt].lower_ in words["conjunctions"]:
            nxt += 1  # ", and"
        if nxt >= len(doc) or not _name_word(doc[nxt]):
            return
        stop = _run_end(doc, nxt, words)
        if not (_known(doc[nxt:stop].text) and _object(doc[nxt:stop])):
            return
        yield nxt, stop
        end = stop


def _write(doc, ents: list[Span], start: int, end: int, name_end: int, slot: str
           ) -> list[Span]:
    """``ents`` with [start, end) a GPE, unless an entity there must be kept. ``name_end``:
    where the name ends before a place noun ("Marib" of "Marib province"); a place entity of
    the model's that holds the whole name is kept as it is."""
    over = [e for e in ents if e.start < end and start < e.end]
    site = None
    for e in over:
        if e.ent_id_ or e.label_ not in PLACE_LABELS | LOOSE_LABELS:
            return ents  # an actor the gazetteer knows, a date, a number
        if e.label_ in PLACE_LABELS and e.start <= start and e.end >= name_end:
            return ents  # the model has it, whole or longer
        if e.start < start and _site_then_town(doc, e, start, end):
            site = Span(doc, e.start, start - 1, label=e.label_)  # "the Bardo Museum"
            continue
        if e.start < start:
            return ents  # a name that begins before the slot's
        if e.end > end and doc[end].lower_ not in slot_words()["conjunctions"]:
            return ents  # runs on: not a list the slot cuts
        if e.label_ == "PERSON" and slot in slot_words()["person_prepositions"]:
            return ents
    if any(e.label_ == "PERSON" for e in over):
        from .fix_ents import looks_like_person

        if any(looks_like_person(e) for e in over if e.label_ == "PERSON"):
            return ents
    kept = [e for e in ents if not (e.start < end and start < e.end)]
    return kept + ([site] if site is not None else []) + [Span(doc, start, end, label="GPE")]


def _site_then_town(doc, entity: Span, start: int, end: int) -> bool:
    """"the Bardo Museum in Tunis" tagged as one ORG: the entity ends with the slot's name,
    its preposition inside the entity right after a site noun (``site_nouns``)."""
    return entity.label_ in ("ORG", "FAC") and entity.end == end and start - 2 > entity.start \
        and doc[start - 1].lower_ in slot_words()["prepositions"] \
        and doc[start - 2].lower_ in slot_words()["site_nouns"]


def _name_word(token) -> bool:
    """A capitalised word that may begin a name ("Kidal", "N'Djamena", "KIDAL")."""
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text) and token.pos_ != "PRON" \
        and not token.like_num


def _run_end(doc, i: int, words) -> int:
    """The end (exclusive) of the run of capitalised words from ``i``, with the particles and
    hyphens between them; at most MAX_WORDS tokens."""
    end = i + 1
    while end < len(doc) and end - i < MAX_WORDS:
        token = doc[end]
        joined = doc[end - 1].whitespace_ == ""
        if _name_word(token) and not (token.is_sent_start):
            end += 1
        elif (token.lower_ in words["particles"] or token.text in ("-", "'")) \
                and end + 1 < len(doc) and (_name_word(doc[end + 1])
                                            or doc[end + 1].text == "-" or doc[end + 1].lower_
                                            in words["particles"]) \
                and (token.lower_ in words["particles"] or joined):
            end += 1
        else:
            break
    while end > i + 1 and (doc[end - 1].text in ("-", "'") or doc[end - 1].lower_
                           in words["particles"]):
        end -= 1
    return end


def _object(span) -> bool:
    """The name is what the preposition (or the list) takes, not a modifier of a noun after
    it: "to Police headquarters" holds no town."""
    return span.root.dep_ in ("pobj", "conj", "appos")


def _noun_after(doc, end: int, words) -> bool:
    """"X district": a lower-case place noun right after the run."""
    return end < len(doc) and doc[end].text.islower() and doc[end].lower_ in words["after_nouns"]


def _opens_paragraph(doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_ \
        or doc[i - 1].is_space


def _known(name: str) -> bool:
    """Whether the place index knows ``name`` as a town, a division, a country or a region."""
    from ..normalize.geo_index import geo_index

    return len(name) >= 3 and any(c.kind in KNOWN_KINDS for c in geo_index().lookup(name))
