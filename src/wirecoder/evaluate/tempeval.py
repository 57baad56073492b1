"""TempEval-3 (TimeBank + AQUAINT, TimeML): time-expression recognition and normalization,
with each document's creation time as the publication date.

Recognition: ``nlp.timexes`` (the NER's DATE/TIME entities, ages dropped, two-time entities
split, deictic "now"/"recently" added) against gold TIMEX3 spans, relaxed (any overlap).
Normalization: our ``When`` rendered as a TimeML value (``1998-01-08``, ``1998-01``,
``1998-W02``, ``1998``, durations ``P3Y``, ``PRESENT_REF`` ...), compared to the gold value on
matched spans; value F1 counts a prediction right only when span and value both match.
Figures are per gold type (DATE, TIME, DURATION, SET).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from calendar import monthrange
from datetime import date
from pathlib import Path

from ..normalize.when import MONTHS, NUMBERS, WEEKDAYS, normalize_when

TYPES = ("DATE", "TIME", "DURATION", "SET")
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
              "century": "CE", "hour": "TH", "minute": "TM", "quarter": "Q"}
SPELLED = sorted((w for w in NUMBERS if w.replace(" ", "").isalpha()), key=len, reverse=True)
DURATION = re.compile(r"^(?:the |a |an |about |nearly |almost |more than |some |over |only |"
                      r"just |at least |up to |less than |no more than |barely |as long as |"
                      r"roughly |around |approximately |another |an additional )*"
                      r"(?:(?:past|last|next|previous|coming|recent|first|final) )?"
                      r"(?:(\d{1,3}|" + "|".join(SPELLED) + r")[- ]?)?(?:more |additional )?"
                      r"(?!quarter$)"  # "the quarter" is the one reported, not three months
                      r"(day|week|month|year|decade|century|hour|minute|quarter)s?(?:[- ]long)?$")
FREQUENCIES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q"}
EVERY = re.compile(r"^(?:every|each) (\w+)$")
PRESENT = re.compile(r"^(now|currently|current|today's|at present|present|these days|nowadays)$")
# "In recent years" and "future quarters" are vague references to the past or future, not
# spans; "recent weeks" and "the past three years" are measured (durations).
PAST = re.compile(r"^(recently|the past|previously|once|formerly|earlier|recent|"
                  r"(?:recent|past) years)$")
FUTURE = re.compile(r"^(the (?:near |distant )?future|soon|in the future|future|eventually|later|"
                    r"the near term|future (?:days|weeks|months|quarters|years))$")


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    dct: date | None
    timexes: list[Timex] = field(default_factory=list)


def read_tml(path: Path) -> Document:
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = date.fromisoformat(t.get("value", "")[:10])
            except ValueError:
                dct = None
    body = root.find("TEXT")
    parts, timexes = [], []

    def walk(node):
        if node.tag == "TIMEX3":
            start = sum(len(p) for p in parts)
            text = "".join(node.itertext())
            parts.append(text)
            timexes.append(Timex(start, start + len(text), node.get("type", ""),
                                 node.get("value", "")))
        else:
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(body)
    return Document(path.name, "".join(parts), dct, timexes)


def read_corpus(folder: str | Path) -> list[Document]:
    return [read_tml(p) for p in sorted(Path(folder).rglob("*.tml"))]


PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
               "tonight": "TNI"}


def same_value(ours: str, gold: str) -> bool:
    """TimeML values compared as values: "2000-W08" and "2000-W8" are the same week."""
    def canon(v):
        return re.sub(r"-W0(\d)\b", r"-W\1", v)
    return canon(ours) == canon(gold)


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def timeml_value(text: str, published: date | None, tense: str = "past",
                 anchor=None) -> tuple[str, str]:
    """(type, value) our normalizer gives a time expression, in TimeML's notation."""
    clean = " ".join(text.lower().replace("-", " ").split())
    if clean in FREQUENCIES:
        return "SET", FREQUENCIES[clean]
    if m := EVERY.match(clean):
        return "SET", _every(m[1])
    if PRESENT.match(clean):
        return "DATE", "PRESENT_REF"
    if PAST.match(clean):
        return "DATE", "PAST_REF"
    if FUTURE.match(clean):
        return "DATE", "FUTURE_REF"
    m = DURATION.match(clean)
    if m and not re.search(r"\b(ago|later|earlier|last week|last month|last year)\b", clean) \
            and not clean.startswith(("last ", "this ", "next ")) or m and " past " in f" {clean} ":
        n = m[1]
        plural = re.search(r"s(?:[- ]long)?$", clean) is not None
        count = "X" if n in ("several", "few") or n is None and plural else (
            "1" if n is None else n if n.isdigit() else str(NUMBERS.get(n, 1)))  # "the year": one
        unit = m[2]
        if unit in ("hour", "minute"):
            return "DURATION", f"PT{count}{UNIT_CODES[unit][1]}"
        if unit == "decade":
            return "DURATION", f"P{count}DE"
        return "DURATION", f"P{count}{UNIT_CODES[unit]}"
    when = _when(text, published, tense, anchor)
    if not when.resolved:
        return "DATE", ""
    s = when.start
    if when.precision == "day":
        part = next((code for word, code in PART_OF_DAY.items()
                     if re.search(rf"\b{word}\b", clean)), None)
        if part and clean not in ("tonight", "last night"):
            return "TIME", f"{s.isoformat()}{part}"
        return "DATE", s.isoformat()
    if when.precision == "month":
        return "DATE", s.isoformat()[:7]
    if when.precision == "year":
        return "DATE", str(s.year)
    if when.precision == "week":
        year, week, _ = s.isocalendar()
        return "DATE", f"{year}-W{week:02d}"
    if "weekend" in clean and s.weekday() == 5:
        year, week, _ = s.isocalendar()
        return "DATE", f"{year}-W{week:02d}-WE"
    if s.day == 1 and s.month % 3 == 1 and (re.search(r"quarter|period", clean) or
                                            when.end == _month_end(s.year, s.month + 2)):
        return "DATE", f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    if "half" in clean and s.day == 1 and s.month in (1, 7):
        return "DATE", f"{s.year}-H{1 if s.month == 1 else 2}"
    if re.search(r"spring|summer|fall|autumn|winter", clean) and s.day == 1 and s.month % 3 == 0:
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[s.month]
        return "DATE", f"{s.year}-{code}"
    if when.note == "century":
        return "DATE", f"{s.year // 100:02d}"  # the 20th century: "19"
    if when.note == "decade" and re.search(r"\b(early|mid|late)\b", clean):
        return "DATE", str(s.year)[:3]  # part of a decade: the corpus writes "197"
    if when.note == "decade" or when.end and (when.end.year - s.year) == 9 and s.year % 10 == 0:
        return "DATE", str(s.year)[:3] + "X"  # a decade, as TempEval-3 writes it: "199X"
    if when.end and s.year == when.end.year:  # "early 1997": within the year
        return "DATE", s.isoformat()[:7] if s.month == when.end.month else str(s.year)
    return "DATE", ""


