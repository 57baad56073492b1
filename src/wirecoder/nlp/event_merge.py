"""One event per real-world occurrence within an article.

Rules (each a judgement the text supports, not a guess):

1. *Same operation*: "X was killed with Kobi in the same operation" joins the event in which
   Kobi was a victim; the victims add up.
2. *Definite nominal back- or forward-reference*: "The killing of a senior militant by special
   forces" with no date of its own is the event another sentence tells in full (same family of
   sense, compatible agent), within three sentences.
3. *Repeats*: the same sense, agent and victims in one sentence.
"""

from __future__ import annotations

VIOLENT = frozenset("kill attack clash die wound shoot bomb ied suicide air shell grenade".split())
SAME_WORDS = frozenset(["same", "that", "this"])
OCCURRENCE_NOUNS = frozenset("operation attack raid ambush strike incident assault clash".split())


def merge_mentions(mentions: list) -> list:
    kept: list = []
    for mention in mentions:
        same_operation = _same_operation(mention, kept)
        target = same_operation or _back_reference(mention, kept) or _repeat(mention, kept) \
            or _nested(mention, kept) or _restated(mention, kept)
        if target is None:
            kept.append(mention)
        else:  # only "killed with X in the same operation" adds victims; a reference repeats them
            absorb(target, mention, add_victims=same_operation is not None)
    # forward references: a dateless definite nominal kept first may be told in full later
    out: list = []
    for mention in kept:
        target = next((m for m in out if _refers_forward(m, mention)), None)
        if target is not None:
            absorb(mention, target)
            out[out.index(target)] = mention
        else:
            out.append(mention)
    return out


def absorb(target, other, add_victims: bool = False) -> None:
    """Fold ``other`` into ``target``: union of evidence, gaps filled. Victims add up only for
    another victim of the same operation; a back-reference ("the killing of a senior militant")
    names the same dead again and keeps the count."""
    for sent in other.sents:
        if all(sent.start != s.start for s in target.sents):
            target.sents.append(sent)
    target.sents.sort(key=lambda s: s.start)
    new_victims = [p for p in other.patients if all(p.key != q.key for q in target.patients)]
    if other.fatalities and add_victims and new_victims:
        target.fatalities = (target.fatalities or 0) + other.fatalities
        target.counts_text.extend(other.counts_text)
        target.extra_patients.extend(new_victims)
    elif other.fatalities and not target.fatalities:
        target.fatalities, target.counts_text = other.fatalities, list(other.counts_text)
    if not add_victims:  # "the killing of a senior Algerian militant" = the killing of Kobi
        named = [p for p in target.patients + other.patients if p.type == "person"]
        described = [p.span for p in target.patients + other.patients if p.generic]
        for m in (target, other):
            span = m.patient_span
            if not m.patients and span is not None and span.root.pos_ == "NOUN":
                described.append(span)  # "a senior Malian commander": no actor, a description
        if len(named) == 1 and described:
            target.descriptions.extend((d, named[0]) for d in described)
    target.patients = target.patients or other.patients
    target.agent = target.agent or other.agent
    target.date_text = target.date_text or other.date_text
    target.place_text = target.place_text or other.place_text


def _family(mention) -> bool:
    return mention.sense in VIOLENT


def _same_operation(mention, kept):
    trigger = mention.trigger
    sent_words = {t.lower_ for t in trigger.sent}
    if not (sent_words & SAME_WORDS and sent_words & OCCURRENCE_NOUNS):
        return None
    companions = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"]
    keys = {t.ent_id_ or t.text for c in companions for t in c.subtree}
    for other in reversed(kept):
        victims = other.patients + other.extra_patients
        if any(p.span.root.text in keys or p.span.text in keys for p in victims):
            return other
    return None


def _definite_nominal(mention) -> bool:
    t = mention.trigger
    return t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.lefts) and not mention.date_text


def _compatible(a, b) -> bool:
    if not (_family(a) and _family(b)):
        return a.sense == b.sense and False
    if a.agent is None or b.agent is None:
        return True
    return a.agent.key == b.agent.key


def _back_reference(mention, kept):
    if not _definite_nominal(mention):
        return None
    for other in reversed(kept):
        if other.trigger.i != mention.trigger.i and \
                _sent_distance(other, mention) <= 3 and _compatible(other, mention):
            return other
    return None


def _refers_forward(nominal, later) -> bool:
    return (_definite_nominal(nominal) and nominal.trigger.i < later.trigger.i
            and later.date_text and _sent_distance(nominal, later) <= 3
            and _compatible(nominal, later))


def _sent_distance(a, b) -> int:
    starts = _sentence_starts(a.trigger.doc)
    return abs(starts.index(a.sents[0].start) - starts.index(b.sents[0].start))


def _sentence_starts(doc) -> list[int]:
    """Sentence start offsets, computed once per Doc (``doc.sents`` walks every token)."""
    cached = doc.user_data.get("wc_sent_starts")
    if cached is None:
        cached = doc.user_data["wc_sent_starts"] = [s.start for s in doc.sents]
    return cached


def _nested(mention, kept):
    """"killed 11 villagers in an attack on Gwoza", "were killed when fighters attacked":
    violent triggers in one sentence, one governing the other, tell one occurrence."""
    if not _family(mention) or mention.position >= 0:
        return None
    for other in kept:
        if other.position >= 0 or not _family(other) or \
                other.sents[0].start != mention.sents[0].start:
            continue
        if _governs(other.trigger, mention.trigger) or _governs(mention.trigger, other.trigger):
            if mention.date_text and other.date_text and mention.date_text != other.date_text:
                continue
            return other
    return None


def _governs(head, token) -> bool:
    node, steps = token, 0
    while node.head.i != node.i and steps < 4:
        if node.dep_ not in ("advcl", "pobj", "prep", "pcomp", "xcomp", "acl", "dobj", "relcl"):
            return False
        node, steps = node.head, steps + 1
        if node.i == head.i:
            return True
    return False


def _restated(mention, kept):
    """"Boko Haram gunmen killed 11 villagers in Gwoza, he said.", a paragraph after the same
    killing was told with its date: the same doer, the same toll, no other time."""
    if mention.date_text or mention.fatalities is None or mention.agent is None:
        return None
    for other in kept:
        if _family(other) and other.agent is not None and other.agent.key == mention.agent.key \
                and other.fatalities == mention.fatalities and other.position < 0:
            return other
    return None


def _repeat(mention, kept):
    for other in kept:
        if other.sents[0].start == mention.sents[0].start and other.sense == mention.sense \
                and other.agent is mention.agent and other.date_text == mention.date_text and \
                [p.key for p in other.patients] == [p.key for p in mention.patients]:
            return other
    return None
