"""The tense of the clause a time expression belongs to, from the parse.

"Talks will resume on Tuesday" is the coming Tuesday; "gunmen attacked on Tuesday" the last
one. The clause is the first verb above the expression (through ``prep``/``npadvmod`` and
noun heads). It is future when that verb, or the verb it complements, takes "will", "shall"
or "'ll"; is "going to"; or is a present-tense "be" + -ing/-ed form of scheduling ("is
meeting", "is scheduled", "is due", "are expected"). Past-tense forms make it past, and so do
the perfect ("have been searching since the Oct. 23 shooting"), a past participle modifying a
noun ("the injunction issued Thursday", unless it schedules: "talks set for Friday") and
"since" ("since the Oct. 23 shooting" is before now, whatever the verb). Anything else is
present. Only a bare weekday, month or month-day reads differently by tense (see
``normalize.when``).
"""

from __future__ import annotations

import re

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
SCHEDULE = frozenset({"schedule", "expect", "due", "set", "plan", "slate", "meet", "hold",
                      "visit", "begin", "start", "resume", "vote", "open", "travel", "go",
                      "arrive", "leave", "return", "take"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
PERFECT = frozenset({"has", "have", "had", "'ve"})
INTEND = frozenset({"plan", "intend", "expect", "hope", "want", "aim", "promise", "vow"})


def _clause_verb(span):
    """The verb governing ``span``; None when there is none, or when an adjective governs it
    first ("payable Dec. 7", "effective Feb. 1": the adjective has no tense)."""
    node = getattr(span, "root", span)
    inside = range(span.start, span.end) if hasattr(span, "root") else range(0)
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i not in inside:
            return node
        if node.pos_ == "ADJ" and node.i not in inside and node.lower_ != "due":
            return None
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def _future(verb) -> bool:
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
        return True
    be = [c for c in children if c.dep_ in ("aux", "auxpass") and c.lower_ in PRESENT_BE]
    if be and verb.tag_ in ("VBG", "VBN") and verb.lemma_.lower() in SCHEDULE:
        return True  # "is meeting on Tuesday", "is scheduled for March"
    if verb.lower_ in PRESENT_BE and any(c.lower_ == "due" for c in children):
        return True
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in children):
        return True
    if verb.lemma_.lower() in INTEND and verb.tag_ in ("VBZ", "VBP") and \
            any(c.dep_ == "xcomp" for c in children):
        return True  # "plans to visit on Monday"
    return False


def tense_of(span) -> str:
    """"future", "past" or "present" for the clause governing ``span`` (a spaCy Span, or a
    Token: an event's predicate)."""
    if _after_since(span):
        return "past"
    verb = _clause_verb(span)
    if verb is None:
        return "present"
    node = verb
    for _ in range(3):  # "plans to visit on Monday": the governing verb's own tense counts
        if _future(node):
            return "future"
        if node.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or node.head.i == node.i:
            break
        node = node.head
    if verb.tag_ in ("VBD",) or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in verb.children):
        return "past"
    if any(c.dep_ == "aux" and c.lower_ in PERFECT for c in verb.children):
        return "past"  # "has held", "have been searching"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() not in SCHEDULE:
        return "past"  # "the injunction issued Thursday"
    return "present"


def _after_since(span) -> bool:
    """Whether "since" governs the expression, directly or through the noun it dates."""
    node = getattr(span, "root", span)
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ == "since" and node.dep_ == "prep":
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


# "in the last month", "this month", "in recent months", "over the past year", "so far this
# year", "for years": a span that runs up to the report
RUNNING_PERIOD = re.compile(
    r"^(?:(?:in|within|over|during|for)\s+)?(?:so far\s+)?(?:the\s+)?(?:this|last|past|"
    r"recent|previous)\s+(?:few\s+|two\s+|three\s+|several\s+)?(?:week|month|year)s?(?:\s+alone)?$"
    r"|^(?:(?:in|over)\s+)?recent\s+(?:weeks|months|years)$", re.I)
# "has fought the army for years": a long-running activity, no occurrence of its own (said
# with "for": "the worst fighting in decades" is a superlative, not a span)
LONG_SPAN = re.compile(r"^(?:for\s+)?(?:many\s+|several\s+|a\s+few\s+|two\s+|three\s+)?"
                       r"(?:months|years|decades)$", re.I)


def tally(token, date_text: str) -> bool:
    """A present perfect over a span that runs up to the report ("forces have captured 17
    leaders in the last month", "several leaders have been captured this month", "has
    directed attacks in recent months"; "... have been captured and two were killed this
    month alone") sums up what was done before the story's news: a
    tally, background to it, not an event of its own day. ACLED codes events by day and
    leaves out what is vaguer than a month (ACLED Codebook, "Time precision codes")."""
    if not date_text or not (RUNNING_PERIOD.match(date_text.strip())
                             or LONG_SPAN.match(date_text.strip()) and _said_with_for(token,
                                                                                  date_text)):
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return perfect(verb) or verb.dep_ == "conj" and perfect(verb.head)


def _said_with_for(token, date_text: str) -> bool:
    """The time phrase ``date_text`` in the token's sentence is the object of "for"."""
    text = date_text.strip()
    if text.lower().startswith("for "):
        return True
    return any(e.text == text and e.root.head.lower_ == "for" for e in token.sent.ents)


def perfect(verb) -> bool:
    """"have captured", "has been detained", "we've detained" (not the past perfect)."""
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.text.lower() in PERFECT
                                      and c.text.lower() != "had" for c in verb.children)
