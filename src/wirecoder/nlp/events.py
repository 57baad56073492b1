"""``wc_events``: event mentions from predicates and their arguments.

A trigger is a word that names an event (``nlp/triggers.py``). Its arguments come from the
parse: the agent (subject, "by X", possessor; inherited from the governing verb for "..., killing
eight militants"), the patients (object, passive subject, "of X", "on X"), the time and place
phrases that anchor it (``nlp/anchors.py``), and its modality (negated, planned,
hypothetical). The ACLED type is decided afterwards from the sense and the sides' actor types.
Mentions of one occurrence are merged in ``nlp/event_merge/``.

Sets ``doc._.wc_events``: list of :class:`EventMention`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from . import labels  # noqa: F401  (registers Token._.wc_concept, read by _backstory)
from .anchors import PLACE_NOUNS, date_text, place_text, told_as_done
from .attribution import REPORT_VERBS
from .doc_cache import span_ents
from .event_merge import merge_mentions
from .event_updates import killed_by_several
from .modality import (describes, in_since_clause, not_yet, possible, purpose, reaction,
                       record, retold, told_now)
from .numbers import parse_count
from .operation_parts import fold_finds
from .scope import out_of_scope, reason_for
from .tense import tally, tense_of
from .territory import place_taken
from .tolls import conjuncts, counted_next, toll, uncounted
from .triggers import (NAMES_THE_EVENT, PUT_DOWN, aggregate, closing_host, crowd,
                       campaign, dead_named_before, earlier_incident, habit_or_record,
                       habitual_noun, headlinese, lexicon, not_an_event, occurrence_noun,
                       reduced_passive, sense_of, supported)

Doc.set_extension("wc_events", default=None, force=True)


@dataclass
class EventMention:
    trigger: object                       # spaCy Token
    sense: str
    agent: object | None = None           # ActorMention
    patients: list = field(default_factory=list)   # ActorMentions (victims, targets)
    patient_words: str = ""               # the patient phrase as worded when no actor matched
    fatalities: int | None = None         # the count this sense fills (see counts in the
    count_kind: str = "fatalities"        # lexicon): fatalities, wounded, abducted, arrested
    counts_text: list = field(default_factory=list)
    other_counts: dict = field(default_factory=dict)  # other kinds, from merged-in mentions
    date_text: str = ""
    date_tense: str = "past"              # the predicate's tense: how a bare weekday reads
    place_text: str = ""
    more_places: list = field(default_factory=list)  # place phrases of merged-in mentions
    doer_token: object = None             # the word the doer was read from, if any
    simple_past: bool = False             # "were killed", "shot dead": told as done, not as
                                          # a perfect ("have killed") or a habit
    modality: str = "asserted"
    background: bool = False              # inside a "since ..." clause: recalled context
    sents: list = field(default_factory=list)        # spaCy sentences that state it
    extra_patients: list = field(default_factory=list)  # merged in from other mentions
    extra_agents: list = field(default_factory=list)    # doers named by merged-in mentions
    put_down: str = ""                    # the crowd sense this violence put down, if any
    position: int = -1                    # char offset that identifies it (gapped: the object)
    descriptions: list = field(default_factory=list)  # (description span, person mention)
    patient_span: object = None           # the victim phrase as a spaCy Span
    sent_countries: list = field(default_factory=list)  # ISO2 named in its sentence
    reason: str = ""                      # why it is an event: trigger, sense, arguments
    means_text: str = ""                  # its sentence less records and purposes
    perpetrator: object = None            # who is said to have done it (nlp/perpetrators/)

    @property
    def start(self) -> int:
        return self.position if self.position >= 0 else self.trigger.idx


TRIGGER_POS = frozenset(["VERB", "NOUN", "PROPN"])


@Language.component("wc_events", requires=["doc._.wc_mentions"], assigns=["doc._.wc_events"])
def events(doc):
    doc._.wc_events = fold_finds(merge_mentions(find_event_mentions(doc)))
    return doc


def find_event_mentions(doc) -> list[EventMention]:
    lex = lexicon()
    at = {}
    for m in doc._.wc_mentions or []:
        for i in range(m.span.start, m.span.end):
            at[i] = m
    found = []
    for token in doc:
        if token.pos_ not in TRIGGER_POS:
            continue  # triggers are verbs and nouns (and a noun the tagger took for a name)
        sense = sense_of(token, lex)
        if sense is None or not_an_event(token, lex):
            continue
        mention = _arguments(token, sense, at, lex)
        if mention is not None and not retold(mention, found):
            found.append(mention)
            found.extend(_gapped(mention, at))
    return found


def _arguments(token, sense, at, lex) -> EventMention | None:
    mention = EventMention(token, sense, sents=[token.sent])
    is_verb = token.pos_ == "VERB" or token.lower_ == "shot"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or \
        token.lemma_.lower() in lex["patient_subject_verbs"] or \
        headlinese(token, sense, lex) or reduced_passive(token, sense) or \
        dead_named_before(token, sense, lex)
    # "three soldiers died", "Ten soldiers killed in ...", "resulting in two suspects detained"
    agent_tok = patient_tok = None
    for child in token.children:
        dep = child.dep_
        if child.ent_type_ in ("DATE", "TIME") and dep in ("nsubj", "nsubjpass", "dobj"):
            continue  # "a man wanted since 1993 was killed", parsed with "1993" as the subject
        if is_verb and not passive and dep == "nsubj" or passive and dep == "agent" \
                or not is_verb and dep == "prep" and child.lower_ == "by":
            # the first subject: "Clashes ... in the capital Tripoli killed" has two
            agent_tok = agent_tok or (_pobj(child) if dep in ("agent", "prep") else child)
        elif is_verb and (dep == "dobj" or passive and dep in ("nsubjpass", "nsubj")
                          or sense == "clash" and dep == "prep" and child.lower_ == "with"
                          and patient_tok is None) \
                or not is_verb and dep == "prep" and child.lower_ in ("of", "on", "against"):
            patient_tok = _pobj(child) if dep == "prep" else child
        elif not is_verb and dep in ("poss", "compound", "nmod") and _doer_named(child, at):
            agent_tok = child
    if patient_tok is not None and (token.lemma_.lower(), patient_tok.lemma_.lower()) in \
            lex["_objects"]:  # "opened fire on a military base": the base is the target
        patient_tok = next((_pobj(c) for c in token.children if c.dep_ == "prep"
                            and c.lower_ in ("on", "at") and _pobj(c) is not None
                            and _pobj(c).ent_type_ not in ("DATE", "TIME")), None)
    if patient_tok is None and is_verb and not passive:  # "raped and abused women"
        patient_tok = next((g for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                            for g in c.children if g.dep_ == "dobj"), None)
    if patient_tok is None and not is_verb and sense == "agree":  # "talks with the rebels"
        patient_tok = next((_pobj(c) for c in token.children if c.dep_ == "prep"
                            and c.lower_ in ("with", "between")), None)
    if token.lower_ == "shot" and patient_tok is None:
        patient_tok = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
    if patient_tok is None and is_verb and not passive:
        patient_tok = counted_next(token)
    dispersed = _dispersed(token, at) if is_verb and patient_tok is None else None
    if dispersed is not None:  # "fired tear gas to disperse protesters": the crowd is the target
        patient_tok, mention.put_down = dispersed, "protest"
    if agent_tok is not None and agent_tok.lower_ in ("who", "that", "which"):
        agent_tok = token.head.head if token.dep_ == "relcl" else None
        agent_tok = token.head if token.dep_ == "relcl" else agent_tok
    if not is_verb and (agent_tok is None or _actor_at(agent_tok, at) is None):
        agent_tok = _doer_of(token, at) or agent_tok  # "fire by the paramilitary RSF"
    if agent_tok is None:  # "an IS militant shot dead ...": a modifier names the doer
        agent_tok = next((c for c in token.lefts if c.dep_ in ("poss", "compound", "nmod")
                          and _doer_named(c, at)), None)
    light = supported(token, lex) if not is_verb else None
    if light is not None and patient_tok is None:  # "fired six missiles at a base"
        patient_tok = next((_pobj(c) for c in light.children if c.dep_ == "prep"
                            and c.lower_ in ("at", "on", "against", "into", "toward")
                            and _pobj(c) is not None), None)
    if agent_tok is None and light is not None:  # "jets carried out a string of strikes"
        agent_tok = next((c for c in light.children if c.dep_ == "nsubj"), None)
    if patient_tok is None and not is_verb and token.dep_ == "pobj" and \
            token.head.lower_ == "under":  # "a patrol came under fire": the patrol was hit
        patient_tok = next((c for c in token.head.head.children if c.dep_ == "nsubj"), None)
    if sense == "clash" and not is_verb and agent_tok is None and patient_tok is None:
        agent_tok, patient_tok = _between(token)  # "clashes erupted between X and Y"
    if agent_tok is None and is_verb and not passive:
        agent_tok = _inherited_subject(token)
    if patient_tok is None and is_verb and passive:  # "X was sent ... but was killed"
        patient_tok = _inherited_subject(token, ("nsubjpass", "nsubj"))
    if patient_tok is None and passive and token.dep_ == "acl" and token.head.pos_ == "NOUN":
        patient_tok = token.head  # "resulted in two suspects being detained"
    if aggregate(agent_tok, token, lex, patient_tok) or not place_taken(token, sense, patient_tok, lex) \
            or uncounted(patient_tok):
        return None  # "it is unclear how many ... as significant numbers were killed"
    weapon = sense_of(agent_tok, lex) or lex["_doers"].get(agent_tok.lemma_.lower()) \
        if agent_tok is not None else None
    if weapon and agent_tok.i not in at and agent_tok.lemma_.lower() in lex["_nouns"]:
        agent_tok = _doer_of(agent_tok, at)  # "a Boko Haram attack killed", not "the Rolando"
    mention.agent = _actor_at(agent_tok, at)
    if patient_tok is not None and sense_of(patient_tok, lex) is not None:
        doer = _doer_of(patient_tok, at)  # "fought off an attack by Boko Haram": its side
        patient_tok = doer if _actor_at(doer, at) is not None else patient_tok
    if patient_tok is not None:
        mention.patients = [m for m in (_actor_at(t, at) for t in conjuncts(patient_tok)) if m]
        mention.patient_span = token.doc[patient_tok.left_edge.i:patient_tok.i + 1]
        mention.patient_words = mention.patient_span.text
        if not mention.patients and sense in ("kill", "attack", "abduct", "arrest"):
            mention.patients = [_owner_of(patient_tok, at)] if _owner_of(patient_tok, at) else []
        mention.fatalities, text = toll(patient_tok, mention, lex)
        if text:
            mention.counts_text.append(text)
        if mention.patients and all(p.generic and p.type == "armed group"
                                    for p in mention.patients):
            target = _clause_target(token, at)  # "cracked down on AQIM, killing 8 militants"
            if target is not None:
                mention.patients = [target]
    if weapon in NAMES_THE_EVENT:  # "suicide bombers struck": a bombing; "clashes killed"
        mention.sense = weapon
    mention.doer_token = agent_tok
    mention.date_text = date_text(token)
    mention.simple_past = told_as_done(token)
    # only a future predicate reads a bare weekday ahead: news tells past events in the
    # present too ("Gunmen kill five on Tuesday")
    mention.date_tense = "future" if tense_of(token) == "future" else "past"
    mention.place_text = place_text(token)
    mention.modality = "planned" if purpose(token) else \
        not_yet(token, sense in VIOLENT_SENSES) or _modality(token, lex)
    mention.background = in_since_clause(token) or habitual_noun(token, lex) or \
        campaign(token, lex) or habit_or_record(token, lex) or \
        earlier_incident(token, lex) or killed_by_several(token) or \
        _backstory(token, mention) or \
        record(token) or reaction(token) or describes(token, sense, lex) or \
        tally(token, mention.date_text)
    mention.means_text = told_now(token.sent, lex, token)
    mention.sent_countries = _sent_countries(token.sent)
    if mention.agent is None and not mention.patients and not mention.patient_words \
            and not occurrence_noun(token, sense, mention) and not crowd(token, sense) \
            and weapon not in NAMES_THE_EVENT and not (  # "three rockets struck near ..."
                sense in CLASSED and (agent_tok or patient_tok) is not None) \
            and not (agent_tok is not None and agent_tok.lemma_.lower() in ARMED_WORDS):
        return None
    if out_of_scope(token, mention.sense, agent_tok, patient_tok, mention, at, lex):
        return None
    mention.reason = reason_for(token, mention, agent_tok)
    return mention


def _clause_target(token, at):
    """The named armed group the governing clause acts on ("cracked down on AQIM, killing ...")."""
    node = token
    while node.dep_ in ("advcl", "xcomp", "conj") and node.head.i != node.i:
        node = node.head
        for child in node.children:
            target = child if child.dep_ == "dobj" else \
                _pobj(child) if child.dep_ == "prep" and child.lower_ in ("on", "against") \
                else None
            m = at.get(target.i) if target is not None else None
            if m is not None and m.type == "armed group" and not m.generic:
                return m
    return None


def _sent_countries(sent) -> list[str]:
    from ..resources.gazetteer import country_by_word

    found = []
    for ent in span_ents(sent):
        if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound", "nmod") \
                and ent.root.head.pos_ == "NOUN" and ent.root.head.lemma_.lower() not in \
                PLACE_NOUNS:
            continue  # "two American soldiers": people's nationality, not the place
        if ent.label_ in ("GPE", "NORP"):
            country = country_by_word(ent.text)
            if country is not None and country.iso2 not in found:
                found.append(country.iso2)
    return found


def _phrase(token) -> str:
    """The noun phrase up to its head, without a leading "then"/"and"."""
    start = token.left_edge.i
    while start < token.i and token.doc[start].dep_ in ("advmod", "cc", "punct"):
        start += 1
    return token.doc[start:token.i + 1].text


ARMED = frozenset(["armed group", "state force", "government"])
VIOLENT_SENSES = frozenset("kill attack clash die wound shoot bomb ied suicide air shell grenade "
                           "chemical abduct sexual".split())
CLASSED = frozenset("disrupt base group transfer agree".split())  # named with their class
CEASED = frozenset("stop cease halt refrain quit end".split())
ARMED_WORDS = frozenset(lexicon()["classes"]["armed"]) | {"gunman", "terrorist", "bomber",
                                                           "police", "policeman", "mob"}


def _doer_named(modifier, at) -> bool:
    """A name on an event noun names its doer when it is an armed actor ("the Boko Haram
    attack") or a possessor ("Boko Haram's attack"); otherwise it names the event ("the Boston
    Marathon bombing", "the Rolando assassination") or its victim ("the Khashoggi killing")."""
    mention = at.get(modifier.i)
    return mention is not None and (modifier.dep_ == "poss" or mention.type in ARMED)


def _doer_of(event_noun, at):
    """The doer an event noun names: "by X", a possessor or an armed name on it."""
    for child in event_noun.children:
        if child.dep_ == "prep" and child.lower_ == "by" and _pobj(child) is not None:
            # "by the paramilitary Rapid Support Forces", which the parser may cut short
            return next((t for t in child.doc[child.i + 1:child.i + 7] if t.i in at
                         and t.pos_ != "VERB"), None) or _pobj(child)
    return next((c for c in event_noun.lefts if c.dep_ in ("poss", "compound", "nmod", "amod")
                 and _doer_named(c, at)), None)


def _dispersed(token, at):
    """The protesters a purpose clause says the act was to put down ("to disperse
    protesters", "to break up the crowd"), if any."""
    for clause in token.children:
        if clause.dep_ in ("xcomp", "advcl") and clause.lemma_.lower() in PUT_DOWN:
            crowd = next((c for c in clause.children if c.dep_ == "dobj"), None)
            mention = at.get(crowd.i) if crowd is not None else None
            if mention is not None and mention.type == "protesters" \
                    or crowd is not None and crowd.lemma_.lower() in ("crowd", "protest"):
                return crowd
    return None


def _between(token) -> tuple:
    """The two sides of a clash noun, "between X and Y", on the noun or on the verb it is the
    subject of ("clashes broke out between police and protesters"): (X, Y) tokens, or Nones."""
    heads = [token] + ([token.head] if token.dep_ == "nsubj" else [])
    for prep in (c for h in heads for c in h.children):
        first = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "between" else None
        if first is not None:
            return first, next((c for c in first.children if c.dep_ == "conj"), None)
    return None, None


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _inherited_subject(token, deps=("nsubj",)):
    """"..., killing eight militants": the subject of the clause the participle hangs on."""
    node = token
    while node.dep_ in ("advcl", "xcomp", "conj", "acl") and node.head.i != node.i:
        node = closing_host(node) or node.head
        subj = next((c for c in node.children if c.dep_ in deps), None)
        if subj is not None:
            return subj
    return None


PARTITIVE_HEADS = frozenset("one two three four five six seven eight nine ten some several "
                            "many most all each both none dozens hundreds".split())


def _actor_at(token, at):
    if token is None:
        return None
    if token.i in at:
        return at[token.i]
    if token.lower_ in PARTITIVE_HEADS or token.like_num:  # "one of the gunmen": theirs
        whole = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
        if whole is not None and whole.i in at:
            return at[whole.i]
    for t in token.subtree:  # "a top aide to X": the head noun is the mention's description
        if t.i in at and t.head == token and t.dep_ in ("compound", "nmod", "amod"):
            return at[t.i]
    for u in token.doc[token.left_edge.i:token.i]:  # "a Taliban explosives facilitator"
        path = [u]
        while path[-1].head.i not in (token.i, path[-1].i) and len(path) < 5:
            path.append(path[-1].head)
        if u.i in at and at[u.i].type == "armed group" and path[-1].head.i == token.i and \
                all(w.dep_ in ("compound", "nmod", "amod", "npadvmod") for w in path):
            return at[u.i]
    return None


def _owner_of(token, at):
    """"the group's media chief" -> the group; "militants" of an unnamed group -> None."""
    for child in token.children:
        if child.dep_ == "poss" and child.i in at:
            return at[child.i]
    return None


def _modality(token, lex) -> str:
    node, came = token, token  # ``came``: the child of ``node`` the walk came up through
    for _ in range(4):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children):
            return "negated"
        if node.i != token.i and node.lemma_.lower() in CEASED and token.dep_ == "xcomp":
            return "negated"  # "on condition that Iran stop attacking"
        if any(c.dep_ == "aux" and c.lower_ in lex["hypothetical_aux"] for c in children) \
                or possible(node):
            return "hypothetical"
        if node.i != token.i and node.lemma_.lower() in lex["planned_verbs"] \
                and came.dep_ in ("xcomp", "advcl", "acl"):
            return "planned"  # "decided to blow up the plant and kill the hostages": both
        if node.dep_ not in ("xcomp", "conj", "advcl", "acl") or node.head.i == node.i:
            break
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in children):
            break  # "trying to cross as the army has cracked down, killing eight": a clause of
            # its own, told as fact, not part of what was tried
        node, came = node.head, node
    return "asserted"


