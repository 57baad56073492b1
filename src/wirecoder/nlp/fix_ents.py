"""``wc_fix_ents``: correct the small model's known entity errors, by pattern.

* two PERSON spans separated by one space are one name ("Zine El-Abidine" + "Ben Ali");
* the date entities of ``nlp/date_ents.py``: a day's parts and a range joined into one date,
  dates in figures, a year cut from an event, a weekday that is a surname;
* a trailing possessive is not part of a name ("AQIM's" -> "AQIM");
* a name does not start with a lower-case word ("arrested Karim Haddadi" -> "Karim Haddadi"),
  name particles aside ("al-", "bin", "de");
* a PERSON/ORG that is a country, or a known town named after a place preposition ("from
  Bandiagara to Sévaré") or as an ORG, or a PERSON of several words that is a first-level
  division's full name ("Tamil Nadu"), or a name before a division noun ("Paktiya province"),
  is a place (GPE), as is a NORP after a place
  preposition that names a town, not a people ("near Kidal"), and a known town the text calls
  a town ("Gao, a market town in Mali") or as the object of an attack ("raided Gao"); a
  place no index knows, where the words around it say it is one (``_unknown_place``: "from
  Gao to X", "near X", "X, a town"), and a one-word PERSON the same article names as a
  place elsewhere; a lone plural noun is no person
  ("Kidnappings on the roads ..."); a name ending in a facility noun ("the X Museum", "Y
  Hotel") is a facility (FAC), never an actor;
* a country's name read as a date or a number ("in Niger on Monday": "Niger" a DATE) is a
  place (GPE);
* a proper-noun ORG/GPE/NORP that the text treats as a person ("X, better known as Y",
  "X, the leader of ...", "a top aide to X") becomes PERSON, unless the gazetteer knows it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from .anchors import PLACE_NOUNS
from .date_ents import (COUNT_WORDS, TITLES, one_time, range_end, titled_weekday, weekday_surname,
                        with_day, with_numeric_dates, year_of_event)
from .doc_cache import set_ents
from .place_slots import slot_places

PERSON_ROLES = frozenset("""aide leader commander spokesman spokeswoman spokesperson chief founder
emir amir deputy head president minister son brother father wife cousin lieutenant
militant jihadist fighter preacher cleric colonel general captain""".split())
ALIAS_CUES = ("better known as", "also known as", "known as", "a.k.a.", "aka", "alias")


@Language.component("wc_fix_ents", requires=["doc.ents", "token.dep"], assigns=["doc.ents"])
def fix_ents(doc):
    set_ents(doc, corrected_ents(doc))
    return doc


def corrected_ents(doc) -> list[Span]:
    """Compute the corrected entity list (no side effects: testable on a hand-built Doc)."""
    ents = [_strip_lower_edge(_strip_possessive(year_of_event(ent))) for ent in doc.ents]
    ents = [ent for ent in ents if ent is not None]
    merged: list[Span] = []
    for ent in ents:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start
                and not prev.ent_id_ and not ent.ent_id_):
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        if prev is not None and range_end(prev, ent):  # "February 7 and 28": one range
            merged[-1] = Span(doc, prev.start, ent.end, label="DATE")
            continue
        if prev is not None and one_time(prev, ent):
            merged[-1] = Span(doc, prev.start, ent.end, label="DATE")
            continue
        if weekday_surname(prev, ent):  # "Ahmed Friday", a name, never a day
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        if titled_weekday(ent):  # "Mr. Sunday"
            merged.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
            continue
        merged.append(with_day(ent))
    merged = with_numeric_dates(doc, merged)
    fixed = [_as_place(_extend_of(ent, merged)) for ent in merged]
    return _one_sense(slot_places(doc, [_relabel_person(ent) for ent in fixed
                                        if ent is not None]))


def _one_sense(ents: list[Span]) -> list[Span]:
    """A one-word PERSON whose word the same document names as a place elsewhere ("left X
    for the capital ... on the way from X to Gao") is that place: one name, one sense per
    article, unless the text treats it as a person (``looks_like_person``)."""
    places = {e.text for e in ents if e.label_ in ("GPE", "LOC")}
    return [Span(e.doc, e.start, e.end, label="GPE")
            if e.label_ == "PERSON" and len(e) == 1 and not e.ent_id_ and e.text in places
            and not looks_like_person(e) else e for e in ents]


def _strip_possessive(ent: Span) -> Span | None:
    end = ent.end
    while end > ent.start and (ent.doc[end - 1].tag_ == "POS"
                               or ent.doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
        end -= 1
    if end <= ent.start:
        return None
    if end == ent.end:
        return ent
    return Span(ent.doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)


PARTICLES = frozenset("al el bin ibn bint abu abou ould ag de da di du van von der le la".split())


def _strip_lower_edge(ent: Span | None) -> Span | None:
    if ent is not None and ent.label_ in ("DATE", "TIME") and len(ent) > 1 \
            and ent[0].lower_ in COUNT_WORDS:  # "wounded dozens overnight": the time is "overnight"
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    if ent is None or ent.ent_id_ or ent.label_ not in ("PERSON", "ORG"):
        return ent
    start = ent.start
    while start < ent.end and ent.doc[start].is_lower and ent.doc[start].lower_ not in PARTICLES \
            and ent.doc[start].is_alpha and ent.doc[start].lower_ != "the":
        start += 1
    if start == ent.start:
        return ent
    if start >= ent.end:
        return None
    return Span(ent.doc, start, ent.end, label=ent.label_)


def _extend_of(ent: Span, ents: list[Span]) -> Span:
    """"the Sons of the Dunes Brigade": the NER often keeps only "the Dunes Brigade"; a
    capitalized noun joined by "of"/"for" belongs to the name."""
    i = ent.start
    doc = ent.doc
    if ent.label_ != "ORG" or ent.ent_id_ or i < 2:
        return ent
    head = doc[i - 2]
    if doc[i - 1].lower_ in ("of", "for") and head.is_title and head.pos_ in ("PROPN", "NOUN") \
            and not head.is_sent_start and not any(e.start <= i - 2 < e.end for e in ents):
        return Span(doc, i - 2, ent.end, label="ORG")
    return ent


PLACE_PREPS = frozenset("in at near from to toward towards outside into inside around".split())
GROUPISH = frozenset("group brigade front army militia movement party forces council "
                     "network organisation organization union".split())


# a name the NER took for an organisation or a person, followed by one of these, is a place
DIVISION_NOUNS = frozenset("province district governorate prefecture county".split())


NOT_NAMES = frozenset("DATE TIME CARDINAL ORDINAL MONEY QUANTITY PERCENT".split())


def _country_named(ent: Span) -> bool:
    """The span is a country's name (not its demonym): "Niger", "the Central African
    Republic"."""
    from ..resources.gazetteer import country_by_word

    country = country_by_word(ent.text)
    text = ent.text.casefold().removeprefix("the ")
    return country is not None and any(n.casefold() == text for n in country.names)


def _as_place(ent: Span) -> Span | None:
    if ent.label_ in NOT_NAMES and not ent.ent_id_ and _country_named(ent):
        return Span(ent.doc, ent.start, ent.end, label="GPE")  # "in Niger" read as a date
    if ent.ent_id_ or ent.label_ not in ("PERSON", "ORG", "NORP"):
        return ent
    if ent.label_ == "NORP":
        return _norp_as_place(ent)
    if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].tag_ in ("NNS", "NN"):
        return None  # "Kidnappings" at the start of a sentence
    if _facility(ent):
        return Span(ent.doc, ent.start, ent.end, label="FAC")  # "the X Museum": no actor
    if any(t.lower_ in GROUPISH for t in ent):
        return ent
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in DIVISION_NOUNS and ent.root.head.i == after.i:
        return Span(ent.doc, ent.start, ent.end + 1, label="GPE")  # "Paktiya province"
    from ..normalize.geo_index import geo_index, norm
    from ..resources.gazetteer import country_by_word

    as_gpe = Span(ent.doc, ent.start, ent.end, label="GPE")
    if country_by_word(ent.text) is not None:
        return as_gpe
    towns = [c for c in geo_index().lookup(ent.text) if c.kind in ("city", "admin1")]
    if not towns:
        return as_gpe if _unknown_place(ent) else ent
    if ent.label_ == "PERSON" and len(ent) > 1 and not looks_like_person(ent) and any(
            c.kind == "admin1" and norm(c.name) == norm(ent.text) for c in towns):
        return as_gpe  # "Tamil Nadu", "Uttar Pradesh": a division's full name is no person's
    root = ent.root
    after_place_prep = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
    described = any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in root.children)
    attacked = root.dep_ == "dobj" and root.head.lemma_.lower() in ATTACK_VERBS or \
        root.dep_ == "pobj" and root.head.lower_ == "on" \
        and root.head.head.lemma_.lower() in ATTACK_NOUNS
    if after_place_prep or described or attacked and not looks_like_person(ent) \
            or ent.label_ == "ORG" and root.dep_ != "poss":
        return as_gpe  # "from Bandiagara", "Gao, a market town in Mali", "raided Gao"
    return ent


