"""Whether a territorial verb took a place: "seized the town", "drove the militants out of three
villages", "were pushed back from the outskirts of Hama".

ACLED codes territory changing hands (Battles: *Government regains territory*, *Non-state
actor overtakes territory*) only when a place is taken (codebook 2023, Battles); "seized
weapons and several vehicles" is no territory. A place is the verb's object, "control of" a
place, or the place an armed side was driven from ("out of", "from").
"""

from __future__ import annotations

from .anchors import PLACE_NOUNS
from .senses import FROM_PLACE

TERRITORY_NOUNS = frozenset("territory land position positions hill airport port bridge "
                            "garrison barracks post headquarters control field oilfield "
                            "crossing ground enclave stronghold bastion castle highway "
                            "border area areas outskirts".split())


def _a_place(tok, depth=0) -> bool:
    """A place: a place name or noun, one with a place compound ("the border point"), or
    a part of one ("the entire length of the highway")."""
    places = PLACE_NOUNS | TERRITORY_NOUNS
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or {tok.lemma_.lower(), tok.lower_} & places:
        return True
    if any(c.dep_ == "compound" and c.lemma_.lower() in places for c in tok.children):
        return True
    return depth == 0 and any(_a_place(p, 1) for c in tok.children if c.dep_ == "prep"
                              and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")


def driven_from(verb) -> bool:
    """"drove the militants out of three villages", "pushed back from the outskirts": the
    verb's "out of" / "from" phrase names a place (the particle may be parsed as a prep)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "out"):
            for p in c.children:
                if p.dep_ == "pobj" and (_a_place(p) or p.lemma_.lower() in FROM_PLACE):
                    return True
                if p.dep_ == "prep" and p.lower_ == "of":  # "out of": "of" under "out"
                    if any(q.dep_ == "pobj" and _a_place(q) for q in p.children):
                        return True
        if c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "back"):
            if any(p.dep_ == "prep" and p.lower_ in ("of", "from") and any(
                    q.dep_ == "pobj" and _a_place(q) for q in p.children) for p in c.children):
                return True
    return False


def place_taken(token, sense, patient_tok, lex) -> bool:
    """"seized the town", "overran an army base": a territorial sense needs a place as its
    object, or a place its object was driven from."""
    if not lex["senses"][sense].get("needs_place_object"):
        return True
    if driven_from(token):
        return True
    if patient_tok is not None and patient_tok.lemma_.lower() == "control":
        # "seized control of the town", not "retake control" of a government
        return any(p.pos_ == "PROPN" or _a_place(p)
                   for c in patient_tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj")
    return patient_tok is not None and _a_place(patient_tok)
