"""Which words name an event, and which uses of them tell no single occurrence.

A trigger is a verb or noun in the lexicon (resources/events.yaml), or a compound ("suicide
bombing") or a verb with its object ("opened fire"). A trigger names no occurrence when it is
prevented or negated by a determiner ("no attack"), a habit ("attacked repeatedly"), a trend
("Kidnappings have become frequent"), a whole war's toll ("the conflict has killed
thousands") or a bare plural; a noun with no one named is an occurrence only when it stands
on its own ("an explosion ripped through the market", "a protest by traders").
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_yaml

from .anchors import date_text
from .crowds import crowd_action, plural_crowd
from .modality import support_of
from .paragraphs import is_headline
from .senses import classed_sense, rule_index, support_sense

ERUPT = frozenset("erupt break rock spread flare hit grip engulf rage".split())
HALTED = frozenset("moratorium ban halt suspension freeze end cessation".split())
DEFINITE = frozenset(["the", "these", "those"])
PUT_DOWN = frozenset("break disperse quell suppress scatter crush end stop push repel "
                     "repulse".split())  # "to push back protesters"
REMOTE = frozenset(["suicide", "ied", "bomb", "air", "shell", "grenade", "chemical"])
NAMES_THE_EVENT = REMOTE | {"clash"}  # "Clashes ... killed 12": a battle's dead
CROWD_NOUNS = frozenset("protest demonstration sit-in riot march vigil picket".split())  # not a (campaign) rally
FRAMED_BY_CROWD = frozenset("clash attack kill wound shoot arrest riot".split())
SELF_STANDING = frozenset("bomb ied suicide air shell grenade attack clash".split())
CHEMICAL_AGENT = "chemical"  # "canisters of chlorine": the agent named stands on its own


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = dict(read_yaml("events.yaml"))  # a copy of the shared file: keys are set below
    verbs, nouns, compounds, objects, doers = {}, {}, {}, {}, {}
    for sense, spec in data["senses"].items():
        for lemma in spec.get("doers", []):
            doers[lemma] = sense
        for verb, objs in (spec.get("objects") or {}).items():
            for obj in objs:
                objects[(verb, obj)] = sense
        for lemma in spec.get("verbs", []):
            verbs.setdefault(lemma, sense)
        for lemma in spec.get("nouns", []):
            nouns.setdefault(lemma, sense)
        for head, mods in (spec.get("with") or {}).items():
            for mod in mods:
                compounds[(mod, head)] = sense
    data["_verbs"], data["_nouns"], data["_compounds"] = verbs, nouns, compounds
    data["_objects"], data["_doers"] = objects, doers
    data["_classed"] = rule_index(data)
    data["alliance"] = {k: frozenset(v) for k, v in data["alliance"].items()}
    for key in ("civilian_nouns", "planned_verbs", "hypothetical_aux", "prevented_verbs",
                "no_event_determiners", "light_verbs", "patient_subject_verbs",
                "habitual_adverbs", "habitual_adjectives", "generic_predicates",
                "aggregate_agents", "trend_verbs", "campaign_verbs", "record_verbs"):
        data[key] = frozenset(data[key])
    return data


def sense_of(token, lex) -> str | None:
    lemma = token.lemma_.lower()
    sense = support_sense(token)
    if sense:
        return sense
    for child in token.lefts:
        sense = lex["_compounds"].get((child.lower_, lemma))
        if sense and child.dep_ in ("compound", "amod", "nmod"):
            return sense
    if token.lower_ in ("raped", "rapes", "raping") or token.pos_ == "VERB" and any(
            c.dep_ == "advmod" and c.lower_ == "sexually" for c in token.children):
        return "sexual"  # the small model lemmatizes "raped" as "rap"
    if token.lower_ == "shot" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dead":
        return "kill"  # the small model often tags "shot" in "shot dead" as a noun
    if token.pos_ == "VERB":
        for child in token.children:
            sense = lex["_objects"].get((lemma, child.lemma_.lower()))
            if sense and child.dep_ == "dobj":
                return sense
        sense = classed_sense(token, lex) or lex["_verbs"].get(lemma) or crowd_action(token)
        if sense == "shoot" and any(c.dep_ == "prt" and c.lower_ in ("up", "past", "ahead")
                                    for c in token.children):
            return None  # "shares shot up": a price, not a gun
        if sense == "shoot":
            return "kill" if any(c.lower_ in ("dead", "down") for c in token.rights) else "attack"
        if sense == "clash" and allied(token, lex):
            return None  # "fights alongside the army": an alliance, not a battle
        return sense
    if token.pos_ == "NOUN":
        sense = lex["_nouns"].get(lemma)
        return None if sense and weapon_unused(token, lex) else sense
    return None


def allied(verb, lex) -> bool:
    """"The militia fights alongside the army": a fighting verb whose only other side is
    introduced by an ally's preposition (``alliance.prepositions`` in resources/events.yaml)
    tells an alliance, not a battle; "fought alongside the army against the rebels" is a
    battle (issue 29, kind 4)."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    return bool(preps & lex["alliance"]["prepositions"]) and not (
        preps & lex["alliance"]["opponents"]
        or any(c.dep_ == "dobj" for c in verb.children))


