"""Time expressions as TimeML counts them, from the parsed document.

The NER's DATE/TIME entities are the start (with the pieces it cut apart joined, as
``fix_ents`` joins them), corrected four ways:

* what is not a time is dropped: ages ("6-year-old", "Smith, 44,", "52 years old") and
  frequency adjectives ("a quarterly dividend", "the annual meeting");
* an entity cut short is completed: "this year" where the NER kept "year", "the 1989
  period" where it kept "1989";
* an entity holding two times is split into them: "the quarter ended Sept. 30", "between 1994
  and 1997", "Aug. 26 to Oct. 20", "1994, 1995 and 1996", "the year ending tomorrow";
* what the NER leaves out is added: deictic "now", "currently", "recently", "current", "the
  future", "in the past" (TimeML's PRESENT_REF / PAST_REF / FUTURE_REF) and frequencies
  ("daily" as an adverb, "every day", "each month": TimeML's SET).

Events read whole entities (``nlp.events``): a range is one date there, resolved by
``normalize.when``. This module is the finer, expression-level view, for evaluation against
TimeML and for anyone listing an article's times.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .doc_cache import doc_text

DEICTIC = frozenset({"now", "currently", "recently", "current", "nowadays", "presently"})
DEICTIC_PHRASES = (("the", "future"), ("the", "near", "future"), ("the", "past"))
FREQUENCY = frozenset({"quarterly", "annual", "annually", "yearly", "monthly", "weekly",
                       "biannual", "semiannual", "hourly"})
# Words that join two times inside one entity; the parts must each look like a time.
JOINERS = frozenset({"ended", "ending", "ends", "through", "thru", "to", "until", "till",
                     "and", "or", "-", "–", ","})
EDGE_WORDS = frozenset({"between", "from", "its", "and", "or", ",", "both", "an"})
TIME_WORD = re.compile(
    r"^(?:\d{1,4}(?:s|st|nd|rd|th)?|'\d0s|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|yesterday|tonight|"
    r"(?:quarter|year|month|week|day)s?|spring|summer|fall|autumn|winter|christmas|easter|noon|"
    r"midnight|morning|evening|afternoon|night|weekend|decade|century|now)$")
AGE = re.compile(r"^\d{1,3}(?:-| )(?:year|month|week|day)s?(?:-| )old$|^(?:\d{1,3}|"
                 r"\w+-\w+|\w+)(?: years?)? old$")


def time_expressions(doc) -> list[Span]:
    """The document's time expressions, in text order (see the module docstring)."""
    out: list[Span] = []
    for ent in _joined(doc.ents):
        if ent.label_ not in ("DATE", "TIME") or not _is_time(ent):
            continue
        out.extend(_split(_with_period(_with_determiner(ent))))
    taken = {i for span in out for i in range(span.start, span.end)} | \
        {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out.extend(_missed(doc, taken))
    out.extend(_holidays(doc, {i for span in out for i in range(span.start, span.end)}))
    return sorted(out, key=lambda s: s.start)


def _joined(ents) -> list[Span]:
    """The NER's times with the pieces it cut apart joined (as ``fix_ents`` joins them):
    "Thursday" + "evening", "the morning" + "of 1 March 2019"."""
    from .date_ents import one_time, with_day

    out: list[Span] = []
    for ent in ents:
        if out and one_time(out[-1], ent):
            out[-1] = Span(ent.doc, out[-1].start, ent.end, label="DATE")
        else:
            out.append(with_day(ent))
    return out


def _is_time(ent: Span) -> bool:
    text = ent.text.lower()
    if AGE.match(text) or re.fullmatch(r"\d{1,3}-(?:year|month|week)-old", text):
        return False
    if re.fullmatch(r"\d{1,3}", text):  # "Smith, 44," : an age or a count, not a year
        return False
    return not (len(ent) == 1 and ent[0].lower_ in FREQUENCY and ent[0].pos_ == "ADJ")


def _with_determiner(ent: Span) -> Span:
    """"This year" where the NER kept only "year"."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("this", "last", "next", "that") \
            and ent[0].lower_ in UNITS:
        return Span(ent.doc, ent.start - 1, ent.end, label=ent.label_)
    return ent


def _with_period(ent: Span) -> Span:
    """"The 1989 period", "the year-ago quarter" where the NER stopped before the noun: the
    noun says the year is a reporting period, not the whole year."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in ("period", "quarter") and \
            (re.fullmatch(r"\d{4}", ent[-1].text) or ent[-1].lower_ in ("ago", "earlier")):
        return Span(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


def _split(ent: Span) -> list[Span]:
    doc = ent.doc
    parts, start = [], ent.start
    for tok in ent:
        if tok.lower_ in JOINERS and tok.i > start and _timeish(doc[start:tok.i]) and \
                _timeish(doc[tok.i + 1:ent.end]) and not _inside_number(tok):
            parts.append((start, tok.i))
            start = tok.i + 1
    parts.append((start, ent.end))
    if len(parts) == 1 and ent[-1].lower_ not in JOINERS:
        return [ent]  # whole; one ending in a joiner ("between now and") is trimmed below
    out = []
    for s, e in parts:
        while s < e and doc[s].lower_ in EDGE_WORDS:
            s += 1
        while e > s and doc[e - 1].lower_ in EDGE_WORDS:
            e -= 1
        if s < e:
            out.append(Span(doc, s, e, label=ent.label_))
    return out


def _timeish(span) -> bool:
    return any(TIME_WORD.match(t.lower_) for t in span if t.lower_ not in EDGE_WORDS)


def _inside_number(tok) -> bool:
    """A comma or hyphen inside one date ("Aug. 10, 1988", "1998-99") joins nothing."""
    if tok.lower_ not in (",", "-", "–"):
        return False
    before = tok.nbor(-1) if tok.i > 0 else None
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if before is None or after is None:
        return False
    if tok.lower_ == ",":  # a list of years splits; "Monday, Oct. 26, 1998" is one date
        return not (re.fullmatch(r"\d{4}", before.text) and re.fullmatch(r"\d{4}", after.text))
    return tok.whitespace_ == "" and before.whitespace_ == ""


HOLIDAY = re.compile(r"\b(?:(?:last|this|next)\s+)?(?:thanksgiving|christmas|new\s+year's|"
                     r"election\s+day|independence\s+day)(?:\s+day|\s+eve)?\b", re.I)


def _holidays(doc, taken: set[int]) -> list[Span]:
    """Holidays the NER tags as events, or not at all: "Thanksgiving Day", "last Christmas"."""
    out = []
    for m in HOLIDAY.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="DATE")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
    return out


EVERY = frozenset({"every", "each"})
UNITS = frozenset({"day", "week", "month", "year", "quarter", "hour", "night", "morning",
                   "evening", "weekend"})


def _missed(doc, taken: set[int]) -> list[Span]:
    out = []
    for tok in doc:
        if tok.i in taken:
            continue
        if tok.lower_ in DEICTIC and (tok.lower_ != "current" or tok.pos_ == "ADJ") or \
                tok.lower_ in FREQUENCY and tok.pos_ == "ADV":
            out.append(Span(doc, tok.i, tok.i + 1, label="DATE"))
            continue
        if tok.lower_ in EVERY and tok.i + 1 < len(doc) and tok.i + 1 not in taken and \
                doc[tok.i + 1].lower_ in UNITS:
            out.append(Span(doc, tok.i, tok.i + 2, label="DATE"))
            continue
        for phrase in DEICTIC_PHRASES:
            end = tok.i + len(phrase)
            if end <= len(doc) and tuple(t.lower_ for t in doc[tok.i:end]) == phrase and \
                    not any(i in taken for i in range(tok.i, end)) and \
                    (end == len(doc) or not doc[end].like_num and doc[end].pos_ != "NOUN"):
                out.append(Span(doc, tok.i, end, label="DATE"))
                break
    return out
