"""Where and when an event mention is anchored: its time and place phrases.

First the phrase that hangs on the trigger (or its object: "killed 16 villagers in Gwoza"),
else on the clauses above it ("..., killing eight militants" takes the governing clause's).
Failing that, the nearest phrase anywhere in the trigger's *clause family*: the clauses it is
chained to by advcl, xcomp and conj, above and below it. That catches what the parser hangs
on a noun far down ("an attack by fighters on the town of Konduga", "to break up a protest by
hundreds of traders in Mogadishu on Wednesday") without reaching into a relative clause ("which
fighters seized in 2012"), a clause of another time ("since Boko Haram launched its insurgency
in 2009") or the reporting clause ("..., a spokesman said on Tuesday", "he told reporters in
Maiduguri"): those say when and where something else happened.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources.languages import language_data
from .attribution import REPORT_VERBS
from .doc_cache import doc_text, overlapping_ents, span_ents
from .event_updates import is_duration
from .tense import perfect

PLACE_NOUNS = frozenset("""region border area village town city province district state
mountains mountain beach camp base outpost checkpoint market mosque church school road highway
forest desert valley neighbourhood neighborhood suburb outskirts coast island county governorate
capital""".split())
PLACE_PREPS = frozenset("in at near along outside on inside around across".split())


def place_preps(doc) -> frozenset:
    """The prepositions that put an event somewhere: ``PLACE_PREPS``, and in another language
    its lexicon's ``place_preps`` ("à", "dans", "près")."""
    if doc.lang_ == "en":
        return PLACE_PREPS
    return _place_preps(doc.lang_)


@lru_cache(maxsize=8)
def _place_preps(lang: str) -> frozenset:
    return PLACE_PREPS | frozenset(language_data(lang, "lexicon").get("place_preps") or ())


DIRECTIONS = frozenset("east west north south northeast northwest southeast southwest".split())
CLIMB = ("advcl", "xcomp", "conj", "relcl", "acl", "pcomp", "pobj", "dobj")
FAMILY = ("advcl", "xcomp", "conj")
OCCURRENCE_VERBS = frozenset("take happen occur unfold erupt hit strike rip tear target "
                             "destroy damage level wreck".split())
BIG_CITY = 100_000  # an untagged proper noun naming an event is a place if a city this big
OTHER_TIME = frozenset("since until till after before because although though if unless "
                       "once".split())  # a clause so marked tells of another time


def date_text(token) -> str:
    if _claimed(token):
        return ""
    return _attached(token, _dates, report_time=_reported_time) \
        or _in_family(token, _family_dates) or _of_occurrence(token, _dates) \
        or _subjects_time(token)


CLAIM_NOUNS = frozenset({"responsibility", "credit"})


def _claimed(token) -> bool:
    """"X claimed responsibility for the attack on Tuesday": the attack named in a claim is
    one told before; a time in the claim's clause is the claim's ("on Tuesday"), whichever
    word the parser hangs it on."""
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for" \
        and token.head.head.lemma_.lower() in CLAIM_NOUNS


def _subjects_time(token) -> str:
    """"Fighting between the army and rebels between 7 and 28 February killed 40": a verb
    whose subject is an event noun takes the time the subject's phrase gives, however deep
    the parser hangs it there (not inside a clause of its own: "a man arrested in 2019")."""
    if token.pos_ != "VERB":
        return ""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "NOUN" or subject.tag_ == "VBG"):
        return ""  # ("Fighting" is often tagged a gerund)
    for ent in span_ents(token.sent):
        if ent.label_ not in ("DATE", "TIME") or not (
                subject.left_edge.i <= ent.start and ent.end <= subject.right_edge.i + 1):
            continue
        node = ent.root
        while node.i != subject.i:
            if node.dep_ in ("relcl", "acl", "advcl") or node.pos_ in ("VERB", "AUX"):
                break
            node = node.head
        else:
            return ent.text.strip()
    return ""