WEAPON_NOUNS = frozenset("rocket missile mortar artillery mine shell explosive".split())
WEAPON_USE = frozenset("explode detonate hit strike land fall kill wound injure fire launch lob "
                       "hurl throw drop plant rain target slam go rip tear damage destroy "
                       "shell pound use attack leave set claim die place cause".split())
SERIES = frozenset("string series wave spate round volley barrage flurry number couple "
                   "day night hours".split())


def weapon_unused(token, lex) -> bool:
    """"a Delta rocket blasted off", "plans to buy a missile": a weapon noun names an event
    only when the verb it hangs on uses it ("a rocket struck", "lobbed a grenade", "killed by
    a mortar"), or when it names the attack itself ("a mortar attack": then the head noun is
    the trigger)."""
    if token.lemma_.lower() not in WEAPON_NOUNS:
        return False
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return True
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() not in WEAPON_USE and lex["_verbs"].get(
                node.lemma_.lower()) is None
        if node.pos_ == "NOUN" and node.lemma_.lower() in lex["_nouns"] and node.i != token.i \
                and node.lemma_.lower() not in WEAPON_NOUNS:
            return False  # "rocket attack", "a blast from a bomb"
    return True


def supported(token, lex):
    """A plural event noun told by a light verb is the reported occurrence, not a habit:
    "jets carried out a string of air strikes", "the army engaged in heavy clashes"."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() \
            in SERIES:
        node = node.head.head
    if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in lex["light_verbs"]:
        return node.head  # the light verb, whose subject is the doer
    if node.dep_ == "pobj" and node.head.lower_ == "in" and \
            node.head.head.lemma_.lower() in ("engage", "involve", "participate", "join"):
        return node.head.head
    return None


def not_an_event(token, lex) -> bool:
    """Generic or prevented mentions ("pre-empt any major attack", "no attack") are not events,
    nor is an activity named by a gerund under a noun ("the IS focus on killing civilians"),
    nor a habit ("has been attacked repeatedly", "frequently carries out bombings") or a trend
    ("Kidnappings on the roads have become frequent")."""
    if token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj") and token.head.dep_ == "prep" \
            and token.head.head.pos_ == "NOUN":
        return True
    verb = token.head if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj") else token
    if any(c.dep_ == "advmod" and c.lower_ in lex["habitual_adverbs"]
           for c in (*token.children, *verb.children)):
        return True
    if token.pos_ == "NOUN":
        if any(c.lower_ in lex["no_event_determiners"] for c in token.lefts) or \
                support_of(token):
            return True
        if token.dep_ in ("dobj", "pobj") and token.head.lemma_.lower() in lex["prevented_verbs"]:
            return True
        if token.lemma_.lower() in ("raid", "operation", "search", "sweep", "offensive") and \
                token.dep_ == "pobj" and token.head.lower_ in ("during", "in") and \
                token.head.head.pos_ == "VERB" and sense_of(token.head.head, lex) in (
                    "disrupt", "arrest", "territory"):
            return True  # "weapons were seized during the raids", "liberated territory during
            # the offensive": the operation frames the seizure, one event
        if token.lemma_.lower() in CROWD_NOUNS and token.dep_ == "pobj" and \
                token.head.lower_ in ("during", "at") and token.head.head.pos_ == "VERB" and \
                sense_of(token.head.head, lex) in FRAMED_BY_CROWD:
            return True  # "battled police during a march": one demonstration, told by its act
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in HALTED:
            return True  # "a moratorium on air raids", "a halt to the shelling"
        plural = _bare_plural(token)  # "The strikes hit a market": those told, no habit
        if plural and (supported(token, lex) is not None or token.dep_ == "nsubj"
                       and token.head.lemma_.lower() in ERUPT):
            return False  # "violent protests erupted", "staged rallies"
            return False
        if plural and plural_crowd(token):
            return False  # "anti-government protests spread": the protests told
        if plural and not any(c.dep_ == "prep" for c in token.children):
            return True  # bare plurals: "deadly attacks" as a habit, not one occurrence
        if plural and token.dep_ == "nsubj" and not any(c.dep_ == "det" for c in token.lefts) \
                and token.head.lemma_.lower() in lex["generic_predicates"]:
            return True
    return False


RELATIVE_SUBJECTS = frozenset(["that", "which"])


def relative_host(clause):
    """"Last month's attack on a hotel that killed 20 guests": the parser hangs the relative
    clause on the nearest noun, but its subject is the relative pronoun and a hotel kills no
    one: the clause tells of the occurrence noun whose target that noun is. That noun (the
    attack), or None where the clause hangs where it belongs."""
    noun = clause.head
    if clause.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or \
            noun.ent_type_ in ("PERSON", "ORG", "NORP") or not any(
                c.dep_ == "nsubj" and c.lower_ in RELATIVE_SUBJECTS for c in clause.children):
        return None
    host = noun.head.head
    if noun.head.dep_ != "prep" or host.pos_ != "NOUN" or sense_of(host, lexicon()) is None:
        return None
    return host


def _bare_plural(noun, determiners=DEFINITE) -> bool:
    """A plural noun with no count, possessive or determiner of ``determiners`` (None: any
    determiner) on its left: "attacks", "frequent attacks", not "the attacks", "their attacks",
    "two attacks"."""
    return noun.tag_ == "NNS" and not any(
        c.dep_ in ("nummod", "poss") or c.dep_ == "det" and (
            determiners is None or c.lower_ in determiners) for c in noun.lefts)


def generic_record(verb, noun) -> bool:
    """"(Have) claimed attacks in Tunisia", "claimed responsibility for attacks": a bare plural
    (no determiner, possessive or count) under a verb in the present or the perfect with no
    time of its own: occurrences in general, none of them the story's."""
    return _bare_plural(noun, determiners=None) and _unanchored(verb, noun, lexicon())


