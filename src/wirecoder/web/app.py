"""``create_app(db)``: the FastAPI application: API, pages, our static files and the
front-end libraries installed from npm by ``make setup`` (served from ``node_modules``; no
CDN, no request leaves the machine), the API docs included (``/docs``: Swagger UI, ``/redoc``:
ReDoc, both from npm). ``guard.py`` wraps it all: Host allow-list, write gate, body limit and
security headers.

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
from . import api, browse, ingest_route
from .docs import add_docs
from .guard import LOOPBACK, Guard, Policy, host_name
from .readers import Readers

HERE = Path(__file__).resolve().parent
VENDOR = HERE.parents[2] / "node_modules"  # the repository's npm install
PAGES = {"/": "map.html", "/network": "network.html", "/search": "search.html"}
log = logging.getLogger("wirecoder.web")


class _GuardedApp(FastAPI):
    """FastAPI with ``Guard`` outermost, outside even its 500 handler."""

    def build_middleware_stack(self):
        return Guard(super().build_middleware_stack(), self.state.policy)


def create_app(db: str | Path, allow_ingest: bool = False, vendor: Path = VENDOR,
               allowed_hosts=(), ingest_token: str | None = None) -> FastAPI:
    """The application over the database file ``db``. ``allowed_hosts`` adds names to the
    loopback ones a request's Host may name; ``ingest_token``, if set, is asked of every
    write. Opens nothing yet: a missing database is reported on the first request."""
    app = _GuardedApp(title="wirecoder", version=__version__, docs_url=None, redoc_url=None,
                      description="Events and actors from conflict news, each with its "
                                  "evidence.")
    app.state.db = str(db)
    app.state.allow_ingest = allow_ingest
    app.state.policy = Policy(allowed_hosts=LOOPBACK | {host_name(h) for h in allowed_hosts},
                              allow_ingest=allow_ingest, ingest_token=ingest_token or None)
    app.state.readers = Readers(db)
    app.state.pipeline = None
    app.include_router(api.router)
    app.include_router(browse.router)
    app.include_router(ingest_route.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    if vendor.is_dir():
        app.mount("/vendor", StaticFiles(directory=vendor), name="vendor")

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
    app.add_api_route("/articles/{article_id}", page("article.html"), include_in_schema=False)
    add_docs(app, HERE / "pages", vendor)
    return app