def _reported_time(token, verb) -> str:
    """The time of an event told as the object of a reporting verb ("ISAF confirmed today
    the arrest of X during a raid in Y, Friday"): the reporting verb's own time ("today",
    before the event's words) is when the report was made; the event's is a time expression
    after the event's word in the verb's clause ("Friday"), however the parser hangs it, and
    before the reporting verb when that comes last ("X was killed Monday, police said
    Tuesday"); for an event in the past perfect, the report's own time (``_report_own_time``).
    Empty when none is left: the event has no time of its own."""
    after = [e for e in span_ents(token.sent) if e.label_ in ("DATE", "TIME") and e.start > token.i
             and (verb.i < token.i or e.start < verb.i)  # not "..., police said Tuesday"
             and _governed_by(e.root, verb)]
    return after[0].text.strip() if after else _report_own_time(token, verb)


def _report_own_time(token, verb) -> str:
    """"Authorities announced last spring that they had killed several members": an event in
    the past perfect under a reporting verb with a time of its own happened by then; the
    report's time is the latest it can have (the analyst's date for an event known only from
    its announcement)."""
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
        return ""
    inside = range(token.left_edge.i, token.right_edge.i + 1)
    own = [e for e in span_ents(verb.sent) if e.label_ in ("DATE", "TIME")
           and e.root.i not in inside and e.root.head.i == verb.i and not is_duration(e.text)]
    return own[0].text.strip() if own else ""


def _governed_by(token, verb) -> bool:
    """Whether ``token`` hangs under ``verb`` or a verb conjoined to it ("confirmed the
    arrest and seized drugs Sunday"), outside a relative clause or a participle clause on a
    noun ("killed a commander wanted for years": the time dates the victim)."""
    heads = {verb.i} | {c.i for c in verb.children if c.dep_ == "conj"}
    node = token
    while node.head.i != node.i:
        if node.dep_ == "relcl" or node.dep_ == "acl" and node.pos_ == "VERB":
            return False
        node = node.head
        if node.i in heads:
            return True
    return False


def place_text(token) -> str:
    return _attached(token, _places) or _in_family(token, _family_places) \
        or _of_occurrence(token, _places) or _sole_place(token)


def _sole_place(token) -> str:
    """The one named place of the event's sentence, when the parse hangs it where the other
    finders do not look ("struck a bomb while clearing a road in X district, Y province";
    "Also in X, forces captured ..."): the sentence tells one story in one place. Not a place
    in a relative clause, a clause of another time, or the reporting clause ("who operates in
    X", "since fighters seized X", "he told reporters in X"), and nothing when the sentence
    names two places apart. A noun takes it only as a verb's subject or object ("struck a
    bomb"): a noun inside a name or a phrase ("artillery fire") is a mention of an event the
    sentence tells by another word (``event_merge``)."""
    if token.pos_ not in ("VERB", "AUX") and not (
            token.dep_ in ("dobj", "nsubj", "nsubjpass") and token.head.pos_ == "VERB"):
        return ""
    found = {span.text.strip(): span for span in _family_places(token.sent)
             if _in_main_story(span.root)}
    if not found and not _family_places(token.sent):
        return _named_places_run(token.sent)
    return next(iter(found)) if len(found) == 1 else ""


def _named_places_run(sent) -> str:
    """The sentence's place names when the parse hangs none of them on a preposition (a long
    name can derail it: "in Abu Bakr Khel district, X province" parsed as a conjunct of the
    verb) and they form one run, joined only by commas ("X district, Y province"): that run,
    else "". A name that qualifies a noun ("U.S. forces", "Kabul's police") or sits in a
    relative or reporting clause is no place of the event."""
    ents = [e for e in span_ents(sent) if e.label_ in ("GPE", "LOC") and _in_main_story(e.root)
            and not (e.root.dep_ in ("compound", "amod", "poss", "nmod")
                     and e.root.head.lemma_.lower() not in PLACE_NOUNS)]  # "U.S. forces"
    if not ents:
        return ""
    text = doc_text(sent.doc)
    for a, b in zip(ents, ents[1:]):
        if text[a.end_char:b.start_char].strip(" ,") or b.start - a.end > 1:
            return ""  # two places apart
    return text[ents[0].start_char:ents[-1].end_char]


