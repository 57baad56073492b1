"""LGL (Lieberman et al. 2010, as redistributed by Gritta et al.): local US news where local
context must beat population ("Paris" in a Texas story). The reader; scoring is ``geoparse``'s.

Format: ``<article>`` with ``<text>`` and ``<toponyms>``, each ``<toponym>`` with ``start``,
``end``, ``phrase`` and a ``<gaztag geonameid=...>`` holding ``lat``, ``lon``, ``fcode`` and
``<country>`` (a name, mapped here to ISO 3166-1 alpha-2).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from .geoparse import GoldArticle, Toponym


@lru_cache(maxsize=512)
def country_code(name: str | None) -> str | None:
    """A country name as LGL writes it ("United States") -> ISO2, ``None`` if unknown."""
    if not name:
        return None
    from ..resources.gazetteer import country_by_word

    country = country_by_word(name)
    return country.iso2 if country is not None else None


def read_lgl(path: str | Path) -> list[GoldArticle]:
    """lgl.xml -> articles with gold toponyms. A toponym without a ``gaztag`` keeps no point
    (scored for recognition only). ``ParseError`` for a file that is not that XML."""
    root = ET.parse(path).getroot()
    out = []
    for node in root.iter("article"):
        article = GoldArticle(node.findtext("text") or "", title=node.findtext("title") or "")
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            article.toponyms.append(Toponym(
                t.findtext("phrase") or "", int(t.findtext("start")), int(t.findtext("end")),
                (tag.findtext("fcode") or "") if tag is not None else "",
                tag.get("geonameid") if tag is not None else None,
                float(lat) if lat else None, float(lon) if lon else None,
                country_code(tag.findtext("country")) if tag is not None else None))
        out.append(article)
    return out
