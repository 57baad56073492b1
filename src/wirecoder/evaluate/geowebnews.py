"""GeoWebNews (Gritta et al. 2019): toponym recognition and resolution, scored the way
published geoparsers report it, so figures compare.

* recognition: precision / recall / F1 of predicted toponym spans against the gold spans
  (exact character offsets, and "relaxed": any overlap), over the gold's named toponyms: every
  type but ``Non_Toponym`` and the common-noun location expressions (``Literal_Expression``,
  ``Non_Lit_Expression``: "the city", "the country"), which are not place names;
* resolution: for gold toponyms that carry coordinates, *given the gold span*, the share
  resolved within 161 km (100 miles) of the gold point, and the exact-GeoNames-id rate where
  both sides have an id. Context for disambiguation is the article's own: the countries its
  toponyms and demonyms name, most named first, then those of the divisions it names
  (``article_countries``), and the divisions themselves (``article_divisions``), as the
  pipeline reads them. A second figure also counts as right a place
  with the gold's own GeoNames id whose point lies further off: country points here come from
  countrystatecity (mostly CIA World Factbook centres), not from GeoNames.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

KM_LIMIT = 161.0


@dataclass
class Toponym:
    name: str
    start: int
    end: int
    type: str
    geonameid: str | None
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    text: str
    toponyms: list[Toponym] = field(default_factory=list)


def read_gwn(path: str | Path) -> list[GoldArticle]:
    root = ET.parse(path).getroot()
    out = []
    for node in root.iter("article"):
        article = GoldArticle(node.findtext("text") or "")
        for t in node.find("toponyms") or []:
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            article.toponyms.append(Toponym(
                t.findtext("extractedName") or "", int(t.findtext("start")),
                int(t.findtext("end")), t.findtext("type") or "", t.findtext("geonamesID") or None,
                float(lat) if lat else None, float(lon) if lon else None))
        out.append(article)
    return out


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine), kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def context_countries(texts: list[str]) -> list[str]:
    """Countries an article names (names and demonyms), most named first."""
    from ..resources.gazetteer import country_by_word

    counts: Counter = Counter()
    for text in texts:
        country = country_by_word(text)
        if country is not None:
            counts[country.iso2] += 1
    return [c for c, _ in counts.most_common()]


def score_resolution(articles: list[GoldArticle], resolve) -> dict:
    """``resolve(name, countries, divisions) -> Place | None`` for each gold toponym with
    coordinates, given the article's countries and first-level divisions."""
    from ..normalize.where import article_countries, article_divisions

    total = within = exact_total = exact = unresolved = same_place = 0
    by_type: dict[str, list[int]] = {}
    misses: Counter = Counter()
    for article in articles:
        gold = [t for t in article.toponyms if t.type not in NOT_TOPONYMS]
        context = article_countries(context_countries([t.name for t in gold]),
                                    [t.name for t in gold])
        divisions = article_divisions([t.name for t in gold], context)
        for t in gold:
            if t.lat is None:
                continue
            total += 1
            place = resolve(t.name, context, divisions)
            ok = place is not None and place.lat is not None and \
                km(place.lat, place.lon, t.lat, t.lon) <= KM_LIMIT
            unresolved += place is None or place.lat is None
            within += ok
            same_place += ok or bool(place is not None and t.geonameid
                                     and place.geonameid == t.geonameid)
            if not ok:
                misses[t.name] += 1
            slot = by_type.setdefault(t.type, [0, 0])
            slot[0] += ok
            slot[1] += 1
            if t.geonameid and place is not None and place.geonameid and \
                    place.geonameid.isdigit():
                exact_total += 1
                exact += place.geonameid == t.geonameid
    return {"toponyms": total, "within_161km": within / total if total else 0.0,
            "within_or_same_id": same_place / total if total else 0.0,
            "unresolved": unresolved, "exact_geonames": exact / exact_total if exact_total else 0.0,
            "exact_compared": exact_total,
            "by_type": {k: (v[0] / v[1], v[1]) for k, v in sorted(by_type.items())},
            "top_misses": misses.most_common(15)}


# GeoWebNews also marks common-noun location expressions ("the city", "the country") and
# non-toponyms; its toponyms are the named ones (literal, associative, embedded, demonyms...).
NOT_TOPONYMS = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})


def score_recognition(articles: list[GoldArticle], predicted: list[list[tuple[int, int]]]) -> dict:
    exact = relaxed_p = relaxed_g = n_pred = n_gold = 0
    for article, spans in zip(articles, predicted):
        gold = [(t.start, t.end) for t in article.toponyms if t.type not in NOT_TOPONYMS]
        n_pred += len(spans)
        n_gold += len(gold)
        gold_set = set(gold)
        exact += sum(1 for s in spans if s in gold_set)
        relaxed_p += sum(1 for s in spans if any(s[0] < g[1] and g[0] < s[1] for g in gold))
        relaxed_g += sum(1 for g in gold if any(s[0] < g[1] and g[0] < s[1] for s in spans))

    def prf(tp_p, tp_g):
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_g / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {"gold": n_gold, "predicted": n_pred, "exact": prf(exact, exact),
            "relaxed": prf(relaxed_p, relaxed_g)}


def render(recognition: dict | None, resolution: dict) -> list[str]:
    lines = []
    if recognition:
        for kind in ("exact", "relaxed"):
            p, r, f = recognition[kind]
            lines.append(f"recognition ({kind} spans): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                         f"(gold {recognition['gold']}, predicted {recognition['predicted']})")
    lines.append(f"resolution given gold spans: {resolution['within_161km']:.3f} within 161 km "
                 f"of {resolution['toponyms']} toponyms with coordinates "
                 f"({resolution['unresolved']} unresolved); exact GeoNames id "
                 f"{resolution['exact_geonames']:.3f} of {resolution['exact_compared']} comparable")
    lines.append(f"  within 161 km or the gold's own GeoNames id: "
                 f"{resolution['within_or_same_id']:.3f} (our country points come from "
                 f"countrystatecity, not GeoNames: the United States' lies 235 km from GeoNames')")
    for kind, (share, n) in resolution["by_type"].items():
        lines.append(f"  {kind:22} {share:.3f}  (n={n})")
    lines.append("  most missed: " + ", ".join(f"{k} ({v})" for k, v in resolution["top_misses"]))
    return lines
