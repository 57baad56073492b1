"""``wc_actor_ruler``: gazetteer names become entities *before* the statistical NER runs.

Names match case-insensitively (``LOWER``), acronyms case-sensitively (``ORTH``: "IS" the
group, never "is" the verb). Each entity carries the gazetteer id in ``ent.ent_id_`` so later
stages need no second lookup. Patterns are built once per process, when the pipeline loads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler

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
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True, validate=False,
                        phrase_matcher_attr="LOWER")
    gazetteer = load_actor_gazetteer(tuple(extra_gazetteers))
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns(nlp, gazetteer))
    return ShoutGuard(ruler)


class ShoutGuard:
    """Wraps the ruler: in ALL-CAPS stretches (wire headlines) acronym hits are noise ("IT IS")."""

    def __init__(self, ruler):
        self.ruler = ruler

    def __call__(self, doc):
        doc = self.ruler(doc)
        kept = [ent for ent in doc.ents if not _shouting_acronym(ent)]
        if len(kept) != len(doc.ents):
            doc.ents = kept
        return doc

    # spaCy asks components for these when saving/loading; the ruler is rebuilt from data anyway
    def to_disk(self, *a, **k):
        pass

    def from_disk(self, *a, **k):
        return self


def _shouting_acronym(ent) -> bool:
    if not (ent.ent_id_ and ent.text.isupper() and len(ent) == 1):
        return False
    sent = ent.sent if ent.doc.has_annotation("SENT_START") else ent.doc[max(0, ent.start - 8):ent.end + 8]
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6
