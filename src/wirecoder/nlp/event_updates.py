"""Within an article, what later sentences add to an occurrence already told, and which
mentions are parts or totals of others (used by ``event_merge.merge_mentions``).

* *Toll revisions*: "The death toll rose to 14", "the toll from the bombing climbed to 20":
  the sentence states the occurrence's toll again, higher; the event takes the larger figure
  with its wording (the pooling rule: the largest figure stated for that occurrence).
* *Later deaths of the wounded*: "Three of the wounded later died" in a later sentence adds
  three deaths to the event told before (and takes three from its wounded); in the sentence
  that states the toll ("raising the toll after three of the wounded died") it is inside it.
* *A total over several occurrences*: "Two bombs killed 15 people. The first bomb ...,
  killing nine. A second bomb ..., killing six.": the first sentence sums two occurrences told
  apart below it; neither takes its total (UCDP GED codes each bombing as its own event).
* *A sum over several operations*: "Troops detained 12 suspects during three operations in
  two provinces yesterday. In X province, a patrol detained five suspects ...": the lead sums
  operations the body tells one by one; the detentions (or killings) of the body are the
  events, and the lead's time and place fill their gaps (ACLED codes one event per location
  and day; a sum over several places is none of them).
* *Durations are no dates*: "fought soldiers for hours" has no other day than "on Friday".

Every rule reads the parse only (no extra spaCy pass); sources of the conventions: UCDP GED
codebook (best estimate, one event per incident), ACLED codebook ("Looting/property
destruction" is coded only where no violent event covers it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..resources import load_yaml, read_yaml

from .numbers import parse_count

RISE = frozenset("rise climb reach jump increase hit mount soar grow stand be".split())
TOLL_PREPOSITIONS = ("to", "at")  # "rose to 14", "stands at 21"; other languages' in their
# lexicon (``toll_prepositions``: French "s'élève à", "fait état de")
RAISE = frozenset("raise bring take push put".split())  # "bringing the toll to eight"
TOLL_NOUNS = frozenset(["toll"])
INJURIES = frozenset("injury wound".split())
WOUNDED_WORDS = frozenset("wounded injured wound injure casualty".split())
ORDINALS = frozenset("first second third fourth another other".split())
PART_NOUNS = frozenset("bomb blast explosion attack bombing raid strike ambush shooting "
                       "airstrike bomber".split())
DURATION = re.compile(r"^(?:for\s+)?(?!(?:last|this|next|past|previous|coming|that|same|"
                      r"the)\b)(?:[\w-]+[\s-]+){0,4}?"
                      r"(?:hours?|days?|weeks?|minutes?|months?|years?|decades?)$", re.I)
# (a whole word before the unit: "Monday" is no "Mon day")
# ("last year", "this week": a calendar time, not a span)


def is_duration(text: str) -> bool:
    """"hours", "for three days": a span of time, no calendar date (TimeML DURATION)."""
    return bool(text) and bool(DURATION.match(text.strip()))


def dates_clash(a, b) -> bool:
    """Two mentions' time phrases name different times (durations name none)."""
    da, db = a.date_text, b.date_text
    return bool(da and db and da != db and not is_duration(da) and not is_duration(db))


# ---- toll revisions ---------------------------------------------------------------------

def revised_toll(sent) -> tuple[int, str] | None:
    """(N, wording) when the sentence says an occurrence's toll rose to, or stands at, N:
    "The death toll rose to 14", "the toll is eleven dead" (``toll`` the subject of a verb in
    ``RISE``, N the object of its "to"/"at" or its direct object or attribute), "raising the
    toll to seven" (``toll`` the object of a verb in ``RAISE``, N after "to"). None
    otherwise."""
    preps = _toll_prepositions(sent.doc.lang_)
    for token in sent:
        if token.lemma_.lower() not in TOLL_NOUNS:
            continue
        verb = token.head
        subject = token.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in RISE
        if not subject and not (token.dep_ == "dobj" and verb.lemma_.lower() in RAISE):
            continue  # "the toll rose to 14" / "raising the toll to seven"
        for child in verb.children:
            number = None
            if child.dep_ == "prep" and child.lower_ in preps:
                number = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ in ("dobj", "attr") and subject:  # "the toll is eleven dead"
                number = child
                if _count(child) is None:  # a phrase's noun ("fait état de 21 morts"): its
                    number = next((g for p in child.children if p.dep_ == "prep"  # figure
                                   and p.lower_ in preps for g in p.children
                                   if g.dep_ == "pobj"), child)
            if number is None:
                continue
            n = _count(number)
            if n:
                return n, _wording(token, verb, child, number)
    return None


