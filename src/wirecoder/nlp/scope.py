"""Whether a trigger names political violence, a protest or a strategic development at all.

Most news is not about conflict: "banks hope to strike deals", "shares shot up", "a takeover
battle", "Korean Air signed orders for jets", "a Delta rocket blasted off", "the death of the
former chairman", "a seamen's strike", "killed in a mine accident", "arrested and charged
with embezzlement". Each is decided, with a reason kept on the mention, by

* the classes of the arguments: a company, market, bank, price or bill is never an armed
  actor nor a victim (``scope.economic``, company names by their suffix: "Inc", "Corp");
  a violent verb needs a target that can be hurt or fought over (``scope.hurtable``);
* the sense of the trigger in its parse: "demonstrated a new chip" (an object: to show),
  "prices rallied" (no crowd), a strike by workers or a "national strike" (labour);
* the sentence's context: an ambiguous trigger (attack, battle, kill, death, sign...) needs a
  conflict cue beside it (``scope.conflict``: an armed or protesting actor, a weapon, a
  toll); a disaster or accident (``scope.disaster``) or an ordinary crime (``scope.crime``)
  with no armed actor is out of ACLED's scope (codebook 2023, "what ACLED does not code").
"""

from __future__ import annotations

from .doc_cache import ent_at
from .senses import QUANTITY, heads

# senses whose trigger words have everyday or economic senses ("attack on prices")
AMBIGUOUS = frozenset("kill die wound shoot attack clash territory bomb loot agree ban base "
                      "group transfer arrest shell chemical".split())
STRATEGIC = frozenset("agree base group transfer disrupt".split())  # need an armed party
VIOLENT = frozenset("kill wound shoot attack".split())
LICENSED = frozenset("territory agree base group transfer disrupt arrest".split())
ARMED_TYPES = frozenset(["armed group", "state force", "protesters", "civilians"])
CROWD = frozenset("people protester demonstrator student worker farmer resident villager "
                  "supporter activist youth woman man citizen teacher trader crowd thousand "
                  "hundred dozen member opponent voter employee miner doctor nurse lawyer "
                  "pensioner journalist fan group union".split())


def out_of_scope(token, sense, agent_tok, patient_tok, mention, at, lex) -> str | None:
    """Why this trigger names no event in scope, or None when it may."""
    scope = lex["scope"]
    economic = frozenset(scope["economic"])
    for role, arg in (("doer", agent_tok), ("target", patient_tok)):
        if sense in LICENSED and role == "target":
            continue  # "seized control", "reached an agreement": the class named the sense
        if arg is None or (arg.i in at and at[arg.i].type in ARMED_TYPES):
            continue
        if arg.lemma_.lower() in economic:
            return f"the {role} is economic ({arg.lemma_.lower()})"
        if _company(arg, scope):
            return f"the {role} is a company ({arg.text})"
    if sense == "protest":
        why = _not_a_crowd(token, agent_tok, economic)
        if why:
            return why
    if sense == "agree":
        why = _commercial_accord(token, agent_tok, patient_tok, scope)
        if why:
            return why
    if sense == "clash":
        why = _contest(token, scope)
        if why:
            return why
    if token.lemma_.lower() == "strike" and _labour(token, agent_tok, scope, at):
        return "a labour strike"
    counted = bool(mention.counts_text) and patient_tok is not None and \
        patient_tok.lemma_.lower() not in QUANTITY
    if sense in VIOLENT and patient_tok is not None and not counted \
            and not (agent_tok is not None and agent_tok.i in at
                     and at[agent_tok.i].type in ARMED_TYPES) \
            and not any(_hurtable(h, at, scope, lex) for h in heads(patient_tok)):
        return f"the target cannot be hurt or fought ({patient_tok.lemma_.lower()})"
    sent = token.sent
    lemmas = {t.lemma_.lower() for t in sent if t.i != token.i}
    armed = any(m.type in ARMED_TYPES for m in _mentions_in(sent, at))
    cue = armed or bool(mention.counts_text) and sense != "die" or _cue(sent, token, scope, lex) \
        or sense in STORY_SENSES and _conflict_story(token.doc, at, scope, lex)
    if sense in STRATEGIC:
        words = frozenset(scope["armed_cue"])
        suffixes = frozenset(scope["corporate_suffixes"])
        cue = any(m.type in ("armed group", "state force") and m.span.text.split()[-1].lower()
                  .strip(".,") not in suffixes and not _company(m.span.root, scope)
                  for m in _mentions_in(sent, at)) \
            or bool(lemmas & words) or any(t.lower_ in words for t in sent if t.i != token.i)
        story = {t.lemma_.lower() for t in next(iter(token.doc.sents))}
        if story & frozenset(scope["disaster"]):
            return "a deployment for a disaster, not a conflict"
    disaster = lemmas & frozenset(scope["disaster"])
    if disaster and not armed and sense not in ("protest", "riot"):
        return f"a disaster or accident ({sorted(disaster)[0]})"
    crime = lemmas & frozenset(scope["crime"])
    political = any(m.type in ("armed group", "protesters") for m in _mentions_in(sent, at)) \
        or bool(lemmas & frozenset(scope["political"]))
    if crime and sense in ("arrest", "kill", "attack", "shoot") and not political:
        return f"an ordinary crime ({sorted(crime)[0]})"
    if sense in AMBIGUOUS and not cue:
        return "no conflict cue in its sentence (armed or protesting actor, weapon, toll)"
    return None