def _when(text: str, published: date | None, tense: str, anchor):
    """The expression's own date. A past clause cannot place a bare date after publication
    (an event cannot have happened then), but the expression can still name it: "set Nov. 10
    as the deadline" in a Nov. 2 story is the coming Nov. 10, read as a present clause would."""
    when = normalize_when(text, published, tense=tense, anchor=anchor)
    if not when.resolved and tense == "past" and published is not None:
        ahead = normalize_when(text, published, tense="present", anchor=anchor)
        return ahead if ahead.resolved else when
    return when


def _every(word: str) -> str:
    """"every day" P1D, "each July" XXXX-07, "each Thursday" XXXX-WXX-4."""
    if word in UNIT_CODES:
        code = UNIT_CODES[word]
        return f"PT1{code[1]}" if code.startswith("T") else f"P1{code}"
    if word in MONTHS:
        return f"XXXX-{MONTHS[word]:02d}"
    if word in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[word] + 1}"
    return ""


# "Net rose to $5 million from $4 million a year ago": in a report on a quarter (or half),
# the comparison is with the same period a year before, not with the whole of last year;
# unless the sentence names its own span ("for the nine months, ... a year earlier"). "The
# 1988 period" is the same period in 1988. The period reported is the latest one mentioned
# that had ended by publication (a quarter under way or to come is a forecast).
YEAR_BACK = re.compile(r"^(?:the )?(?:comparable |same )?(?:a |one )?year[- ](?:ago|earlier)"
                       r"(?: (?:period|quarter|results))?$")
