"""Finding statements of responsibility in the parse: claims ("X claimed responsibility for
the attack"), attributions ("the bombing was blamed on X", "officials attributed the attack to
X"), suspicions ("X is suspected of carrying out") and plain statements ("X was behind the
blast"), each with its hedge, cue word, speaker and the attack it names, if any. Which event
each concerns is ``assigning.py``'s question.
"""

from __future__ import annotations

from ..attribution import REPORT_VERBS
from ..doc_cache import ent_at
from ..triggers import generic_record
from .statement import NAMED_TYPES, Perpetrator, table, unnamed


def find_perpetrators(doc) -> list[Perpetrator]:
    """Every claim or attribution of responsibility in ``doc``, in text order."""
    t = table()
    at = {i: m for m in doc._.wc_mentions or [] for i in range(m.span.start, m.span.end)}
    out = []
    for token in doc:
        found = _read(token, at, t)
        if found is not None and found.actor is not None:
            out.append(found)
    return out


def _read(token, at, t) -> Perpetrator | None:
    found = _reading(token, at, t)
    if found is None or found.about is None:
        return found
    found.about = _attack_of(found.about)
    # "blamed the government for failing to protect": responsibility for no attack
    return found if _event_word(found.about) else None


def _attack_of(token):
    """"of carrying out the attack" -> the attack."""
    if token.lemma_.lower() in DOING_VERBS:
        return _child(token, "dobj") or token
    return token


DOING_VERBS = frozenset("carry conduct stage launch mount perpetrate orchestrate plan "
                        "commit".split())


def _reading(token, at, t) -> Perpetrator | None:
    lemma = token.lemma_.lower()
    is_verb = token.pos_ in ("VERB", "AUX")
    if is_verb and lemma in t["claim_verbs"]:
        obj = _child(token, "dobj")
        if obj is None or obj.lemma_.lower() not in t["claim_nouns"] and not (
                lemma == "claim" and _event_word(obj)):
            return None
        if _negated(token):
            return None  # "no group has claimed responsibility", "has not claimed"
        about = _pobj(obj, "for") or _pobj(token, "for") or \
            (obj if obj.lemma_.lower() not in t["claim_nouns"] else None)
        if about is not None and generic_record(token, about):
            return None  # "have also claimed attacks in Tunisia": no claim of this incident
        who = _subject(token)
        return Perpetrator(_claimant(who, at, t), "claimed", token.text, token.sent,
                           about=about)
    if is_verb and lemma in t["blame_verbs"] | t["attribute_verbs"]:
        if _negated(token):
            return None
        prep = "on" if lemma in t["blame_verbs"] else "to"
        passive = _child(token, "nsubjpass") is not None
        obj = _child(token, "dobj")
        if token.dep_ == "acl" and obj is None:  # "the group blamed for the attack"
            about, who, source = _pobj(token, "for") or _pobj(token, prep), token.head, None
        elif passive:
            about, who = _child(token, "nsubjpass"), _pobj(token, prep)
            source = _pobj(token, "by", "agent")
        elif obj is not None and _pobj(token, prep) is not None:  # "blamed the attack on X"
            about, who, source = obj, _pobj(token, prep), _subject(token)
        else:  # "officials blamed X (for the attack)"
            about, who, source = _pobj(token, "for"), obj, _subject(token)
        return Perpetrator(_claimant(who, at, t), "blamed", token.text, token.sent,
                           _words(source), about)
    if is_verb and lemma in t["accuse_verbs"] and not _negated(token):
        about = _pobj(token, "of")  # "accused X of the bombing", "of carrying out the attack"
        return Perpetrator(_claimant(_child(token, "dobj"), at, t), "blamed", token.text,
                           token.sent, _words(_subject(token)), about) \
            if about is not None else None
    if is_verb and lemma in t["hold_verbs"]:  # "held X responsible (for the attack)"
        oprd = next((c for c in token.children if c.lower_ == "responsible"), None)
        if oprd is None or _negated(token):
            return None
        return Perpetrator(_claimant(_child(token, "dobj"), at, t), "blamed", "held responsible",
                           token.sent, _words(_subject(token)), _pobj(oprd, "for"))
    if token.lower_ in ("behind", "responsible") and token.dep_ in ("prep", "acomp") \
            and token.head.lemma_.lower() == "be":
        if _negated(token.head) or _negated(token):
            return None  # "was not behind the attack"
        about = _pobj(token, "for") if token.lower_ == "responsible" else _child(token, "pobj")
        return _said(token, _subject(token.head), about, at, t)
    if is_verb and lemma == "suspect" and _child(token, "nsubjpass") is not None:
        about = _pobj(token, "of") or _pobj(token, "in")  # "X are suspected of the attack"
        if about is None:
            return None  # "suspected to be behind" is read at "behind"
        return Perpetrator(_claimant(_child(token, "nsubjpass"), at, t), "suspected",
                           token.text, token.sent, None, about)
    if is_verb and lemma == "carry" and any(c.dep_ == "prt" and c.lower_ == "out"
                                            for c in token.children):
        agent = _pobj(token, "by", "agent")
        if agent is not None:  # "(believed to have been) carried out by X"
            found = _said(token, agent, _subject(token), at, t)
            if found is not None:
                found.cue = "carried out by"
            return found
        who = _subject(token)
        if who is not None and who.lower_ in t["pronouns"]:  # "X said it carried out"
            return _said(token, who, _child(token, "dobj"), at, t)
    return None


