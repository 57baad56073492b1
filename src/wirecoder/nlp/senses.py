"""Senses named by a verb with the class of its arguments, and by support constructions.

"Police seized a cache of explosives" is Disrupted weapons use, "seized the town" a territory
taken and "captured two insurgents" an arrest: the verb alone says none of them, the head of
its object (or passive subject, or the noun after "a total of") does. The rules are data
(``classed`` and ``classes`` in resources/events.yaml, written from the ACLED codebook's
Strategic developments definitions). Support constructions name the event with a light verb:
"blew themselves up" (a suicide bombing), "set fire to the mill" / "was set on fire" (property
destruction), "came under fire" (an attack on the subject), "engaged in clashes".
"""

from __future__ import annotations

from .anchors import PLACE_NOUNS

# "a total of 56 points", "hundreds of landmines": the counted noun is the head that counts
QUANTITY = frozenset("total number series string batch haul quantity amount lot couple pair "
                     "dozens hundreds thousands scores dozen hundred thousand cache stash "
                     "consignment set group wave spate crowd throng band".split())
ORDER = ("disrupt", "base", "transfer", "group", "agree", "abduct", "arrest", "territory")
PARTICLES = frozenset("up down out over off".split())
REFLEXIVE = frozenset("himself herself themselves itself oneself".split())
FROM_PLACE = PLACE_NOUNS | frozenset("crossing territory position positions stronghold bastion "
                                     "enclave pocket airport port bridge garrison barracks "
                                     "post headquarters control zone hill base".split())


def rule_index(lex) -> dict:
    """verb form ("set up", "seize") -> [(sense, rule)] in ``ORDER`` (built once, in
    ``triggers.lexicon``)."""
    out: dict = {}
    for sense in ORDER:
        for rule in lex.get("classed", {}).get(sense, []):
            for verb in rule["verbs"]:
                out.setdefault(verb, []).append((sense, rule))
    return out


def forms(tok) -> set:
    """A noun's lemma and plain forms ("bases" is lemmatized "basis" by the small model)."""
    low = tok.lower_
    return {tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low,
            low[:-2] if low.endswith("es") else low}


def _class(lex, name) -> frozenset:
    return frozenset(lex["classes"].get(name, ()))


def heads(token):
    """The nouns an argument names: itself, its conjuncts, and the counted noun after a
    quantity ("a total of 156 observation points", "a cache of explosives")."""
    out = [token]
    for t in list(out):
        out.extend(c for c in t.children if c.dep_ == "conj")
    for t in list(out):
        if t.lemma_.lower() in QUANTITY or t.pos_ == "NUM":
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _objects(verb):
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    found = []
    for c in verb.children:
        if c.dep_ == "dobj" or c.dep_ == "nsubjpass" or passive and c.dep_ == "nsubj":
            found.extend(heads(c))
        if c.i == verb.i + 1 and c.lower_ in PARTICLES:  # "set up two bases" as a prep
            found.extend(h for p in c.children if p.dep_ == "pobj" for h in heads(p))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "weapons seized in the raid"
        found.extend(heads(verb.head))
    return found


def _subjects(verb):
    node = verb
    for _ in range(3):
        subj = [c for c in node.children if c.dep_ == "nsubj"]
        if subj:
            return [h for s in subj for h in heads(s)] + [
                m for s in subj for m in s.children if m.dep_ in ("compound", "amod")]
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    return []


def _from_place(verb) -> bool:
    for c in verb.children:
        target = None
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "out"):
            target = next((p for p in c.children if p.dep_ == "pobj"), None)
        elif c.dep_ == "dobj":
            target = c
        if target is not None and (target.ent_type_ in ("GPE", "LOC", "FAC")
                                   or target.lemma_.lower() in FROM_PLACE
                                   or target.pos_ == "PROPN" and target.ent_type_ != "ORG"):
            return True
    return False


def _matches(verb, rule, lex) -> bool:
    if "object" in rule:
        wanted = _class(lex, rule["object"])
        objs = _objects(verb)
        if rule["object"] == "persons":
            if not any(forms(o) & wanted or o.ent_type_ == "PERSON" or o.ent_type_ == "NORP"
                       and o.tag_ == "NNPS" for o in objs):  # "took dozens of Palestinians"
                return False
        elif rule["object"] == "accords":
            objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
                     for p in c.children if p.dep_ == "pobj"]
            if not any(forms(o) & wanted or
                       any(forms(m) & wanted for m in o.children
                           if m.dep_ in ("compound", "amod")) for o in objs):
                return False
        elif not any(forms(o) & wanted for o in objs):
            return False
    if rule.get("from_place") and not _from_place(verb):
        return False
    if rule.get("by_abductors") and not any(_abductor(p, lex) for a in verb.children
                                            if a.dep_ == "agent" for p in a.children
                                            if p.dep_ == "pobj"):
        return False  # "taken by armed men"
    if rule.get("into_vehicle") and not any(
            forms(p) & _class(lex, "vehicles") for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "into" for p in c.children if p.dep_ == "pobj"):
        return False  # "forced into an unmarked van"
    if rule.get("driven_from"):
        from .territory import driven_from  # "drove the militants out of three villages"
        if not driven_from(verb):
            return False
    if "subject" in rule:
        wanted = _class(lex, rule["subject"])
        if not any(forms(s) & wanted for s in _subjects(verb)):
            return False
    return True


