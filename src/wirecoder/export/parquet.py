"""Every table as Parquet (for DuckDB, pandas, Spark): ``--output`` names a directory that
receives articles/actors/relations/events/claims/places ``.parquet``. Nested records (a
When, a Place, a claim's value) are kept as JSON strings, flat columns beside them."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import to_dict


def _rows(store) -> dict[str, list[dict]]:
    def flat(record: dict) -> dict:
        return {k: json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (dict, list))
                else v for k, v in record.items()}

    return {
        "articles": [flat(to_dict(a)) for a in store.articles()],
        "actors": [flat(to_dict(a)) for a in store.actors()],
        "relations": [flat(to_dict(r)) for r in store.relations()],
        "events": [flat({**to_dict(e), "start": str(e.when.start or "") or None,
                         "end": str(e.when.end or "") or None,
                         "country": e.place.country if e.place else None,
                         "lat": e.place.lat if e.place else None,
                         "lon": e.place.lon if e.place else None}) for e in store.events()],
        "claims": [flat(to_dict(c)) for c in store.claims()],
        "places": [flat(to_dict(p)) for p in store.places()],
    }


def write_parquet(store, directory: str | Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in _rows(store).items():
        table = pa.Table.from_pylist(rows) if rows else pa.table({})
        path = directory / f"{name}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written