@lru_cache(maxsize=8)
def _toll_prepositions(lang: str) -> frozenset:
    from ..resources.languages import language_data

    extra = language_data(lang, "lexicon").get("toll_prepositions") if lang != "en" else None
    return frozenset(TOLL_PREPOSITIONS) | frozenset(extra or ())


def _wording(toll, verb, link, number) -> str:
    """"The death toll rose to 20" (the toll's own modifiers, not "from Tuesday's attack")."""
    doc = toll.doc
    words = [t for t in toll.lefts if t.dep_ in ("det", "compound", "amod", "poss")]
    words += [toll, verb] + ([link] if link.i != number.i else [])
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words) + " " + doc[number.left_edge.i:number.i + 1].text


def _count(token) -> int | None:
    if token.like_num:
        return parse_count(token.text)
    num = next((c for c in token.children if c.dep_ in ("nummod", "amod") and c.like_num),
               None)  # ("neuf morts": the French model may read the number as an adjective)
    return parse_count(num.text) if num is not None else None


def apply_revisions(events: list, doc) -> None:
    """Each toll-revision sentence raises the toll of the event it is about: the violent event
    told in that sentence, else the last one told before it (``events`` in article order,
    only violent asserted ones considered). The figure and its wording replace the count when
    larger; the sentence joins the event's evidence."""
    sents = {t.sent.start: t.sent for t in doc  # few ("bilan": a French toll, by its concept)
             if t.lower_ in ("toll", "tolls") or t.lemma_.lower() in TOLL_NOUNS}
    for sent in sents.values():
        found = revised_toll(sent)
        if found is None:
            continue
        n, wording = found
        own = [e for e in events if any(s.start == sent.start for s in e.sents)]
        before = [e for e in events if e.sents[0].start < sent.start]
        target = (own or before[-1:] or [None])[0]
        if target is None or target.count_kind != "fatalities" and target.fatalities:
            continue
        if all(s.start != sent.start for s in target.sents):
            target.sents.append(sent)
            target.sents.sort(key=lambda s: s.start)
        if target.fatalities is None or n > target.fatalities:
            target.fatalities, target.count_kind = n, "fatalities"
            target.counts_text = [wording, *target.counts_text]  # the figure's wording first


# ---- later deaths of the wounded ----------------------------------------------------------

def of_the_wounded(mention) -> int | None:
    """N when the mention is "N of the wounded (later) died" (a death sense whose subject is
    "N of the wounded/injured ...") or "N ... died of their wounds / from injuries" (one for a
    singular subject); None otherwise."""
    if mention.sense not in ("die", "kill"):
        return None
    if mention.sense == "die" and any(  # "a soldier later died of his wounds"
            c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in INJURIES for g in c.children)
            for c in mention.trigger.children):
        subject = next((c for c in _subjects(mention.trigger) if c.dep_ == "nsubj"), None)
        return (_count(subject) or (1 if subject is not None and subject.tag_ in ("NN", "NNP")
                                    else None)) if subject is not None else None
    for child in _subjects(mention.trigger):
        of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        words = {t.lower_ for t in whole.subtree} if whole is not None else set()
        if words & WOUNDED_WORDS:
            return _count(child)
    return None


def _subjects(verb) -> list:
    """The verb's subjects, or, for a verb conjoined to another with none of its own ("was
    evacuated to Gao but died on the way"), the first verb's: one subject for both."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def later_deaths(mention, kept):
    """The event whose wounded the mention's dead were: the last violent event told before
    that counts wounded (or any violent one). Returns (event, N to add): N is 0 when the
    mention is in one of the event's sentences (the toll stated there includes them)."""
    n = of_the_wounded(mention)
    if not n:
        return None
    wounded = [m for m in kept if m.other_counts.get("wounded") or m.count_kind == "wounded"]
    target = (wounded or kept or [None])[-1]
    if target is None:
        return None
    same = any(s.start == mention.sents[0].start for s in target.sents)
    return target, 0 if same else n


def add_later_deaths(target, mention, n: int) -> None:
    """The dead of the wounded join the event's toll; they leave its wounded."""
    if not n:
        return
    if target.count_kind == "fatalities":
        target.fatalities = (target.fatalities or 0) + n
        target.counts_text = [*target.counts_text, *mention.counts_text]
    elif target.count_kind == "wounded":  # the count was of wounded: deaths are new
        target.other_counts.setdefault("wounded", target.fatalities)
        target.fatalities, target.count_kind = n, "fatalities"
        target.counts_text = list(mention.counts_text)
    wounded = target.other_counts.get("wounded")
    if wounded:
        target.other_counts["wounded"] = max(wounded - n, 0)


