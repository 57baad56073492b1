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
            and (to or token.tag_ == "VBG"):
        return True  # "an operation to detain", "a security operation targeting a leader"
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
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.lower_ in RECORD_WORDS and node.i != token.i:
            return True
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in ROLE_NOUNS:
            return True
        if node.dep_ in ("ROOT", "ccomp") or node.pos_ == "VERB" and node.i != token.i and \
                node.dep_ in ("conj",):
            return False
        node = node.head
    return node.lower_ in RECORD_WORDS


def told_now(sent, lex) -> str:
    """The sentence's words without the records and purposes in it: where the means of the
    current event may be read ("killed two men as they attempted to place a roadside bomb"
    is no bombing)."""
    if "_means_words" not in lex:
        lex["_means_words"] = frozenset(w for words in lex["means"].values() for phrase in words
                                        for w in phrase.lower().split())
    if not any(t.lower_ in lex["_means_words"] or t.lemma_.lower() in lex["_means_words"]
               for t in sent):
        return sent.text  # no weapon named: nothing to read past
    planned = lex["planned_verbs"]
    kept = []
    for t in sent:
        if record(t) or any(a.dep_ == "xcomp" and a.head.lemma_.lower() in planned
                            or purpose(a) for a in [t, *t.ancestors]):
            continue
        kept.append(t.text_with_ws)
    return "".join(kept)


def _dated(verb) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


CROWD_SENSES = frozenset(["protest", "riot"])


def retold(mention, before) -> bool:
    """"... captured a Taliban leader ... The leader was captured during a clearance
    operation": a later sentence naming the victim by a definite description or a pronoun,
    with no number of its own, retells an earlier event of the same sense (its count must
    not be added twice). A second protest or riot trigger in the sentence of a first is the
    same demonstration (ACLED codes one demonstration event per place and day)."""
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
    return definite and any(m.sense == mention.sense and m.sents[0].start < mention.sents[0].start
                            for m in before)


def in_since_clause(token) -> bool:
    """Inside "since ...", "until ...", or named as what came before ("a week after an attack
    that killed 16"): context for the reported event, not a new one."""
    if token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "before"):
        return True
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("since", "until") for c in node.children):
            return True
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in ("since", "until"):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


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
