"""POST /api/ingest refuses the texts `wirecoder ingest` refuses, with the same codes (the route
calls ingest.article_from_text, which runs ingest.decode.check_text)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from wirecoder.errors import InputError
from wirecoder.ingest import read_text
from wirecoder.store import Store
from wirecoder.web.app import create_app


@pytest.mark.parametrize("text", ["   \n", "\x01\x02\x03\x04", "\x1b[31m\x1b[0m",
                                  "  \x07" + " " * 100,
                                  "Soldiers killed two militants near Gao.\x00"])
def test_api_refuses_what_the_cli_refuses_with_the_same_code(tmp_path, text):
    with pytest.raises(InputError) as cli:
        read_text(text.encode(), origin="api", meta={})
    Store(tmp_path / "w.db").close()
    client = TestClient(create_app(tmp_path / "w.db", allow_ingest=True),
                        base_url="http://127.0.0.1")
    response = client.post("/api/ingest", json={"text": text})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"[{cli.value.code}] api: ")
    with Store(tmp_path / "w.db", readonly=True) as store:
        assert store.counts()["articles"] == 0
