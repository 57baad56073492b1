"""``wc_mentions``: every mention of an actor, tied to one key per actor in the document.

Named mentions come from entities (gazetteer ids first); descriptions from noun phrases headed
by a force, civilian or militant noun ("Tunisian special forces", "the army", "39 foreigners",
"eight militants"). In-document resolution ties short forms to full names ("Kobi" ->
"Bilel Kobi", "Okba" -> "Okba Ibn Nafaa"), declared aliases to their name, and "the group" to
the armed group last named. Sets ``doc._.wc_mentions``: a list of :class:`ActorMention`,
ordered by position. Keys are actor ids: gazetteer ids, ACLED-style state actor ids, or a
slug of the first full name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..resources import load_yaml

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model import slug
from ..resources.gazetteer import FORCE_NOUNS, country_by_word, load_actor_gazetteer, state_actor
from ..resources.descriptive import described_group
from ..resources.names import forms
from .actor_ruler import _page_control
from .doc_cache import span_ents
from .numbers import VAGUE_WORDS, parse_count

Doc.set_extension("wc_mentions", default=None, force=True)

GROUP_WORDS = frozenset("""group brigade brigades battalion front army militia movement jihad
mujahideen ansar katiba katibat organisation organization forces network council coalition
alliance legion cell faction""".split())
ANAPHORS = frozenset(["group", "organisation", "organization", "movement", "militia", "network"])
MILITANT_NOUNS = frozenset("""militant militants fighter fighters insurgent insurgents jihadist
jihadists terrorist terrorists gunman gunmen rebel rebels extremist extremists bomber bombers
attacker attackers assailant assailants""".split())
# a demonym on these nouns says who a person is ("a senior Malian commander"), not whose
# forces act in the sentence
PEOPLE_NOUNS = MILITANT_NOUNS | frozenset("""commander leader aide chief official national
citizen man woman men women worker tourist journalist cleric preacher""".split())
SERVANTS = frozenset("spokesman spokeswoman spokesperson commander chief".split())
INTERNATIONAL = frozenset("foreigner foreigners tourist tourists expatriate expatriates".split())
REPORTING = frozenset("tell say according report quote".split())


@dataclass
class ActorMention:
    span: Span
    key: str
    name: str
    type: str
    country: str | None = None
    generic: bool = False
    count: int | None = None
    count_text: str = ""
    via: str = ""

    @property
    def start(self) -> int:
        return self.span.start


@Language.component("wc_mentions", requires=["doc.ents", "doc._.wc_alias_pairs"],
                    assigns=["doc._.wc_mentions"])
def mentions(doc):
    doc._.wc_mentions = find_mentions(doc)
    return doc


def find_mentions(doc) -> list[ActorMention]:
    gazetteer = load_actor_gazetteer()
    found = _Found()
    alias_of = {(b.start, b.end): a for a, b, _ in (doc._.wc_alias_pairs or [])}
    for a, b, _ in doc._.wc_alias_pairs or []:  # later uses of a declared alias: "the MNU"
        alias_of.setdefault(b.text, a)
    for ent in doc.ents:
        mention = _named(ent, gazetteer, found, alias_of) or _state_weapon(ent)
        if mention is not None:
            found.append(mention)
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    countries = _country_context(doc)
    for token in doc:
        if token.i in taken:
            continue
        mention = _described(token, found, countries)
        if mention is not None:
            found.append(mention)
            taken.update(range(mention.span.start, mention.span.end))
    return _sole_group(_regional_branches(sorted(found, key=lambda m: m.start), gazetteer))


UNNAMED = frozenset("unknown unidentified gunmen gunman bandits bandit".split())


def _sole_group(found: list[ActorMention]) -> list[ActorMention]:
    """"Forces detained a Taliban leader and two suspected insurgents": in an article that
    names one armed group and no other, its unnamed militants ("insurgents", "militants",
    "fighters") are that group's, as analysts code them; never "unknown gunmen" or bandits,
    and never when two groups are named (then nobody can tell whose they are)."""
    groups = {m.key for m in found if m.type == "armed group" and not m.generic
              and m.via in ("gazetteer", "members of", "alias", "short form")}
    if len(groups) != 1:
        return found
    group = next(m for m in found if m.key in groups)
    out = []
    for m in found:
        if m.generic and m.key == "unidentified-armed-group" and \
                not any(t.lower_ in UNNAMED for t in m.span):
            m = ActorMention(m.span, group.key, group.name, group.type, group.country,
                             count=m.count, count_text=m.count_text, via="sole group")
        out.append(m)
    return out


STATE_WEAPONS = frozenset("airstrike strike raid bombardment shelling drone missile".split())


def _state_weapon(ent: Span) -> ActorMention | None:
    """"a U.S. drone strike", "Russian air raids": a country word on an air or artillery
    strike names the country's forces (ACLED's "Military Forces of ...")."""
    root = ent.root
    if ent.label_ not in ("GPE", "NORP") or root.dep_ not in ("compound", "amod", "nmod") \
            or root.head.lemma_.lower() not in STATE_WEAPONS:
        return None
    return _state_mention(ent, "military", "state weapon")


def _regional_branches(found: list[ActorMention], gazetteer) -> list[ActorMention]:
    """"al Qaeda is trying to regroup in the North African state", in an article that names
    AQIM: a global parent placed in its regional branch's area is the branch (as analysts code
    it). Only when the article names that branch, only from places in the mention's own
    clause, and never for a possessor ("al Qaeda's branch") or a parent that is itself regional."""
    named = {m.key for m in found}
    out = []
    for m in found:
        entry = gazetteer.entries.get(m.key)
        global_parent = entry is not None and not entry.area and m.via == "gazetteer"
        branches = [b for b in gazetteer.branches(m.key) if b.id in named] \
            if global_parent and m.span.root.dep_ != "poss" else []
        if branches:
            places = _clause_countries(m.span)
            branch = next((b for b in branches if places & set(b.area)), None)
            if branch is not None:
                m = ActorMention(m.span, branch.id, branch.name, branch.type, branch.country,
                                 via="regional branch")
        out.append(m)
    return out


def _clause_countries(span: Span) -> set[str]:
    """Countries named in the clause a mention belongs to (its nearest verb's subtree)."""
    from ..normalize.geo_index import geo_index

    node = span.root
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    lo, hi = node.left_edge.i, node.right_edge.i
    found: set[str] = set()
    for ent in span_ents(span.doc[lo:hi + 1]):
        if ent.start < lo or ent.end > hi + 1 or ent.label_ not in ("GPE", "LOC", "NORP"):
            continue
        country = country_by_word(ent.text)
        if country is not None:
            found.add(country.iso2)
            continue
        for candidate in geo_index().lookup(ent.text):
            if candidate.kind == "region":
                found.update(candidate.countries)
            elif candidate.country and candidate.kind in ("city", "admin1"):
                found.add(candidate.country)
    return found


# ---- named mentions -------------------------------------------------------------------------

def _named(ent: Span, gazetteer, earlier: list[ActorMention], alias_of) -> ActorMention | None:
    if ent.label_ == "GPE":
        return _acting_state(ent)
    if ent.label_ not in ("PERSON", "ORG") and ent.ent_id_ not in gazetteer.entries:
        return None  # places, including the regions the ruler tags
    if ent.ent_id_ in gazetteer.entries:
        entry = gazetteer.entries[ent.ent_id_]
        return ActorMention(ent, entry.id, entry.name, entry.type, entry.country, via="gazetteer")
    if _is_outlet(ent) or ent.root.lemma_.lower() in FORCE_NOUNS:
        return None
    if _page_control(ent, frozenset(forms().get("page_words", ()))):
        return None  # "Download PDF": a page fragment
    if ent.text.isupper() and len(ent.text.replace(".", "")) > 5:
        return None  # a shouted word is a dateline or headline ("MOGADISHU"), not an acronym
    name = _clean_name(ent)
    target = alias_of.get((ent.start, ent.end)) or alias_of.get(name)
    if target is not None and (target.start, target.end) == (ent.start, ent.end):
        target = None
    if target is not None:
        for m in earlier:
            if (m.span.start, m.span.end) == (target.start, target.end):
                return ActorMention(ent, m.key, m.name, m.type, m.country, via="alias")
    short = _short_form_of(ent, earlier)
    if short is not None:
        return ActorMention(ent, short.key, short.name, short.type, short.country, via="short form")
    if ent.label_ == "PERSON":
        return ActorMention(ent, slug(name), name, "person", via="ner")
    kind = "armed group" if any(t.lower_ in GROUP_WORDS for t in ent) else "other org"
    return ActorMention(ent, slug(name), name, kind, via="ner")


def _acting_state(ent: Span) -> ActorMention | None:
    """A country that acts ("the United Arab Emirates banned ...") is its government (ACLED)."""
    root = ent.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB" or \
            root.head.lemma_.lower() in REPORTING:
        return None
    return _state_mention(ent, "government", "state as agent")


def _state_mention(ent: Span, role: str, via: str) -> ActorMention | None:
    """The state actor in ``role`` of the country ``ent`` names, if it names one."""
    country = country_by_word(ent.text)
    if country is None:
        return None
    actor = state_actor(country.iso2, role)
    return ActorMention(ent, actor.id, actor.name, actor.type, country.iso2, via=via)


def _short_form_of(ent: Span, earlier: list[ActorMention]) -> ActorMention | None:
    words = [t.lower_ for t in ent if not t.is_punct]
    if isinstance(earlier, _Found):
        return earlier.short_form(words)
    for m in reversed(earlier):
        if m.generic:
            continue
        full = [t.lower_ for t in m.span if not t.is_punct]
        if len(words) >= len(full):
            continue
        if m.type == "person" and full[-len(words):] == words:
            return m  # surname: "Kobi" -> "Bilel Kobi"
        if m.type != "person" and full[:len(words)] == words:
            return m  # leading words of a group's name: "Okba" -> "Okba Ibn Nafaa"
    return None


def _is_outlet(ent: Span) -> bool:
    root = ent.root
    return root.dep_ in ("dobj", "dative", "pobj") and root.head.lemma_.lower() in REPORTING


def _clean_name(ent: Span) -> str:
    tokens = [t for t in ent]
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip() or ent.text


# ---- described mentions ---------------------------------------------------------------------

def _described(token, earlier: list[ActorMention], countries: Counter) -> ActorMention | None:
    word = token.lower_
    role = FORCE_NOUNS.get(word) or FORCE_NOUNS.get(token.lemma_.lower())
    if token.pos_ not in ("NOUN", "PROPN") and not (
            role and token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in SERVANTS):
        return None  # but "(Nigerian) military spokesman", "police commander": whose they are
    if word in ANAPHORS and _has_definite(token):
        group = next((m for m in reversed(earlier) if m.type == "armed group" and not m.generic
                      and m.start < token.i), None)
        if group is not None:
            return ActorMention(_noun_phrase(token), group.key, group.name, group.type,
                                group.country, via="anaphor")
        return None
    described = _descriptive_group(token)
    lemma = token.lemma_.lower()
    if word in doer_words()["member_nouns"] and token.pos_ == "NOUN" and _doer(token):
        # "Members of the Wagner Group", "loyalists of X": the group's, else no one
        owner = _modifier_actor(token, earlier) or _loyal_to(token, earlier)
        if owner is None:
            return None
        count, count_text = _count(token)
        return ActorMention(_noun_phrase(token), owner.key, owner.name, owner.type,
                            owner.country, count=count, count_text=count_text,
                            via="members of")
    if described is None and role is None and word not in MILITANT_NOUNS and \
            lemma not in MILITANT_NOUNS and word not in INTERNATIONAL and \
            lemma not in INTERNATIONAL:
        return None  # most nouns: no phrase or count to build
    span = _noun_phrase(token)
    count, count_text = _count(token)
    if described is not None:
        key, name = described
        return ActorMention(span, key, name, "armed group", generic=True, count=count,
                            count_text=count_text, via="description")
    if word in MILITANT_NOUNS or token.lemma_.lower() in MILITANT_NOUNS:
        owner = _modifier_actor(token, earlier) or _loyal_to(token, earlier)
        if owner is not None:
            return ActorMention(span, owner.key, owner.name, owner.type, owner.country,
                                count=count, count_text=count_text, via="members of")
        return ActorMention(span, "unidentified-armed-group", "Unidentified Armed Group",
                            "armed group", generic=True, count=count, count_text=count_text,
                            via="description")
    if word in INTERNATIONAL or token.lemma_.lower() in INTERNATIONAL:
        return ActorMention(span, "civilians-international", "Civilians (International)",
                            "civilians", generic=True, count=count, count_text=count_text,
                            via="description")
    if role is None:
        return None
    country = _modifier_country(token) or _context_country(token, earlier, countries)
    if country is None:
        return None
    actor = state_actor(country, role)
    return ActorMention(span, actor.id, actor.name, actor.type, country,
                        generic=role in ("civilians", "protesters"), count=count,
                        count_text=count_text, via="state role")


def _descriptive_group(token) -> tuple[str, str] | None:
    """"bandits", "Maoists", "armed youths", "ethnic militia", "vigilantes": a group named by
    description, typed by the table in ``resources/descriptive_groups.yaml`` (from the mention's
    head, its modifiers and, for "vigilantes", its sentence)."""
    modifiers = [t.lower_ for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")
                 for t in c.subtree]
    context = [t.lower_ for t in token.sent] if token.lower_.startswith("vigilante") else ()
    found = described_group(token.lower_, modifiers, context)
    return found[:2] if found else None


def _noun_phrase(token) -> Span:
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nummod", "det", "quantmod", "case", "nmod"):
            left = min(left, child.left_edge.i)
    doc = token.doc
    while left < token.i and doc[left].dep_ == "det":
        left += 1
    return doc[left:token.i + 1]


def _has_definite(token) -> bool:
    return any(c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in token.lefts) \
        and not any(c.ent_type_ for c in token.lefts)


def _count(token) -> tuple[int | None, str]:
    for child in token.lefts:
        if child.dep_ in ("nummod", "quantmod") or child.like_num:
            words = token.doc[child.left_edge.i:child.i + 1].text
            return parse_count(words), token.doc[child.left_edge.i:token.i + 1].text
        first = token.doc[child.left_edge.i]
        if child.dep_ in ("compound", "amod") and first.like_num and first.i < child.i:
            # "Eighteen Nigerien soldiers": the parser hangs the number on the demonym
            words = token.doc[first.i:first.i + 1].text
            return parse_count(words), token.doc[first.i:token.i + 1].text
    first = token.doc[token.left_edge.i]
    if first.lower_ in VAGUE_WORDS:  # "several", "multiple", "numerous", "dozens" ...
        return parse_count(first.lower_), token.doc[first.i:token.i + 1].text
    if first.i + 1 < token.i and token.doc[first.i:first.i + 2].text.lower() == "a few":
        return parse_count("a few"), token.doc[first.i:token.i + 1].text  # "a few insurgents"
    return None, ""


def _modifier_actor(token, earlier: list[ActorMention]) -> ActorMention | None:
    """"AQIM fighters", "fighters of the MNU": the group the members belong to."""
    of = [g for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]
    if isinstance(earlier, _Found):
        return next((m for m in map(earlier.armed_group_at, [*token.lefts, *of]) if m), None)
    for child in [*token.lefts, *of]:
        for m in earlier:
            if m.span.start <= child.i < m.span.end and m.type == "armed group":
                return m
    return None


def _doer(token) -> bool:
    """The token does the deed: a verb's subject, or the agent of a passive ("by members of
    X"). "A senior member of X was killed" is a victim of the group's, a person apart."""
    return token.dep_ == "nsubj" or token.dep_ == "pobj" and token.head.dep_ == "agent"


@lru_cache(maxsize=1)
def doer_words() -> dict:
    """``resources/lang/en/doers.yaml``: member nouns (a set) and loyalty words (word ->
    prepositions)."""
    path = resources.files("wirecoder.resources").joinpath("lang", "en", "doers.yaml")
    spec = load_yaml(path.read_text("utf-8"))
    return {"member_nouns": frozenset(spec["member_nouns"]),
            "loyalty": {w: frozenset(p) for w, p in spec["loyalty"].items()}}


def _loyal_to(token, earlier: list[ActorMention]) -> ActorMention | None:
    """"fighters loyal to Khalifa Haftar", "men answering to X": the named actor (a group or a
    person, found before) whose the doers are (issue 29, kind 8). Not "linked to" or "allied
    with": an affiliate is another group; nor "led by X": a commander's men are his group's,
    and coding them as the person split one incident in two on the checked half."""
    loyalty = doer_words()["loyalty"]
    for word in token.rights:
        preps = loyalty.get(word.lower_)
        if preps is None or word.dep_ not in ("amod", "acl", "prep"):
            continue
        for prep in word.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = next((m for m in earlier if not m.generic
                              and m.span.start <= obj.i < m.span.end), None)
                if found is not None:
                    return found
    return None


def _modifier_country(token) -> str | None:
    for child in token.lefts:
        for t in child.subtree:
            country = country_by_word(t.text)
            if country is not None and t.i < token.i:
                return country.iso2
    return None


def _country_context(doc) -> Counter:
    """How often each country is named (as a place or a demonym): the article's focus (a
    country named as a neighbour, "near the Malian border", does not count); when none is,
    the one country its towns agree on (``towns_country``), else none."""
    counts: Counter = Counter()
    for ent in doc.ents:
        if _neighbour(ent) or ent.label_ == "NORP" and ent.root.head.lemma_.lower() in BORDERS:
            continue  # "near the Malian border", "close to Mali": a neighbour, not the focus
        if ent.label_ == "GPE" or ent.label_ == "NORP" and \
                ent.root.head.lemma_.lower() not in PEOPLE_NOUNS:
            country = country_by_word(ent.text)
            if country is not None:
                counts[country.iso2] += 1
    if not counts:  # no country named: the one country its towns agree on ("in Nairobi"),
        # never the most populous namesake of one of them (normalize.article_context)
        from ..normalize.article_context import towns_country

        towns = [e.text for e in doc.ents if e.label_ == "GPE"][:5]
        country = towns_country(towns)
        if country is not None:
            counts[country] = len(towns)
    return counts


BORDERS = frozenset({"border", "frontier"})  # "the Malian border": Mali is the neighbour
NEIGHBOUR_WORDS = frozenset({"near", "bordering", "toward", "towards", "from", "across",
                             "border", "borders", "neighbouring", "neighboring", "close", "next"})


def _neighbour(ent) -> bool:
    """A country named as a neighbour of the place, not the place's own: "in the Tahoua region
    near Mali", "close to the border with Nigeria", "fighters from Libya"."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and (head.lower_ in NEIGHBOUR_WORDS or (
        head.lower_ in ("with", "to") and head.head.lower_ in NEIGHBOUR_WORDS))


def _context_country(token, earlier: list[ActorMention], countries: Counter) -> str | None:
    """A force named without its country: the sentence's only country (not one named as a
    neighbour: ``_neighbour``), else the country the article talks about most, else the last
    state actor named."""
    in_sent = {country_by_word(e.text) for e in span_ents(token.sent) if (
        e.label_ == "GPE" or e.label_ == "NORP" and e.root.head.lemma_.lower() not in PEOPLE_NOUNS)
        and not _neighbour(e)}
    in_sent.discard(None)
    if len(in_sent) == 1:
        return next(iter(in_sent)).iso2
    if countries:  # the country the article is about; a state named once in passing loses
        return countries.most_common(1)[0][0]
    for m in sorted(earlier, key=lambda m: m.start, reverse=True):
        if m.start < token.i and m.type in ("state force", "government") and m.country:
            return m.country
    return None


class _Found(list):
    """The mentions found so far, in the order found, with two indexes kept as they are
    appended: an article's later mentions look back for a short form's full name and for the
    armed group a member belongs to, and scanning every earlier mention each time made a long
    document's cost grow with the square of its length. Only ``append`` adds to it."""

    def __init__(self):
        super().__init__()
        self._forms: dict[tuple, int] = {}  # ("end"|"start", words) -> latest place
        self._armed: dict[int, int] = {}    # token -> first armed group's place covering it

    def append(self, mention: ActorMention) -> None:
        k = len(self)
        super().append(mention)
        if mention.type == "armed group":
            for i in range(mention.span.start, mention.span.end):
                self._armed.setdefault(i, k)
        if mention.generic:
            return
        full = tuple(t.lower_ for t in mention.span if not t.is_punct)
        for n in range(len(full)):  # the shorter forms ``_short_form_of`` accepts
            if mention.type == "person":
                if n:
                    self._forms[("end", full[-n:])] = k   # surname: "Kobi"
            else:
                self._forms[("start", full[:n])] = k      # leading words: "Okba"

    def short_form(self, words: list[str]) -> ActorMention | None:
        """The latest earlier mention ``words`` is a short form of (``_short_form_of``)."""
        key = tuple(words)
        k = max(self._forms.get(("end", key), -1), self._forms.get(("start", key), -1))
        return self[k] if k >= 0 else None

    def armed_group_at(self, token) -> ActorMention | None:
        """The first armed group found whose span holds ``token``."""
        k = self._armed.get(token.i)
        return self[k] if k is not None else None
