"""``wirecoder serve``'s work: check the database and the options, say what is exposed, run
uvicorn. The CLI only parses arguments.

Bound to a loopback address the server is for this machine alone. Bound to any other address
it is for everyone who can reach it, so it says so, and ``--allow-ingest`` there needs a token
(``--ingest-token`` or ``WIRECODER_INGEST_TOKEN``) that every write must carry.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import sys
from typing import TextIO

from ..errors import UsageError
from .guard import LOOPBACK, host_name

TOKEN_ENV = "WIRECODER_INGEST_TOKEN"
WILDCARDS = {"0.0.0.0", "::", ""}


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and addresses in 127.0.0.0/8 or ``::1``."""
    name = host_name(host)
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def ingest_token(given: str | None) -> str | None:
    """The token from ``--ingest-token``, else from the environment; None if neither."""
    return given or os.environ.get(TOKEN_ENV) or None


def check_exposure(host: str, port: int, db: str, allow_ingest: bool, token: str | None,
                   allowed_hosts: list[str]) -> list[str]:
    """Lines to print before serving on ``host``; raises ``UsageError`` for ``--allow-ingest``
    on a non-loopback address without a token."""
    loopback = is_loopback(host)
    if allow_ingest and not loopback and not token:
        raise UsageError(f"--allow-ingest on --host {host} would let anyone who can reach this "
                         f"machine write to {db}: give a token with --ingest-token TOKEN or "
                         f"the environment variable {TOKEN_ENV}")
    hosts = sorted(LOOPBACK | {host_name(h) for h in allowed_hosts})
    lines = []
    if not loopback:
        where = ("every network interface of this machine" if host in WILDCARDS
                 else f"address {host}")
        lines += [f"wirecoder: --host {host} listens on {where}, port {port}: anyone who can "
                  f"reach it reads all of {db} (events, actors, and the full text of every "
                  "article) through the pages, /api/* and /docs.",
                  "wirecoder: requests must name an allowed host: " + ", ".join(hosts)
                  + ("" if "*" in hosts else "; add the name or address clients use with "
                     "--allowed-host NAME")]
        if allow_ingest:
            lines.append("wirecoder: POST /api/ingest writes to the database and needs the "
                         "token (Authorization: Bearer TOKEN, or X-Ingest-Token: TOKEN)")
    return lines


SETTINGS_ENV = "WIRECODER_SERVE_SETTINGS"  # how ``serve`` hands its options to worker processes


def serve(db: str, host: str, port: int, allow_ingest: bool = False,
          allowed_hosts: list[str] | None = None, token: str | None = None,
          err: TextIO = sys.stderr, workers: int = 1) -> None:
    """Serve ``db`` (a file or a PostgreSQL URL) until Ctrl-C, in ``workers`` processes that
    share one listening socket (uvicorn's supervisor restarts one that dies). A specific bind
    address is allowed as Host by itself. Raises ``StoreError`` for a missing, foreign or
    unreachable database, ``UsageError`` as above."""
    import json

    import uvicorn

    from ..store import Store
    from ..store.connect import describe
    from .app import VENDOR, create_app

    allowed = list(allowed_hosts or [])
    if host not in WILDCARDS and not is_loopback(host):
        allowed.append(host)
    token = ingest_token(token)
    lines = check_exposure(host, port, db, allow_ingest, token, allowed)
    if allow_ingest:
        Store(db).close()  # create it if needed, and check its schema now
    else:
        Store(db, readonly=True).close()
    if not VENDOR.is_dir():
        print(f"wirecoder: front-end libraries not found at {VENDOR}; run `make setup` "
              "(the API works without them)", file=err)
    sock = bind(host, port)  # before saying "serving": a busy port is an error, not a log
    for line in lines:
        print(line, file=err)
    shown = f"[{host}]" if ":" in host else host
    print(f"serving {describe(db)} at http://{shown}:{port}/ "
          f"({'ingest allowed' if allow_ingest else 'read-only'}"
          f"{f', {workers} processes' if workers > 1 else ''}); Ctrl-C stops", file=err)
    settings = {"db": str(db), "allow_ingest": allow_ingest, "allowed_hosts": allowed,
                "ingest_token": token}
    try:
        if workers == 1:
            app = create_app(db, **{k: v for k, v in settings.items() if k != "db"})
            config = uvicorn.Config(app, host=host, port=port, log_level="warning")
            uvicorn.Server(config).run(sockets=[sock])
        else:
            from uvicorn.supervisors import Multiprocess

            # each worker imports the app factory and reads the options from its environment
            os.environ[SETTINGS_ENV] = json.dumps(settings)
            config = uvicorn.Config("wirecoder.web.serve:app_from_environment", factory=True,
                                    host=host, port=port, log_level="warning", workers=workers)
            Multiprocess(config, sockets=[sock]).run()
    finally:
        sock.close()


def app_from_environment():
    """The application of a worker process, from the options ``serve`` put in
    ``$WIRECODER_SERVE_SETTINGS`` (JSON)."""
    import json

    from .app import create_app

    settings = json.loads(os.environ[SETTINGS_ENV])
    return create_app(settings.pop("db"), **settings)


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port``, as uvicorn would bind it (SO_REUSEADDR:
    a port left in TIME_WAIT by a stopped server is free). ``UsageError`` for a port out of
    range, one in use, or an address this machine does not have."""
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: a port is 1-65535")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        why = ("is in use by another program; choose another with --port"
               if exc.errno == errno.EADDRINUSE else
               f"cannot be bound ({exc.strerror or exc})")
        raise UsageError(f"{host} port {port} {why}") from None
    sock.set_inheritable(True)
    return sock
