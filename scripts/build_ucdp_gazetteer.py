"""Build ``src/wirecoder/resources/actors_ucdp.yaml`` from the UCDP Actor Dataset.

    python scripts/build_ucdp_gazetteer.py ../shared/data/ucdp-actors/ucdp-actor-221.csv

(``make gazetteer``). Source: UCDP Actor Dataset v22.1, Uppsala Conflict Data Program
(CC BY 4.0). The output is committed, so nothing reads the CSV at run time.

Per non-state actor (UCDP ``Org`` 1, 2, 3; governments, ``Org`` 4, are the state actors
``resources/countries.py`` generates for every country): the short name (``NameData``),
original and English full names, the new name after a change, acronyms (those the names give,
else the initials of the English full name, three letters or more), the ACLED actor type (below),
the countries (``GWNOLoc``, Gleditsch-Ward codes, read through ``Location``), and ties:
``splinter_of`` (``NamePrev`` when ``Splinter``), ``ally_of`` (``NameAlliance``).

ACLED actor type (ACLED codebook 2023, "Actor types"): ``Org`` 1 (a formally organised group)
is a rebel group, ``Org`` 2 (supporters of a party or leader) a political militia, ``Org`` 3
(an informally organised group of shared identity: ethnic, clan, religious) an identity militia;
a name that says which (clan, tribe, militia, supporters of) decides before the code.

An actor already in the curated ``actors.yaml`` (a name, alias or acronym in common, and a
compatible country) keeps the curated id: the loader merges the two, the curated fields winning.
Names that are only a country word or demonym ("Armenian") are kept as names but marked
``match: false`` so that the ruler never tags every demonym as a group, and so are names of
generic words only ("Special Force": ``name_forms.yaml`` ``generic_name_words``), which are
never kept as aliases; an identity group
named by one word ("Dinka") is marked ``match: members``: only "Dinka militiamen" is it.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.model import slug  # noqa: E402
from wirecoder.resources.countries import country_by_word  # noqa: E402
from wirecoder.resources.names import fold, forms  # noqa: E402

OUT = ROOT / "src" / "wirecoder" / "resources" / "actors_ucdp.yaml"
CURATED = ROOT / "src" / "wirecoder" / "resources" / "actors.yaml"
# Gleditsch-Ward codes whose UCDP location name no country table knows (states that no longer
# exist are coded as their successor's territory)
GW_FIX = {"346": "BA", "680": "YE", "751": "IN", "816": "VN", "817": "VN", "265": "DE",
          "260": "DE", "678": "YE", "315": "CZ"}
ACLED_BY_ORG = {"1": "rebel group", "2": "political militia", "3": "identity militia"}
IDENTITY_WORDS = re.compile(r"\b(clan|subclan|sub-clan|tribe|tribal|ethnic|community)\b", re.I)
POLITICAL_WORDS = re.compile(r"\b(supporters of|militia|forces of)\b", re.I)
GENERIC_WORDS = frozenset(forms()["generic_name_words"])
MINOR_WORDS = frozenset("of the and for in de la du des le les et y del al el to on".split())


def _clean(value: str) -> str:
    value = " ".join((value or "").split())
    return "" if value.lower() in ("n/a", "na", "none", "-") else value


def is_acronym(name: str) -> bool:
    """"MNLF", "MQM-H", "MNLF - HM", "CPI-M": capitals (two or more), digits and joiners."""
    letters = [c for c in name if c.isalpha()]
    return (bool(re.fullmatch(r"[A-Z0-9][A-Za-z0-9.&/' -]*", name)) and len(letters) >= 2
            and sum(c.isupper() for c in letters) >= max(2, len(letters) * 0.6)
            and not any(w.istitle() and len(w) > 3 for w in name.split()))


def initials(name: str) -> str:
    """"Moro National Liberation Front" -> "MNLF" (minor words skipped)."""
    words = [w for w in re.split(r"[\s\-]+", re.sub(r"\(.*?\)", "", name)) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in MINOR_WORDS and w[0].isalpha())


def countries_of(row: dict) -> list[str]:
    codes = [c.strip() for c in row["GWNOLoc"].split(",") if c.strip()]
    names = [n.strip() for n in re.split(r",\s*(?!FYR)", row["Location"])]
    out = []
    for i, code in enumerate(codes):
        iso = GW_FIX.get(code)
        if iso is None and len(names) == len(codes):
            country = country_by_word(re.sub(r"\s*\(.*\)", "", names[i]))
            iso = country.iso2 if country else None
        if iso and iso not in out:
            out.append(iso)
    return out


def acled_type(row: dict, names: list[str]) -> str:
    text = " ".join(names)
    if IDENTITY_WORDS.search(text):
        return "identity militia"
    if POLITICAL_WORDS.search(text):
        return "political militia"
    return ACLED_BY_ORG.get(row["Org"], "rebel group")


def generic(name: str) -> bool:
    """A name of generic words only ("Special Force", "Military faction": ``name_forms.yaml``
    ``generic_name_words``): a description, not a name the ruler may match."""
    words = [w for w in re.findall(r"[\w'’-]+", name.lower()) if w not in MINOR_WORDS]
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def names_of(row: dict) -> tuple[list[str], list[str]]:
    """(names, acronyms) of one row, the short name first."""
    raw = [_clean(row[k]) for k in ("NameData", "NameOrig", "NameOrigFullEng", "NameOrigFull",
                                    "NewName", "NewNameFullEng", "NewNameFullMotherTongue")]
    listed = [p.strip() for p in raw[0].split(",")] if "," in raw[0] else []
    listed_new = [p.strip() for p in raw[4].split(",")] if "," in raw[4] else []
    names, acronyms = [], []
    for i, value in enumerate(raw):
        if not value:
            continue
        parts = [p.strip() for p in value.split(",") if p.strip()]
        # "KADEK, KONGRA-GEL, PKK" and its full names, as lists of the same length
        if len(parts) > 1 and (all(is_acronym(p) for p in parts)
                               or len(parts) in (len(listed), len(listed_new))):
            values = parts
        else:
            values = [value]
        for value in values:
            forms_ = [value]
            bare = re.sub(r"\s*\([^)]*\)", "", value).strip()
            if bare and bare != value:
                forms_.append(bare)
            for form in forms_:
                target = acronyms if is_acronym(form) else names
                if form not in target:
                    target.append(form)
    long_names = [n for n in names if len(n.split()) >= 3]
    if not acronyms and long_names:
        derived = initials(long_names[0])
        if len(derived) >= 3:
            acronyms.append(derived)
    acronyms = [a for a in acronyms if a not in forms()["acronym_stop"] and len(a.replace(".", "")) >= 2]
    return names, acronyms


def curated_index(curated: list[dict]) -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for item in curated:
        name = item["name"].split(": ", 1)[-1]
        for form in [name, *(item.get("aliases") or [])]:
            index.setdefault("n:" + fold(form), []).append(item)
        for acronym in item.get("acronyms") or []:
            index.setdefault("a:" + acronym, []).append(item)
    return index


def curated_match(names, acronyms, countries, index, claimed) -> str | None:
    for key in [*("n:" + fold(n) for n in names), *("a:" + a for a in acronyms)]:
        for item in index.get(key, []):
            if item.get("type") in ("person",) or item["id"] in claimed:
                continue
            if item.get("country") and countries and item["country"] not in countries:
                continue
            return item["id"]
    return None


def build(csv_path: Path) -> list[dict]:
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Org"] in ACLED_BY_ORG]
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    index = curated_index(curated)
    ids: dict[str, str] = {}  # UCDP ActorId -> our id
    taken = {item["id"] for item in curated}
    prepared, claimed = [], set()
    # a curated actor is claimed by one UCDP actor: first by short names and acronyms, then
    # by any name ("Islamic State" is also a translation of Indonesia's Darul Islam)
    for primary in (True, False):
        for row in rows:
            if row["ActorId"] in ids:
                continue
            names, acronyms = names_of(row)
            shorts = [n for n in names if n in (row["NameData"].strip(), row["NewName"].strip())]
            our = curated_match(shorts if primary else names, acronyms, countries_of(row),
                                index, claimed)
            if our is not None:
                ids[row["ActorId"]] = our
                claimed.add(our)
    for row in rows:
        names, acronyms = names_of(row)
        countries = countries_of(row)
        our = ids.get(row["ActorId"])
        if our is None:
            base = slug(names[0] if names and (not acronyms or len(names[0]) < 40)
                        else (acronyms or names)[0]) or f"ucdp-{row['ActorId']}"
            our = base
            if our in taken:
                our = f"{base}-{countries[0].lower()}" if countries else base
            if our in taken:
                our = f"{base}-ucdp{row['ActorId']}"
            taken.add(our)
        ids[row["ActorId"]] = our
        prepared.append((row, names, acronyms, countries, our))
    spread: dict[str, set[str]] = {}  # folded name or acronym -> countries of UCDP's bearers
    for row, names, acronyms, countries, our in prepared:
        for key in [*("n:" + fold(n) for n in names), *("a:" + a for a in acronyms)]:
            spread.setdefault(key, set()).update(countries[:1])
    out, used = [], {}
    for row, names, acronyms, countries, our in prepared:
        # a name a *different* curated actor carries stays that actor's ("CMA", the coalition
        # UCDP lists as MNLA's new name) -- unless the curated actor is in none of this one's
        # countries and UCDP gives the name to groups of several countries, or only folding
        # joins the two names: then it is several actors, chosen by the article's countries
        # ("National Liberation Army": Colombia, Costa Rica, Bolivia, Peru...; Pakistan's
        # "Ansaar ul-Islam" beside the Sahel's "Ansarul Islam"; issue 19, item 2)
        names = [n for n in names if all(
            i["id"] == our or _shared_abroad(spread, "n:" + fold(n), i, countries, n)
            for i in index.get("n:" + fold(n), []))]
        acronyms = [a for a in acronyms if all(
            i["id"] == our or _shared_abroad(spread, "a:" + a, i, countries)
            for i in index.get("a:" + a, []))]
        # one name in one country is one actor: a later UCDP entry that repeats an earlier
        # one's name there (a group listed again after a split) leaves the name to the first
        names = [n for n in names if not _repeats(used, "n:" + fold(n), countries, our)]
        acronyms = [a for a in acronyms if not _repeats(used, "a:" + a, countries, our)]
        if not names and not acronyms:
            continue
        short = next((v for v in (_clean(row["NewName"]), _clean(row["NameData"]))
                      if v and (v in names or v in acronyms or "," in v)), None) \
            or (acronyms or names)[0]
        if "," in short and all(is_acronym(p.strip()) for p in short.split(",")):
            short = short.split(",")[-1].strip()  # "KADEK, KONGRA-GEL, PKK": the latest
        english = next((v for v in (_clean(row["NewNameFullEng"]), _clean(row["NameOrigFullEng"]))
                        if v in names), None)
        if is_acronym(short) and english and not is_acronym(english):
            name = f"{short}: {english}"  # ACLED's form: "MNLF: Moro National Liberation Front"
        else:
            name = short or english or (names or acronyms)[0]
        entry = {"id": our, "name": name, "type": "armed group",
                 "acled": acled_type(row, names), "ucdp": int(row["ActorId"])}
        if countries:
            entry["country"] = countries[0]
            if len(countries) > 1:
                entry["countries"] = countries
        aliases = [n for n in names if n != name and n != name.split(": ", 1)[-1]
                   and not generic(n)]
        if aliases:
            entry["aliases"] = aliases
        if acronyms:
            entry["acronyms"] = acronyms
        ties = []
        if row["Splinter"] == "1":
            for prev in row["ActorIdPrev"].split(","):
                target = ids.get(prev.strip())
                if target and target != our:
                    ties.append({"predicate": "splinter_of", "object": target})
        if row["Alliance"] == "1":
            for ally in row["ActorIdAlliance"].split(","):
                target = ids.get(ally.strip())
                if target and target != our:
                    ties.append({"predicate": "ally_of", "object": target})
        if ties:
            entry["ties"] = ties
        if names and all(country_by_word(n) is not None or generic(n) for n in names):
            entry["match"] = False
        elif row["Org"] == "3" and not acronyms and all(len(n.split()) == 1 for n in names):
            entry["match"] = "members"  # "Fulani" is a people; "Fulani militiamen" the group
        out.append(entry)
    return out


def _shared_abroad(spread: dict, key: str, item: dict, countries: list[str],
                   name: str | None = None) -> bool:
    """The curated actor ``item`` is placed in none of ``countries`` (the UCDP actor's), and
    either UCDP itself gives the name ``key`` to groups of two countries or more, or the name
    as written (``name``, ``_literal``) is none of the curated actor's: only folding (doubled
    letters, transliterations) joins the two ("Ansaar ul-Islam" of Pakistan, "Ansarul Islam" of the Sahel).
    A name written alike in one country's UCDP entry and another's curated one ("Hamas",
    "Lashkar-e-Taiba") is one group that the two sources place differently."""
    scope = set(item.get("countries") or ()) | ({item["country"]} if item.get("country") else set())
    if not scope or not countries or scope & set(countries):
        return False
    if len(spread.get(key, ())) >= 2:
        return True
    return name is not None and _literal(name) not in {
        _literal(n) for n in [item["name"].split(": ", 1)[-1], *(item.get("aliases") or ())]}


def _literal(name: str) -> str:
    """A name's letters as written, but for case, accents, apostrophes, hyphens and a leading
    "the" (no transliteration table, no doubled letters: those are ``fold``'s)."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    name = re.sub(r"['\u2019]", "", name)
    return re.sub(r"^the\s+", "", " ".join(re.split(r"[\s\-]+", name)).strip())


