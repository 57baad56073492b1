"""Purposes and records: event words that tell no current occurrence, from the parse.

* **A purpose or plan** ("an operation to arrest a commander", "a raid targeting a Taliban
  leader", "forces targeted two network leaders", "sought to capture"): the infinitive or
  participle that says what an operation was for is ``planned``; what happened is told by
  other verbs ("detained several suspects").
* **A person's record** ("a commander responsible for IED attacks", "wanted for the
  bombing", "a facilitator who supplied weapons", "a leader who planned attacks", "suspected
  of facilitating ambushes"): what the target did before, told to describe them, is
  background, not a current event.
"""

from __future__ import annotations

# nouns that name an operation whose purpose a clause gives
OPERATIONS = frozenset("operation raid mission search pursuit hunt effort attempt bid plan plot "
                       "order warrant campaign drive sweep manhunt offensive assault "
                       "crackdown".split())
# adjectives and participles that attach a record to a person
RECORD_WORDS = frozenset("responsible wanted suspected accused known involved linked "
                         "implicated charged convicted behind tied connected notorious "
                         "believed alleged blamed".split())
# record words that tell a link, never an occurrence, whoever the subject ("The insurgent has
# been linked to attacks"; "involved in a clash" may tell the clash)
LINK_WORDS = frozenset("linked tied connected implicated".split())
# nouns whose relative or participial clause tells who they are, not what happened now
ROLE_NOUNS = frozenset("leader commander facilitator financier operative expert maker member "
                       "governor suspect associate emir planner courier smuggler chief "
                       "coordinator organizer organiser official network cell target figure "
                       "deputy supplier trainer recruiter specialist".split())


def purpose(token) -> bool:
    """An infinitive or participle telling what an operation was for, or "targeted" a
    person (the aim of a raid, not an attack)."""
    if token.pos_ != "VERB":
        return False
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ in ("acl", "relcl", "advcl") and token.head.lemma_.lower() in OPERATIONS \
            and (to or token.tag_ == "VBG" and token.lemma_.lower() not in VICTIM_VERBS):
        return True  # "an operation to detain", "a security operation targeting a leader"
    # (a raid "detaining four suspects" tells what the raid did, not what it was for)
    if to and token.dep_ == "acl" and token.head.pos_ == "NOUN":
        return True  # "efforts to capture him", "a plan to attack"
    if to and token.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in OPERATIONS for c in token.head.children):
        return True  # "conducted an operation to arrest a commander"
    if token.lemma_.lower() == "target":
        objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(o.ent_type_ == "PERSON" or o.lemma_.lower() in ROLE_NOUNS
                   or any(g.lemma_.lower() in ROLE_NOUNS for g in o.subtree) for o in objs)
    return False


ORGANISE = frozenset("plan organize organise coordinate direct facilitate lead mastermind "
                     "orchestrate oversee fund finance supply command conduct carry "
                     "execute order arrange manage procure distribute provide build "
                     "emplace".split())


REACTION = frozenset("response reaction retaliation reprisal sanction condemnation "
                     "protest outrage".split())


