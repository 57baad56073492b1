"""How many: the count an event mention gives and the words it came from.

"killed 14 soldiers and four civilian drivers" is 18; "at least 12 villagers" keeps its hedge
in the wording; "Kobi and al-Nimr" are one death each, named; "dozens of villagers" takes
ACLED's conventional number; "significant numbers" and "how many" are no count at all. A
sense's count is of one kind (``counts`` in the lexicon: fatalities, wounded, abducted,
arrested).
"""

from __future__ import annotations

from .numbers import VAGUE_WORDS, count_words, parse_count


def conjuncts(token) -> list:
    """The token, the nouns conjoined to it ("Kobi and al-Nimr") and its companions ("the
    commander along with three of his guards", "together with two aides"). Tokens in
    sentence order, the token first."""
    out = [token, *(c for c in token.children if c.dep_ == "conj")]
    if token.dep_ == "dobj":  # "arrested a commander and two fighters", the small model
        out += [c for c in token.head.children  # hanging "fighters" on the verb
                if c.dep_ == "conj" and c.i > token.i and c.pos_ in ("NOUN", "PROPN", "NUM")
                and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
                            for t in token.doc[token.i + 1:c.i])  # "and seized rifles" is not
                and not own_time(c)]  # "... and three more in Dori on Tuesday": another event
    return out + companions(token)


def own_time(token) -> bool:
    """The conjunct has a time of its own ("five in Djibo on Monday and three more in Dori on
    Tuesday"): a second occurrence with its verb left out, never added to the first's toll
    (issue 29, kinds 4 and 5)."""
    return any(p.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in p.children)
               or p.dep_ in ("advmod", "npadvmod") and any(  # "... a few days later"
                   t.ent_type_ in ("DATE", "TIME") for t in p.subtree)
               for p in token.children)


def companions(token) -> list:
    """The people "along with" / "together with" a victim or detainee: the preposition
    hangs on the noun or on its verb."""
    out = []
    for host in (token, token.head):
        for prep in host.children:  # after the noun: "Troops, along with police, ..." is no one
            if prep.dep_ == "prep" and prep.lower_ in ("along", "together") and prep.i > token.i:
                out.extend(g for w in prep.children if w.lower_ == "with"
                           for g in w.children if g.dep_ == "pobj")
    return out


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
    if patient.lower_ == "total":  # "a total of eight people were killed": the eight
        patient = next((g for c in patient.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), patient)
    if says_none(patient):  # "No one was killed", "nobody was hurt": none, not one
        return 0, patient.doc[patient.left_edge.i:patient.i + 1].text
    things = frozenset(lex["classes"]["weapons"])  # "detained two men and multiple rifles"
    people = [t for t in conjuncts(patient) if t.i == patient.i or t.lemma_.lower() not in things]
    counted = [m for m in mention.patients if m.count is not None]
    if counted:  # "14 soldiers and four civilian drivers": a conjunct no actor covers counts too
        covered = {t.i for m in counted for t in m.span}
        extra = [_one_count(t) for t in people if t.i not in covered]
        return sum(m.count for m in counted) + sum(n for n, _ in extra if n), \
            ", ".join([m.count_text for m in counted] + [text for n, text in extra if n])
    if patient.lemma_.lower() in UNCOUNTED:  # "a number of suspects": the table's estimate
        words = patient.doc[patient.left_edge.i:patient.right_edge.i + 1].text
        return parse_count("a number of") if patient.lower_ == "number" else None, words
    if patient.tag_ in ("NNP", "NN") and not any(c.like_num for c in patient.lefts):
        named = people  # "Kobi and al-Nimr": one death each, named; "a commander
        counts = [_one_count(t) for t in named]  # and several of his guards": 1 + 3
        return sum(n or 1 for n, _ in counts), "; ".join(
            text or patient.doc[t.left_edge.i:t.i + 1].text for t, (_, text) in zip(named, counts))
    if patient.like_num and patient.pos_ == "NUM":  # "wounding 30", "killing at least 12"
        return _counted(patient, patient)
    parts = [(n, text) for n, text in (_one_count(t, singular=False) for t in people)
             if n]  # "soldiers and four civilians": 4; "soldiers and a civilian": unknown
    if parts:
        return sum(n for n, _ in parts), ", ".join(text for _, text in parts)
    if patient.lower_ in VAGUE_COUNTS:  # "dozens of villagers": ACLED's conventional numbers
        return parse_count(patient.lower_), patient.doc[patient.i:patient.right_edge.i + 1].text
    return None, ""


def _one_count(token, singular: bool = True) -> tuple[int | None, str]:
    """How many one conjunct names: "two of his guards" 2, "several of his aides" or "multiple
    suspects" the vague table's estimate (``numbers.VAGUE``), "a commander" 1 (a singular
    noun, unless ``singular`` is false), "fighters" unknown (``None``)."""
    doc = token.doc
    whole = next((g for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"), token)  # "two of his guards"
    if token.like_num and token.pos_ == "NUM":
        return _counted(token, whole)
    if token.lower_ in VAGUE_WORDS:  # "several of his associates"
        return parse_count(token.lower_), doc[token.i:whole.i + 1].text
    number, words = _number_of(token)
    if number:
        return number, words
    vague = next((c for c in token.lefts if c.lower_ in VAGUE_WORDS
                  and c.dep_ in ("amod", "det", "quantmod")), None)
    if vague is not None and token.tag_ in ("NNS", "NNPS"):  # "several others"
        return parse_count(vague.lower_), doc[vague.i:token.i + 1].text
    if singular and token.tag_ in ("NN", "NNP") and token.pos_ in ("NOUN", "PROPN") \
            and token.lower_ not in UNCOUNTED:
        return 1, doc[token.left_edge.i:token.i + 1].text
    return None, ""


def _number_of(noun) -> tuple[int | None, str]:
    """"at least 12 villagers" -> (12, the whole wording, hedge included)."""
    number = next((c for c in noun.lefts if c.like_num), None)
    return _counted(number, noun) if number is not None else (None, "")


def _counted(number, head) -> tuple[int | None, str]:
    """The count ``number`` gives with its hedges and the other end of a range ("between 15
    and 20", "15 to 20"), and the wording up to ``head``."""
    doc = head.doc
    start, end = number.left_edge.i, number.i
    if end + 2 < len(doc) and doc[end + 1].lower_ in count_words()["range_joiners"] \
            and doc[end + 2].like_num:
        end += 2  # "between 15 and 20": the range's other end hangs on the first
    return parse_count(doc[start:end + 1].text), doc[start:max(head.i, end) + 1].text


def says_none(patient) -> bool:
    """"no one", "nobody", "none of the soldiers", "no soldiers": the victims are none
    (``none_words`` and ``none_determiners`` of resources/lang/en/counts.yaml)."""
    words = count_words()
    if patient is None:
        return False
    return patient.lower_ in words["none_words"] or any(
        c.dep_ == "det" and c.lower_ in words["none_determiners"] for c in patient.lefts)