def _in_main_story(token) -> bool:
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl") or node.pos_ in ("VERB", "AUX") and (
                node.lemma_.lower() in REPORT_VERBS
                or any(m.dep_ == "mark" and m.lower_ in OTHER_TIME for m in node.children)):
            return False
        node = node.head
    return node.lemma_.lower() not in REPORT_VERBS or token.i == node.i


def told_as_done(token) -> bool:
    """Told in the simple past: "were killed", "shot dead", and a noun or participle in such a
    clause ("engaged them with an airstrike", "returned fire, killing one")."""
    if token.tag_ == "VBD" or token.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in token.children):
        return True
    if token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VBG":
        verb = _verb_of(token.head if token.tag_ == "VBG" else token)
        return verb.i != token.i and verb.tag_ == "VBD" and verb.lemma_.lower() not in REPORT_VERBS
    return False


def _of_occurrence(token, finder) -> str:
    """"The attack took place in X", "The strikes hit a market in Y": an event noun that is
    the subject of a verb of occurring or striking takes that verb's time and place."""
    verb = token.head
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or \
            verb.lemma_.lower() not in OCCURRENCE_VERBS:
        return ""
    found = finder(verb)
    return found[0].text.strip() if found else ""


def _dates(token):
    """The DATE/TIME entities hung on the event word, or on a preposition of it (only
    entities of the token's sentence can: the root's head is in the root's sentence). Not one
    the parser made the verb's subject ("... wanted since 1993 was killed" read with "1993" as
    the subject of "was killed"): a time is never who was killed. Nor "since 1993" on an
    event told in the simple past ("was killed since 1993" is a misparse of "wanted since
    1993"): "since" starts a period, the time of a state or a perfect-tense tally ("have been
    killed since January"), never of one occurrence."""
    return [e for e in overlapping_ents(token.sent) if e.label_ in ("DATE", "TIME")
            and e.root.dep_ not in ("nsubj", "nsubjpass") and (
                e.root.head == token
                or e.root.head.head == token and e.root.head.dep_ == "prep"
                and not (e.root.head.lower_ == "since" and not perfect(token)))]


def _places(token):
    if token.pos_ == "NOUN":  # "the Boston Marathon bombing": the place names the event
        named = [t for c in token.lefts if c.dep_ in ("compound", "nmod") for t in c.subtree
                 if _names_a_town(t)]
        if named:
            return [token.doc[named[0].i:named[0].i + 1]]
    out = []
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    heads = [token, *objects]  # "killed 16 villagers in Gwoza": the place hangs on the object
    for child in (c for h in heads for c in h.children):
        if child.dep_ == "prep" and child.lower_ in place_preps(token.doc) and _has_place(child):
            out.append(_place_span(child))
        elif child.dep_ == "prep" and _has_place(child):  # "près de Ségou": the place word
            lead = _leading_place_word(child)             # hangs on the noun, after "de"
            if lead is not None:
                span = _place_span(child)
                out.append(token.doc[lead.i:span.end])
        elif child.dep_ == "advmod" and child.lower_ in DIRECTIONS:
            out.append(token.doc[child.i:child.right_edge.i + 1])
    return sorted(out, key=lambda span: span.start)  # "near Kidal in Mali": the nearer first