def reaction(token) -> bool:
    """"sanctions in response to the alleged gas attack", "retaliated over the bombing": an
    event named as the reason for a diplomatic act is context, not the news."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in ("to", "for", "over") and (
        prep.head.lemma_.lower() in REACTION or prep.head.lemma_.lower() in ("retaliate",
                                                                             "condemn"))


def record(token) -> bool:
    """Inside a description of a person: a relative or participial clause on a role noun, or
    a record word ("responsible for", "wanted for", "suspected of"); or an event noun a
    person's role is told by ("he plans and organizes roadside bombings", "carries out IED
    attacks", "was planning attacks")."""
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "conj"):
        verb = token.head if token.dep_ == "dobj" else token.head.head
        if verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP", "VBG") and \
                verb.lemma_.lower() in ORGANISE and not _dated(verb):
            return True  # a habit or role in the present, not an occurrence
    if token.pos_ == "VERB" and token.dep_ == "relcl" and (token.tag_ in ("VBZ", "VBP") or any(
            c.dep_ == "aux" and c.lower_ in ("is", "are") for c in token.children)):
        return True  # "the rebels, who are fighting the government": a standing state
    if _habit_of_role(token):
        return True
    if token.dep_ == "conj" and any(c.dep_ == "acomp" and c.lower_ in RECORD_WORDS
                                    for c in token.head.children):
        return True  # "is responsible for attacks, as well as kidnapping operations"
    if token.dep_ == "acl" and token.tag_ in ("VBG", "VBN") and _dated(token):
        return False  # "two militants killed in a clash on Monday were wanted men": the
        # record tells who the dead were; the participle with its own day is what happened
    node = token
    for _ in range(6):
        if node.lower_ in RECORD_WORDS and node.i != token.i:
            return node.head.i != node.i or node.lower_ in LINK_WORDS or _said_of_person(node)
        if node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in ROLE_NOUNS and not (
                node.i == token.i and token.tag_ in ("VBG", "VBN") and _dated(token)):
            return True  # (a participle with its own day is an occurrence the parser hung
            # on the role noun: "targeting two commanders, detaining six men yesterday",
            # "two militants killed in a clash on Monday were wanted leaders")
        if node.dep_ in ("ROOT", "ccomp") or node.pos_ == "VERB" and node.i != token.i and \
                node.dep_ in ("conj",):
            return False
        node = node.head
    return node.lower_ in RECORD_WORDS


PERSON_PRONOUNS = frozenset("he she they him her them who".split())
# nouns for one unnamed person, whose record a record word tells like a role noun's
PERSON_NOUNS = frozenset("individual man woman person".split())
# what leads from an event noun up to the verb of a role: "supplies explosives for roadside
# bombs used in attacks" (attacks <- in <- used <- bombs <- for <- supplies)
ROLE_PATH = frozenset("pobj prep acl dobj compound conj".split())


