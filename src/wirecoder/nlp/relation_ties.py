"""Relation families told by verbs and descriptions, for ``wc_relations`` (nlp/relations.py).

Each function takes one token of the parsed sentence and ``at`` (token index -> ActorMention)
and returns ``RelationMention``s, each with the sentence that states it as its evidence:

* allegiance: "X pledged allegiance to Y", "X, which pledged loyalty to Y in 2019" ->
  allegiance_to; "pledged to rebuild" (no allegiance noun) is no tie;
* splinters: "X, a splinter of Y", "a splinter group of Y", "a breakaway faction of Y",
  "X broke away from Y", "X split from Y in 2018" -> splinter_of (groups only);
* founding: "Y was founded by X", "Y, founded by X", "X founded Y", "X, who set up Y" ->
  founder_of (a person founds an organisation);
* leading verbs: "X leads Y", "X, who heads Y", "Y, led by X", "commanded by" -> leader_of /
  commander_of (a person over an organisation);
* nationality: "the Algerian X", "the Algerian militant X", "X, an Algerian", "X is Algerian"
  -> nationality (ISO2), from the country table's demonyms.

``group_about`` resolves "the group's" / "the group" when no group was named before it: the
first armed group named after it in its sentence, else in the rest of its paragraph.
Dependency labels are spaCy's English (ClearNLP) scheme; no extra parse is made.
"""

from __future__ import annotations

from ..resources.gazetteer import country_by_word
from .doc_cache import doc_text

ALLEGIANCE_NOUNS = frozenset("allegiance loyalty bay'a bayah baya fealty oath".split())
SPLINTER_WORDS = frozenset("splinter breakaway dissident".split())  # "offshoot": branch_of
SPLINTER_HEADS = frozenset("splinter group faction movement wing cell".split())
BREAK_VERBS = {"break": ("away", "off"), "split": ("", "away", "off"), "splinter": ("", "off"),
               "secede": ("",)}
FOUND_VERBS = frozenset("found co-found cofound establish create form".split())
LEAD_VERBS = {"lead": "leader_of", "head": "leader_of", "command": "commander_of"}
GROUP_ANAPHORS = frozenset("group organisation organization movement militia network".split())
PERSON_NOUNS = frozenset("""militant fighter insurgent jihadist rebel extremist bomber gunman
commander leader aide chief official national citizen man woman cleric preacher spokesman
spokeswoman member founder deputy lieutenant emir recruit suspect""".split())
ENDED = frozenset("former ex ex- onetime one-time erstwhile".split())


def allegiance(token, at, relation):
    """"X pledged (its) allegiance to Y" -> X allegiance_to Y, from the year if given."""
    if token.lemma_.lower() not in ("pledge", "swear", "declare", "give") or token.pos_ != "VERB":
        return []
    noun = next((c for c in token.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in ALLEGIANCE_NOUNS), None)
    if noun is None:
        return []
    target = _object_of(noun, ("to",), at) or _object_of(token, ("to",), at)
    holder = clause_subject(token, at)
    if target is None or holder is None or holder.key == target.key or target.type == "person" \
            and holder.type != "person":
        return []
    return [relation(holder, "allegiance_to", target, token.sent, since_of(token))]


def splinter(token, at, relation):
    """Splinters by noun ("a splinter (group) of Y", "a Y splinter group", "a breakaway faction
    of Y") and by verb ("X broke away from Y", "X split from Y"): X splinter_of Y."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in BREAK_VERBS:
        particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "advmod")}
        if not (particles & set(BREAK_VERBS[lemma]) or "" in BREAK_VERBS[lemma]):
            return []
        parent = _object_of(token, ("from",), at) or next(
            (_object_of(c, ("from",), at) for c in token.children if c.lower_ in ("away", "off")
             and _object_of(c, ("from",), at)), None)
        group = clause_subject(token, at)
        since = since_of(token)
    elif token.pos_ == "NOUN" and lemma in SPLINTER_HEADS:
        marked = lemma in SPLINTER_WORDS or any(c.lower_ in SPLINTER_WORDS for c in token.lefts)
        if not marked:
            return []
        parent = _object_of(token, ("of", "from"), at) or next(
            (at[c.i] for c in token.lefts if c.dep_ in ("compound", "poss", "nmod", "amod")
             and c.i in at), None)
        group = described(token, at)
        since = ""
    else:
        return []
    if parent is None or group is None or group.key == parent.key or "person" in \
            (group.type, parent.type):
        return []
    return [relation(group, "splinter_of", parent, token.sent, since)]


def founding(token, at, relation):
    """"Y was founded by X", "Y, founded by X", "X founded Y", "X, who set up Y" ->
    X founder_of Y (a person, an organisation)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or not (lemma in FOUND_VERBS or lemma == "set" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in token.children)):
        return []
    return _person_over(token, at, relation, "founder_of")


def leading(token, at, relation):
    """"X leads Y", "X, who heads Y", "Y, led by X", "commanded by X" -> leader_of /
    commander_of (a person over an organisation)."""
    predicate = LEAD_VERBS.get(token.lemma_.lower())
    if predicate is None or token.pos_ != "VERB":
        return []
    return _person_over(token, at, relation, predicate)