def _leading_place_word(prep):
    """The place word of a compound preposition the parser split ("près de X": "près" an
    adverb on X, "de" the preposition), right before the preposition; None otherwise."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    word = prep.doc[prep.i - 1] if prep.i > 0 else None
    if obj is None or word is None or word.dep_ != "advmod" or word.head.i != obj.i:
        return None
    return word if word.lower_ in place_preps(prep.doc) else None


def _names_a_town(token) -> bool:
    """A proper noun in an event's name that is a town (tagged a place, or a city of 100,000
    people the NER missed: "the Manchester attack"), not a country ("a U.S. drone strike")."""
    from ..normalize.geo_index import geo_index
    from ..resources.gazetteer import country_by_word

    if token.pos_ != "PROPN" or country_by_word(token.text) is not None \
            or token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    return token.ent_type_ in ("GPE", "LOC", "FAC") or any(
        c.kind == "city" and (c.population or 0) >= BIG_CITY
        for c in geo_index().lookup(token.text))


def _place_span(prep):
    """The prepositional phrase without the clauses hung on it: "in the town [where residents
    had gathered to watch a match]"."""
    clauses = [t for t in prep.subtree if t.dep_ in ("relcl", "acl", "advcl") and t.i > prep.i]
    end = min((t.left_edge.i for t in clauses), default=prep.right_edge.i + 1)
    end = _before_next_subject(prep.doc, prep.i, end)
    while end > prep.i + 1 and prep.doc[end - 1].dep_ in ("punct", "advmod") \
            and prep.doc[end - 1].lower_ in (",", "where", "when"):
        end -= 1
    return prep.doc[prep.i:_with_division(prep.doc, _joined_name(prep.doc, end))]


NAME_JOINERS = frozenset({"wa"})  # Dari/Pashto "and" inside one district's name


def _joined_name(doc, end: int) -> int:
    """"in Tarnek [wa Jaldak district]": a name joined by "wa" ("and" in Dari and Pashto:
    "Shigal wa Sheltan", "Talah wa Barfak") is one district's name, however the parser cuts
    it; the span runs on through the second name and its place noun."""
    if end + 1 >= len(doc) or doc[end].text.lower() not in NAME_JOINERS \
            or doc[end - 1].pos_ != "PROPN" or doc[end + 1].pos_ != "PROPN":
        return end
    end += 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end < len(doc) and doc[end].lemma_.lower() in PLACE_NOUNS:
        end += 1
    return end


def _before_next_subject(doc, start: int, end: int) -> int:
    """A fronted place phrase the parse ran on into the clause's subject ("In X district,
    Y province, a combined force ..."): it ends at the comma before a determiner whose noun
    is no place ("X, a town in Y state" goes on)."""
    for i in range(start + 1, end - 1):
        if doc[i].text != "," or doc[i + 1].tag_ != "DT":
            continue
        noun = doc[i + 1].head
        if noun.i > i and noun.lemma_.lower() not in PLACE_NOUNS:
            return i
    return end


DIVISION_NOUNS = frozenset("province state region governorate county district".split())


def _with_division(doc, end: int) -> int:
    """"in Dangam district[, Kunar province]": the division that follows a place after a
    comma belongs to it, wherever the parser hung it."""
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ == "PROPN":
        for i in range(end + 2, min(end + 5, len(doc))):
            if doc[i].lower_ in DIVISION_NOUNS:
                return i + 1
            if doc[i].pos_ != "PROPN":
                break
    return end


