"""Rule 4 of ``event_merge``: the sentences after a story's lead that tell its event in detail,
and whether two mentions' places can be one occurrence's (``places_agree``, also used for
detentions and operation parts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...normalize.geo_index import near
from ...normalize.hierarchy import within
from ...normalize.where import resolve_phrase
from ..anchors import date_text
from ..event_updates import dates_clash, is_duration, ordinal_part, plural_total
from .traits import OCCURRENCE_NOUNS, definite_nominal, family, in_headline, sent_distance

EVENT_NOUNS = frozenset("bombing explosion blast shooting killing kidnapping abduction battle "
                        "fighting firefight offensive airstrike".split())
OTHER_OCCURRENCE = frozenset("separate another second earlier previous similar other "
                             "new".split())   # said of an occurrence noun: "in a separate attack"
ELSEWHERE = frozenset("separately meanwhile elsewhere earlier previously also".split())
LEAD_REACH = 2  # sentences after one of the lead's that may tell it in detail
NEXT_REACH = 1  # for another event: the very next sentence
AGREE_KM = 60.0  # two town-level places this close can be one event's
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a time that names its year: told as the past


def tells_the_lead(mention, kept):
    """The event the mention tells more of: the story's lead (within ``LEAD_REACH``
    sentences) or, just after it, the event the story is telling (``NEXT_REACH``)."""
    lead = next((m for m in kept if family(m) and not in_headline(m)), None)
    told = kept[-1] if kept else None
    if told is None or not family(told) or in_headline(told) or not family(mention) \
            or mention.background or told.background or mention.modality != "asserted" \
            or told.modality != "asserted" or definite_nominal(told):  # rule 2's
        return None
    reach = LEAD_REACH if told is lead else NEXT_REACH
    if mention.trigger.sent.start == told.trigger.sent.start \
            or sent_distance(told, mention, nearest=True) > reach:
        return None
    if dates_clash(mention, told) or plural_total(told) and ordinal_part(mention):
        return None
    own = _clause_time(mention)
    if own and told.date_text and own != told.date_text and not is_duration(own):
        return None  # "Last year, a bombing in the town killed 20": the verb's time is its
    if not mention.simple_past and mention.date_text and mention.date_text != told.date_text:
        return None  # "more than 200 have been killed in the first half of the year": a tally
    if not mention.date_text and not mention.simple_past and YEAR.search(told.date_text):
        return None  # "Forces have killed X" (news) and a caption's "on June 6, 2013"
    if mention.date_text and not told.date_text and not told.simple_past:
        return None  # "Forces have killed X" (today's news) and "Last year forces killed Y"
    if _another_occurrence(mention.sents[0]) or not places_agree(told, mention):
        return None
    return told if _same_sides(told, mention) else None


def _clause_time(mention) -> str:
    """A noun trigger's time, when it has none of its own: the time of the verb it is the
    subject or object of ("Last year, a bombing [killed] 20")."""
    if mention.date_text:
        return mention.date_text
    t = mention.trigger
    if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ == "VERB":
        return date_text(t.head)
    return ""


def places_agree(a, b) -> bool:
    """Whether two mentions' places can be one ("near Djibo" and "20 km south of Djibo";
    "in Nangarhar province" and "40 km south of Jalalabad"): not when they lie in different
    countries, in different divisions, or towns more than ``AGREE_KM`` apart."""
    pa, pb = _where(a), _where(b)
    if pa is None or pb is None:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if pa.precision == 3 or pb.precision == 3:
        broad, narrow = (pa, pb) if pa.precision >= pb.precision else (pb, pa)
        return broad.feature != "A.ADM1" or narrow.admin1 in (None, broad.admin1) \
            or within(narrow.admin1, broad.admin1, broad.country)  # a province in its region
    return pa.lat is None or pb.lat is None or near(pa, pb.lat, pb.lon, AGREE_KM)


def _where(mention):
    return _resolved(mention.place_text, tuple(mention.sent_countries)) \
        if mention.place_text else None


@lru_cache(maxsize=4096)
def _resolved(text: str, countries: tuple):
    """A mention's place phrase resolved once, however many mentions it is compared with."""
    return resolve_phrase(text, context_countries=countries)


def _another_occurrence(sent) -> bool:
    """"In a separate attack", "Elsewhere, ...", "Gunmen also killed ...": the sentence tells
    of something else ("killed 23 soldiers and injured another 15" does not)."""
    return any(t.lower_ in ELSEWHERE and t.dep_ == "advmod"
               or t.lower_ in OTHER_OCCURRENCE and t.head.pos_ == "NOUN"
               and t.head.lemma_.lower() in OCCURRENCE_NOUNS | EVENT_NOUNS for t in sent)


def _same_sides(lead, mention) -> bool:
    """The mention's doer (if named) is one of the lead's sides, or an unnamed armed group
    where the lead has an armed group."""
    doer = mention.agent
    if doer is None:
        return True
    sides = [s for s in (lead.agent, *lead.extra_agents, *lead.patients, *lead.extra_patients)
             if s is not None]
    return not sides or any(s.key == doer.key or doer.generic and s.type == doer.type
                            for s in sides)