def _unanchored(verb, noun, lex) -> bool:
    """A verb in the present, or one of ``record_verbs`` in the perfect ("carry out", "have
    claimed"), with no time of its own and no count on its object: it tells what happens, or
    has happened over time, not one occurrence ("claimed two attacks", "launched attacks on
    Monday" are anchored; "has sparked demonstrations" tells those that followed). A text's
    first sentence (a headline, a snippet) tells past events in the present and is never so
    read."""
    if verb.pos_ not in ("VERB", "AUX") or date_text(verb):
        return False
    if any(t.dep_ == "nummod" or t.like_num for t in noun.subtree):
        return False
    present = verb.tag_ in ("VBZ", "VBP") and verb.sent.start != 0 and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    perfect = verb.tag_ == "VBN" and verb.lemma_.lower() in lex["record_verbs"] and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
        for c in verb.children)
    return present or perfect


def campaign(token, lex) -> bool:
    """"Has been fighting a low-level insurgency", "waged a war on the rebels": a verb of
    ``campaign_verbs`` whose object is a whole conflict (``aggregate_agents``) tells the
    campaign, background to the story, not one of its incidents."""
    return token.pos_ == "VERB" and token.lemma_.lower() in lex["campaign_verbs"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex["aggregate_agents"]
        for c in token.children)


