"""``create_app(db)``: the FastAPI application: API, pages, our static files and the
front-end libraries installed from npm by ``make setup`` (served from ``node_modules``; no
CDN, no request leaves the machine).

Errors reach the browser as ``{"detail": message}`` with a 4xx code, or a bare 500 without a
stack trace; the trace goes to the server log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import WirecoderError
from . import api, ingest_route
from .params import MAX_BODY
from .readers import Readers

HERE = Path(__file__).resolve().parent
VENDOR = HERE.parents[2] / "node_modules"  # the repository's npm install
PAGES = {"/": "map.html", "/network": "network.html", "/search": "search.html"}
log = logging.getLogger("wirecoder.web")


def create_app(db: str | Path, allow_ingest: bool = False, vendor: Path = VENDOR) -> FastAPI:
    app = FastAPI(title="wirecoder", version=__version__,
                  description="Events and actors from conflict news, each with its evidence.")
    app.state.db = str(db)
    app.state.allow_ingest = allow_ingest
    app.state.readers = Readers(db)
    app.state.pipeline = None
    app.include_router(api.router)
    app.include_router(ingest_route.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    if vendor.is_dir():
        app.mount("/vendor", StaticFiles(directory=vendor), name="vendor")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY + 10_000):
            return JSONResponse({"detail": f"request body over {MAX_BODY:,} bytes"}, 413)
        return await call_next(request)

    @app.exception_handler(WirecoderError)
    async def wirecoder_error(request: Request, exc: WirecoderError):
        return JSONResponse({"detail": str(exc)}, 400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:]) or 'request'}: {e['msg']}"
                             for e in exc.errors()[:5])
        return JSONResponse({"detail": problems}, 422)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse({"detail": "internal error; see the server log"}, 500)

    def page(name: str):
        def serve():
            return FileResponse(HERE / "pages" / name, media_type="text/html")
        return serve

    for path, name in PAGES.items():
        app.add_api_route(path, page(name), include_in_schema=False)
    app.add_api_route("/events/{event_id}", page("event.html"), include_in_schema=False)
    app.add_api_route("/actors/{key}", page("actor.html"), include_in_schema=False)
    return app