def _abductor(noun, lex) -> bool:
    """"gunmen", "kidnappers", "armed men", "masked men": who abducts (``abductors`` and
    ``abductor_marks`` in resources/events.yaml)."""
    return bool(forms(noun) & _class(lex, "abductors")) or noun.lemma_.lower() in (
        "man", "individual", "people", "person", "assailant") and any(
        c.lower_ in _class(lex, "abductor_marks") for c in noun.children if c.dep_ == "amod")


def classed_sense(token, lex) -> str | None:
    """The sense a verb names with the class of its arguments, or None."""
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    prt = next((c.lower_ for c in token.children if c.dep_ == "prt" or c.i == token.i + 1
                and c.lower_ in PARTICLES), None)  # "set up": the parser may call it a prep
    rules = lex["_classed"]
    verb_forms = [f"{lemma} {prt}", lemma] if prt else [lemma]
    if lemma == "release" and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            p.lemma_.lower() == "exchange" for p in c.children) for c in token.children):
        return "agree"  # "released 30 rebels in exchange for 16 soldiers"
    if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "into" and any(
            p.lemma_.lower() == "custody" for p in c.children) for c in token.children):
        return "arrest"  # "took three suspects into custody"
    for form in verb_forms:
        for sense, rule in rules.get(form, ()):
            if rule.get("object") == "plots" and token.tag_ not in ("VBD", "VBN"):
                continue  # "to prevent any raid": a purpose, not a foiled plot
            if _matches(token, rule, lex):
                return sense
    return None


def support_sense(token) -> str | None:
    """Senses named by a light verb with its particle or object: "blew themselves up",
    "blew up a bridge", "set fire to", "set ... on fire", "came under fire"."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma == "blow" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        if any(c.lower_ in REFLEXIVE for c in token.children):
            return "suicide"
        return "bomb"
    if token.pos_ == "VERB" and (lemma == "take" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() == "street"
                                                           for p in c.children)
            for c in token.children) or lemma in ("block", "barricade") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("road", "street", "highway", "bridge")
            for c in token.children)):
        return "protest"  # "took to the streets", "blocked roads"
    if token.pos_ == "VERB" and lemma == "engage" and any(
            c.dep_ in ("dobj", "nsubjpass", "agent") for c in token.children):
        if any(_air_means(p) for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
               for p in c.children if p.dep_ == "pobj"):
            return "air"  # "engaged the insurgents with a precision airstrike": the means
        return "clash"  # "a patrol was engaged by insurgents", "engaged the insurgents"
    if token.pos_ == "VERB" and lemma == "set" and any(
            c.dep_ in ("dobj", "oprd", "acomp", "advmod") and c.lower_ in ("fire", "ablaze",
                                                                         "alight")
            or c.dep_ == "prep" and c.lower_ == "on" and any(p.lower_ == "fire"
                                                              for p in c.children)
            for c in token.children):
        return "loot"
    if token.pos_ == "NOUN" and token.lemma_.lower() in ("fire", "gunfire", "attack") and \
            token.dep_ == "pobj" and token.head.lower_ == "under" and \
            token.head.head.lemma_.lower() in ("come", "be"):
        return "attack"
    if token.pos_ == "NOUN" and lemma in ("exchange", "swap") and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                p.lemma_.lower() in ("prisoner", "captive", "detainee", "hostage", "body")
                for p in c.children) for c in token.children):
        return "agree"  # "an exchange of prisoners between the warring sides"
    return None


AIR_MODIFIERS = frozenset("air aerial precision drone helicopter".split())


def _air_means(noun) -> bool:
    """"a precision airstrike", "an air strike", "helicopter fire": an air weapon named."""
    lemma = noun.lemma_.lower()
    return lemma in ("airstrike", "air-strike", "bombardment") or lemma in (
        "strike", "fire", "attack") and any(c.lower_ in AIR_MODIFIERS for c in noun.lefts)