def _person_over(verb, at, relation, predicate):
    agent = next((at[o.i] for c in verb.children if c.dep_ == "agent" for o in c.children
                  if o.dep_ == "pobj" and o.i in at), None)
    if agent is not None:  # passive: "Y, founded by X" / "Y was founded by X"
        person, org = agent, clause_subject(verb, at)
        if org is None and verb.dep_ == "acl" and verb.head.i in at:
            org = at[verb.head.i]
    else:
        person = clause_subject(verb, at)
        org = next((at[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in at), None)
    if person is None or org is None or person.type != "person" or org.type == "person":
        return []
    return [relation(person, predicate, org, verb.sent, since_of(verb))]


def nationality(token, at, relation):
    """A person's nationality from a demonym: "the Algerian X", "the Algerian militant X",
    "X, an Algerian", "X is Algerian" / "is an Algerian" -> (X, nationality, ISO2)."""
    if token.i not in at or at[token.i].type != "person" or token.i != at[token.i].span.root.i:
        return []
    person = at[token.i]
    # a demonym on the name; a one-word "person" so named is too often a firm ("Swedish Match")
    words = [c for c in token.children if c.dep_ in ("compound", "amod")
             and c.i < person.span.start
             and (len(person.span) > 1 or c.i > 0 and c.nbor(-1).lower_ == "the")]
    if token.dep_ == "appos" and _a_person(token.head, at):  # "the Algerian militant X"
        words += [c for c in token.head.children if c.dep_ in ("compound", "amod")]
    for apposed in (c for c in token.children if c.dep_ == "appos"
                    and (c.i not in at or at[c.i].generic)):
        words.append(apposed)  # "X, an Algerian,"
        if _a_person(apposed, at):  # "X, an Algerian militant," never "the Algerian agency"
            words += [c for c in apposed.children if c.dep_ in ("compound", "amod")]
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be":
        words += [c for c in token.head.children if c.dep_ in ("attr", "acomp")]
    for word in words:
        if word.ent_type_ != "NORP" and word.pos_ not in ("ADJ", "PROPN"):
            continue
        country = country_by_word(word.text)
        if country is not None:
            return [relation(person, "nationality", country.iso2, token.sent)]
    return []


def _a_person(noun, at) -> bool:
    """A noun that names a person by what they are ("militant", "commander", "national"), not
    an organisation a demonym could describe instead ("the Algerian state agency")."""
    return (noun.i not in at or at[noun.i].generic) and noun.lemma_.lower() in PERSON_NOUNS


def group_about(word, at):
    """The armed group "the group" means when none was named before it: the first one named
    after it in its sentence, else in the rest of its paragraph (up to a blank line)."""
    if word.lemma_.lower() not in GROUP_ANAPHORS:
        return None
    if not any(c.lower_ in ("the", "this", "that") or c.dep_ == "case" for c in word.children):
        return None
    doc = word.doc
    text = doc_text(doc)
    limit = text.find("\n\n", word.idx)
    limit = len(text) if limit < 0 else limit
    for i in range(word.i + 1, len(doc)):
        if doc[i].idx > limit:
            break
        m = at.get(i)
        if m is not None and m.type == "armed group" and not m.generic:
            return m
    return None


def clause_subject(verb, at):
    """Who does ``verb``: its subject, or for "who ..."/"which ..." the noun the clause hangs
    on, followed through an apposition to the named actor ("X, an Algerian who joined ...")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.i in at:
        return at[subj.i]
    if verb.dep_ in ("relcl", "acl"):
        head = verb.head
        if head.i in at:
            return at[head.i]
        if head.dep_ == "appos" and head.head.i in at:
            return at[head.head.i]
    return None


def described(noun, at):
    """The actor a description is of: "X, a splinter of Y" (apposed), "X is a splinter group
    of Y" (copula)."""
    if noun.dep_ == "appos" and noun.head.i in at:
        return at[noun.head.i]
    apposed = next((at[c.i] for c in noun.children if c.dep_ == "appos" and c.i in at), None)
    if apposed is not None:
        return apposed
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return clause_subject(noun.head, at)
    return None


def since_of(verb) -> str:
    """The wording of a start date on a verb: "in 2012", "since 2015"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "since") and any(
                t.ent_type_ == "DATE" for t in child.subtree):
            return verb.doc[child.i:child.right_edge.i + 1].text
    return ""


def ended(role) -> str:
    """"former", "ex-" on a role noun: the tie has ended (the word, else "")."""
    for child in role.lefts:
        if child.lower_ in ENDED or child.lower_.startswith("ex-"):
            return child.lower_
    doc = role.doc  # "ex-commander", which the parser splits into three nouns
    if role.i >= 2 and doc[role.i - 1].text == "-" and doc[role.i - 2].lower_ == "ex":
        return "ex-"
    return ""


def _object_of(token, preps, at):
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in at:
                    return at[obj.i]
    return None