# a known town as the object of these is the place attacked ("raided Gao", "an attack on Gao")
ATTACK_VERBS = frozenset("attack raid storm shell overrun seize capture besiege bomb".split())
ATTACK_NOUNS = frozenset("attack attacks assault raid raids offensive".split())
# a person is rarely the object of these: "near X", "outside X" say where
LOCATIVE_ONLY = frozenset("near outside inside around".split())
ROUTE_ENDS = {"to": "from", "toward": "from", "towards": "from", "from": "to"}


def _unknown_place(ent: Span) -> bool:
    """A PERSON or ORG no place index knows is still a place where the words around it say
    so (issue 19, "never actors": a town read as a person became an actor):

    * the other end of a route whose first end is a place: "from Gao to X", "from X to Gao"
      (the town the NER did not know takes the part of the one it did);
    * a conjunct of a place: "in Gao and X";
    * a place noun in apposition: "X, a small town in central Mali";
    * the object of a preposition that takes places, not people: "near X", "outside X",
      "around X", "inside X", or "in X" where the phrase modifies a verb ("were killed in X");
      for an ORG only the apposition, "near X" and "outside X" (an organisation is "in",
      "inside" or "around" many things, goes "from" and "to" places and is named beside
      countries: "served in the X", "aid from X to Gao", "Mali and X").

    Never a name the text treats as a person (``looks_like_person``: a title, a role in
    apposition, an alias cue) nor a possessor ("in X's house")."""
    root = ent.root
    if root.dep_ == "poss" or looks_like_person(ent):
        return False
    if any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in root.children):
        return True
    if root.dep_ != "pobj" and (root.dep_ != "conj" or ent.label_ != "PERSON"):
        return False
    if root.dep_ == "conj":
        return _is_place(root.head)
    prep = root.head
    if prep.lower_ in ("near", "outside"):
        return True
    if ent.label_ != "PERSON":
        return False
    if prep.lower_ in LOCATIVE_ONLY or prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
        return True
    other = ROUTE_ENDS.get(prep.lower_)
    if other is None:
        return False
    # "from A to B": "to" hangs on "from" (or both on the verb); the other end is a place
    ends = [prep.head] if prep.head.lower_ == other else []
    ends += [c for c in [*prep.children, *prep.head.children] if c.lower_ == other and c.i != prep.i]
    return any(_is_place(o) for e in ends for o in e.children if o.dep_ == "pobj")


