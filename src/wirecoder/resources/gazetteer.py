"""The actor gazetteer: armed groups and public figures under every name, from the curated
``actors.yaml``, the generated ``actors_ucdp.yaml`` (UCDP Actor Dataset v22.1, Uppsala Conflict
Data Program, CC BY 4.0; ``make gazetteer``) merged into it (an entry with a curated id adds
its names, the curated fields win), plus any user files (``wirecoder ingest --gazetteer
my.yaml``), same format.

One name may belong to several actors in different countries ("National Liberation Front":
Algeria, Vietnam, Burundi...): ``candidates`` returns them all and ``choose`` picks by the
article's countries; they are never merged. Names compare folded (``names.fold``: case,
apostrophes, hyphens, transliterations, doubled letters).

Names and aliases match case-insensitively; acronyms case-sensitively ("IS" the group, never
"is" the verb). ``variants`` adds the spellings the press alternates between (al Qaeda /
al-Qaida, with or without "the"), so the YAML lists each name once. State forces, government,
civilians and protesters are generated per country (``countries.py``), not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from . import load_yaml

from ..errors import UsageError
from ..model import ACTOR_TYPES
from .countries import (FORCE_NOUNS, STATE_ROLES, Country, countries,  # noqa: F401 (re-export)
                        country_by_word, state_actor)
from .names import fold, stems


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str  # ACLED-style canonical name, e.g. "AQIM: Al Qaeda in the Islamic Maghreb"
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    ties: tuple[tuple[str, str], ...] = ()  # (predicate, object id)
    area: tuple[str, ...] = ()  # a regional branch's countries (ISO2)
    countries: tuple[str, ...] = ()  # every country it fights in (UCDP), ``country`` first
    acled: str | None = None  # ACLED actor type: rebel group, political militia, identity militia
    ucdp: int | None = None  # UCDP ActorId
    match: bool | str = True  # False: a country word, never matched; "members": a people's
    # name, matched only before a member noun ("Dinka militiamen"), as stems are
    curated: bool = True

    @property
    def scope(self) -> tuple[str, ...]:
        return self.countries or ((self.country,) if self.country else ())


class ActorGazetteer:
    def __init__(self, entries: dict[str, ActorEntry]):
        self.entries = entries
        self.names: dict[str, list[str]] = {}  # folded name -> ids
        self.acronyms: dict[str, list[str]] = {}  # acronym as written (and dotted) -> ids
        self.stems: dict[str, list[str]] = {}  # folded name without its suffix -> ids
        own: dict[str, list[str]] = {}  # stems that are an actor's own (people's) name
        for entry in entries.values():
            if not entry.match:
                continue
            for name in self.variants(entry):
                if entry.match == "members" or not entry.curated and _ordinary_word(name):
                    _add(own, fold(name), entry.id)
                    continue
                _add(self.names, fold(name), entry.id)
                for stem in stems(name, lambda t: country_by_word(t) is not None):
                    _add(self.stems, fold(stem), entry.id)
            for acronym in entry.acronyms:
                _add(self.acronyms, acronym, entry.id)
                if "." not in acronym and acronym.isalpha() and acronym.isupper():
                    _add(self.acronyms, ".".join(acronym) + ".", entry.id)
        # "Dogon fighters": a people's own name before a member noun is that people's militia
        # (UCDP's identity group), not an actor whose longer name merely starts with it
        # ("Dogon militia"); both kinds compete only where no actor owns the name
        for key, ids in own.items():
            self.stems[key] = list(ids)
        for key in [k for k in self.stems if k in self.names]:
            del self.stems[key]  # a stem that is some actor's full name is that actor

    def branches(self, parent_id: str) -> list[ActorEntry]:
        """Regional branches of a parent, with the countries they operate in."""
        return [e for e in self.entries.values()
                if ("branch_of", parent_id) in e.ties and e.area]

    def candidates(self, surface: str) -> list[ActorEntry]:
        """Every actor a name (or acronym, or stem) may be, curated ones first."""
        surface = re.sub(r"['\u2019]s$", "", " ".join(surface.split()))
        key = fold(surface)
        ids = self.acronyms.get(surface) or self.names.get(key) or self.stems.get(key) \
            or (self.names.get(key[:-1]) if key.endswith("s") else None) or []
        return [self.entries[i] for i in ids]

    def choose(self, found: list[ActorEntry], countries=None) -> ActorEntry | None:
        """Of several same-named actors, the one whose countries the article names most
        (``countries``: ISO2 -> times named); then a curated one; then UCDP's first."""
        if not found:
            return None
        counts = countries or {}
        return min(found, key=lambda e: (-max((counts.get(c, 0) for c in e.scope), default=0),
                                         not e.curated, e.ucdp or 0, e.id))

    def lookup(self, surface: str, countries=None) -> ActorEntry | None:
        return self.choose(self.candidates(surface), countries)

    def variants(self, entry: ActorEntry) -> list[str]:
        """Name-like forms for matching: long name, aliases, and press spelling variants."""
        base = [_long_name(entry.name), *entry.aliases]
        if ": " in entry.name and not entry.acronyms:
            base.append(entry.name.split(": ", 1)[0])
        out: dict[str, str] = {}
        for name in base:
            for form in _spellings(name):
                out.setdefault(form.casefold(), form)
        return list(out.values())


