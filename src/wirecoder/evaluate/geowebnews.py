"""GeoWebNews (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation"): the reader.
Scoring is ``geoparse``'s, shared with LGL.

GeoWebNews also marks common-noun location expressions ("the city", "the country") and
non-toponyms; its toponyms are the named ones (literal, associative, embedded, demonyms...),
so ``NOT_TOPONYMS`` are left out of both recognition and resolution.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .geoparse import (KM_LIMIT, GoldArticle, Toponym, context_countries, km,  # noqa: F401
                       render)
from . import geoparse

NOT_TOPONYMS = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})


def read_gwn(path: str | Path) -> list[GoldArticle]:
    """GWN.xml -> articles with their gold toponyms (character offsets, GeoNames id, point).
    ``xml.etree.ElementTree.ParseError`` for a file that is not that XML."""
    root = ET.parse(path).getroot()
    out = []
    for node in root.iter("article"):
        article = GoldArticle(node.findtext("text") or "", title=node.findtext("title") or "")
        for t in node.find("toponyms") or []:
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            article.toponyms.append(Toponym(
                t.findtext("extractedName") or "", int(t.findtext("start")),
                int(t.findtext("end")), t.findtext("type") or "", t.findtext("geonamesID") or None,
                float(lat) if lat else None, float(lon) if lon else None))
        out.append(article)
    return out


def score_resolution(articles: list[GoldArticle], resolve) -> dict:
    return geoparse.score_resolution(articles, resolve, exclude=NOT_TOPONYMS)


def score_recognition(articles: list[GoldArticle], predicted) -> dict:
    return geoparse.score_recognition(articles, predicted, exclude=NOT_TOPONYMS)
