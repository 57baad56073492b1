"""A long synthetic conflict-news digest, for measuring how cost grows with document length.

Paragraphs come from a few templates filled with invented towns, invented commanders, dates
and tolls drawn from a seeded random generator, so the same ``(kilobytes, seed)`` always gives
the same text. Nothing is copied from real articles. Used by ``bench_long.py`` and by
``tests/test_long_documents.py``.
"""

from __future__ import annotations

import random

_SYLLABLES = ["ka", "lo", "mbe", "ra", "tu", "si", "ndo", "ga", "wa", "ri", "be", "zo",
              "mo", "ha", "ku", "de", "la", "no", "fi", "ye"]
_COUNTRIES = ["Nigeria", "Mali", "Burkina Faso", "Niger", "Somalia", "Cameroon", "Chad",
              "Mozambique", "Sudan", "Congo"]
_REGIONS = ["northern", "southern", "eastern", "western", "central"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_ATTACKERS = ["Gunmen", "Suspected militants", "Armed men on motorcycles", "Insurgents",
              "Fighters of a local militia", "Unidentified attackers"]
_OFFICIALS = ["a local official", "the regional governor", "a police spokesman",
              "an army spokesman", "a hospital director", "residents"]

_TEMPLATES = [
    "{attackers} killed {n} people in {town}, a village in {region} {country}, on {day}, "
    "{official} said. The attackers also burned {m} houses before fleeing into the bush.",
    "At least {n} soldiers were killed when their convoy hit a roadside bomb near {town} "
    "in {region} {country} on {date}, the army said in a statement on {day}.",
    "Security forces said they killed {n} militants and arrested {m} others in an operation "
    "near {town} on {day}. Commander {person} said the raid followed an attack on a market.",
    "Police in {town} fired tear gas at hundreds of protesters on {day} who were demanding "
    "the release of {person}, a local trader detained last week, {official} said.",
    "A suicide bomber blew himself up at a mosque in {town}, {country}, on {date}, killing "
    "{n} worshippers and wounding {m}, according to {official}.",
    "Troops clashed with fighters loyal to {person} outside {town} on {day}, leaving {n} "
    "dead on both sides, {official} told reporters. Fighting continued into the night.",
    "{attackers} abducted {n} students from a school in {town}, in {region} {country}, late "
    "on {day}, {official} said, adding that {m} had later escaped.",
    "An air strike on a camp near {town} killed {n} members of an armed group on {date}, "
    "the defence ministry of {country} said. It did not say who led the group.",
]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def paragraph(rng: random.Random) -> str:
    template = rng.choice(_TEMPLATES)
    return template.format(
        attackers=rng.choice(_ATTACKERS), official=rng.choice(_OFFICIALS),
        town=_name(rng, rng.choice((2, 3))), region=rng.choice(_REGIONS),
        country=rng.choice(_COUNTRIES), day=rng.choice(_DAYS),
        date=f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}",
        person=f"{_name(rng, 2)} {_name(rng, 3)}",
        n=rng.choice((3, 4, 5, 7, 9, 12, 15, 18, 23, 31, 40)), m=rng.randint(2, 30))


def digest(kilobytes: float, seed: int = 7) -> str:
    """About ``kilobytes`` x 1,000 characters of paragraphs separated by blank lines."""
    rng = random.Random(seed)
    target = int(kilobytes * 1000)
    out: list[str] = []
    size = 0
    while size < target:
        text = paragraph(rng)
        out.append(text)
        size += len(text) + 2
    return "\n\n".join(out)
