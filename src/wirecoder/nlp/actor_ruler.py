"""``wc_actor_ruler``: gazetteer names become entities *before* the statistical NER runs.

Names match case-insensitively (``LOWER``), acronyms case-sensitively (``ORTH``: "IS" the
group, never "is" the verb). Each entity carries the gazetteer id in ``ent.ent_id_`` so later
stages need no second lookup. Patterns are built once per process, when the pipeline loads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from ..resources.gazetteer import load_actor_gazetteer

LABELS = {"person": "PERSON"}  # every other actor type is an ORG to the rest of spaCy


def gazetteer_patterns(nlp, gazetteer) -> list[dict]:
    """Compute the ruler's patterns (pure: easy to test without running the ruler). Names of
    several words are lower-cased phrase patterns (matched on LOWER by a PhraseMatcher, which
    stays fast with thousands of entries); one-word names and acronyms match as written."""
    patterns = []
    for entry in gazetteer.entries.values():
        label = LABELS.get(entry.type, "ORG")
        for name in gazetteer.variants(entry):
            words = [t.text for t in nlp.make_doc(name)]
            if len(words) == 1:  # one word matches as written: "Platform" not "platform"
                patterns.append({"label": label, "id": entry.id,
                                 "pattern": [{"ORTH": words[0]}]})
            elif words:
                patterns.append({"label": label, "id": entry.id, "pattern": name.lower()})
        for acronym in entry.acronyms:
            words = [t.text for t in nlp.make_doc(acronym)]
            patterns.append({"label": label, "id": entry.id,
                             "pattern": [{"ORTH": w} for w in words]})
    return patterns + region_patterns(nlp)


def region_patterns(nlp) -> list[dict]:
    """Named regions the statistical NER misses or mislabels ("Sahel" as a person) become LOC.
    One-word names match exactly as written, so "swat" the verb is not the Swat valley."""
    from ..normalize.geo_index import _regions

    patterns = []
    for region in _regions():
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
    return ActorRuler(nlp, gazetteer_patterns(nlp, gazetteer))


class ActorRuler:
    """Two PhraseMatchers (names on LOWER, one-word names and acronyms on ORTH): the same
    patterns an EntityRuler would take, matched without its token-by-token Matcher, which
    cost more than all our other stages together on wire text."""

    def __init__(self, nlp, patterns: list[dict]):
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, tuple[str, str]] = {}
        lower: dict[str, list] = {}
        orth: dict[str, list] = {}
        for p in patterns:
            key = f"{p['label']}|{p['id']}"
            self.keys[key] = (p["label"], p["id"])
            if isinstance(p["pattern"], str):
                lower.setdefault(key, []).append(p["pattern"])
            elif all("ORTH" in t for t in p["pattern"]):
                orth.setdefault(key, []).append(" ".join(t["ORTH"] for t in p["pattern"]))
            else:
                lower.setdefault(key, []).append(" ".join(t["LOWER"] for t in p["pattern"]))
        for matcher, table in ((self.lower, lower), (self.orth, orth)):
            for key, phrases in table.items():
                matcher.add(key, list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc):
        spans = []
        for matcher in (self.lower, self.orth):
            for match_id, start, end in matcher(doc):
                label, ent_id = self.keys[doc.vocab.strings[match_id]]
                spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        kept = [s for s in filter_spans(spans) if not _shouting_acronym(s)]
        if kept:
            doc.ents = kept  # before the NER, which predicts around them
        return doc

    # spaCy asks components for these when saving/loading; the ruler is rebuilt from data anyway
    def to_disk(self, *a, **k):
        pass

    def from_disk(self, *a, **k):
        return self


def _shouting_acronym(ent) -> bool:
    if not (ent.ent_id_ and ent.text.isupper() and len(ent) == 1):
        return False
    sent = ent.doc[max(0, ent.start - 8):ent.end + 8]  # before the parser: a window
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6