def _said_of_person(word) -> bool:
    """A record word heading its clause ("He has been linked to attacks", "The leader is
    involved in a recent bombing") describes a person when its subject is a pronoun, a
    person's name or a role noun ("Two soldiers were involved in a clash" tells the clash)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON"
        or c.lemma_.lower() in ROLE_NOUNS or c.lemma_.lower() in PERSON_NOUNS)
        for c in word.children)


def _habit_of_role(token) -> bool:
    """An event noun a few steps under a role verb in the present ("The facilitator supplies
    fighters with explosives for roadside bombs used in attacks"): what the person does as
    a habit or role, not an occurrence."""
    if token.pos_ != "NOUN":
        return False
    node = token
    for _ in range(6):
        if node.dep_ not in ROLE_PATH or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.tag_ in ("VBZ", "VBP"):
            return node.lemma_.lower() in ORGANISE and not _dated(node)
    return False


# adjectives on an event noun that say it has not happened: "a possible roadside bomb
# attack", "potential suicide attacks", "an upcoming attack", "a planned bombing"
NOT_YET = {"possible": "hypothetical", "potential": "hypothetical", "upcoming": "planned",
           "planned": "planned", "future": "planned", "imminent": "planned",
           "intended": "planned", "prospective": "planned", "would-be": "planned"}


def not_yet(token, violent: bool = True) -> str | None:
    """The modality an event noun's adjective or purpose clause gives it, if any: "planned"
    or "hypothetical" for the adjectives of ``NOT_YET``, and "planned" for the object of an
    infinitive of purpose on a violent ``token`` ("insurgents returning to conduct roadside
    bomb attacks": what they came for; "managed to carry out an attack", a complement, is no
    purpose; "joined talks to reach an agreement" still tells the talks)."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ in NOT_YET:
            return NOT_YET[child.lower_]
    verb = token.head
    if violent and token.dep_ == "dobj" and verb.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "planned"
    return None


def told_now(sent, lex, trigger=None) -> str:
    """The sentence's words without the records, purposes and events not yet happened in it,
    nor the words that say who a person is: where the means of the current event may be read
    ("killed two men as they attempted to place a roadside bomb" is no bombing, nor is a raid
    "to disrupt potential suicide attacks" a suicide bombing; "killed a number of suicide
    bombers" names its victims, not its means, and "an IED facilitator" or "a bomb-making
    expert" a person's role). ``trigger``: the event's word, whose victims are left out."""
    if "_means_words" not in lex:
        lex["_means_words"] = frozenset(w for words in lex["means"].values() for phrase in words
                                        for w in phrase.lower().split())
    if not any(t.lower_ in lex["_means_words"] or t.lemma_.lower() in lex["_means_words"]
               for t in sent):
        return sent.text  # no weapon named: nothing to read past
    described = _described(sent, trigger)
    return "".join(word for i, word in _told_words(sent, lex) if i not in described)


def _told_words(sent, lex) -> list[tuple[int, str]]:
    """The sentence's words (index, text with its space) less records, purposes and events
    not yet happened: the same for every trigger of the sentence, so kept per sentence."""
    kept_by_sent = sent.doc.user_data.setdefault("wc_told_words", {})
    kept = kept_by_sent.get((sent.start, sent.end))
    if kept is None:
        planned = lex["planned_verbs"]
        kept = kept_by_sent[(sent.start, sent.end)] = [
            (t.i, t.text_with_ws) for t in sent
            if not (record(t) or any(a.dep_ == "xcomp" and a.head.lemma_.lower() in planned
                                     or purpose(a) or not_yet(a) for a in [t, *t.ancestors]))]
    return kept


# event words whose object or "of" phrase is the one hurt or taken ("fired mortar rounds
# containing gas": the object of "fire" is the means, and stays)
VICTIM_VERBS = frozenset("kill slay murder assassinate execute wound injure detain arrest "
                         "capture abduct kidnap".split())
VICTIM_NOUNS = frozenset("death killing murder assassination execution detention arrest "
                         "capture abduction kidnapping".split())


def _described(sent, trigger) -> set[int]:
    """Token indices that describe people rather than the event's means: the modifiers of a
    role noun ("improvised explosive device expert", "IED facilitator") and the event's
    victims ("killed a number of suicide bombers", "two suicide bombers were killed", "the
    killing of a bomb maker")."""
    out: set[int] = set()
    for t in sent:
        if t.lemma_.lower() in ROLE_NOUNS and t.pos_ == "NOUN":
            out |= {w.i for left in t.lefts if left.dep_ in ("compound", "amod", "nmod")
                    for w in left.subtree}
    if trigger is not None and trigger.lemma_.lower() in VICTIM_VERBS | VICTIM_NOUNS:
        for c in trigger.children:
            if c.dep_ in ("dobj", "nsubjpass") and trigger.pos_ == "VERB" or \
                    c.dep_ == "prep" and c.lower_ == "of" and trigger.pos_ == "NOUN":
                out |= {w.i for w in c.subtree if w.dep_ not in ("relcl", "acl")}
    return out


def _dated(verb) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


CROWD_SENSES = frozenset(["protest", "riot"])


def retold(mention, before) -> bool:
    """"... captured a Taliban leader ... The leader was captured during a clearance
    operation": a later sentence naming the victim by a definite description or a pronoun,
    with no number of its own, retells an earlier event of the same sense (its count must
    not be added twice). A second protest or riot trigger in the sentence of a first is the
    same demonstration (ACLED codes one demonstration event per place and day). An event
    noun a copula gives to "this", "that" or "it" ("This was the third attack on the base this
    year") names an event already told."""
    if before and restated(mention.trigger):
        return True
    if mention.sense in CROWD_SENSES and any(  # ACLED: one demonstration a place and day
            m.sense in CROWD_SENSES and m.sents[0].start == mention.sents[0].start
            for m in before):
        return True  # "farmers blocked roads and staged protest rallies": one protest
    span = mention.patient_span
    if mention.sense not in ("arrest", "kill") or span is None or not before \
            or mention.trigger.dep_ == "ccomp":  # "the army denied that it killed them"
        return False
    first = span[0].lower_
    definite = first in ("the", "this", "that", "he", "she", "they", "him", "them") and not \
        any(t.like_num or t.pos_ == "NUM" for t in span)
    if mention.sense == "arrest" and (mention.fatalities or 0) > 1:
        return False  # "detained the leader and two of his aides": more people (detentions.py)
    return definite and any(m.sense == mention.sense and m.modality == "asserted"
                            and m.sents[0].start < mention.sents[0].start
                            for m in before)  # not "an operation to detain": a plan


def restated(token) -> bool:
    """"This is the third attack within a month", "It was the deadliest bombing since 2019":
    the event noun is the copula's attribute and its subject a demonstrative or "it", so it
    re-describes (ranks, counts) an event already told rather than telling a new one."""
    if token.pos_ != "NOUN" or token.dep_ != "attr" or token.head.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it")
               for c in token.head.children)


