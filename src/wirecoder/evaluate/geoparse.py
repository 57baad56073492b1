"""Geoparsing scores shared by every toponym corpus (GeoWebNews, LGL, ...): one scorer, one
reader per format (``geowebnews.read_gwn``, ``lgl.read_lgl``).

* recognition: precision / recall / F1 of predicted toponym spans against the gold spans
  (exact character offsets, and "relaxed": any overlap);
* resolution *given the gold span*: the share within 161 km (100 miles) of the gold point;
  the exact GeoNames id over every gold toponym that carries one; the country right (where
  the gold names one); mean and median error (km); the unresolved share; and the area under
  the curve of the log error (Gritta et al. 2018, "What's missing in geographical parsing?":
  errors sorted, each scaled as ln(1 + km) / ln(1 + 20039), the area under that curve; 0 is
  perfect, an unresolved toponym counts as the largest error, 20,039 km);
* a population baseline beside it: the most populous gazetteer entry of the name.

Context for disambiguation is the article's own (its countries and first-level divisions,
``normalize.where.article_countries`` / ``article_divisions``), as the pipeline reads them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

KM_LIMIT = 161.0
MAX_KM = 20039.0  # half the Earth's circumference: the largest possible error


@dataclass
class Toponym:
    name: str
    start: int
    end: int
    type: str
    geonameid: str | None
    lat: float | None
    lon: float | None
    country: str | None = None  # ISO 3166-1 alpha-2, where the corpus gives it


@dataclass
class GoldArticle:
    text: str
    toponyms: list[Toponym] = field(default_factory=list)
    title: str = ""


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


def auc(errors_km: list[float]) -> float:
    """Area under the curve of sorted, log-scaled errors (Gritta et al. 2018); lower is
    better, in [0, 1]."""
    if not errors_km:
        return 0.0
    ys = sorted(math.log1p(min(e, MAX_KM)) / math.log1p(MAX_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    step = 1 / (len(ys) - 1)
    return sum((a + b) / 2 * step for a, b in zip(ys, ys[1:]))


def score_resolution(articles: list[GoldArticle], resolve, exclude=frozenset()) -> dict:
    """``resolve(name, countries, divisions, anchors) -> Place | None`` for each gold toponym
    (types in ``exclude`` skipped), given the article's countries, first-level divisions and
    anchor points (``normalize.anchors``)."""
    from ..normalize.anchors import article_anchors
    from ..normalize.where import article_countries, article_divisions

    total = within = with_id = exact = same_place = unresolved = 0
    countries_n = countries_ok = 0
    errors: list[float] = []
    by_type: dict[str, list[int]] = {}
    misses: Counter = Counter()
    rows = []
    for index, article in enumerate(articles):
        gold = [t for t in article.toponyms if t.type not in exclude]
        context = article_countries(context_countries([t.name for t in gold]),
                                    [t.name for t in gold])
        divisions = article_divisions([t.name for t in gold], context)
        anchors = article_anchors([t.name for t in gold], context, divisions)
        for t in gold:
            if t.lat is None:
                continue
            total += 1
            place = resolve(t.name, context, divisions, anchors)
            located = place is not None and place.lat is not None
            error = km(place.lat, place.lon, t.lat, t.lon) if located else MAX_KM
            errors.append(error)
            ok = located and error <= KM_LIMIT
            unresolved += not located
            within += ok
            if t.geonameid:
                with_id += 1
                exact += bool(place is not None and place.geonameid == t.geonameid)
            same_place += ok or bool(place is not None and t.geonameid
                                     and place.geonameid == t.geonameid)
            if t.country:
                countries_n += 1
                countries_ok += bool(place is not None and place.country == t.country)
            if not ok:
                misses[t.name] += 1
            slot = by_type.setdefault(t.type or "-", [0, 0])
            slot[0] += ok
            slot[1] += 1
            rows.append({"article": index, "name": t.name, "start": t.start,
                         "gold": [t.lat, t.lon, t.geonameid],
                         "chosen": [place.name, place.lat, place.lon, place.geonameid,
                                    place.country] if place else None,
                         "km": round(error, 1), "within": ok})
    return {"toponyms": total, "within_161km": within / total if total else 0.0,
            "within_or_same_id": same_place / total if total else 0.0,
            "unresolved": unresolved / total if total else 0.0,
            "exact_geonames": exact / with_id if with_id else 0.0, "with_id": with_id,
            "country": countries_ok / countries_n if countries_n else None,
            "mean_km": sum(errors) / len(errors) if errors else 0.0,
            "median_km": median(errors) if errors else 0.0, "auc": auc(errors),
            "by_type": {k: (v[0] / v[1], v[1]) for k, v in sorted(by_type.items())},
            "top_misses": misses.most_common(15), "rows": rows}


def score_recognition(articles: list[GoldArticle], predicted: list[list[tuple[int, int]]],
                      exclude=frozenset()) -> dict:
    exact = relaxed_p = relaxed_g = n_pred = n_gold = 0
    for article, spans in zip(articles, predicted):
        gold = [(t.start, t.end) for t in article.toponyms if t.type not in exclude]
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


def population_baseline(name: str, countries=(), divisions=(), anchors=None):
    """The most populous gazetteer entry of ``name`` (ties by id), as a ``Place``; the
    baseline every published geocoder is compared with."""
    from ..model import Place
    from ..normalize.where import _candidates

    candidates = [c for c in _candidates(name) if c.lat is not None]
    if not candidates:
        return None
    c = max(candidates, key=lambda c: (c.population or 0, -(int(c.geonameid)
                                                             if (c.geonameid or "").isdigit()
                                                             else 0)))
    return Place(name=c.name, geonameid=c.geonameid, lat=c.lat, lon=c.lon, country=c.country,
                 admin1=c.admin1, precision=c.precision)


def render(recognition: dict | None, resolution: dict, baseline: dict | None = None,
           corpus: str = "") -> list[str]:
    lines = []
    if recognition:
        for kind in ("exact", "relaxed"):
            p, r, f = recognition[kind]
            lines.append(f"{corpus}recognition ({kind} spans): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                         f"(gold {recognition['gold']}, predicted {recognition['predicted']})")
    for label, res in (("wirecoder", resolution), ("population baseline", baseline)):
        if not res:
            continue
        country = f"; country right {res['country']:.3f}" if res["country"] is not None else ""
        lines.append(
            f"{corpus}resolution given gold spans ({label}): {res['within_161km']:.3f} within "
            f"161 km of {res['toponyms']} toponyms; exact GeoNames id {res['exact_geonames']:.3f} "
            f"of {res['with_id']}{country}; error mean {res['mean_km']:.0f} km, median "
            f"{res['median_km']:.0f} km; AUC {res['auc']:.3f}; unresolved {res['unresolved']:.3f}")
    lines.append(f"  within 161 km or the gold's own GeoNames id: "
                 f"{resolution['within_or_same_id']:.3f} (country points come from "
                 f"countrystatecity, a few replaced by resources/points.yaml; some lie over "
                 f"161 km from GeoNames')")
    for kind, (share_, n) in resolution["by_type"].items():
        lines.append(f"  {kind:22} {share_:.3f}  (n={n})")
    lines.append("  most missed: " + ", ".join(f"{k} ({v})" for k, v in resolution["top_misses"]))
    return lines
