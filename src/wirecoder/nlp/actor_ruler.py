"""``wc_actor_ruler``: gazetteer names become entities *before* the statistical NER runs.

Names match on their folded form (``resources/names.py``: case, straight and curly
apostrophes, hyphens and spaces, dots, transliterations such as "Taleban", doubled letters;
a trailing plural "s": "Haqqanis"), token by token through a table of folded prefixes, so
the cost per token does not grow with the gazetteer; a match must hold a capital (one-word
names: start with one). A name without its generic last word ("Haqqani" for the Haqqani
Network) matches only before a member noun ("a Haqqani leader") and not inside a longer
capitalised name. Acronyms match case-sensitively (``ORTH``: "IS" the group, never "is" the
verb), with or without dots ("L.T.T.E."). A name several actors share is given to the one
whose countries the document names most (``ActorGazetteer.choose``). Each entity carries the
gazetteer id in ``ent.ent_id_`` so later stages need no second lookup. Tables are built once
per process, when the pipeline loads.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from ..resources.gazetteer import country_by_word, load_actor_gazetteer
from ..resources.names import fold_word, forms
from .doc_cache import set_ents

FUNCTION_WORDS = frozenset("a an the of by and with for from to in on at as or".split())
MAX_TOKENS = 24  # a long full name ("... - Lovers of Peace faction"); the prefix table stops early

LABELS = {"person": "PERSON"}  # every other actor type is an ORG to the rest of spaCy


def region_patterns(nlp) -> list[dict]:
    """Named regions the statistical NER misses or mislabels ("Sahel" as a person) become LOC.
    One-word names match exactly as written, so "swat" the verb is not the Swat valley."""
    from ..normalize.geo_index.sources import regions

    patterns = []
    for region in regions():
        for name in (region["name"], *region.get("aliases", ())):
            if not name[:1].isupper():
                continue
            words = [t.text for t in nlp.make_doc(name)]
            key = "ORTH" if len(words) == 1 else "LOWER"
            patterns.append({"label": "LOC", "id": f"region:{region['id']}",
                             "pattern": [{key: w if key == "ORTH" else w.lower()} for w in words]})
    return patterns


@Language.factory("wc_actor_ruler", assigns=["doc.ents"],
                  default_config={"extra_gazetteers": []})
def make_actor_ruler(nlp, name, extra_gazetteers: list[str]):
    gazetteer = load_actor_gazetteer(tuple(extra_gazetteers))
    return ActorRuler(nlp, region_patterns(nlp), gazetteer)


class ActorRuler:
    """Folded names looked up token by token (``names``, ``stems``, ``prefixes``); acronyms
    and regions through PhraseMatchers on ORTH (and LOWER for regions), which stay fast with
    thousands of entries."""

    def __init__(self, nlp, patterns: list[dict], gazetteer):
        self.gazetteer = gazetteer
        self._folded_orth: dict[int, str] = {}  # token orth id -> fold_word(text)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, tuple[str, str]] = {}
        lower: dict[str, list] = {}
        orth: dict[str, list] = {}
        for p in patterns:  # regions
            key = f"{p['label']}|{p['id']}"
            self.keys[key] = (p["label"], p["id"])
            if all("ORTH" in t for t in p["pattern"]):
                orth.setdefault(key, []).append(" ".join(t["ORTH"] for t in p["pattern"]))
            else:
                lower.setdefault(key, []).append(" ".join(t["LOWER"] for t in p["pattern"]))
        for acronym in gazetteer.acronyms:
            orth.setdefault(f"ACR|{acronym}", []).append(acronym)
        for matcher, table in ((self.lower, lower), (self.orth, orth)):
            for key, phrases in table.items():
                matcher.add(key, list(nlp.tokenizer.pipe(phrases)))
        self.names: dict[str, list[str]] = {}
        self.stems: dict[str, list[str]] = {}
        self.prefixes: set[str] = set()
        for source, target in ((gazetteer.names, self.names), (gazetteer.stems, self.stems)):
            for key, ids in source.items():
                target[key] = ids
        texts = {}
        for entry in gazetteer.entries.values():
            if entry.match is True:
                for name in gazetteer.variants(entry):
                    texts[name] = entry.id
        for name, doc in zip(texts, nlp.tokenizer.pipe(list(texts))):
            self._add_prefixes(doc, self.names, texts[name])
        self.member_nouns = frozenset(forms()["member_nouns"])
        self.member_gap = int(forms().get("member_gap", 0))
        self.page_words = frozenset(forms().get("page_words", ()))
        for key in list(self.stems):
            self.prefixes.update(key[:i] for i in range(1, len(key) + 1))

    def _add_prefixes(self, doc, table, entry_id) -> None:
        folded = ""
        for token in doc:
            folded += fold_word(token.text)
            if folded:
                self.prefixes.add(folded)
        # a tokenisation of its own; never a name the gazetteer keeps for before a member noun
        # only (a people's name, an ordinary word: "Hamar", "Christians")
        if folded and entry_id not in table.get(folded, ()) \
                and entry_id not in self.gazetteer.stems.get(folded, ()):
            table.setdefault(folded, []).append(entry_id)

    def __call__(self, doc):
        spans = []
        for matcher in (self.lower, self.orth):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                if key.startswith("ACR|"):
                    spans.append(self._span(doc, start, end, self.gazetteer.acronyms[key[4:]]))
                else:
                    label, ent_id = self.keys[key]
                    spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        spans.extend(self._span(doc, start, end, ids) for start, end, ids in self.find(doc))
        kept = [s for s in filter_spans(spans) if not _shouting_acronym(s)
                and not _page_control(s, self.page_words)]
        if kept:
            set_ents(doc, kept)  # before the NER, which predicts around them
        return doc

    def find(self, doc) -> list[tuple[int, int, list[str]]]:
        """(start, end, ids) of every longest folded-name match (pure: easy to test)."""
        folded_orth = self._folded_orth  # one fold per vocabulary entry, not per token
        keys = []
        for t in doc:
            key = folded_orth.get(t.orth)
            if key is None:
                key = folded_orth[t.orth] = fold_word(t.text)
            keys.append(key)
        found = []
        i, n = 0, len(doc)
        while i < n:
            if not keys[i] or keys[i] not in self.prefixes or keys[i] == "the":
                i += 1
                continue
            best = None
            folded = ""
            for j in range(i, min(n, i + MAX_TOKENS)):
                folded += keys[j]
                if keys[j]:
                    if folded in self.names:
                        best = (j + 1, self.names[folded])
                    elif folded.endswith("s") and folded[:-1] in self.names \
                            and doc[j].text.endswith("s"):
                        best = (j + 1, self.names[folded[:-1]])
                    elif folded in self.stems and self._stem_ok(doc, i, j + 1):
                        best = (j + 1, self.stems[folded])
                if folded not in self.prefixes:
                    break
            if best is not None and _capitalised(doc[i:best[0]]) \
                    and not _inside_name(doc, i, best[0]):
                found.append((i, best[0], best[1]))
                i = best[0]
            else:
                i += 1
        return found

    def _stem_ok(self, doc, start: int, end: int) -> bool:
        """"a Haqqani leader": a member noun follows, and no capitalised word of a longer
        name stands before ("Sirajuddin Haqqani") or after. Also a member noun before, joined
        by "of" or "for" ("members of the Dinka", "a spokesman for the Afar"), or a claim after
        ("the Afar claimed responsibility"): the name stands where a group stands."""
        if self._member_precedes(doc, start) or _claim_follows(doc, end):
            return True
        if not self._member_follows(doc, end):
            return False
        if start > 0:
            before = doc[start - 1]
            if before.is_title and before.lower_ not in FUNCTION_WORDS and start > 1 \
                    and doc[start - 2].text not in (".", "\n", "\n\n", '"'):
                return False
        return True

    def _member_precedes(self, doc, start: int) -> bool:
        """"members of (the) X", "fighters of X", "a spokesman for X"."""
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        return i >= 1 and doc[i].lower_ in ("of", "for") \
            and doc[i - 1].lower_ in self.member_nouns

    def _member_follows(self, doc, end: int) -> bool:
        """A member noun at ``end``, or after at most ``member_gap`` lower-case modifiers
        ("Haqqani senior leader", "Haqqani shadow governor", "Haqqani mid-level leader")."""
        for j in range(end, min(len(doc), end + self.member_gap + 1)):
            if doc[j].lower_ in self.member_nouns:
                return True
            if not doc[j].text.replace("-", "").isalpha() or not doc[j].text.islower():
                return False
        return False

    def _span(self, doc, start: int, end: int, ids: list[str]) -> Span:
        entries = [self.gazetteer.entries[i] for i in ids]
        entry = entries[0] if len(entries) == 1 else \
            self.gazetteer.choose(entries, _doc_countries(doc))
        return Span(doc, start, end, label=LABELS.get(entry.type, "ORG"), span_id=entry.id)

    # spaCy asks components for these when saving/loading; the ruler is rebuilt from data anyway
    def to_disk(self, *a, **k):
        pass

    def from_disk(self, *a, **k):
        return self


CLAIMS = frozenset("claimed claims claim".split())


def _claim_follows(doc, end: int) -> bool:
    """"X claimed responsibility", "X had claimed responsibility": a group's act."""
    j = end
    if j < len(doc) and doc[j].lower_ in ("has", "had", "have", "also"):
        j += 1
    return j + 1 < len(doc) and doc[j].lower_ in CLAIMS and doc[j + 1].lower_ == "responsibility"


