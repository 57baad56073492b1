"""Exports over the store. ``export(store, fmt, out)`` writes a text format to a stream;
``parquet`` writes one file per table into a directory (``export_parquet``)."""

from __future__ import annotations

from ..errors import UsageError
from .acled import write_acled_csv
from .ftm import write_ftm
from .geojson import write_geojson
from .jsonl import write_jsonl
from .network import write_gexf, write_graphml
from .ucdp import write_ucdp_csv

FORMATS = {"jsonl": write_jsonl, "acled-csv": write_acled_csv, "ucdp-csv": write_ucdp_csv,
           "geojson": write_geojson, "ftm": write_ftm, "gexf": write_gexf,
           "graphml": write_graphml}
ALL_FORMATS = (*FORMATS, "parquet")


def export(store, fmt: str, out):
    """Write ``fmt``; returns what the writer reports (ACLED: events left out, by reason)."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown export format {fmt!r}; choose from {', '.join(ALL_FORMATS)}")
    return writer(store, out)


def export_parquet(store, directory) -> list:
    from .parquet import write_parquet

    return write_parquet(store, directory)