STORY_SENSES = frozenset("bomb shell air ied grenade suicide chemical attack kill die wound "
                         "shoot clash".split())


def _conflict_story(doc, at, scope, lex) -> bool:
    """A story about conflict: an armed actor named, or two conflict words that are not
    event words ("police", "militants", "explosives"); then "the blast shattered windows"
    needs no cue of its own. Read once per document."""
    key = "wc_conflict_story"
    if key not in doc.user_data:
        words = frozenset(scope["conflict"])
        armed = any(m.type in ("armed group", "state force") for m in _mentions_in(doc[:], at))
        hits = sum(1 for t in doc if (t.lemma_.lower() in words or t.lower_ in words)
                   and t.lemma_.lower() not in lex["_verbs"]
                   and t.lemma_.lower() not in lex["_nouns"])
        business_words = frozenset(scope["business"])
        business = sum(1 for t in doc if t.lower_ in business_words)
        doc.user_data[key] = (armed or hits >= 2) and hits >= business
    return doc.user_data[key]


def _mentions_in(sent, at):
    seen = set()
    for i in range(sent.start, sent.end):
        m = at.get(i)
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            yield m


def _cue(sent, token, scope, lex, strict=False) -> bool:
    """A conflict word in the sentence other than the trigger (and, strictly, other than any
    event word: "killed" beside "attack" is no cue that either is political)."""
    words = frozenset(scope["conflict"])
    for t in sent:
        lemma = t.lemma_.lower()
        if t.i == token.i or lemma not in words and t.lower_ not in words:
            continue
        if strict and (lemma in lex["_verbs"] or lemma in lex["_nouns"]):
            continue
        if lemma == "forces" or t.lower_ == "forces":
            if any(c.lower_ in ("market", "economic") for c in t.lefts):
                continue
        return True
    return False


def _company(arg, scope) -> bool:
    suffixes = frozenset(scope["corporate_suffixes"])
    if arg.ent_type_ != "ORG":
        return False
    ent = ent_at(arg.doc, arg.i)
    words = [w.lower().strip(".,") for w in (ent.text if ent else arg.text).split()]
    return bool(words) and words[-1] in suffixes


def _hurtable(tok, at, scope, lex) -> bool:
    if tok.i in at or tok.pos_ in ("PRON", "NUM", "PROPN") or any(
            c.dep_ == "nummod" for c in tok.children):
        return True
    if tok.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "FAC", "ORG"):
        return True
    lemma = tok.lemma_.lower()
    return lemma in scope["hurtable"] or lemma in lex["civilian_nouns"] or \
        lemma in lex["classes"]["troops"] or any(
            c.dep_ == "compound" and c.i in at for c in tok.children)


def _not_a_crowd(token, agent_tok, economic) -> str | None:
    """"IBM demonstrated a chip", "prices rallied", "a demonstration of its speed"."""
    if token.pos_ == "VERB":
        if token.lemma_.lower() in ("demonstrate", "rally", "march", "protest") and any(
                c.dep_ in ("dobj", "ccomp") for c in token.children):
            return "'demonstrate' with an object: to show, not to protest"
        if agent_tok is not None and agent_tok.lemma_.lower() in ("troop", "force", "army",
                                                                   "soldier", "convoy"):
            return "troops marching, not a protest"
        if agent_tok is not None and (agent_tok.lemma_.lower() in economic
                                      or agent_tok.lemma_.lower() in ("export", "crude", "oil",
                                                                      "dollar", "index")):
            return f"no crowd protests: '{agent_tok.lemma_.lower()}' {token.lower_}"
    if token.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            p.lemma_.lower() not in CROWD and p.ent_type_ not in ("NORP",)
            for p in c.children if p.dep_ == "pobj") for c in token.children):
        return "a demonstration of something: a show, not a protest"
    return None


