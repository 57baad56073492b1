"""The seam: a parsed spaCy ``Doc`` becomes plain drafts. Nothing after this imports spaCy.

Drafts still hold wording where later stages decide values: dates as worded ("last month"),
places as worded ("east of the capital Algiers"). ``normalize/`` turns them into ``When`` and
``Place``; ``resolve/`` turns drafts into claims and records.
Offsets are characters in the article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .nlp.anchors import lead_anchors
from .nlp.labels import concept_text
from .nlp.doc_cache import doc_ents, doc_text
from .nlp.toponyms import toponym_spans
from .normalize.anchors import article_anchors
from .normalize.where import article_countries, article_divisions
from .resources.gazetteer import country_by_word
from .resources.languages import language_data


@dataclass
class Evidence:
    start: int
    end: int
    sentence: str
    source: str | None = None
    hedges: tuple[str, ...] = ()
    denied: bool = False


@dataclass
class ActorDraft:
    key: str
    name: str
    type: str
    country: str | None
    evidence: Evidence
    aliases: set = field(default_factory=set)
    alias_evidence: dict = field(default_factory=dict)  # alias -> Evidence of its statement
    mentions: list = field(default_factory=list)  # (start, end, text, how it was resolved)


@dataclass
class RelationDraft:
    subject: str
    predicate: str
    object: str
    object_is_actor: bool
    since_text: str
    evidence: Evidence
    until_text: str = ""  # "former", "2019": the tie has ended (nlp/relations.py)


@dataclass
class EventDraft:
    sense: str
    trigger: str
    agent: str | None
    patients: list            # actor keys
    patient_words: str
    fatalities: int | None
    counts_text: list
    date_text: str
    place_text: str
    modality: str
    background: bool
    evidence: list            # Evidence per sentence, in order; the first is the main one
    trigger_start: int = 0
    sent_countries: list = field(default_factory=list)  # ISO2 named in its sentence
    count_kind: str = "fatalities"  # which Event count ``fatalities`` holds: or wounded, ...
    date_tense: str = "past"        # the predicate's tense (nlp.tense), for bare weekdays
    more_places: list = field(default_factory=list)  # other mentions' place phrases
    other_counts: dict = field(default_factory=dict)  # counts of other kinds (wounded, ...)
    simple_past: bool = False       # told in the simple past ("were killed"), not a perfect
    agent_words: str = ""           # the doer as worded ("gunmen", "a mob")
    reason: str = ""                # why it is an event (nlp/events.py)
    means_text: str = ""            # its sentence less records and purposes (nlp/modality.py)
    perpetrator: dict | None = None  # who is said to have done it, with its hedge and source
                                     # (nlp/perpetrators/): actor, hedge, cue, evidence


@dataclass
class PlaceDraft:
    text: str
    label: str
    evidence: Evidence


@dataclass
class Drafts:
    actors: dict = field(default_factory=dict)       # key -> ActorDraft
    relations: list = field(default_factory=list)
    events: list = field(default_factory=list)
    statements: list = field(default_factory=list)   # (text, Evidence)
    attributes: list = field(default_factory=list)   # (actor key, attribute, value, Evidence)
    places: list = field(default_factory=list)
    countries: list = field(default_factory=list)    # ISO2 named in the article, most named first
    divisions: list = field(default_factory=list)    # first-level divisions it names
    anchors: object = None  # normalize.anchors.Anchors: where its surely-placed names lie
    country_counts: dict = field(default_factory=dict)  # ISO2 -> times named (for ``parts``)
    lead_date: str = ""                              # the lead's time and place phrases
    lead_place: str = ""                             # (nlp.anchors.lead_anchors)
    undated_lead_end: int = 0  # an undated lead dated by a later sentence: its end (offset)


def _phrase(token) -> str:
    """A doer as worded, up to its head ("Syrian government forces"), or ""."""
    return token.doc[token.left_edge.i:token.i + 1].text if token is not None else ""


def _phrase_span(token):
    """The doer phrase as a span: in a language whose modifiers follow the noun ("hommes
    armés") the whole subtree; None when there is no doer."""
    return token.doc[token.left_edge.i:token.right_edge.i + 1] if token is not None else None


def doc_to_drafts(doc) -> Drafts:
    drafts = Drafts()
    attributions = doc._.wc_attributions or {}

    def evidence(span_or_sent, start=None, end=None) -> Evidence:
        sent = span_or_sent.sent if hasattr(span_or_sent, "sent") else span_or_sent
        att = attributions.get(sent.start)
        return Evidence(span_or_sent.start_char if start is None else start,
                        span_or_sent.end_char if end is None else end,
                        sent.text.strip(), att.source if att else None,
                        tuple(att.hedges) if att else (), att.denied if att else False)

    for m in doc._.wc_mentions or []:
        draft = drafts.actors.get(m.key)
        if draft is None:
            draft = drafts.actors[m.key] = ActorDraft(m.key, m.name, m.type, m.country,
                                                       evidence(m.span))
        draft.mentions.append((m.span.start_char, m.span.end_char, m.span.text, m.via))
        if not m.generic and m.via in ("gazetteer", "ner", "alias", "short form"):
            draft.aliases.add(m.span.text)
    for a, b, cue in doc._.wc_alias_pairs or []:
        for span in (a, b):
            for m in doc._.wc_mentions or []:
                if m.span.start == span.start and m.key in drafts.actors:
                    drafts.actors[m.key].aliases.update({a.text, b.text})
                    drafts.actors[m.key].alias_evidence.setdefault(b.text, evidence(b))
    for r in doc._.wc_relations or []:
        is_actor = hasattr(r.object, "key")
        drafts.relations.append(RelationDraft(
            r.subject.key, r.predicate, r.object.key if is_actor else str(r.object), is_actor,
            r.since, evidence(r.sent), r.until))
    other_language = doc.lang_ != "en"
    for e in doc._.wc_events or []:
        patient_words, agent_words, means_text = e.patient_words, _phrase(e.doer_token), \
            e.means_text
        if other_language:  # typing (resolve/typing.py) reads words: give it the concepts
            patient_words = concept_text(e.patient_span) if e.patient_span is not None \
                else patient_words
            agent_words = concept_text(_phrase_span(e.doer_token))
            means_text = concept_text(e.sents[0]) if e.sents else means_text
        drafts.events.append(EventDraft(
            e.sense, e.trigger.text, e.agent.key if e.agent else None,
            [p.key for p in e.patients + e.extra_patients], patient_words, e.fatalities,
            list(e.counts_text), e.date_text, e.place_text, e.modality, e.background,
            [evidence(s) for s in e.sents], e.start, list(e.sent_countries),
            e.count_kind, e.date_tense, [t for t in e.more_places if t != e.place_text],
            {k: n for k, n in e.other_counts.items() if k != e.count_kind}, e.simple_past,
            agent_words, e.reason, means_text, _perpetrator(e, evidence)))
    for e in doc._.wc_events or []:
        for description, person in e.descriptions:  # what a description says of the person
            drafts.attributes.append((person.key, "described as", description.text,
                                      evidence(description)))
            for token in description:
                country = country_by_word(token.text) if token.ent_type_ == "NORP" else None
                if country is not None:
                    drafts.relations.append(RelationDraft(
                        person.key, "nationality", country.iso2, False, "",
                        evidence(description)))
    for sent_start, att in sorted(attributions.items()):
        if att.source is None:
            continue
        text = doc_text(doc)[att.content_start:att.content_end].strip()
        if text:
            sent = doc[sent_start].sent
            drafts.statements.append((text, evidence(sent, att.content_start, att.content_end)))
    drafts.attributes.extend(_strength(doc, evidence))
    for ent in toponym_spans(doc):
        if ent.label_ == "NORP" and country_by_word(ent.text):
            continue  # a country's demonym counts towards the article's countries (below)
        drafts.places.append(PlaceDraft(ent.text, ent.label_, evidence(ent)))
        drafts.places.extend(PlaceDraft(part.text, ent.label_, evidence(part))
                             for part in _named_after(ent))
    counts: dict[str, int] = {}
    inside = language_data(doc.lang_, "labels").get("demonyms_inside_names", False)
    for ent in doc_ents(doc):
        if ent.label_ in ("GPE", "NORP"):
            country = country_by_word(ent.text)
            if country is not None:
                counts[country.iso2] = counts.get(country.iso2, 0) + 1
        elif inside and ent.label_ == "ORG":  # "Forces armées nigériennes": the name says whose
            for token in ent:
                country = country_by_word(token.text) if token.is_lower else None
                if country is not None:
                    counts[country.iso2] = counts.get(country.iso2, 0) + 1
    drafts.country_counts = counts
    drafts.countries = article_countries(sorted(counts, key=lambda c: -counts[c]),
                                         [p.text for p in drafts.places])
    drafts.divisions = article_divisions([p.text for p in drafts.places], drafts.countries)
    drafts.anchors = article_anchors([p.text for p in drafts.places], drafts.countries,
                                     drafts.divisions)
    drafts.lead_date, drafts.lead_place, told_end = lead_anchors(doc)
    drafts.undated_lead_end = told_end if drafts.lead_date else 0
    return drafts


def _perpetrator(event, evidence) -> dict | None:
    """The perpetrator statement of an event mention as plain data; its evidence's source is
    who said so ("officials" in "officials blamed X"), else the sentence's attributed source."""
    p = event.perpetrator
    if p is None:
        return None
    ev = evidence(p.sent)
    if p.source:
        ev.source = p.source
    if p.hedge != "stated":
        ev.hedges = tuple(sorted({*ev.hedges, p.hedge}))
    return {"actor": p.actor.key, "hedge": p.hedge, "cue": p.cue, "evidence": ev}


def _named_after(ent) -> list:
    """"Kasserine and Kef mountains region" is named after Kasserine and Kef: those towns are
    places of the text too (each resolved on its own)."""
    words = list(ent)
    while len(words) > 1 and words[-1].lemma_.lower() in FEATURE_NOUNS:
        words = words[:-1]
    if len(words) == len(ent):
        return []
    parts, current = [], []
    for t in words + [None]:
        if t is None or t.lower_ in ("and", ",", "&"):
            if current:
                parts.append(ent.doc[current[0].i:current[-1].i + 1])
            current = []
        elif t.lower_ != "the":
            current.append(t)
    return [p for p in parts if p[0].is_title]


FEATURE_NOUNS = frozenset("mountains mountain hills region province state governorate valley "
                          "forest desert district".split())
STRENGTH_NOUNS = frozenset("fighters members militants men recruits terrorists troops".split())


def _strength(doc, evidence):
    """"Okba has dozens of fighters", "four groups of up to 20": size statements, per actor."""
    out = []
    at = {i: m for m in doc._.wc_mentions or [] for i in range(m.span.start, m.span.end)}
    for token in doc:
        if token.lemma_ != "have" or token.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in token.children if c.dep_ == "nsubj" and c.i in at), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None:
            continue
        words = {t.lower_ for t in obj.subtree}
        if words & STRENGTH_NOUNS and any(t.like_num or t.lower_ in ("dozens", "hundreds",
                                                                      "thousands", "scores")
                                          for t in obj.subtree):
            phrase = doc[obj.left_edge.i:obj.right_edge.i + 1].text
            out.append((at[subj.i].key, "strength", phrase, evidence(token.sent)))
    return out
