"""One event per real-world occurrence within an article.

Rules (each a judgement the text supports, not a guess):

1. *Same operation*: "X was killed with Kobi in the same operation" joins the event in which
   Kobi was a victim; the victims add up.
2. *Definite nominal back- or forward-reference*: "The killing of a senior militant by special
   forces" with no date of its own is the event another sentence tells in full (same family of
   sense, compatible agent), within three sentences.
3. *Repeats*: the same sense, agent and victims in one sentence.
4. *The lead told in detail*: the sentences after a story's lead tell its event again with
   what the lead left out ("fought off an attack ..." then "The militants ... late on Monday
   opened fire on a military base"; "Three soldiers were killed ... in a gun battle"). A
   violent mention within two sentences of the lead (or in the sentence right after another
   event), with the same participants or none named, no other time, no place elsewhere
   (another country or division, a town more than 60 km away) and no word of another
   occurrence ("separate", "another", "earlier") fills the gaps; its victims add up.
   A headline ("Fourteen soldiers killed in ambush ...") tells the lead too: it joins the
   first event of the story below it of its sense (or violent like it).
5. *Force against a protest*: "police fired tear gas to break up a protest by traders": the
   violence is how the protest was put down, so the two are one event, a protest (typed by
   who intervened).
6. *One sentence, one raid*: violent triggers in one sentence where one governs the other,
   is the other's doer ("a suicide bomber blew himself up ..., killing 12") or shares its
   subject ("stormed a church and kidnapped 30") are one occurrence; the more specific sense
   (abduction) names it, and every count is kept. So are an attack named as the object of a
   support verb and the killing that qualifies it ("launched a series of attacks ...,
   killing seven"), the dead and the wounded told in coordinated clauses ("a man was killed
   and four were wounded"), and property burned or looted in the raid ("ambushed a convoy
   and burned two vehicles": ACLED codes the attack); a duration ("for hours") is no other
   time (``event_pairs.py``, ``event_updates.py``).
7. *Later sentences update the occurrence* (``event_updates.py``): "three of the wounded later
   died" adds to the toll told before; "the toll rose to 14" replaces it, with its wording;
   a total over "two bombs" told one by one below goes to neither; a count over several
   occurrences ("In all, 63 were killed", "killed in the attacks") joined to an occurrence
   gives it no toll (``over_several``).
8. *A detention told again* (``detentions.py``): the lead's arrest restated in the body is
   one arrest, its detainees counted once.

Pooling: the most precise place and date win later (``resolve/records.py``); the toll is the
largest figure stated for the same dead (``event_pairs.same_counted``), with its wording;
victims of a detail sentence add up; every sentence is kept as evidence.

The package, in its one direction of imports: ``traits.py`` (what the rules ask of a mention)
<- ``absorbing.py`` (folding one mention into another), ``references.py`` (rules 1-3),
``lead.py`` (rule 4) and ``sentence.py`` (rules 5-6) <- here (``merge_mentions``, the order
the rules are tried in).
"""

from __future__ import annotations

from bisect import insort

from ..detentions import merge_detentions
from ..event_updates import (add_later_deaths, apply_revisions, dates_clash, later_deaths,
                             over_several, split_totals)
from .absorbing import absorb
from .lead import places_agree, tells_the_lead
from .references import back_reference, refers_forward, repeat, restated, same_operation
from .sentence import alternatives, during_crowd, nested, put_down
from .traits import ANCILLARY, definite_nominal, family, in_headline, sentence_number

__all__ = ["absorb", "merge_mentions"]