def _said(token, who, about, at, t) -> Perpetrator | None:
    """"X was behind the attack", told by whom: X itself ("X said it was behind"): claimed;
    a believing verb or word ("are suspected to be behind", "believed responsible"):
    suspected; someone else ("police said X was behind"): blamed; nobody: stated."""
    speaker, verb = _speaker(token)
    actor = _claimant(who, at, t, speaker)
    if actor is None:
        return None
    own = speaker is not None and (who is not None and who.lower_ in t["pronouns"]
                                   or _claimant(speaker, at, t) is actor)
    if own:
        return Perpetrator(actor, "claimed", token.text, token.sent, about=about)
    if _hedged(token, t) or verb is not None and verb.lemma_.lower() in t["suspect_verbs"]:
        return Perpetrator(actor, "suspected", token.text, token.sent, _words(speaker), about)
    hedge = "blamed" if speaker is not None else "stated"
    return Perpetrator(actor, hedge, token.text, token.sent, _words(speaker), about)


def _speaker(token):
    """(subject, verb) of the saying or believing clause ``token``'s clause hangs on, if any."""
    t = table()
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return None, None
        if node.dep_ in ("ccomp", "xcomp", "parataxis") and (
                node.head.lemma_.lower() in REPORT_VERBS | t["suspect_verbs"]):
            return _subject(node.head), node.head
        node = node.head
    return None, None


def _hedged(token, t) -> bool:
    """A believing word on the clause: "believed to have been carried out", "suspected"."""
    node = token
    for _ in range(4):
        if any(c.lower_ in t["suspect_words"] for c in node.children) or \
                node.lower_ in t["suspect_words"] and node.i != token.i:
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _claimant(token, at, t, speaker=None):
    """The named actor ``token`` stands for: a mention on it or its modifiers ("Boko Haram
    militants"), the saying group for a pronoun ("X said it ..."), else the armed group last
    named before it; a country as its military ("blamed Russia"). Descriptions ("gunmen") and
    unnamed groups are no perpetrator: ``None``."""
    if token is None:
        return None
    named = at.get(token.i)
    if named is not None and not unnamed(named) and named.via != "anaphor" and \
            named.type in NAMED_TYPES:
        return named  # "The Group for the Support of Islam and Muslims claimed ..."
    if token.lower_ in t["pronouns"] or token.lower_ in ("group", "organisation",
                                                          "organization", "movement"):
        if speaker is not None and speaker.lower_ not in t["pronouns"]:
            said = _claimant(speaker, at, t)
            if said is not None:
                return said
        earlier = [m for i, m in sorted(at.items()) if i < token.i and m.type == "armed group"
                   and not unnamed(m)]
        return earlier[-1] if earlier else None
    for candidate in (token, *[c for c in token.subtree if c.head.i == token.i
                               and c.dep_ in ("compound", "amod", "nmod", "poss", "pobj")]):
        m = at.get(candidate.i)
        if m is not None and not unnamed(m) and m.type in NAMED_TYPES:
            return m
    for child in token.children:  # "militants of the Islamic State group"
        if child.dep_ == "prep" and child.lower_ == "of":
            m = at.get(_child(child, "pobj").i) if _child(child, "pobj") is not None else None
            if m is not None and not unnamed(m) and m.type == "armed group":
                return m
    return _state(token)


def _state(token):
    """"blamed Russia", "carried out by Russian warplanes": a country, or its forces or
    aircraft, blamed for an attack is its military (or police, ...) in ACLED's names."""
    from ...resources.gazetteer import FORCE_NOUNS, country_by_word, state_actor
    from ..mentions import ActorMention

    role, named = "military", token
    if token.ent_type_ != "GPE":
        role = FORCE_NOUNS.get(token.lemma_.lower()) or \
            ("military" if token.lemma_.lower() in AIRCRAFT else None)
        named = next((c for c in token.lefts if c.ent_type_ in ("GPE", "NORP")), None)
        if role is None or named is None:
            return None
    ent = ent_at(token.doc, named.i)
    country = country_by_word(ent.text) if ent is not None else None
    if country is None:
        return None
    actor = state_actor(country.iso2, role)
    span = token.doc[ent.start:max(ent.end, token.i + 1)]
    return ActorMention(span, actor.id, actor.name, actor.type, country.iso2, via="blamed state")


AIRCRAFT = frozenset("warplane jet aircraft plane helicopter drone gunship".split())


# ---- parse helpers ----------------------------------------------------------------------

def _child(token, dep):
    return next((c for c in token.children if c.dep_ == dep), None)


def _pobj(token, word, dep="prep"):
    for c in token.children:
        if c.dep_ in (dep, "prep", "agent") and c.lower_ == word:
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def _subject(token):
    """The subject of ``token``'s clause, climbing xcomp/conj/advcl heads ("are suspected to
    be behind", "stormed the base and claimed it")."""
    node = token
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if node.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl") or node.head.i == node.i:
            return None
        if node.dep_ in ("relcl", "acl"):
            return node.head
        node = node.head
    return None


def _negated(token) -> bool:
    """"has not claimed", "No group claimed", "X denied claiming"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    subj = _subject(token)
    if subj is not None and any(c.lower_ in ("no", "none") for c in subj.lefts) or \
            subj is not None and subj.lower_ in ("nobody", "none", "no-one"):
        return True
    node = token  # "rejected allegations that its aircraft were responsible", "denied ..."
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in table()["deny_verbs"] or node.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def _event_word(token) -> bool:
    from ..triggers import lexicon, sense_of

    return token.lower_ in ("it", "attack", "attacks") or sense_of(token, lexicon()) is not None


def _words(token) -> str | None:
    if token is None:
        return None
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text
