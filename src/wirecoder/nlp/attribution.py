"""``wc_attribution``: who the article says said each sentence, and how sure it sounds.

Finds reporting clauses ("security sources say", "a senior Tunisian security source said",
"X told Reuters", "according to X", "..., said the governor") and assigns their source to the
reported content; an accusation ("residents accused soldiers of killing ...") is the accusers'
claim, hedged "alleged", and a denial of one ("the army denied the accusation") is the
denier's statement, marked denied (issue 29, kind 6). Word lists:
``resources/lang/en/attribution.yaml``. Scope:
the sentence; a quotation that runs over several sentences takes the source named where it
closes; a pronoun source ("he said", "they said") takes the last source named before it.
Hedges ("apparent", "suspected", "reportedly") are recorded per sentence.

Sets ``doc._.wc_attributions``: {sentence start token -> :class:`Attribution`}.
Offsets in ``Attribution`` are characters in the article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from ..resources import load_yaml
from spacy.language import Language
from spacy.tokens import Doc

from ..resources.languages import language_data

Doc.set_extension("wc_attributions", default=None, force=True)



def _words() -> dict:
    path = resources.files("wirecoder.resources").joinpath("lang", "en", "attribution.yaml")
    return load_yaml(path.read_text("utf-8"))


WORDS = _words()  # resources/lang/en/attribution.yaml
REPORT_VERBS = frozenset(WORDS["report_verbs"])
DENY_VERBS = frozenset(WORDS["deny_verbs"])
HEDGES = frozenset(WORDS["hedges"])
ACCUSE_VERBS = frozenset(WORDS["accuse_verbs"])
ACCUSATION_NOUNS = frozenset(WORDS["accusation_nouns"])
PRONOUNS = {"he": "sg", "she": "sg", "they": "pl", "it": "sg"}
QUOTE_OPEN = "“«"   # a straight quote (") opens or closes by turns
QUOTE_CLOSE = "”»"


@dataclass
class Attribution:
    source: str | None            # as worded: "a senior Tunisian security source"
    source_start: int = -1
    source_end: int = -1
    cue: str = ""                 # the reporting word: "said", "according to"
    content_start: int = 0        # what was reported: characters in the article
    content_end: int = 0
    hedges: list[str] = field(default_factory=list)
    denied: bool = False


@Language.component("wc_attribution", requires=["token.dep"], assigns=["doc._.wc_attributions"])
def attribution(doc):
    doc._.wc_attributions = find_attributions(doc)
    return doc


def find_attributions(doc) -> dict[int, Attribution]:
    out: dict[int, Attribution] = {}
    last: dict[str, str] = {}  # "sg"/"pl" -> the last source worded so
    sents = list(doc.sents)
    pending_quote: list = []   # sentences inside a quotation not yet closed
    quoting = False            # inside a quotation at the end of the sentence before
    for sent in sents:
        found = _reporting_clause(sent, last)
        hedges = sentence_hedges(sent)
        quoting = _still_quoting(sent.text, quoting)
        if found is None:
            if quoting:
                pending_quote.append(sent)
            else:
                pending_quote = []
            if hedges:
                out[sent.start] = Attribution(None, content_start=sent.start_char,
                                              content_end=sent.end_char, hedges=hedges)
            continue
        found.hedges = sorted({*hedges, *found.hedges})
        out[sent.start] = found
        for earlier in pending_quote:  # the quotation closes here: its source is this one
            out[earlier.start] = Attribution(found.source, found.source_start, found.source_end,
                                             found.cue, earlier.start_char,
                                             earlier.end_char,
                                             sentence_hedges(earlier))
        pending_quote = []
    return out


def sentence_hedges(sent) -> list[str]:
    """The hedge words of a sentence: ``HEDGES``, and in another language its lexicon's
    ``hedges`` and a verb in one of its ``hedge_moods`` (French: the conditional of a report
    at second hand, "aurait été tué")."""
    lex = language_data(sent.doc.lang_, "lexicon") if sent.doc.lang_ != "en" else {}
    words = HEDGES | frozenset(lex.get("hedges") or ())
    moods = frozenset(lex.get("hedge_moods") or ())
    return sorted({t.lower_ for t in sent if t.lower_ in words
                   or moods and t.pos_ in ("VERB", "AUX") and set(t.morph.get("Mood")) & moods})


def _still_quoting(text: str, quoting: bool) -> bool:
    """Whether a quotation is still open after ``text``: curly quotes open or close, a
    straight one toggles ("“...”" and "\"...\"" alike)."""
    for ch in text:
        if ch == '"':
            quoting = not quoting
        elif ch in QUOTE_OPEN:
            quoting = True
        elif ch in QUOTE_CLOSE:
            quoting = False
    return quoting


def _reporting_clause(sent, last: dict[str, str]) -> Attribution | None:
    according = frozenset(language_data(sent.doc.lang_, "lexicon").get("according_to") or ()) \
        if sent.doc.lang_ != "en" else frozenset()
    for token in sent:
        lemma = token.lemma_.lower()
        if according and token.lower_ in according:  # "selon X": the preposition heads X
            objs = [c for c in token.children if c.dep_ == "pobj"]
            if objs:
                return _make(sent, token, objs[0], "according to", last)
        if token.lower_ == "according" and token.i + 1 < len(token.doc) \
                and token.nbor(1).lower_ == "to":
            objs = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objs:
                return _make(sent, token, objs[0], "according to", last)
        if token.pos_ == "VERB" and lemma in ACCUSE_VERBS:
            found = _accusation(sent, token, last)
            if found is not None:
                return found
        if token.pos_ not in ("VERB", "AUX") or lemma not in REPORT_VERBS | DENY_VERBS:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        if lemma in DENY_VERBS and any(c.dep_ == "dobj" and c.lower_ in ACCUSATION_NOUNS
                                       for c in token.children):
            attribution = _make(sent, token, subjects[0], token.text, last)
            attribution.denied = True  # "the army denied the accusation"
            return attribution
        # only a clause that reports something: a ccomp, a quote, or a parenthetical "X said"
        reports = any(c.dep_ in ("ccomp", "parataxis") for c in token.children) \
            or token.dep_ in ("parataxis", "ROOT") and token.i > sent.start + 2
        if not reports:
            continue
        attribution = _make(sent, token, subjects[0], token.text, last)
        attribution.denied = lemma in DENY_VERBS
        return attribution
    return None


def _accusation(sent, verb, last: dict[str, str]) -> Attribution | None:
    """"Residents accused soldiers of killing 12 villagers": the accusers' claim, hedged
    (``accusation_hedge``); its content the accused and what they are accused of."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    what = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
    if not subjects or not what:
        return None
    found = _make(sent, verb, subjects[0], verb.text, last)
    doc = sent.doc
    content = doc[verb.i + 1:what[0].right_edge.i + 1]
    found.content_start, found.content_end = content.start_char, content.end_char
    found.hedges = [WORDS["accusation_hedge"]]
    return found


