"""``wc_labels``: a model of another language, labelled as the stages read labels.

The stages were written on the English model's output: ClearNLP dependencies (``dobj``,
``prep`` heading ``pobj``), Penn Treebank tags, OntoNotes entity labels, English lemmas as the
keys of their lexicons. A model of another language (French: Universal Dependencies,
``LOC PER ORG MISC``) is brought to that shape here, from the language's data
(``resources/lang/<code>/labels.yaml``, ``lexicon.yaml``, ``dates.yaml``; see
``resources/languages.py``), so that every later stage runs unchanged and names no
language:

1. dependency labels are renamed (``obj`` -> ``dobj``) and UD obliques are turned round so
   the preposition heads its noun (``prep`` -> ``pobj``), as in the English parse;
2. fine tags are set from the coarse POS and the morphology (``NOUN`` + plural -> ``NNS``),
   and the language's narrative past (French: the passé composé, "ont tué") is tagged as
   the English simple past, which it translates;
3. entity labels are renamed (``LOC`` -> ``GPE``), demonyms become ``NORP`` and time
   expressions ``DATE`` (the French NER has no DATE);
4. a word (or a phrase: "frappe aérienne") of the language's lexicon takes its concept as its
   lemma ("tuer" -> ``kill``); its text, the evidence, is left as written.

The stage is added only for a language with a ``labels.yaml``; English is never touched.
Reads: the parse, the lemmas, the entities. Writes: ``token.dep``, ``token.head``,
``token.tag``, ``token.lemma``, ``token._.wc_concept`` (the concept, where the lexicon gives
one), ``doc.ents``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from ..resources.languages import demonyms, language_data


Token.set_extension("wc_concept", default=None, force=True)


@Language.component("wc_labels", requires=["token.dep", "token.lemma", "doc.ents"],
                    assigns=["token.dep", "token.head", "token.tag", "token.lemma", "doc.ents"])
def labels(doc):
    lang = doc.lang_
    spec = language_data(lang, "labels")
    if not spec:
        return doc
    dates = date_spans(doc, lang)
    _relabel_tree(doc, spec, dates)
    _set_tags(doc, spec.get("tags") or {}, spec.get("narrative_past"))
    _set_lemmas(doc, lang)
    _set_ents(doc, spec.get("ents") or {}, lang, dates)
    return doc


# ---- 1. dependencies ---------------------------------------------------------------------

def turned_tree(doc, spec: dict, dates=None) -> tuple[list[int], list[str]]:
    """The heads (absolute token indices) and labels the stages read; pure, for tests.
    ``dates``: the time expressions' token spans (``date_spans``), found when not given."""
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    case_heads = set(spec.get("case_heads") or ())
    agents = set(spec.get("agent_labels") or ())
    agent_words = set(spec.get("agent_words") or ())
    partitives = set(spec.get("partitives") or ())
    for t in doc:
        if t.head.i == t.i or not (t.dep_ in case_heads or t.dep_.split(":")[0] in case_heads):
            continue
        case = [c for c in t.children if c.dep_ == "case" and c.i < t.i]
        if not case:
            continue
        first = case[0]  # "au nord de": each noun keeps its own first preposition
        if first.lower_ in partitives and t.head.pos_ == "VERB" and t.dep_.startswith("obl") \
                and not any(c.dep_ == "obj" for c in t.head.children):
            deps[t.i] = "dobj"  # "ont utilisé du gaz": a partitive article, not a preposition
            continue
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in t.head.children)
        agent = t.dep_ in agents or passive and first.lower_ in agent_words
        heads[first.i], deps[first.i] = t.head.i, "agent" if agent else "prep"
        heads[t.i], deps[t.i] = first.i, "pobj"
        for other in case[1:]:  # "à côté de": the rest of a compound preposition
            heads[other.i] = first.i
    rename = spec.get("deps") or {}
    deps = [rename.get(d, d) for d in deps]
    _dates_to_verb(doc, heads, deps, date_spans(doc, doc.lang_) if dates is None else dates)
    return heads, deps