def _is_place(token) -> bool:
    """A token of a place entity, or a name the place index knows as a town or division."""
    from ..normalize.geo_index import geo_index

    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return token.ent_type_ in ("", "PERSON", "ORG", "NORP") and token.pos_ == "PROPN" and any(
        c.kind in ("city", "admin1") for c in geo_index().lookup(token.text))


def _facility(ent: Span) -> bool:
    """"the X Museum", "Y Hotel", "Z Airport", "the W Bridge": a name of two words or more
    whose last word is a facility noun (``descriptive_groups.yaml``) names a building or a
    structure, a place or a target, never an actor (issue 19, "never actors")."""
    from ..resources.descriptive import facility_heads

    words = [t for t in ent if t.is_alpha and t.lower_ != "the"]
    return len(words) >= 2 and words[-1].lower_ in facility_heads() \
        and words[-1].text[:1].isupper()


def _norp_as_place(ent: Span) -> Span:
    """"near Kidal": a NORP after a place preposition that is no people's name but a town's."""
    from ..normalize.geo_index import geo_index
    from ..resources.gazetteer import country_by_word

    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS \
            or country_by_word(ent.text) is not None:
        return ent
    if any(c.kind in ("city", "admin1") for c in geo_index().lookup(ent.text)):
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    return ent


def _relabel_person(ent: Span) -> Span:
    if ent.ent_id_ or ent.label_ not in ("ORG", "GPE", "NORP"):
        return ent
    if not all(t.pos_ == "PROPN" or t.is_title or t.text in "-" for t in ent):
        return ent
    if looks_like_person(ent):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def looks_like_person(ent: Span) -> bool:
    doc = ent.doc
    after = doc[ent.end:min(len(doc), ent.end + 5)].text.lower().lstrip(", ")
    if any(after.startswith(cue) for cue in ALIAS_CUES):
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in TITLES:
        return True
    head = ent.root
    # "X, a top aide to ..." / "X, the leader of ...": an apposition headed by a person role;
    # "X, an Algerian who ...": a demonym with a who-clause
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in PERSON_ROLES:
            return True
        if child.dep_ == "appos" and child.ent_type_ == "NORP" and any(
                g.dep_ == "relcl" and any(w.lower_ == "who" for w in g.children)
                for g in child.children):
            return True
    # "a top aide to X", "the leader of X" is ambiguous (groups have leaders too): only when
    # X is itself introduced by an alias cue or an apposed name, handled above.
    if head.dep_ == "appos" and head.head.lemma_.lower() in PERSON_ROLES and head.head.pos_ == "NOUN":
        return True
    return False
