"""A story's wire dateline: where it was filed from, and on which day.

The forms wire services and press offices use (AP and Reuters stylebooks, "datelines"):

* ``MAIDUGURI, Nigeria, March 4 (Reuters) - `` (place, day, agency);
* ``KABUL, Afghanistan (Jan. 25, 2013)`` then a line break or a dash (day in brackets, with or
  without its year);
* ``CAIRO, May 3 (AP) - `` and ``GAZA (Reuters) - `` (day or agency only).

A dateline opens one of the story's first lines (after a headline or a press office's header)
and ends in a dash or the end of its line. Title-case places ("Kabul, Afghanistan (Dec. 9) -")
count only when brackets follow, so a headline is not read as a dateline. The dateline is not
part of the first sentence (``nlp.paragraphs``); its day is the publication day when the article
gives none (``resolve.records``); its place is context for the places the story names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"


def _day(tag: str) -> str:
    return (rf"(?P<{tag}month>{_MONTH})\s+(?P<{tag}day>\d{{1,2}})"
            rf"(?:\s*,\s*(?P<{tag}year>\d{{4}}))?")



_WORD = r"[A-Z][\w.'\u2019/-]*"
DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ -]{_WORD}){{0,3}}(?:,[ \xa0]{_WORD}(?:[ -]{_WORD}){{0,3}}){{0,2}}?)"
    rf"(?:,?[ \xa0]+{_day('a')})?"
    rf"[ \t\xa0]*(?:\((?:{_day('b')}|(?P<agency>[^()\n\u2028\u2029]{{1,60}}))\))?"
    r"[ \t\xa0]*(?:[-\u2013\u2014]{1,2}(?:[ \t\xa0]+|$)|(?=[\n\u2028\u2029])|$)", re.M)
LINE_START = re.compile(r"(?:^|[\n\u2028\u2029])[ \t\xa0]*")
SEARCH_CHARS = 1000  # a dateline opens the story: a press office's header may come first
# "2010-10-CA-127", "Jan. 10, 2011": the header's year, for a dateline that gives none
HEADER_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:-(0[1-9]|1[0-2])-)?")


@dataclass(frozen=True)
class Dateline:
    place: str
    start: int  # characters in the text
    end: int
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None

    def day_of(self, published: date | None = None, header: str = "") -> date | None:
        """The dateline's day: its year as written, else the publication's, else the year of
        a date or dated reference number ("2010-10-CA-127") in the lines above it; ``None``
        when it names no day. A December header over a January dateline is the next year."""
        if self.month is None or self.day is None:
            return None
        year, month_above = self.year, None
        if year is None and published is not None:
            year = published.year - (self.month > published.month + 6)
        if year is None:
            found = list(HEADER_YEAR.finditer(header))
            if found:
                year = int(found[-1][1])
                month_above = int(found[-1][2]) if found[-1][2] else None
                if month_above is not None and self.month + 6 < month_above:
                    year += 1
        try:
            return date(year, self.month, self.day) if year else None
        except ValueError:
            return None


def find_dateline(text: str) -> Dateline | None:
    """The first line start in the story's opening that reads as a dateline."""
    head = text[:SEARCH_CHARS]
    for line in LINE_START.finditer(head):
        m = DATELINE.match(head, line.end())
        if m is None:
            continue
        place = m["place"].strip()
        month = m["amonth"] or m["bmonth"]
        shouted = place.split(",")[0].replace(" ", "").replace("/", "").replace("-", "")
        shouted = shouted.isupper() and len(shouted) >= 3
        bracketed = m["bmonth"] is not None or m["agency"] is not None
        if month is None and m["agency"] is None and not (shouted and m.group().rstrip()[-1:]
                                                          in "-\u2013\u2014"):
            continue  # a bare line ("Sangin/Helmand", a headline): no dateline
        if not shouted and not bracketed:
            continue
        if m["agency"] is not None and not re.search(r"[A-Z]", m["agency"]):
            continue  # "(updated)", "(video)": a headline's note, not an agency
        day = m["aday"] or m["bday"]
        year = m["ayear"] or m["byear"]
        return Dateline(place, m.start(), m.end(), MONTHS.get(month[:3].lower()) if month
                        else None, int(day) if day else None, int(year) if year else None,
                        (m["agency"] or "").strip() or None)
    return None
