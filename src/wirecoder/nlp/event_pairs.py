"""Pairs of event mentions in one article that tell one occurrence, by their wording (used by
``event_merge.merge_mentions``): an attack named as the object of a support verb and the
killing that qualifies it; the dead and the wounded of one incident in coordinated clauses;
two counts that can be of the same dead (the pooling rule keeps the larger), unless the
larger is the doer's own claim."""

from __future__ import annotations

from .numbers import parse_count

VAGUE = frozenset("several dozens scores hundreds many some few".split())
ANYONE = frozenset("people persons person".split())


def same_counted(a, b) -> bool:
    """Whether two stated counts can be of the same dead: both stated in figures (not
    "several", which ACLED reads by convention), counting the same noun, or people at large
    ("killing at least 15" / "15 people" / "12 civilians")."""
    words = [(m.counts_text[0].lower().split() if m.counts_text else []) for m in (a, b)]
    if not all(words) or any(set(w) & VAGUE for w in words):
        return False
    nouns = {w[-1].rstrip("s") for w in words
             if parse_count(w[-1]) is None and w[-1] not in ANYONE}
    return len(nouns) <= 1


CLAIMING = frozenset("say claim announce boast state".split())
SELF = frozenset("it we they".split())


def own_claim(m) -> bool:
    """Whether a mention is its doer's own account of what it did: the trigger is what a
    speaker says and its subject is a pronoun for that speaker ("The group said in a statement
    it had killed 27 soldiers"). Such a figure is evidence, never the toll: ACLED codes the
    most conservative report and treats a party's claims of its own kills as partisan (ACLED
    Codebook 2023, "Fatalities")."""
    token = m.trigger
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in SELF:
        return False
    head = token
    while head.dep_ in ("ccomp", "conj", "xcomp") and head.head is not head:
        head = head.head
        if head.lemma_.lower() in CLAIMING:
            return True
    return False


SERIES = frozenset("series wave spate string number".split())
SUPPORT = frozenset("launch carry stage mount conduct commit perpetrate unleash".split())


def supported_sibling(a, b) -> bool:
    """"launched a series of attacks ..., killing seven": the attack is the object of a
    support verb whose clause the killing qualifies; one occurrence."""
    for noun, other in ((a.trigger, b.trigger), (b.trigger, a.trigger)):
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.lemma_.lower() in SERIES:  # "a series of attacks"
            noun = noun.head.head
        verb = noun.head
        if noun.dep_ == "dobj" and verb.lemma_.lower() in SUPPORT and other.head.i == verb.i \
                and other.dep_ in ("advcl", "conj", "xcomp"):
            return True
    return False


CASUALTY = frozenset(["kill", "die", "wound"])


def casualty_pair(a, b) -> bool:
    """"a man was killed and four others were wounded": the dead and the wounded of one
    incident told as two coordinated clauses (one death sense, one wounding)."""
    senses = {a.sense, b.sense}
    if not senses <= CASUALTY or "wound" not in senses or len(senses) < 2:
        return False
    x, y = a.trigger, b.trigger
    return x.dep_ == "conj" and x.head.i == y.i or y.dep_ == "conj" and y.head.i == x.i


def aim_and_deed(a, b) -> bool:
    """"targeted a Taliban leader, killing two insurgents": a raid's aim (planned) and what
    happened (asserted) are two mentions, never one; the killing stays a current event."""
    return {a.modality, b.modality} == {"planned", "asserted"}
