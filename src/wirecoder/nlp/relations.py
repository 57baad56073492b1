"""``wc_relations``: ties between actors that a sentence states, from the dependency parse.

Pattern families (each yields ``(subject mention, predicate, object, sentence, extra)``):

* role appositions and copulas in every order: "X, a top aide to Y", "Y, the leader of Z",
  "the leader of Z, Y", "a veteran AQIM commander, X", "AQIM spokesman X", "X is the
  spokesman of Y", "X, who was the group's head", "Y's deputy X" -> aide_to / leader_of /
  commander_of / spokesman_of / founder_of / member_of; "former", "ex-" keep the tie with its
  end ("until"); "the group's" is the group the paragraph is about (``group_about``);
  "military spokesman X" serves the state force the mention stage read in "military";
* membership: "X ... who joined Y in 2003" -> member_of, valid from the year;
* nationality: "X, an Algerian" -> nationality DZ;
* branches: "Y's Tunisian branch, called X", "X, the Tunisian branch of Y" -> branch_of;
* rivals and allies: "rival X" (against the group the clause is about), "allied with";
* bases: "... based in PLACE" -> based_in (generic "groups" resolve to the clause's actor);
* verbs and descriptions in nlp/relation_ties.py: allegiance_to, splinter_of, founder_of,
  leader_of by verb ("X, who heads Y", "led by X"), nationality ("the Algerian X").

Nicknames and noms de guerre ("X, nicknamed Y", "also known as", "alias", "(known as Y)")
are not relations: nlp/aliases.py pairs them and nlp/mentions.py gives Y the actor of X.

Sets ``doc._.wc_relations``: list of :class:`RelationMention`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..resources.gazetteer import country_by_word
from .relation_ties import (SPLINTER_WORDS, allegiance, clause_subject, ended, founding,
                            group_about, leading, nationality, splinter)

Doc.set_extension("wc_relations", default=None, force=True)

ROLE_PREDICATES = {
    "aide": "aide_to", "adviser": "aide_to", "advisor": "aide_to", "lieutenant": "aide_to",
    "bodyguard": "aide_to", "deputy": "aide_to",
    "leader": "leader_of", "head": "leader_of", "emir": "leader_of", "amir": "leader_of",
    "founder": "founder_of", "chief": "leader_of",
    "commander": "commander_of",
    "spokesman": "spokesman_of", "spokeswoman": "spokesman_of", "spokesperson": "spokesman_of",
    "member": "member_of", "militant": "member_of", "fighter": "member_of",
}
BRANCH_NOUNS = frozenset("branch affiliate wing offshoot franchise arm spinoff faction province".split())
NAMING = frozenset("call name know dub".split())
OPEN_CLASS = frozenset(["NOUN", "VERB", "ADJ", "PROPN"])
JOIN_VERBS = frozenset(["join"])
TIE_FAMILIES = (allegiance, splinter, founding, leading, nationality)


@dataclass
class RelationMention:
    subject: object      # ActorMention
    predicate: str
    object: object       # ActorMention, or a str (place phrase, ISO2 country)
    sent: object         # the spaCy sentence that states it
    since: str = ""      # wording of a start date: "in 2003"
    until: str = ""      # wording of its end: "former", "until 2019" ("" while it holds)


@Language.component("wc_relations", requires=["doc._.wc_mentions"], assigns=["doc._.wc_relations"])
def relations(doc):
    doc._.wc_relations = find_relations(doc)
    return doc


def find_relations(doc) -> list[RelationMention]:
    at = {}
    for m in doc._.wc_mentions or []:
        for i in range(m.span.start, m.span.end):
            at[i] = m
    found: list[RelationMention] = []
    for token in doc:
        if token.pos_ not in OPEN_CLASS and token.i not in at:
            continue  # every family starts from a noun, verb, adjective or a mention's word
        found.extend(_roles(token, at))
        found.extend(_membership(token, at))
        found.extend(_branch(token, at))
        found.extend(_rival(token, at))
        found.extend(_ally(token, at))
        found.extend(_based(token, at))
        for family in TIE_FAMILIES:
            found.extend(family(token, at, RelationMention))
    unique, seen = [], set()
    for r in found:
        key = (r.subject.key, r.predicate, getattr(r.object, "key", r.object))
        if r.subject.generic or key[0] == key[2] or key in seen:
            continue
        seen.add(key)
        unique.append(r)
    return unique


def _roles(token, at):
    """A role noun apposed to (or predicated of) a person, with the organisation it serves."""
    predicate = ROLE_PREDICATES.get(token.lemma_.lower())
    if predicate is None or token.pos_ != "NOUN":
        return []
    person = _holder(token, at)
    if person is None or person.type != "person":
        return []
    org = _served(token, at)
    until = ended(token) or _until(token)
    if org is None and predicate == "aide_to":
        chief = _unnamed_chief(token, at)  # "an aide to the leader of AQIM": in AQIM
        return [RelationMention(person, "member_of", chief, token.sent, until=until)] \
            if chief else []
    if org is None or org is person:
        return []
    if org.type == "person" and predicate != "aide_to":
        return []
    return [RelationMention(person, predicate, org, token.sent, until=until)]


def _until(role) -> str:
    """"X was the group's head until 2019": the end date's wording on the copula."""
    if role.dep_ != "attr":
        return ""
    return next((role.doc[c.i + 1:c.right_edge.i + 1].text for c in role.head.children
                 if c.dep_ == "prep" and c.lower_ == "until"), "")


