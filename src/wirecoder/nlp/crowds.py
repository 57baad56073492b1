"""Protests as reporters word them without a protest verb.

ACLED codes a demonstration by what the crowd does (codebook 2023, Protests and Riots), and
news often tells it by the crowd's acts: "demonstrators chanted slogans outside parliament",
"protesters blocked roads and shut down offices", or by a plural noun with its kind:
"anti-government protests spread across the capital", "joined mass demonstrations". Both
are one occurrence of a protest here (typing then decides peaceful, with intervention,
violent).
"""

from __future__ import annotations

# the people whose acts are a demonstration (head lemmas of the verb's subject)
CROWD_ACTORS = frozenset("protester protestor demonstrator marcher striker picketer".split())
# what a crowd does that is itself the demonstration
CROWD_VERBS = frozenset("chant gather block shut converge occupy fill flood return defy camp "
                        "assemble sing shout wave carry light demand denounce condemn "
                        "barricade parade mass swarm boo rally march throng blockade walk throw "
                        "heckle jeer".split())
STREET_VERBS = frozenset("block barricade protest demonstrate".split())
# what a crowd does that makes its demonstration violent (ACLED codebook 2023, Violent
# demonstration: "vandalism", "destruction of property"): "protesters smashed the windows",
# "tore down the fence" (with its particle: "pulled down", "knocked over")
DESTROY_VERBS = frozenset("smash vandalise vandalize wreck ransack trash torch loot "
                          "deface".split())
DESTROY_WITH_PARTICLE = {"tear": "down", "pull": "down", "knock": "down over", "break": "down",
                         "rip": "down out up", "bring": "down"}
# a plural protest noun told as occurrences: subject of these, or object of those
SPREAD = frozenset("erupt spread continue break grip rock sweep hit engulf enter take resume "
                   "escalate turn rage".split())
JOINED = frozenset("join hold stage lead organise organize call suppress disperse break "
                   "ban halt quell crush".split())
DIPLOMATIC = frozenset("lodge file register voice express send deliver submit make".split())
INTENSITY = frozenset("strong formal official diplomatic sharp vigorous repeated many "
                      "several numerous such".split())
PLURAL_CROWD = frozenset("protest demonstration rally march sit-in vigil".split())


def _destroys(token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in DESTROY_VERBS:
        return True
    particles = DESTROY_WITH_PARTICLE.get(lemma, "").split()
    return any(c.dep_ == "prt" and c.lower_ in particles for c in token.children)


def crowd_action(token) -> str | None:
    """"protest" when a crowd verb has protesters as its subject ("demonstrators chanted
    slogans"), "riot" when their act destroys ("protesters tore down the gates": ACLED's
    Violent demonstration), else None."""
    if token.pos_ != "VERB":
        return None
    destroys = _destroys(token)
    if not destroys and token.lemma_.lower() not in CROWD_VERBS:
        return None
    if token.dep_ == "conj" and (token.head.lemma_.lower() in CROWD_VERBS | STREET_VERBS):
        return None  # "blocked roads and shut down offices": one protest, told by the first
    subjects = [c for c in token.children if c.dep_ == "nsubj"] + [  # "booed by strikers"
        g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not subjects and token.dep_ == "conj":  # "protesters blocked roads and shut down ..."
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    from .senses import heads  # "thousands of demonstrators chanted"

    if any(s.lemma_.lower() in CROWD_ACTORS or s.lower_.rstrip("s") in CROWD_ACTORS
           for subj in subjects for s in heads(subj)):
        return "riot" if destroys else "protest"
    return None


def plural_crowd(token) -> bool:
    """"Anti-government protests spread", "joined mass demonstrations", "suppressed their
    peaceful protests": a plural protest noun with its kind, or one that spreads or is joined,
    held or put down, is the protests that happened (not a habit)."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or \
            token.lemma_.lower() not in PLURAL_CROWD:
        return False
    head = token.head.lemma_.lower()
    if head in DIPLOMATIC:
        return False  # "lodged strong protests with Washington": a note, not a crowd
    kind = any(c.dep_ in ("amod", "compound") and c.lower_ not in INTENSITY
               for c in token.children)
    told = token.dep_ == "nsubj" and head in SPREAD or \
        token.dep_ in ("dobj", "nsubjpass") and head in JOINED
    during = token.dep_ == "pobj" and token.head.lower_ in ("during", "amid", "at")
    return told or kind and (during or token.dep_ in ("nsubj", "dobj", "nsubjpass", "ROOT"))