def _capitalised(span) -> bool:
    """A name as names are written: its first word capitalised, or a particle before one
    ("al-Shabaab"); never a run of lower-case words. A word with an apostrophe is a word
    ("Da'ud", "N’Djamena"), not punctuation to skip."""
    words = [t for t in span if t.is_alpha or t.text[:1].isalpha() and t.text[-1:].isalpha()]
    if not words:
        return False
    if words[0].text[:1].isupper():
        return True
    return len(words) > 1 and len(words[0]) <= 3 and words[1].text[:1].isupper()


def _inside_name(doc, start: int, end: int) -> bool:
    """One word between two capitalised words is part of a longer name ("United Arab
    Emirates"), not a name of its own."""
    if end - start != 1 or start == 0 or end >= len(doc):
        return False
    before, after = doc[start - 1], doc[end]
    return before.is_title and before.lower_ not in FUNCTION_WORDS and after.is_title \
        and after.lower_ not in FUNCTION_WORDS


def _doc_countries(doc) -> dict[str, int]:
    """ISO2 -> how often the document names the country (its name or demonym, one to three
    capitalised words: "Papua New Guinea"): the scope that chooses among same-named actors."""
    counts: dict[str, int] = {}
    tokens = [t for t in doc if t.text[:1].isupper() and t.is_alpha]
    for t in tokens:
        two = doc[t.i:t.i + 2].text if t.i + 1 < len(doc) else ""
        three = doc[t.i:t.i + 3].text if t.i + 2 < len(doc) else ""
        for text in (t.text, two, three):
            country = _country(text) if text else None
            if country is not None:
                counts[country] = counts.get(country, 0) + 1
    return counts


@lru_cache(maxsize=65536)
def _country(text: str) -> str | None:
    country = country_by_word(text)
    return country.iso2 if country else None


def _page_control(ent, page_words) -> bool:
    """"Download PDF": an acronym that labels a page control is a page fragment, no actor."""
    return len(ent) == 1 and ent.text.isupper() and ent.start > 0 \
        and ent.doc[ent.start - 1].lower_ in page_words


def _shouting_acronym(ent) -> bool:
    if not (ent.ent_id_ and ent.text.isupper() and len(ent) == 1):
        return False
    sent = ent.doc[max(0, ent.start - 8):ent.end + 8]  # before the parser: a window
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6