def _holder(role, at):
    """Who holds a role noun: "X, the leader of Y" / "AQIM leader X" (the role hangs on X),
    "X is (was) the group's head", "X, who was the group's head" (copula, relative clause),
    "the leader of Y, X" / "Y's deputy, X" (X apposed to the role or to its Y)."""
    if role.dep_ in ("appos", "compound") and role.head.i in at:
        return at[role.head.i]
    if role.dep_ == "attr" and role.head.lemma_ == "be":
        return clause_subject(role.head, at)
    apposed = [c for c in role.children if c.dep_ == "appos" and c.i in at]
    if apposed:
        return at[apposed[0].i]
    for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for c in obj.children:  # the parser hangs "X" on "Y" in "the leader of Y, X"
                if c.dep_ == "appos" and c.i in at and at[c.i].type == "person":
                    return at[c.i]
    return None


def _unnamed_chief(role, at):
    """The organisation of an unnamed superior: "aide to the leader of X" -> X."""
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj" and ROLE_PREDICATES.get(obj.lemma_.lower()):
                    org = _served(obj, at)
                    if org is not None and org.type != "person":
                        return org
    return None


def _served(role, at):
    """Whom a role noun serves: "aide to X", "leader of X", "X's commander", "an AQIM commander"."""
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "of", "for", "in"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    if obj.i in at:
                        return at[obj.i]
                    return group_about(obj, at)  # "spokesman for the group", no group before
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            if child.i in at:
                return at[child.i]
            about = group_about(child, at) if child.dep_ == "poss" else None
            if about is not None:  # "the group's spokesman", the group named after it
                return about
    return None


def _membership(token, at):
    if token.lemma_.lower() not in JOIN_VERBS or token.pos_ != "VERB":
        return []
    objs = [c for c in token.children if c.dep_ == "dobj" and c.i in at]
    if not objs:
        return []
    member = clause_subject(token, at)
    if member is None:
        return []
    since = ""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "since"):
            since = token.doc[child.i:child.right_edge.i + 1].text
    out = [RelationMention(member, "member_of", at[objs[0].i], token.sent, since)]
    return out + _nationality_of(member, token)