def _ordinary_word(name: str) -> bool:
    """A generated actor's one-word name that is an ordinary word first ("Christians")."""
    if " " in name or "-" in name or name.isupper():
        return False
    return name.endswith("s") or fold(name) in _not_alone()


@lru_cache(maxsize=1)
def _not_alone() -> frozenset:
    from .names import forms

    return frozenset(fold(w) for w in [*forms()["not_alone"], *forms()["generic"]])


def _add(table: dict[str, list[str]], key: str, entry_id: str) -> None:
    if key and entry_id not in table.setdefault(key, []):
        table[key].append(entry_id)


def _long_name(name: str) -> str:
    """"AQIM: Al Qaeda in the Islamic Maghreb" -> "Al Qaeda in the Islamic Maghreb"."""
    return name.split(": ", 1)[1] if ": " in name else name


_QAEDA = re.compile(r"\bal[- ]qa['\u2019]?[ei]?da\b", re.I)


def _spellings(name: str) -> list[str]:
    forms = {name}
    if _QAEDA.search(name):
        for q in ("al Qaeda", "al-Qaeda", "al Qaida", "al-Qaida", "Al Qaeda", "al-Qa'ida"):
            forms.add(_QAEDA.sub(q, name))
    for form in list(forms):
        forms.add(form.replace("-", " "))
        if re.search(r"\b[Aa]l ", form):
            forms.add(re.sub(r"\b([Aa]l) ", r"\1-", form))
        if form.lower().startswith("the "):
            forms.add(form[4:])
    return sorted(forms)


def _key(name: str) -> str:
    name = name.replace("\u2019", "'").casefold()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[\s\-]+", " ", name).strip()


def _entries_from(data, origin: str, strict: bool, curated: bool = True) -> list[ActorEntry]:
    if not isinstance(data, list):
        raise UsageError(f"{origin}: expected a list of actor entries, got {type(data).__name__}")
    out = []
    for i, item in enumerate(data, 1):
        where = f"{origin}: entry {i}"
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            raise UsageError(f"{where}: each entry needs at least 'id' and 'name'")
        if item.get("type", "armed group") not in ACTOR_TYPES:
            raise UsageError(f"{where} ({item['id']}): type {item.get('type')!r} is not one of "
                             f"{', '.join(ACTOR_TYPES)}")
        ties = []
        for tie in item.get("ties") or []:
            if not isinstance(tie, dict) or not {"predicate", "object"} <= set(tie):
                raise UsageError(f"{where} ({item['id']}): ties need 'predicate' and 'object'")
            ties.append((tie["predicate"], tie["object"]))
        out.append(ActorEntry(
            str(item["id"]), str(item["name"]), item.get("type", "armed group"),
            item.get("country"), tuple(map(str, item.get("aliases") or ())),
            tuple(map(str, item.get("acronyms") or ())), tuple(ties),
            tuple(map(str, item.get("area") or ())),
            tuple(map(str, item.get("countries") or ())), item.get("acled"),
            item.get("ucdp"), item.get("match", True), curated))
    return out


def _merge(curated: ActorEntry, generated: ActorEntry) -> ActorEntry:
    """A curated entry with what UCDP adds: names, acronyms, ties, countries, ids. UCDP's
    one-word names that are ordinary words first ("Union") stay out, as for its own entries:
    merged into a curated entry they would match every trade union and bank."""
    def union(a, b):
        return tuple(dict.fromkeys([*a, *b]))
    countries = union(curated.scope, generated.scope) if curated.country else ()
    added = [n for n in (generated.name.split(": ", 1)[-1], *generated.aliases)
             if not _ordinary_word(n)]
    return replace(curated, aliases=union(curated.aliases, added),
                   acronyms=union(curated.acronyms, generated.acronyms),
                   ties=union(curated.ties, generated.ties), countries=countries,
                   acled=curated.acled or generated.acled, ucdp=curated.ucdp or generated.ucdp)


def _read(name: str):
    return load_yaml(resources.files("wirecoder.resources").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=8)
def load_actor_gazetteer(extra: tuple[str, ...] = ()) -> ActorGazetteer:
    entries = {e.id: e for e in _entries_from(_read("actors.yaml"), "actors.yaml", True)}
    for entry in _entries_from(_read("actors_ucdp.yaml"), "actors_ucdp.yaml", True, False):
        entries[entry.id] = _merge(entries[entry.id], entry) if entry.id in entries else entry
    for path in extra:
        p = Path(path)
        if not p.is_file():
            raise UsageError(f"gazetteer file not found: {path}")
        try:
            data = load_yaml(p.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: not valid YAML ({exc.__class__.__name__}: {exc})") from None
        for entry in _entries_from(data, path, False):
            entries[entry.id] = entry  # a user's entry overrides the shipped one
    return ActorGazetteer(entries)