def _make(sent, cue, source_head, cue_text: str, last: dict[str, str]) -> Attribution:
    doc = sent.doc
    first, final = source_head.left_edge.i, source_head.right_edge.i + 1
    if cue_text != "according to" and source_head.i < cue.i:
        final = min(final, cue.i)  # "sources say" -> the subtree may run past the verb
    elif cue_text != "according to":  # "..., said the governor": the source after the verb
        final = next((t.i for t in doc[source_head.i + 1:final] if t.text in ",;("), final)
    words = doc[first:final]
    text = words.text.strip(" ,")
    number = PRONOUNS.get(text.lower())
    if number:
        text = last.get(number, text)
    else:
        last["pl" if source_head.tag_ in ("NNS", "NNPS") else "sg"] = text
    content_start, content_end = _content(sent, cue, first, final)
    return Attribution(text, words.start_char, words.end_char, cue_text,
                       content_start, content_end)


def _content(sent, cue, src_start: int, src_end: int) -> tuple[int, int]:
    """The reported words: the complement clause if there is one, else the sentence minus the
    reporting clause ("..., a senior Tunisian security source said.")."""
    doc = sent.doc
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if comps and cue.i < comps[0].left_edge.i:
        span = doc[comps[0].left_edge.i:comps[0].right_edge.i + 1]
        return span.start_char, span.end_char
    clause_start = min(src_start, cue.i)
    if clause_start > sent.start + 2:
        span = doc[sent.start:clause_start]
    else:
        span = doc[max(cue.i + 1, src_end):sent.end]
    text = span.text
    start = span.start_char + (len(text) - len(text.lstrip(" “\"«,")))
    end = span.start_char + len(text.rstrip(" ,”\"»\n."))
    return start, max(start, end)