def merge_mentions(mentions: list) -> list:
    """An article's event mentions (in text order) -> one per occurrence, by the rules above;
    a mention folded into another is gone from the list, its evidence kept in the other."""
    kept: list = []
    sentences = _BySentence(kept)  # the rules of one sentence ask only its mentions
    for mention in mentions:
        later = later_deaths(mention, kept)
        if later is not None:  # "Three of the wounded later died": the event told before
            target, n = later
            mention.fatalities = None
            absorb(target, mention)
            add_later_deaths(target, mention, n)
            sentences.moved(target)
            continue
        operation = same_operation(mention, kept)
        same = sentences.of(mention)
        target = operation or back_reference(mention, kept) or repeat(mention, same) \
            or nested(mention, same) or restated(mention, kept) or put_down(mention, same) \
            or during_crowd(mention, kept) or alternatives(mention, same)
        detail = None if target is not None else tells_the_lead(mention, kept)
        if target is not None and target.sense in ANCILLARY and family(mention):
            absorb(mention, target)  # "burned two vehicles and killed three": the attack
            sentences.replace(target, mention)
        elif target is None and detail is None:
            sentences.append(mention)
        else:  # only a victim of the same operation adds up; a reference repeats the dead
            if over_several(mention) and (target or detail).fatalities:
                mention.fatalities = None  # "In all, 63 were killed": no toll of this one
            absorb(target or detail, mention,
                   add_victims=operation is not None or detail is not None)
            sentences.moved(target or detail)
    out = _forward_references(kept)
    for mention in out:
        mention.sense = mention.put_down or mention.sense
    out = split_totals(merge_detentions(out, absorb, places_agree, dates_clash))
    if out:
        apply_revisions([m for m in out if family(m) and m.modality == "asserted"],
                        out[0].trigger.doc)
    return out


def _forward_references(kept: list) -> list:
    """A dateless definite nominal (or a headline's mention) kept first may be told in full
    later: the later mention absorbs it and takes its place.

    ``refers_forward`` holds only for a headline's mention or a definite nominal within three
    sentences, so only those are asked (an index of them by sentence), in the order of ``out``:
    the same answers as asking every earlier mention, without the square of their number."""
    out: list = []
    heads: set[int] = set()                  # places in ``out`` holding a headline's mention
    nominals: dict[int, set[int]] = {}       # sentence number -> places holding a nominal
    where: dict[int, int] = {}               # place -> its sentence number in ``nominals``

    def index(k: int, mention) -> None:
        heads.discard(k)
        if k in where:
            nominals[where.pop(k)].discard(k)
        if in_headline(mention):
            heads.add(k)
        if definite_nominal(mention):
            where[k] = n = sentence_number(mention)
            nominals.setdefault(n, set()).add(k)

    for mention in kept:
        n = sentence_number(mention)
        asked = set(heads).union(*(nominals.get(n + d, ()) for d in range(-3, 4)))
        k = next((k for k in sorted(asked) if refers_forward(out[k], mention)), None)
        if k is not None:
            absorb(mention, out[k])
            out[k] = mention
        else:
            k = len(out)
            out.append(mention)
        index(k, mention)
    return out


class _BySentence:
    """``kept`` with an index of its mentions by their first sentence, so that the rules that
    join mentions of one sentence (``repeat``, ``nested``, ``put_down``) are given that
    sentence's mentions, in the order of ``kept``, not the whole article's: the same answers,
    without a cost that grows with the square of the article's length. Every change to
    ``kept``, or to the sentences of a mention in it, goes through here."""

    def __init__(self, kept: list):
        self.kept = kept
        self.place: dict[int, int] = {}          # id(mention) -> its place in ``kept``
        self.start: dict[int, int] = {}          # place -> its first sentence's start
        self.places: dict[int, list[int]] = {}   # sentence start -> places, in order

    def of(self, mention) -> list:
        places = self.places.get(mention.sents[0].start, ())
        return [self.kept[k] for k in places]

    def append(self, mention) -> None:
        self.kept.append(mention)
        self._put(len(self.kept) - 1, mention)

    def replace(self, old, new) -> None:
        k = self.place.pop(id(old))
        self.kept[k] = new
        self._put(k, new)

    def moved(self, mention) -> None:
        """``mention``'s sentences changed (it absorbed another)."""
        self._put(self.place[id(mention)], mention)

    def _put(self, k: int, mention) -> None:
        if k in self.start:
            self.places[self.start.pop(k)].remove(k)
        self.place[id(mention)] = k
        self.start[k] = start = mention.sents[0].start
        insort(self.places.setdefault(start, []), k)