def _has_place(prep, named_only: bool = False) -> bool:
    """A place prepositional phrase names a place (or a place noun, unless ``named_only``)
    outside a possessor: "in Somalia's history" is about history, "in Nigeria's northeast" is
    a place (the head is a direction)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() == "capital" and any(c.ent_type_ in ("NORP", "GPE")
                                               for c in obj.children):
        return True  # "in the Libyan capital": the capital of a country named
    if obj.lower_ not in DIRECTIONS and obj.lemma_.lower() not in PLACE_NOUNS \
            and not obj.ent_type_:
        owned = {t.i for c in obj.children if c.dep_ == "poss" for t in c.subtree}
    else:
        owned = set()
    return any((t.ent_type_ in ("GPE", "LOC", "FAC") or _named_by_place_noun(t)
                or not named_only and t.lemma_.lower() in PLACE_NOUNS) and t.i not in owned
               for t in _place_span(prep))  # not "on Monday [when fighters attacked Gwoza]"


def _named_by_place_noun(token) -> bool:
    """"Dangam district", "Kunar province": a proper name the NER missed, named a place by
    the place noun it qualifies; before a division noun even one it took for a person or an
    organisation ("Baghlan province" read as a person): no person is followed by
    "province"."""
    if token.pos_ != "PROPN" or token.dep_ != "compound":
        return False
    head = token.head.lemma_.lower()
    return not token.ent_type_ and head in PLACE_NOUNS \
        or token.ent_type_ in ("PERSON", "ORG") and head in DIVISION_NOUNS


def _attached(token, finder, report_time=None) -> str:
    """The nearest phrase of a kind on the trigger, else on the clauses above it; reaching a
    reporting verb above the trigger, ``report_time`` decides (the report's time is not the
    event's)."""
    node = token
    for _ in range(4):
        if report_time is not None and node.i != token.i and node.pos_ in ("VERB", "AUX") \
                and node.lemma_.lower() in REPORT_VERBS:
            return report_time(token, node)
        found = finder(node)
        if found:  # a calendar time before a duration: "fought for hours on Monday"
            return min(found, key=lambda f: is_duration(f.text)).text.strip()
        if report_time is not None and node.dep_ == "ccomp" and node.head.pos_ in (
                "VERB", "AUX") and node.head.lemma_.lower() in REPORT_VERBS:
            return report_time(token, node.head)  # "confirmed today that X was killed, Friday"
        if node.dep_ not in CLIMB or node.head.i == node.i:
            break
        node = node.head
    return ""


def _in_family(token, finder) -> str:
    """The phrase of a kind nearest the trigger among those governed by its clause family.
    Verbs only: a noun with no time or place of its own ("the deadliest attack") is often a
    reference to an event told elsewhere (``event_merge``)."""
    if token.pos_ not in ("VERB", "AUX"):
        return ""
    family = _family(token)
    found = [(is_duration(span.text), abs(span.start - token.i), span.start, span)
             for span in finder(token.sent)
             if _verb_of(span.root).i in family and not _describes_subject(span, token)]
    return min(found)[3].text.strip() if found else ""


def _describes_subject(span, verb) -> bool:
    """A time inside the verb's subject phrase dates the subject, not the verb ("a terrorist
    wanted since 1993 was killed"); an event noun's own time as subject is ``_subjects_time``'s."""
    if span.label_ not in ("DATE", "TIME"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= span.start
               and span.end <= c.right_edge.i + 1 for c in verb.children)


def _family(token) -> set[int]:
    top = _verb_of(token)
    while top.dep_ in FAMILY and top.head.i != top.i:
        top = top.head
    family, stack = set(), [top]
    while stack:
        verb = stack.pop()
        if verb.lemma_.lower() not in REPORT_VERBS:
            family.add(verb.i)
        stack += [c for c in verb.children if c.dep_ in FAMILY and c.pos_ in ("VERB", "AUX")
                  and not any(m.dep_ == "mark" and m.lower_ in OTHER_TIME for m in c.children)]
    return family


def _verb_of(token):
    """The verb whose clause ``token`` stands in (itself if it is one)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _family_dates(sent):
    return [e for e in span_ents(sent) if e.label_ in ("DATE", "TIME")
            and e.root.dep_ not in ("nsubj", "nsubjpass")]  # a time is never the subject


def _family_places(sent):
    preps = [t for t in sent if t.dep_ == "prep" and t.lower_ in place_preps(sent.doc)
             and _has_place(t, named_only=True)]
    inner = {t.i for p in preps for t in p.subtree if t.i != p.i}
    return [_place_span(p) for p in preps if p.i not in inner]


LEAD_SENTENCES = 1  # the lead is the story's first sentence told in the past


def lead_anchors(doc) -> tuple[str, str, int]:
    """The time and place phrases of the story's lead: its first sentence told in the past
    whose main verb has a time of its own ("Afghan and coalition forces conducted an operation
    in X district, Y province, yesterday"). Headlines, datelines and a press office's header
    lines (no past-tense main verb) are passed over. The inverted pyramid: what follows the
    lead without a time or place of its own happened then and there (``resolve.records``).
    A lead with no time of its own takes those of a later sentence saying when its occurrence
    took place (``_told_where_and_when``); the third value is then the lead sentence's end
    (character offset), so that the lead's own event, told in the perfect ("Forces have
    killed a commander, officials said"), takes that time too; 0 when no such sentence
    follows the lead."""
    from .paragraphs import is_headline

    seen, told, told_end = 0, ("", ""), 0
    for sent in doc.sents:
        root = _past_root(sent)
        if is_headline(sent) or root is None:
            continue
        if not seen:  # the first sentence told in the past: the lead
            told = _told_where_and_when(sent)
            told_end = sent.end_char if told[0] else 0
        if root.lemma_.lower() in REPORT_VERBS:  # what is reported: a clause or an event noun
            root = next((c for c in root.children if c.dep_ == "ccomp"), None) or next(
                (c for c in root.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), root)
        when = date_text(root) or next(  # not the reporting clause's ("..., he said Monday")
            (e.text for e in span_ents(sent) if e.label_ in ("DATE", "TIME")
             and _verb_of(e.root).lemma_.lower() not in REPORT_VERBS), "")
        if when and not is_duration(when):  # ("a man wanted for two decades": no time of it)
            places = _family_places(sent)
            return when, place_text(root) or (places[0].text.strip() if places else ""), \
                told_end
        seen += 1
        if seen >= LEAD_SENTENCES:
            return (*told, told_end)
    return "", "", 0


TOLD_AFTER = 6  # sentences after an undated lead that may say when and where it took place
SAME_OCCURRENCE = frozenset({"the", "this", "that"})


def _told_where_and_when(lead) -> tuple[str, str]:
    """An undated lead's time and place from one of the ``TOLD_AFTER`` sentences after it
    that says when its occurrence took place ("Forces killed a commander, officials said. The
    Friday evening operation took place in the X area"): a definite occurrence noun
    ("the attack", "this operation") the subject of a verb of occurring ("take place",
    "happen", "occur"), with a time of its own; ("", "") when none does."""
    from .event_merge.traits import OCCURRENCE_NOUNS

    doc, n = lead.doc, 0
    for sent in doc[lead.end:].sents if lead.end < len(doc) else ():
        n += 1
        if n > TOLD_AFTER:
            break
        root = sent.root
        if root.lemma_.lower() in REPORT_VERBS:
            root = next((c for c in root.children if c.dep_ == "ccomp"), root)
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_.lower() not in ("take", "happen", "occur", "unfold") or subject is None \
                or subject.lemma_.lower() not in OCCURRENCE_NOUNS or not any(
                    c.dep_ == "det" and c.lower_ in SAME_OCCURRENCE for c in subject.children):
            continue
        if root.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in root.children):
            continue
        when = date_text(root)
        if when and not is_duration(when):
            return when, place_text(root)
    return "", ""


def _past_root(sent):
    """The sentence's main verb told in the past: its root, or, when the parser roots the
    sentence elsewhere ("Afghan [ROOT] and coalition forces killed ...", "Police recruits
    [VBZ] ... killed ..."), its first past-tense verb outside a relative clause or a clause
    of another time or an adverbial clause ("Soldiers stand near a vehicle after a bomb
    exploded": a photo's caption, told in the present). ``None`` for a sentence with no
    past-tense verb (a headline, a dateline, a header line)."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and root.tag_ in ("VBD", "VBN"):
        return root
    return next((t for t in sent if t.tag_ == "VBD" and t.pos_ == "VERB"
                 and t.dep_ not in ("relcl", "acl", "amod", "ccomp", "advcl")
                 and not any(m.dep_ == "mark" and m.lower_ in OTHER_TIME for m in t.children)),
                None)