MILITARY_STRIKE = frozenset("air drone missile aerial military rocket suicide "
                            "preemptive pre-emptive retaliatory".split())


def _labour(token, agent_tok, scope, at) -> bool:
    """A strike by workers, a union's or a "general / national / warning / hunger" strike;
    "seamen struck" (a verb whose subject is a labour party); or a strike noun with no
    weapon, armed actor or conflict word beside it in a story about labour ("I guarantee
    you a strike," said the union official: the union and the wages are told in the
    sentences around it)."""
    if token.pos_ == "VERB":
        return agent_tok is not None and agent_tok.lemma_.lower() in scope["labour_parties"]
    if token.pos_ != "NOUN":
        return False
    mods = frozenset(scope["labour_modifiers"])
    if any(t.lemma_.lower() in mods for t in token.subtree if t.i != token.i):
        return True
    if any(c.lower_ in MILITARY_STRIKE for c in token.lefts):
        return False
    words = frozenset(scope["labour"])
    if any(t.lemma_.lower() in words for t in token.sent):
        return True
    return _labour_story(token.doc, scope) and not any(
        m.type in ARMED_TYPES for m in _mentions_in(token.sent, at)) and not any(
        (t.lemma_.lower() in scope["conflict"] or t.lower_ in scope["conflict"])
        and t.i != token.i for t in token.sent)


def _labour_story(doc, scope) -> bool:
    """Two or more labour words (union, workers, wages, contract) in the story: read once."""
    key = "wc_labour_story"
    if key not in doc.user_data:
        words = frozenset(scope["labour"])
        doc.user_data[key] = sum(1 for t in doc if t.lemma_.lower() in words) >= 2
    return doc.user_data[key]


def _reported_subject(tok):
    """"X Corp said it signed": the pronoun subject of a reported clause is the reporter."""
    if tok is None or tok.lower_ not in ("it", "they", "we"):
        return tok
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ccomp":
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), tok)
    return tok


def _commercial_accord(token, agent_tok, patient_tok, scope) -> str | None:
    """ACLED's Agreement is between armed or political parties to a conflict (codebook
    2023): an accord a company or a trade union makes ("X Corp said it signed an agreement"),
    or whose terms are commerce or labour (a modifier, an "on"/"for" object, or the verb of
    its clause: "an agreement under which its unit will merge with Y", "agreement on a new
    contract"), is none."""
    doer = _reported_subject(agent_tok)
    if doer is not None and _company(doer, scope):
        return f"an accord a company makes ({doer.text})"
    if doer is not None and doer.pos_ == "NOUN" and \
            doer.lemma_.lower() in scope["labour_parties"]:
        return f"an accord a labour party makes ({doer.lemma_.lower()})"
    commercial = frozenset(scope["commercial"])

    def trade(noun) -> bool:
        return noun.lemma_.lower() in commercial or any(
            m.lemma_.lower() in commercial for m in noun.children
            if m.dep_ in ("compound", "amod", "nmod"))

    for noun in (t for t in (patient_tok, token) if t is not None and t.pos_ == "NOUN"):
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in commercial:
                return f"a commercial accord ({c.lower_} {noun.lower_})"
            if c.dep_ == "prep" and c.lower_ in ("on", "for", "over", "with") and any(
                    trade(p) for p in c.children if p.dep_ in ("pobj", "pcomp")):
                return f"a commercial accord ({noun.lower_} {c.lower_} ...)"
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in commercial:
                return f"a commercial accord (its terms: {c.lemma_.lower()})"
    return None


def _contest(token, scope) -> str | None:
    """"A long battle for confirmation", "fought for market share": a contest for an office,
    a vote or a market (the "for"/"over" object), not a fight."""
    objects = frozenset(scope["contest_objects"])
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
                p.lemma_.lower() in objects or p.lower_ in objects
                for p in c.children if p.dep_ == "pobj"):
            return f"a contest, not a fight ('{token.lower_} {c.lower_} ...')"
    return None


def reason_for(token, mention, agent_tok) -> str:
    """Why the event exists, in words: its trigger and sense, its doer and target."""
    parts = [f"'{token.text}' ({token.pos_.lower()}) names sense '{mention.sense}'"]
    if agent_tok is not None:
        parts.append(f"doer '{agent_tok.text}'")
    if mention.patient_words:
        parts.append(f"target '{mention.patient_words}'")
    if mention.counts_text:
        parts.append("counts " + ", ".join(f"'{c}'" for c in mention.counts_text))
    if mention.modality != "asserted":
        parts.append(f"modality {mention.modality}")
    return "; ".join(parts)