def _nationality_of(person, token):
    """"X, an Algerian who ..." -> X nationality DZ (the apposed demonym)."""
    head = token.head if token.dep_ == "relcl" else None
    if head is None or head.dep_ != "appos" or person.type != "person":
        return []
    country = country_by_word(head.text)
    return [RelationMention(person, "nationality", country.iso2, token.sent)] if country else []


def _branch(token, at):
    if token.lemma_.lower() not in BRANCH_NOUNS or token.pos_ != "NOUN" or \
            any(c.lower_ in SPLINTER_WORDS for c in token.lefts):
        return []  # "a breakaway faction of Y": a splinter (relation_ties.splinter)
    parent = _served(token, at)
    branch = None
    for child in token.children:
        if child.dep_ == "appos" and child.i in at:
            branch = at[child.i]
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING:
            for grand in child.subtree:
                if grand.i in at and grand.i != token.i and at[grand.i] is not parent:
                    branch = at[grand.i]
                    break
    if branch is None and token.dep_ == "appos" and token.head.i in at:
        branch = at[token.head.i]
    if parent is None or branch is None or parent.key == branch.key:
        return []
    return [RelationMention(branch, "branch_of", parent, token.sent)]


def _rival(token, at):
    if token.lower_ not in ("rival", "rivals") or token.dep_ not in ("amod", "compound", "nmod"):
        return []
    if token.head.i not in at:
        return []
    rival = at[token.head.i]
    others = [m for i, m in sorted(at.items()) if i < token.i and i >= token.sent.start
              and m.type == "armed group" and m.key != rival.key and not m.generic]
    if not others:
        return []
    return [RelationMention(rival, "rival_of", others[-1], token.sent)]


def _ally(token, at):
    """"X, an ally of Y", "X, allied with Y", "X is allied to Y" -> X ally_of Y."""
    lemma = token.lemma_.lower()
    if lemma not in ("ally", "allied") or token.i in at:
        return []
    target = next((o for c in token.children if c.dep_ == "prep" and c.lower_ in
                   ("of", "with", "to") for o in c.children if o.dep_ == "pobj" and o.i in at),
                  None)
    if target is None:
        return []
    holder = None
    if token.dep_ in ("appos", "acl", "amod") and token.head.i in at:
        holder = at[token.head.i]
    elif token.dep_ in ("acomp", "attr") or token.head.lemma_ == "be":
        subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        holder = at.get(subj.i) if subj is not None else None
    if holder is None or holder.generic:
        return []
    return [RelationMention(holder, "ally_of", at[target.i], token.sent)]


def _based(token, at):
    if token.lemma_.lower() != "base" or token.tag_ != "VBN":
        return []
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")]
    if not preps:
        return []
    objs = [c for c in preps[0].children if c.dep_ == "pobj"]
    if not objs:
        return []
    place = _place_words(objs[0])
    holder = at.get(token.head.i)
    if holder is None or holder.generic:  # "X is fractured into four groups based in ...": X
        holder = _clause_holder(token.head, at) or holder
    if holder is None or not place:
        return []
    return [RelationMention(holder, "based_in", place, token.sent)]


def _clause_holder(node, at):
    """The actor a clause is about: climb to the first head with a subject, then take the
    subject's mention, or the name it is given ("AQIM's Tunisian branch, called X")."""
    for _ in range(6):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.i in at and not at[subj.i].generic:
                return at[subj.i]
            for child in subj.children:
                if child.dep_ == "appos" and child.i in at or \
                        child.dep_ == "acl" and child.lemma_.lower() in NAMING:
                    named = [at[t.i] for t in child.subtree if t.i in at]
                    if named:
                        return named[0]
            return None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _place_words(obj) -> str:
    words = [t for t in obj.subtree if t.i <= obj.i or t.dep_ in ("conj", "cc", "compound")]
    while words and (words[0].dep_ in ("det", "amod", "punct", "advmod") and not words[0].ent_type_):
        words = words[1:]
    return " ".join(t.text for t in words).replace(" ,", ",")
