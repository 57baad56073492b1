"""The actor gazetteer: armed groups and public figures under every name, from ``actors.yaml``
plus any user files (``wirecoder ingest --gazetteer my.yaml``), same format.

Names and aliases match case-insensitively; acronyms case-sensitively ("IS" the group, never
"is" the verb). ``variants`` adds the spellings the press alternates between (al Qaeda /
al-Qaida, with or without "the"), so the YAML lists each name once. State forces, government,
civilians and protesters are generated per country (``countries.py``), not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import UsageError
from ..model import ACTOR_TYPES
from .countries import (FORCE_NOUNS, STATE_ROLES, Country, countries,  # noqa: F401 (re-export)
                        country_by_word, state_actor)


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


class ActorGazetteer:
    def __init__(self, entries: dict[str, ActorEntry]):
        self.entries = entries
        self._names: dict[str, str] = {}
        self._acronyms: dict[str, str] = {}
        for entry in entries.values():
            for name in self.variants(entry):
                self._names.setdefault(_key(name), entry.id)
            for acronym in entry.acronyms:
                self._acronyms.setdefault(acronym, entry.id)

    def branches(self, parent_id: str) -> list[ActorEntry]:
        """Regional branches of a parent, with the countries they operate in."""
        return [e for e in self.entries.values()
                if ("branch_of", parent_id) in e.ties and e.area]

    def lookup(self, surface: str) -> ActorEntry | None:
        surface = re.sub(r"['\u2019]s$", "", " ".join(surface.split()))
        found = self._acronyms.get(surface) or self._names.get(_key(surface))
        return self.entries[found] if found else None

    def variants(self, entry: ActorEntry) -> list[str]:
        """Name-like forms for matching: long name, aliases, and press spelling variants."""
        base = [_long_name(entry.name), *entry.aliases]
        out: dict[str, str] = {}
        for name in base:
            for form in _spellings(name):
                out.setdefault(form.casefold(), form)
        return list(out.values())


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


def _entries_from(data, origin: str, strict: bool) -> list[ActorEntry]:
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
            tuple(map(str, item.get("area") or ()))))
    return out


@lru_cache(maxsize=8)
def load_actor_gazetteer(extra: tuple[str, ...] = ()) -> ActorGazetteer:
    text = resources.files("wirecoder.resources").joinpath("actors.yaml").read_text("utf-8")
    entries = {e.id: e for e in _entries_from(yaml.safe_load(text), "actors.yaml", True)}
    for path in extra:
        p = Path(path)
        if not p.is_file():
            raise UsageError(f"gazetteer file not found: {path}")
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: not valid YAML ({exc.__class__.__name__}: {exc})") from None
        for entry in _entries_from(data, path, False):
            entries[entry.id] = entry  # a user's entry overrides the shipped one
    return ActorGazetteer(entries)
