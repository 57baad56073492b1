"""How many: the count an event mention gives and the words it came from.

"killed 14 soldiers and four civilian drivers" is 18; "at least 12 villagers" keeps its hedge
in the wording; "Kobi and al-Nimr" are one death each, named; "dozens of villagers" takes
ACLED's conventional number; "significant numbers" and "how many" are no count at all. A
sense's count is of one kind (``counts`` in the lexicon: fatalities, wounded, abducted,
arrested).
"""

from __future__ import annotations

from .numbers import parse_count


def conjuncts(token) -> list:
    """The token and the nouns conjoined to it ("Kobi and al-Nimr")."""
    return [token, *(c for c in token.children if c.dep_ == "conj")]


UNCOUNTED = frozenset(["number", "many", "much", "lot", "some", "most"])


def uncounted(patient) -> bool:
    """"significant numbers were killed", "how many": no one counted, no event; but "a number
    of suspected insurgents" names its people (of unstated number)."""
    if patient is None or patient.lemma_.lower() not in UNCOUNTED:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for p in c.children)
        for c in patient.children)
VAGUE_COUNTS = frozenset("dozens hundreds scores several".split())


def counted_next(token):
    """"abducted 14 people, including two women, a local official said": the small model
    makes the counted noun right after the verb the subject of "said"; by position it is the
    object ("wounding at least nine people, witnesses said" alike)."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 5, len(doc) - 1)):
        if doc[i].like_num and doc[i].dep_ == "nummod":
            noun = doc[i].head
            near = noun.i == i + 1 or noun.i == i + 2 and doc[i + 1].pos_ == "ADJ"
            return noun if near and noun.dep_ in ("nsubj", "nsubjpass") else None
        if doc[i].dep_ not in ("advmod", "quantmod") and doc[i].pos_ != "ADV":
            return None
    return None


def toll(patient, mention, lex) -> tuple[int | None, str]:
    """(count, wording) of the victims ``patient`` heads; sets ``mention.count_kind``."""
    kind = lex["counts"].get(mention.sense)
    if kind is None:
        return None, ""
    mention.count_kind = kind
    counted = [m for m in mention.patients if m.count is not None]
    if counted:  # "14 soldiers and four civilian drivers": a conjunct no actor covers counts too
        covered = {t.i for m in counted for t in m.span}
        extra = [_number_of(t) for t in conjuncts(patient) if t.i not in covered]
        return sum(m.count for m in counted) + sum(n for n, _ in extra if n), \
            ", ".join([m.count_text for m in counted] + [text for n, text in extra if n])
    if patient.lemma_.lower() in UNCOUNTED:  # "a number of suspects": the table's estimate
        words = patient.doc[patient.left_edge.i:patient.right_edge.i + 1].text
        return parse_count("a number of") if patient.lower_ == "number" else None, words
    if patient.tag_ in ("NNP", "NN") and not any(c.like_num for c in patient.lefts):
        named = conjuncts(patient)  # "Kobi and al-Nimr": one death each, named
        return len(named), "; ".join(patient.doc[t.left_edge.i:t.i + 1].text for t in named)
    if patient.like_num and patient.pos_ == "NUM":  # "wounding 30", "killing at least 12"
        return _counted(patient, patient)
    parts = [(n, text) for n, text in map(_number_of, conjuncts(patient)) if n]
    if parts:
        return sum(n for n, _ in parts), ", ".join(text for _, text in parts)
    if patient.lower_ in VAGUE_COUNTS:  # "dozens of villagers": ACLED's conventional numbers
        return parse_count(patient.lower_), patient.doc[patient.i:patient.right_edge.i + 1].text
    return None, ""


def _number_of(noun) -> tuple[int | None, str]:
    """"at least 12 villagers" -> (12, the whole wording, hedge included)."""
    number = next((c for c in noun.lefts if c.like_num), None)
    return _counted(number, noun) if number is not None else (None, "")


def _counted(number, head) -> tuple[int | None, str]:
    start = number.left_edge.i
    return parse_count(head.doc[start:number.i + 1].text), head.doc[start:head.i + 1].text
