"""Every export format read back by the tools its users read it with."""

from __future__ import annotations

import csv
import io
import json

import pytest

from wirecoder.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from pathlib import Path

    path = tmp_path_factory.mktemp("export") / "w.db"
    examples = Path(__file__).resolve().parents[2] / "examples"
    assert main(["ingest", str(examples), "--db", str(path), "--quiet"]) == 0
    return path


def run(db, fmt, tmp_path) -> str:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_geojson(db, tmp_path):
    data = json.loads(run(db, "geojson", tmp_path))
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert isinstance(data["wirecoder:unplaced"], int)


def test_ucdp_csv(db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run(db, "ucdp-csv", tmp_path))))
    assert rows and {"side_a", "side_b", "best", "low", "high", "date_prec",
                     "where_prec", "number_of_sources"} <= set(rows[0])


def test_acled_csv_columns(db, tmp_path):
    header = run(db, "acled-csv", tmp_path).splitlines()[0].split(",")
    assert header[:3] == ["event_id_cnty", "event_date", "year"] and header[-1] == "timestamp"
    assert len(header) == 31


def test_ftm_entities_validate(db, tmp_path):
    from followthemoney import model

    schemas = set()
    for line in run(db, "ftm", tmp_path).splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        kept = proxy.to_dict()["properties"]  # the library drops what its schema lacks
        assert set(kept) == set(data["properties"]), (data["schema"], data["properties"])
        for prop, values in kept.items():  # and each value passes the property's type
            cleaned = [proxy.schema.properties[prop].type.clean(v) for v in values]
            assert all(c is not None for c in cleaned), (data["schema"], prop, values)
        schemas.add(proxy.schema.name)
        assert proxy.id
    assert {"Organization", "Article", "Event", "Mention"} <= schemas


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_formats_read_by_networkx(db, tmp_path, fmt):
    import networkx as nx

    run(db, fmt, tmp_path)
    path = tmp_path / f"out.{fmt}"
    graph = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert graph.number_of_nodes() > 0


def test_parquet_tables_read_by_pyarrow(db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "tables"
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", str(out)]) == 0
    events = pq.read_table(out / "events.parquet")
    assert events.num_rows > 0 and "type" in events.column_names
    assert pq.read_table(out / "claims.parquet").num_rows > events.num_rows


def test_parquet_needs_a_directory(db, capsys):
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 1
    assert "DIRECTORY" in capsys.readouterr().err
