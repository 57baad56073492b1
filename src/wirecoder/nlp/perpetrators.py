"""``wc_perpetrators``: who the article says carried out each attack.

Reads claims and attributions of responsibility from the parse ("X claimed responsibility for
the attack", "X said it was behind the blast", "the bombing was blamed on X", "officials
attributed the attack to X", "X is suspected of carrying out", "believed to have been carried
out by X", "No group claimed it, but officials blamed X") and makes X the doer (actor1) of the
attack the claim concerns, even when the claim comes in a later sentence. Each perpetrator
keeps its provenance: the hedge (claimed, blamed, suspected, stated), the cue word, who said
so, and the sentence. Also: defenders responding to an attack ("police fired on a suicide
bomber, who blew himself up") are its target, not its doer. The wording is the table in
``resources/responsibility.yaml`` (ACLED codebook, "Actors").

Requires ``doc._.wc_events`` (merged event mentions) and ``doc._.wc_mentions``; sets, on
each event mention it decides, ``agent`` and ``perpetrator`` (a :class:`Perpetrator`), and
``doc._.wc_perpetrators``: the list of :class:`Perpetrator` found.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from .attribution import REPORT_VERBS

Doc.set_extension("wc_perpetrators", default=None, force=True)

STATE_TYPES = ("state force", "government")
UNNAMED = "unidentified-armed-group"  # nlp/mentions.py: armed men of no named group
NAMED_TYPES = ("armed group", "other org", "person", "state force", "government")


@dataclass
class Perpetrator:
    """One statement of who did it. ``actor`` is an ActorMention; ``hedge`` one of claimed,
    blamed, suspected, stated; ``source`` who said so, as worded (None: the article's voice);
    ``cue`` the word that says it ("claimed", "blamed", "behind"); ``sent`` the spaCy sentence;
    ``about`` the token naming the attack, if the wording names it ("for the attack")."""

    actor: object
    hedge: str
    cue: str
    sent: object
    source: str | None = None
    about: object = None


@lru_cache(maxsize=1)
def table() -> dict:
    text = resources.files("wirecoder.resources").joinpath("responsibility.yaml") \
        .read_text("utf-8")
    return {k: frozenset(v) if isinstance(v, list) else v
            for k, v in yaml.safe_load(text).items()}


@Language.component("wc_perpetrators", requires=["doc._.wc_events", "doc._.wc_mentions"],
                    assigns=["doc._.wc_perpetrators"])
def perpetrators(doc):
    found = find_perpetrators(doc)
    assign(doc._.wc_events or [], found, doc)
    doc._.wc_perpetrators = found
    return doc


# ---- finding: what the text says --------------------------------------------------------

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
    if named is not None and not _unnamed(named) and named.via != "anaphor" and \
            named.type in NAMED_TYPES:
        return named  # "The Group for the Support of Islam and Muslims claimed ..."
    if token.lower_ in t["pronouns"] or token.lower_ in ("group", "organisation",
                                                          "organization", "movement"):
        if speaker is not None and speaker.lower_ not in t["pronouns"]:
            said = _claimant(speaker, at, t)
            if said is not None:
                return said
        earlier = [m for i, m in sorted(at.items()) if i < token.i and m.type == "armed group"
                   and not _unnamed(m)]
        return earlier[-1] if earlier else None
    for candidate in (token, *[c for c in token.subtree if c.head.i == token.i
                               and c.dep_ in ("compound", "amod", "nmod", "poss", "pobj")]):
        m = at.get(candidate.i)
        if m is not None and not _unnamed(m) and m.type in NAMED_TYPES:
            return m
    for child in token.children:  # "militants of the Islamic State group"
        if child.dep_ == "prep" and child.lower_ == "of":
            m = at.get(_child(child, "pobj").i) if _child(child, "pobj") is not None else None
            if m is not None and not _unnamed(m) and m.type == "armed group":
                return m
    return _state(token)


def _state(token):
    """"blamed Russia", "carried out by Russian warplanes": a country, or its forces or
    aircraft, blamed for an attack is its military (or police, ...) in ACLED's names."""
    from ..resources.gazetteer import FORCE_NOUNS, country_by_word, state_actor
    from .mentions import ActorMention

    role, named = "military", token
    if token.ent_type_ != "GPE":
        role = FORCE_NOUNS.get(token.lemma_.lower()) or \
            ("military" if token.lemma_.lower() in AIRCRAFT else None)
        named = next((c for c in token.lefts if c.ent_type_ in ("GPE", "NORP")), None)
        if role is None or named is None:
            return None
    ent = next((e for e in token.doc.ents if e.start <= named.i < e.end), None)
    country = country_by_word(ent.text) if ent is not None else None
    if country is None:
        return None
    actor = state_actor(country.iso2, role)
    span = token.doc[ent.start:max(ent.end, token.i + 1)]
    return ActorMention(span, actor.id, actor.name, actor.type, country.iso2, via="blamed state")


AIRCRAFT = frozenset("warplane jet aircraft plane helicopter drone gunship".split())


# ---- assigning: which event the statement concerns ----------------------------------------

def assign(events: list, found: list[Perpetrator], doc) -> None:
    """Make each perpetrator the doer of the attack its statement concerns (the event named
    by its wording, else one in its sentence, else the nearest told before it within
    ``reach_sentences``, else the first told after it), when that event has no named doer,
    has the same one, or names only defenders responding to the attack. Then any remaining
    defenders-as-doer events are turned round."""
    for claim in found:
        concerned = _concerned(events, claim, doc)
        for event in concerned:
            _set_doer(event, claim.actor)
            event.perpetrator = event.perpetrator or claim  # the first account is kept
            if all(s.start != claim.sent.start for s in event.sents):
                event.sents.append(claim.sent)  # the claim tells of the event too
                event.sents.sort(key=lambda s: s.start)
        if concerned and claim.actor not in (doc._.wc_mentions or []):
            doc._.wc_mentions = sorted([*(doc._.wc_mentions or []), claim.actor],
                                       key=lambda m: m.start)
    for event in events:
        if event.perpetrator is None and _defenders(event) is not None:
            _set_doer(event, _defenders(event))


def _concerned(events: list, claim: Perpetrator, doc) -> list:
    """The events a statement concerns: the attack its wording names, else those told in its
    sentence, else in the nearest sentence before it that tells one (within
    ``reach_sentences``), else in the first after it; none of those that already have
    another named doer (two accounts of one attack are not spread over two)."""
    violent = [e for e in events if e.sense in CLAIMABLE and e.modality != "negated"]
    if claim.about is not None:
        named = next((e for e in violent if e.trigger.i == claim.about.i), None)
        if named is not None:
            return [named] if _open_to(named, claim.actor) else []
    sent_starts = [s.start for s in doc.sents]
    here = sent_starts.index(claim.sent.start)
    reach = table()["reach_sentences"]

    def index(e):
        return sent_starts.index(e.trigger.sent.start)

    # a state force's own operation is nobody's claimed attack: passed over, not a stop
    violent = [e for e in violent if e.agent is None or e.agent.type not in STATE_TYPES
               or _defenders(e) is not None]
    same = [e for e in violent if any(s.start == claim.sent.start for s in e.sents)]
    before = [e for e in violent if here - reach <= index(e) < here and not e.background]
    after = [e for e in violent if index(e) > here]
    group = same or before[::-1] or after
    if not group:
        return []
    # the events told in that one sentence (one occurrence the parse may have split in two)
    told = [e for e in violent if index(e) == index(group[0]) and not e.background
            or e is group[0]]
    return [e for e in told if _open_to(e, claim.actor)]


# senses of an attack someone may claim or be blamed for (a clash has two sides, no culprit)
CLAIMABLE = frozenset("kill attack die wound shoot bomb ied suicide air shell grenade "
                      "abduct sexual".split())


def _open_to(event, actor) -> bool:
    """Whether ``actor`` may be the event's doer: it has none named, the same one, or only
    defenders responding to the attack."""
    agent = event.agent
    return agent is None or _unnamed(agent) or agent.key == actor.key or \
        _defenders(event) is not None


def _unnamed(mention) -> bool:
    """A description ("gunmen", "Jihadist fighters"), not a named actor."""
    return mention.generic or mention.key == UNNAMED


def _defenders(event):
    """The attacker when the event's doer is a state force firing on one ("police fired on a
    suicide bomber", "troops repelled the attackers"), else None: an armed description among
    the targets, or a doer of a merged-in mention, while the sense is one an attacker does."""
    agent = event.agent
    if agent is None or agent.type not in STATE_TYPES or event.sense not in (
            "attack", "bomb", "suicide", "ied", "grenade", "shoot"):
        return None
    nouns = table()["attacker_nouns"]
    for m in [*event.extra_agents, *event.patients]:
        if m.type == "armed group" and m.span.root.lower_ in nouns and m.key != agent.key:
            return m
    return None


def _set_doer(event, actor) -> None:
    """``actor`` becomes the doer; a state force that was the doer (defenders) becomes a
    target in place of the attacker's description."""
    old = event.agent
    if old is not None and old.key != actor.key and old.type in STATE_TYPES:
        event.patients = [old, *(p for p in event.patients if p.key != actor.key and not (
            _unnamed(p) and p.type == "armed group"))]
    event.agent = actor


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
    from .triggers import lexicon, sense_of

    return token.lower_ in ("it", "attack", "attacks") or sense_of(token, lexicon()) is not None


def _words(token) -> str | None:
    if token is None:
        return None
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text