def _backstory(token, mention) -> bool:
    """Past perfect with no time of its own ("Okba had targeted police", "the branch, which had
    claimed several attacks") tells what went before the reported events: background, not a
    new event."""
    if mention.date_text:
        return False
    verb = token
    if token.pos_ == "NOUN":  # "a branch which had claimed several attacks": the noun's verb
        node = token  # ("a series of attacks": the series')
        while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
        verb = node.head if node.dep_ == "dobj" else node.head.head \
            if node.dep_ == "pobj" and node.head.dep_ == "prep" else None
        if verb is None or verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl"):
            return False  # (only a relative clause's: a participant's history)
    if _reported(verb):
        return False  # "the group said it had killed 27 soldiers": tense backshifted, not earlier
    return any(c.dep_ == "aux" and (c.lower_ == "had" or c._.wc_concept == "had")
               for c in verb.children) and verb.tag_ == "VBN"  # wc_concept: nlp/labels.py


def _reported(token) -> bool:
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORT_VERBS


def _gapped(mention: EventMention, at) -> list[EventMention]:
    """"killing eight militants ... and then the group's media chief a few days later": the
    second object with its own time is a second event (the verb is gapped)."""
    token = mention.trigger
    sent = token.sent
    out = []
    for conj in sent:
        if conj.i <= token.i or conj.dep_ != "conj" or conj.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue  # a number alone: "and three more in Dori on Tuesday", its noun left out
        if conj.pos_ == "NUM" and conj.head.i != token.i:
            continue
        left = token.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
        if left is None or left.lower_ not in ("and", "then"):
            continue
        dates = [e for e in span_ents(sent) if e.label_ in ("DATE", "TIME") and e.start > conj.i
                 and e.root.head.i in {c.i for c in conj.subtree}]
        dates = dates or [e for e in span_ents(sent) if e.label_ == "DATE" and e.start > conj.i
                          and e.root.head.head.i == conj.i]
        if not dates:
            continue
        owner = _owner_of(conj, at)
        gap = EventMention(token, mention.sense, agent=mention.agent,
                           patients=[owner] if owner else [],
                           patient_words=_phrase(conj),
                           date_text=dates[0].text, date_tense=mention.date_tense,
                           modality=mention.modality,
                           background=mention.background, sents=[sent],
                           position=conj.idx, sent_countries=mention.sent_countries,
                           means_text=mention.means_text)
        gap.fatalities = 1 if mention.sense == "kill" and conj.tag_ in ("NN", "NNP") else None
        if conj.pos_ == "NUM":  # "three more": its own count, of the verb's kind, more of
            gap.fatalities = parse_count(conj.text)  # the first's victims
            gap.count_kind = mention.count_kind
            gap.patients = gap.patients or list(mention.patients)
            gap.patient_words = mention.patient_words or gap.patient_words
        gap.counts_text = [_phrase(conj)] if gap.fatalities else []
        # its own place: "in Dori" on the conjunct, else none of the first's
        gap.place_text = next((token.doc[p.i:p.right_edge.i + 1].text for p in conj.children
                               if p.dep_ == "prep" and any(o.ent_type_ in ("GPE", "LOC", "FAC")
                                                           for o in p.children)), "")
        out.append(gap)
    return out