YEAR_PERIOD = re.compile(r"^(?:the )?(\d{4}) (?:period|quarter)$")


def _predictions(spans, dct, tense_of) -> list[tuple[int, int, str]]:
    """(start, end, TimeML value) per expression. "A year earlier" is read against the
    sentence's previous resolved expression, as the pipeline reads it against the previous
    event's date; in a report on a quarter, against that quarter (``YEAR_BACK``)."""
    out, anchor, sentence, period, own_span = [], None, None, None, False
    for e in spans:
        if e.sent.start != sentence:
            anchor, sentence, own_span = None, e.sent.start, False
        tense = tense_of(e)
        clean = " ".join(e.text.lower().split())
        if period is not None and (YEAR_BACK.match(clean) and not own_span or
                                   YEAR_PERIOD.match(clean)):
            m = YEAR_PERIOD.match(clean)
            years = period.start.year - int(m[1]) if m else 1
            out.append((e.start_char, e.end_char, _period_value(period, years)))
            continue
        kind, value = timeml_value(e.text, dct, tense, anchor=anchor)
        out.append((e.start_char, e.end_char, value))
        own_span = own_span or kind == "DURATION" or clean.endswith("months")
        when = _when(e.text, dct, tense, anchor)
        anchor = when if when.resolved else anchor
        if when.resolved and when.note in ("quarter", "half") and dct and when.end < dct and \
                (period is None or when.start >= period.start) and not YEAR_PERIOD.match(clean):
            period = when
    return out


def _period_value(period, years: int) -> str:
    """The TimeML value of a quarter or half ``years`` before ``period``."""
    start = period.start.replace(year=period.start.year - years)
    if period.note == "half":
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def evaluate(docs: list[Document], nlp) -> dict:
    """Per gold type: recognition P/R/F1 (relaxed) and value accuracy/F1 on matched spans.
    Each expression is normalized with its clause's tense (``nlp.tense``)."""
    from ..nlp.tense import tense_of
    from ..nlp.timexes import time_expressions

    stats = {t: {"gold": 0, "found": 0, "value_ok": 0} for t in TYPES}
    predicted = predicted_ok = 0
    for doc_, spacy_doc in zip(docs, nlp.pipe(d.text for d in docs)):
        preds = _predictions(time_expressions(spacy_doc), doc_.dct, tense_of)
        predicted += len(preds)
        for gold in doc_.timexes:
            if gold.type not in stats:
                continue
            s = stats[gold.type]
            s["gold"] += 1
            hit = next((p for p in preds if p[0] < gold.end and gold.start < p[1]), None)
            if hit is None:
                continue
            s["found"] += 1
            if same_value(hit[2], gold.value):
                s["value_ok"] += 1
        for p in preds:
            if any(p[0] < g.end and g.start < p[1] for g in doc_.timexes):
                predicted_ok += 1
    out = {"documents": len(docs), "predicted": predicted,
           "precision": predicted_ok / predicted if predicted else 0.0, "types": {}}
    for t, s in stats.items():
        recall = s["found"] / s["gold"] if s["gold"] else 0.0
        value_recall = s["value_ok"] / s["gold"] if s["gold"] else 0.0
        out["types"][t] = {**s, "recall": recall, "value_accuracy":
                           s["value_ok"] / s["found"] if s["found"] else 0.0,
                           "value_recall": value_recall}
    return out


def render(result: dict) -> list[str]:
    p = result["precision"]
    lines = [f"{result['documents']} documents; {result['predicted']} DATE/TIME entities "
             f"predicted, precision (relaxed, any gold type) {p:.3f}"]
    for t, s in result["types"].items():
        r = s["recall"]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        vr = s["value_recall"]
        vp = p * s["value_accuracy"]
        vf1 = 2 * vp * vr / (vp + vr) if vp + vr else 0.0
        lines.append(f"  {t:9} gold {s['gold']:5}  recognition R {r:.3f} F1 {f1:.3f}  "
                     f"value accuracy (matched) {s['value_accuracy']:.3f}  value F1 {vf1:.3f}")
    return lines