CASUALTY_VERBS = frozenset("kill die wound injure".split())


def in_since_clause(token) -> bool:
    """Inside "since ...", "until ...", or named as what came before ("a week after an attack
    that killed 16"): context for the reported event, not a new one. Not what a casualty verb
    follows ("were killed after an ambush", "died following the blast"): the toll's cause."""
    if token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "before"):
        # "Sixteen soldiers were killed following an ambush": the toll's cause, one occurrence
        verb = token.head.head  # or the verb it is conjoined to ("were killed and
        verbs = {verb.lemma_.lower()}  # another reported missing, following an ambush")
        while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            verbs.add(verb.lemma_.lower())
        return not verbs & CASUALTY_VERBS
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("since", "until") and not _dates_next(c)
               for c in node.children):
            return True
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in ("since", "until"):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _dates_next(word) -> bool:
    """"since 1993" read as a clause marker (the parser hanging "1993" as the verb's subject in
    "a man wanted since 1993 was killed"): a time follows, so it opens a phrase, not a clause."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return following is not None and following.ent_type_ in ("DATE", "TIME")


# verbs of taking a side's part: what they govern is the support, not an occurrence
SUPPORT = frozenset("back support help aid assist arm fund finance train supply equip sponsor "
                    "encourage abet".split())


def support_of(token) -> bool:
    """"Iran has backed dissident Kurds in attacks on government positions", "a state that
    funds attacks abroad": an event noun in the bare plural (no article, number or
    possessor) told as what a side backs, arms or funds is a record of support, with no
    occurrence of its own (ACLED codes the attacks themselves, each with its date)."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or any(
            c.dep_ in ("det", "nummod", "poss") for c in token.children):
        return False
    node = token.head if token.dep_ == "dobj" else token.head.head \
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "with", "for") else None
    return node is not None and node.pos_ == "VERB" and node.lemma_.lower() in SUPPORT \
        and not _dated(node)


def describes(token, sense, lex) -> bool:
    """"Profits were diverted to rebels fighting the government", "arms sold to militias
    battling the army": a present participle on the object of a clause that tells no event
    says who that object is (a standing state, like "the rebels, who are fighting the
    government"), not a new occurrence. The participle on a doer or a victim of an event
    verb ("killed militants attacking a checkpoint") is one, and so is a crowd's protest
    ("fired on crowds protesting the detention": the participle is the demonstration)."""
    if token.pos_ != "VERB" or token.tag_ != "VBG" or sense in CROWD_SENSES or _dated(token):
        return False
    noun = token.head if token.dep_ == "acl" else token.doc[token.i - 1] \
        if token.dep_ == "advcl" and token.i > 0 else None  # the parser's "shipped ... fighting"
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or token.dep_ == "advcl" and not (
            noun.dep_ == "dobj" and noun.head.i == token.head.i or noun.dep_ == "pobj"
            and noun.head.head.i == token.head.i):
        return False
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head \
        if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    return lemma not in lex["_verbs"] and lemma not in lex["_classed"] \
        and lemma not in lex["light_verbs"] and not any(v == lemma for v, _ in lex["_objects"])


# adjectives under which an infinitive is a possibility, not an occurrence
POSSIBLE = frozenset("possible likely unlikely probable impossible able unable ready "
                     "willing eager prepared set poised close".split())


def possible(token) -> bool:
    """"It is possible to reach agreement", "the sides are close to a deal", "unable to
    agree": an infinitive under an adjective of possibility or readiness tells what may
    happen (hypothetical)."""
    head = token.head
    if token.dep_ not in ("xcomp", "advcl", "ccomp") or head.i == token.i or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return head.pos_ == "ADJ" and head.lower_ in POSSIBLE or head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in POSSIBLE for c in head.children)  # "it is possible"
