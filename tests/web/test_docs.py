"""``/docs`` and ``/redoc`` (web/docs.py) from local assets only: their HTML names no other
server, and every asset it names is served here. (test_browser.py renders both in chromium
and fails on any request that leaves 127.0.0.1.)"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from wirecoder.web.app import VENDOR, create_app

URL = re.compile(r"""\b(?:src|href|spec-url)\s*=\s*["']([^"']+)""")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    assert VENDOR.is_dir(), "front-end libraries missing: run `make setup` (npm ci)"
    # the pages need no database: only /openapi.json, which is built from the routes
    return TestClient(create_app(tmp_path_factory.mktemp("docs") / "none.db"),
                      base_url="http://127.0.0.1")


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_nothing_from_elsewhere(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert not re.search(r"(?i)\bhttps?:|//[a-z0-9]", html), html  # no absolute URL at all
    assets = URL.findall(html)
    assert any(a.endswith(".js") for a in assets)
    for asset in assets:
        if asset.startswith("data:"):  # an inline, empty icon: nothing is requested
            continue
        assert asset.startswith("/"), asset
        if asset != "/openapi.json":
            assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["paths"]


def test_redoc_bundle_has_no_cdn_logo(client):
    bundle = client.get("/docs/redoc.js")
    assert bundle.status_code == 200 and len(bundle.content) > 500_000
    assert b"cdn.redoc.ly" not in bundle.content
    assert bundle.headers["content-type"].startswith("text/javascript")
