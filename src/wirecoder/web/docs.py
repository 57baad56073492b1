"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) from their npm packages, swagger-ui-dist and
redoc, installed beside the other front-end libraries: no CDN, no web font, nothing asked of
another server, so they work offline and tell no third party who reads them.

ReDoc's bundle shows Redocly's logo under its menu, loaded from Redocly's CDN. It is served
here (``/docs/redoc.js``) with that address blanked: the image then fails at once, without a
request, and ReDoc hides it. FastAPI's own /docs and /redoc pages are turned off
(``docs_url=None``); they load their assets from a CDN and Google Fonts.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response

REDOC_BUNDLE = Path("redoc") / "bundles" / "redoc.standalone.js"
REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"


def add_docs(app: FastAPI, pages: Path, vendor: Path) -> None:
    """Routes for the two pages (HTML in ``pages``) and ReDoc's bundle from ``vendor``."""

    def swagger():
        return FileResponse(pages / "docs.html", media_type="text/html")

    def redoc():
        return FileResponse(pages / "redoc.html", media_type="text/html")

    def redoc_bundle():
        return Response(_redoc_bundle(vendor / REDOC_BUNDLE), media_type="text/javascript",
                        headers={"cache-control": "max-age=3600"})

    app.add_api_route("/docs", swagger, include_in_schema=False)
    app.add_api_route("/redoc", redoc, include_in_schema=False)
    if (vendor / REDOC_BUNDLE).is_file():
        app.add_api_route("/docs/redoc.js", redoc_bundle, include_in_schema=False)


@functools.cache
def _redoc_bundle(path: Path) -> bytes:
    """The bundle (about 1 MB, read once) with the CDN logo's address made empty."""
    return path.read_bytes().replace(REDOC_LOGO, b"")