def habit_or_record(token, lex) -> bool:
    """"Have also claimed attacks in Tunisia", "carry out attacks on the army", "Dagestan sees
    frequent attacks": a bare plural occurrence noun under a verb in the present or the
    perfect with no time (``_unanchored``), or under a verb of trend ("have stepped up their
    attacks"): a record, a habit or a trend, background to the story (kept with its
    evidence, as WikiEvents annotates such mentions), never its incident."""
    if token.pos_ != "NOUN" or token.dep_ != "dobj":
        return False
    if token.head.lemma_.lower() in lex["trend_verbs"]:
        return True
    return _bare_plural(token) and _unanchored(token.head, token, lex)


def habitual_noun(token, lex) -> bool:
    """"The scene of regular clashes", "frequent attacks on the road": an occurrence noun so
    qualified tells what happens there, not one incident of the story: background to it
    (kept with its evidence, as WikiEvents annotates such mentions; never a current event)."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in lex["habitual_adjectives"] for c in token.lefts)


def earlier_incident(token, lex) -> bool:
    """Another, earlier incident the story compares with its own: "a similar attack on the
    same post killed five soldiers" (an occurrence noun qualified by ``earlier_adjectives``),
    "the attack came two days after militants killed three police" (a clause marked "after"
    or "before" under ``came_after_verbs``). Background to the story, never its event."""
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in lex["earlier_adjectives"]
                                    for c in token.lefts):
        return True
    node = token if token.pos_ in ("VERB", "AUX") else token.head
    for _ in range(4):
        if node.dep_ == "advcl" and node.head.lemma_.lower() in lex["came_after_verbs"] and any(
                c.dep_ == "mark" and c.lemma_.lower() in ("after", "before")
                for c in node.children):
            return True  # "came two days after militants killed three police"
        if node.dep_ == "pobj" and node.head.lemma_.lower() in ("after", "before") \
                and node.head.head.lemma_.lower() in lex["came_after_verbs"]:
            return True  # "comes after the one in X, which killed 27" (a pronoun's clause)
        if node.head.i == node.i:
            break
        node = node.head
    return False


def headlinese(token, sense, lex) -> bool:
    """Headlines drop "were": "Ten soldiers killed in ambush" is passive."""
    return token.tag_ in ("VBN", "VBD") and sense in lex["counts"] and is_headline(token.sent) \
        and not any(c.dep_ in ("dobj", "aux") for c in token.children)


def reduced_passive(token, sense) -> bool:
    """"an operation resulting in one commander killed and three suspects detained": an
    arrest's past participle (tagged VBN, not VBD) with a subject but no auxiliary and no
    object is a passive cut short; its subject is the one detained, not a doer who took
    them (which would make it an abduction)."""
    return token.tag_ == "VBN" and sense == "arrest" and \
        any(c.dep_ == "nsubj" for c in token.children) and \
        not any(c.dep_ in ("dobj", "aux", "auxpass") for c in token.children)


def dead_named_before(token, sense, lex) -> bool:
    """"Two militants killed in a clash on Monday were wanted men": a death's past participle
    on the noun before it (no object of its own) with a day of its own is a passive cut
    short; the noun is the dead. Not "the 51 insurgents killed" of a tally, whose participle
    has no day, nor another sense (a misparsed "fighters seized in 2012")."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN" \
        and lex["counts"].get(sense) == "fatalities" \
        and not any(c.dep_ == "dobj" for c in token.children) \
        and any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def aggregate(agent_tok, token, lex, patient_tok=None) -> bool:
    """"The conflict has killed tens of thousands": a whole war's toll, said without a time
    of its own or over a span (perfect aspect), is no event; nor is a vague toll in the
    perfect with no time ("Militants have killed dozens of people in the region")."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    if perfect and over_a_span(token):  # "have detained 30 suspects since March"
        return True
    if agent_tok is None or agent_tok.lemma_.lower() not in lex["aggregate_agents"]:
        return perfect and patient_tok is not None and not date_text(token) and \
            (patient_tok.lower_ in VAGUE_TOLLS or _uncounted_plural(patient_tok)
             and sense_of(token, lex) in VICTIM_SENSES) \
            and not in_occurrence(token)
    return perfect or not date_text(token)


VICTIM_SENSES = frozenset(["kill", "wound", "abduct"])  # a toll's senses, for _uncounted_plural


def _uncounted_plural(noun) -> bool:
    """"(Have also killed) soldiers": a bare plural, no determiner, count or possessive in it:
    people in general, a record over time, not one occurrence's dead."""
    return noun.tag_ == "NNS" and not any(
        t.dep_ in ("det", "nummod", "poss", "quantmod") or t.like_num for t in noun.subtree)