def _repeats(used: dict, key: str, countries: list[str], our: str) -> bool:
    for other, scope in used.get(key, []):
        if other != our and set(scope) & set(countries):
            return True
    used.setdefault(key, []).append((our, countries))
    return False


HEADER = """\
# GENERATED by scripts/build_ucdp_gazetteer.py (make gazetteer): do not edit by hand.
# Source: UCDP Actor Dataset v22.1, Uppsala Conflict Data Program (CC BY 4.0),
# https://ucdp.uu.se/downloads/ . Non-state actors only (governments are generated per country).
# Fields as in actors.yaml, plus: acled (ACLED actor type), ucdp (UCDP ActorId), countries
# (every country UCDP places the actor in), match: false (a name that is only a country word: never matched),
# match: members (a people's name, matched only before a member noun: "Dinka militiamen").
# Entries whose id is a curated one are merged into it by the loader (curated fields win).
"""


def dump(entries: list[dict]) -> str:
    lines = [HEADER]
    for entry in entries:
        lines.append("- " + yaml.safe_dump(entry, default_flow_style=True, sort_keys=False,
                                           allow_unicode=True, width=10_000).strip())
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    entries = build(Path(argv[1]))
    OUT.write_text(dump(entries), encoding="utf-8")
    print(f"wrote {len(entries)} actors to {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