# ---- totals over parts --------------------------------------------------------------------

def plural_total(mention) -> bool:
    """"Two bombs killed 15", "twin blasts killed 30": the mention's doer or trigger is a
    plural occurrence noun counted two or more (or "twin")."""
    for token in (mention.trigger, mention.doer_token,
                  *(c for c in mention.trigger.children if c.dep_ == "nsubj")):
        if token is None or token.tag_ != "NNS" or token.lemma_.lower() not in PART_NOUNS:
            continue
        for child in token.children:
            if child.lower_ == "twin" or child.dep_ == "nummod" and (parse_count(child.text)
                                                                     or 0) >= 2:
                return True
    return False


@lru_cache(maxsize=1)
def _total_openers() -> re.Pattern:
    """"In all, ...": ``incidents.total_openers`` of resources/events.yaml (which
    ``resolve/incidents`` reads too)."""
    spec = read_yaml("events.yaml")["incidents"]["total_openers"]
    words = "|".join(re.escape(w) for w in sorted(spec, key=len, reverse=True))
    return re.compile(rf"^\W*(?:{words})\s*,", re.I)


def over_several(mention) -> bool:
    """"In all, 63 people were killed", "... were killed in the attacks", "died in the three
    raids": a count over several occurrences, which is no one occurrence's toll. The
    sentence opens on a total, or the occurrence the trigger's "in"/"during" phrase names is a
    plural occurrence noun."""
    if _total_openers().search(mention.trigger.sent.text):
        return True
    return any(g.tag_ == "NNS" and g.lemma_.lower() in PART_NOUNS
               for c in mention.trigger.children if c.dep_ == "prep"
               and c.lower_ in ("in", "during") for g in c.children if g.dep_ == "pobj")


def killed_by_several(token) -> bool:
    """"45 people killed by terrorist attacks" (in a year): victims of a plural occurrence
    noun, a tally over several incidents, not one (background to the story)."""
    return any(g.tag_ == "NNS" and g.lemma_.lower() in PART_NOUNS
               for c in token.children if c.dep_ == "agent"
               for g in c.children if g.dep_ == "pobj")


def ordinal_part(mention) -> bool:
    """"The first bomb exploded ...", "A second blast ...": an occurrence noun with an ordinal
    in the mention's sentence: one of several occurrences told one by one."""
    return any(t.lower_ in ORDINALS and t.head.lemma_.lower() in PART_NOUNS
               for t in mention.trigger.sent)


SEVERAL_OPERATIONS = re.compile(
    r"\b(?:separate|several|multiple|numerous|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\s+(?:[\w-]+\s+){0,3}?(?:operations|raids|missions|searches|patrols)\b"
    r"|\bin\s+[A-Z][^.;]*?\b(?:and|&)\s+[A-Z][\w'\u2019-]*\s+provinces\b")
SUM_SENSES = frozenset(["arrest", "kill"])


def operations_sum(mention) -> bool:
    """"detained 12 suspects during three operations", "killed several insurgents during
    separate clearing operations", "in Farah and Kandahar provinces": an arrest or killing
    whose sentence sums several operations (or provinces)."""
    return mention.sense in SUM_SENSES and mention.modality == "asserted" \
        and not mention.background and bool(SEVERAL_OPERATIONS.search(mention.trigger.sent.text))


def _told_apart(total, e) -> bool:
    """``e`` is one of the operations ``total`` sums: the same sense, current, told in a
    later sentence that sums nothing itself."""
    return e is not total and e.sense == total.sense and e.modality == "asserted" \
        and not e.background and e.sents[0].start > total.sents[0].start \
        and not operations_sum(e)


def split_totals(events: list) -> list:
    """A plural total followed by two or more of its parts told one by one is dropped, and
    so is a sum over several operations followed by one or more of them (``operations_sum``):
    its sentence joins the parts' evidence and its date and place fill their gaps; its toll
    goes to none of them."""
    out = list(events)
    for total in events:
        if operations_sum(total):
            parts = [e for e in events if _told_apart(total, e)]
            if not parts:
                continue
        elif not plural_total(total):
            continue
        else:
            parts = [e for e in events if e is not total and ordinal_part(e)
                     and e.sents[0].start > total.sents[0].start]
            if len(parts) < 2:
                continue
        for part in parts:
            part.sents = sorted([*part.sents, *total.sents[:1]], key=lambda s: s.start)
            part.date_text = part.date_text or total.date_text
            part.place_text = part.place_text or total.place_text
        out.remove(total)
    return out