def _dates_to_verb(doc, heads: list[int], deps: list[str], dates) -> None:
    """A time the parser hung on a noun ("tué cinq villageois [dimanche à Ségou]") dates the
    clause, as the English parse has it: the time's head word moves to the clause's verb (as
    ``npadvmod``), and so do the place phrases hung on it ("à Ségou")."""
    for start, end in dates:
        root = next((i for i in range(start, end) if not start <= heads[i] < end), None)
        if root is not None and doc[heads[root]].pos_ in ("VERB", "AUX"):
            # "tuées dimanche par des hommes armés": the agent and the place phrases the
            # parser hung on the time belong to the verb it dates
            for i, head in enumerate(heads):
                if head == root and deps[i] in ("prep", "agent") and i >= end:
                    heads[i] = heads[root]
            continue
        if root is None or deps[root] not in ("nmod", "appos") or \
                doc[heads[root]].pos_ not in ("NOUN", "PROPN"):
            continue
        verb, seen = heads[root], 0
        while doc[verb].pos_ not in ("VERB", "AUX") and heads[verb] != verb and seen < 6:
            verb, seen = heads[verb], seen + 1
        if doc[verb].pos_ not in ("VERB", "AUX"):
            continue
        heads[root], deps[root] = verb, "npadvmod"
        for i, head in enumerate(heads):
            if head == root and deps[i] == "prep" and i >= end:
                heads[i] = verb


def _relabel_tree(doc, spec: dict, dates) -> None:
    heads, deps = turned_tree(doc, spec, dates)
    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    for t in doc:
        arr[t.i, 0] = numpy.array(heads[t.i] - t.i, dtype="int64").astype("uint64")
        arr[t.i, 1] = doc.vocab.strings.add(deps[t.i])
    doc.from_array([HEAD, DEP], arr)  # heads stay within their sentence: the same sentences


# ---- 2. tags -----------------------------------------------------------------------------

def tag_for(pos: str, morph: str, table: dict) -> str | None:
    """Penn tag for a coarse POS and a morphology string ("Number=Plur|Gender=Masc")."""
    rules = table.get(pos)
    if not rules:
        return None
    features = set(morph.split("|")) if morph else set()
    for feature, tag in rules.items():  # "Tense=Pres|VerbForm=Part": every feature named
        if feature != "default" and set(feature.split("|")) <= features:
            return tag
    return rules.get("default")


def _set_tags(doc, table: dict, narrative: dict | None = None) -> None:
    for t in doc:
        tag = tag_for(t.pos_, str(t.morph), table)
        if tag:
            t.tag_ = tag
    if not narrative:
        return
    auxes = set(narrative.get("aux_lemmas") or ())
    tenses = set(narrative.get("aux_tenses") or ())
    before = set(narrative.get("past_perfect_tenses") or ())
    for t in doc:  # "ont tué", "ont été tués": the language's narrative past, told as done
        if t.tag_ != "VBN":
            continue
        for c in t.children:
            if c.dep_ != "aux" or c.lemma_.casefold() not in auxes:
                continue
            if set(c.morph.get("Tense")) & tenses:
                t.tag_ = narrative.get("tag", "VBD")
            elif set(c.morph.get("Tense")) & before:  # "avait été attaqué": "had been"
                c._.wc_concept = "had"


# ---- 3. lemmas ---------------------------------------------------------------------------

