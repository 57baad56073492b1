"""Which divisions hold which: a province inside its region ("Yagha" inside Burkina Faso's
"Sahel" region, "Madrid" province inside the Community of Madrid), from the parents ISO 3166-2
gives its subdivisions (the ``pycountry`` package, already a dependency: ISO 3166-2 via the
Debian iso-codes project).

Stores name a place's division by name (``Place.admin1``); two different names are two
divisions, a contradiction between two reports, unless one holds the other. Countries whose
place tables file two levels side by side (Burkina Faso's regions and provinces, Spain's
communities and provinces, Morocco's regions and provinces) need this to let "in the Sahel
region" and "in Yagha province" agree.
"""

from __future__ import annotations

from functools import lru_cache

from .geo_index import norm

DIVISION_WORDS = frozenset("province region state governorate department district".split())


def _key(name: str) -> str:
    words = norm(name).split()
    return " ".join(w for w in words if w not in DIVISION_WORDS) or norm(name)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    """({(ISO2, folded name): [ISO 3166-2 code, ...]}, {code: parent code})."""
    import pycountry

    codes: dict[tuple[str, str], list[str]] = {}
    parents: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        codes.setdefault((sub.country_code, _key(sub.name)), []).append(sub.code)
        if sub.parent_code:
            parent = sub.parent_code if "-" in sub.parent_code \
                else f"{sub.country_code}-{sub.parent_code}"
            parents[sub.code] = parent
    return codes, parents


def within(inner: str, outer: str, iso2: str | None) -> bool:
    """Whether the division named ``inner`` lies inside the one named ``outer`` in the
    country ``iso2`` (ISO 3166-1 alpha-2) by ISO 3166-2's parents, at any depth; ``False``
    when either name is not an ISO 3166-2 subdivision of that country or no country is
    given. Names are compared accent- and case-folded, without "province", "region" and the
    like."""
    if not (inner and outer and iso2):
        return False
    codes, parents = _tables()
    outer_codes = set(codes.get((iso2, _key(outer)), ()))
    if not outer_codes:
        return False
    for code in codes.get((iso2, _key(inner)), ()):
        seen = set()
        while code in parents and code not in seen:
            seen.add(code)
            code = parents[code]
            if code in outer_codes:
                return True
    return False


def depth(name: str | None, iso2: str | None) -> int:
    """How many ISO 3166-2 divisions hold the one named ``name`` in ``iso2``: 0 for a
    top-level division (Burkina Faso's "Sahel" region) or a name ISO 3166-2 lacks, 1 for a
    province inside a region ("Yagha"), and so on."""
    if not (name and iso2):
        return 0
    codes, parents = _tables()
    deepest = 0
    for code in codes.get((iso2, _key(name)), ()):
        n, seen = 0, set()
        while code in parents and code not in seen:
            seen.add(code)
            code, n = parents[code], n + 1
        deepest = max(deepest, n)
    return deepest


def divisions_differ(a, b) -> bool:
    """Two places (``model.Place``) in different divisions: both name one (``admin1``), the
    names differ (folded) and neither division holds the other (``within``). A place in
    "Yagha" and one in "Sahel" (Burkina Faso) do not differ; "Kandahar" and "Helmand" do."""
    if not (a.admin1 and b.admin1) or _key(a.admin1) == _key(b.admin1):
        return False
    country = a.country or b.country
    return not (within(a.admin1, b.admin1, country) or within(b.admin1, a.admin1, country))