SPAN_UNITS = frozenset("week month year weeks months years".split())


def over_a_span(token) -> bool:
    """"Since December", "in the last month", "over the past two years": the perfect's count
    sums a span of weeks or more, a tally of many occurrences, not one ("in the past 24
    hours" is a day's report and stays)."""
    for c in token.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "since" and any(p.dep_ in ("pobj", "pcomp") for p in c.children):
            return True
        if c.lower_ in ("in", "over", "during", "throughout"):
            if any(p.dep_ == "pobj" and p.lemma_.lower() in SPAN_UNITS
                   and any(a.lower_ in ("last", "past") for a in p.children) for p in c.children):
                return True
    return False


def in_occurrence(token) -> bool:
    """"have kidnapped dozens in a series of raids": a toll told within named operations is
    those occurrences', not a span's."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for p in c.children:
                nouns = [p] + [q for r in p.children if r.dep_ == "prep" and r.lower_ == "of"
                               for q in r.children if q.dep_ == "pobj"]
                if any(n.lemma_.lower() in OCCURRENCES for n in nouns):
                    return True
    return False


OCCURRENCES = frozenset("raid operation attack strike sweep assault ambush".split())


VAGUE_TOLLS = frozenset("dozens hundreds thousands scores many".split())


def occurrence_noun(token, sense, mention) -> bool:
    """"An explosion ripped through the market": a singular blast or attack noun with a
    determiner, a time or a place is an occurrence even when no one is named."""
    if sense == CHEMICAL_AGENT and token.pos_ == "NOUN":
        return True
    one = token.tag_ == "NN" or token.tag_ == "NNS" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)  # "The strikes hit"
    return sense in SELF_STANDING and token.pos_ == "NOUN" and one and (
        bool(mention.date_text or mention.place_text)
        or any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that")
               for c in token.children))


def took_place(token) -> bool:
    """"A protest took place in the town", "demonstrations were held", "a sit-in occurred":
    the noun is told as happening (the subject of a verb of occurring), not named."""
    verb, lemma = token.head, token.head.lemma_.lower()
    if token.dep_ == "nsubjpass":
        return lemma in ("hold", "stage", "organise", "organize")
    return token.dep_ == "nsubj" and (lemma in ("occur", "happen") or lemma in ERUPT or
                                      lemma == "take" and any(c.dep_ == "dobj" and
                                                              c.lower_ == "place"
                                                              for c in verb.children))


def crowd(token, sense) -> bool:
    """"Youths rioted", "hundreds of students protested", "a protest by traders": a crowd's
    action needs no named actor (ACLED codes protesters and rioters by description)."""
    if sense not in ("protest", "riot"):
        return False
    if plural_crowd(token):
        return True
    if token.pos_ == "NOUN":  # not "the uprising": a movement, not one gathering
        return token.lemma_.lower() in CROWD_NOUNS and (token.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in token.children)
            or took_place(token))
    return token.pos_ == "VERB" and (
        token.dep_ == "acl" or any(c.dep_ == "nsubj" for c in token.children))


def closing_host(token):
    """"Bombers struck a hall where residents had gathered to watch a match, killing dozens":
    a participle closing the sentence after a comma tells what the main clause did, wherever
    the parser hung it (here under the relative clause). The main verb when it names an event
    ("police are hunting a man who left a device that exploded, wounding 13" is not the
    hunt's toll), or None."""
    sent = token.sent
    after = token.doc[token.right_edge.i + 1:sent.end]
    if token.tag_ != "VBG" or token.dep_ != "advcl" or token.i == 0 \
            or token.doc[token.i - 1].text != "," \
            or not all(t.is_punct or t.is_space for t in after):
        return None
    root = sent.root
    inside_relative = any(t.dep_ == "relcl" for t in _path_up(token, root))
    violent = root.pos_ == "VERB" and sense_of(root, lexicon()) is not None
    return root if inside_relative and violent else None


def _path_up(token, top):
    node = token
    while node.i != top.i and node.head.i != node.i:
        yield node
        node = node.head