@lru_cache(maxsize=8)
def concepts(lang: str) -> tuple[dict[str, str], dict[str, tuple[tuple[str, ...], ...]]]:
    """The language's lexicon as (lemma -> concept, first lemma -> ((concept, rest...), ...))."""
    lex = language_data(lang, "lexicon")
    words = {}
    for concept, lemmas in (lex.get("concepts") or {}).items():
        for lemma in lemmas:
            words.setdefault(lemma.casefold(), concept)
    phrases: dict[str, list] = {}
    for concept, forms in (lex.get("phrases") or {}).items():
        for form in forms:
            phrases.setdefault(form[0].casefold(), []).append(
                (concept, *[w.casefold() for w in form[1:]]))
    return words, {k: tuple(v) for k, v in phrases.items()}


SKIPPED = frozenset(["DET", "ADP", "PUNCT", "NUM", "ADV"])


def _phrase_at(doc, i: int, rest: tuple[str, ...], window: int = 4) -> bool:
    """The lemmas ``rest`` follow token ``i`` in order, with only determiners, prepositions,
    numbers, adverbs (or a hyphen) between them ("a fait au moins 43 morts")."""
    j = i + 1
    for lemma in rest:
        while j < len(doc) and j - i <= window and (doc[j].pos_ in SKIPPED or doc[j].text == "-") \
                and doc[j].lemma_.casefold() != lemma:
            j += 1
        if j >= len(doc) or doc[j].lemma_.casefold() != lemma:
            return False
        j += 1
    return True


def _set_lemmas(doc, lang: str) -> None:
    words, phrases = concepts(lang)
    own = [t.lemma_.casefold() for t in doc]
    found: dict[int, str] = {}
    for t in doc:
        for concept, *rest in phrases.get(own[t.i], ()):
            if not rest or _phrase_at(doc, t.i, tuple(rest)):
                found[t.i] = concept
                break
    renders = pivot_words(lang)
    for t in doc:
        concept = found.get(t.i) or words.get(own[t.i]) or words.get(t.lower_)
        if concept:
            t.lemma_ = concept
        rendered = renders.get(own[t.i]) or renders.get(t.lower_)
        if rendered and not found.get(t.i) or concept:
            t._.wc_concept = rendered if rendered and not found.get(t.i) else concept


@lru_cache(maxsize=8)
def pivot_words(lang: str) -> dict[str, str]:
    """The lexicon's ``pivot_words``: lemma -> its wording for the word-reading rules."""
    return {k.casefold(): v for k, v in
            (language_data(lang, "lexicon").get("pivot_words") or {}).items()}


def concept_text(span) -> str:
    """A span of another language as its concepts where it has them, its words elsewhere
    ("des hommes armés" -> "des gunman armés"): what the word-reading rules after the claims
    seam (resolve/typing.py) can read. "" for None."""
    if span is None:
        return ""
    return " ".join(t._.wc_concept or t.text for t in span)


# ---- 4. entities -------------------------------------------------------------------------

def _set_ents(doc, rename: dict, lang: str, dates) -> None:
    ents = [Span(doc, e.start, e.end, label=rename.get(e.label_, e.label_)) for e in doc.ents]
    taken = {i for e in ents for i in range(e.start, e.end)}
    people = demonyms(lang)
    for t in doc:
        if t.i not in taken and t.lower_ in people:
            ents.append(Span(doc, t.i, t.i + 1, label="NORP"))
    ents.extend(Span(doc, s, e, label="DATE") for s, e in dates)
    doc.ents = filter_spans(sorted(ents, key=lambda e: (e.start, -len(e))))


@lru_cache(maxsize=8)
def _date_pattern(lang: str) -> re.Pattern | None:
    spec = language_data(lang, "dates")
    forms = spec.get("patterns") or []
    if not forms:
        return None
    words = {k: "|".join(sorted(map(re.escape, v), key=len, reverse=True))
             for k, v in (spec.get("words") or {}).items()}
    joined = "|".join(f"(?:{p.format(**words)})" for p in forms)
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE)


def date_spans(doc, lang: str) -> list[tuple[int, int]]:
    """Token spans of the language's time expressions (``dates.yaml`` ``patterns``)."""
    pattern = _date_pattern(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end))
    return out
