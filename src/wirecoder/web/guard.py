"""The server's outer layer, before any route: which requests are let in, and the headers every
answer carries. A pure ASGI wrapper, outside FastAPI's own error handling, so even a 500 gets
the headers and a refused request never reaches a route.

In order, for each HTTP request:

1. ``Host`` must name an allowed host (``Policy.allowed_hosts``: the loopback names unless
   ``serve --allowed-host`` adds more; ``*`` allows any). Else 400. This stops DNS rebinding:
   a web page whose name an attacker points at 127.0.0.1 still sends its own name as Host.
2. A write (``POST /api/ingest``) is refused with 403 on a read-only server, and with 401
   without the right token where one is set; it never reaches a route.
3. The body is read here, at most ``Policy.max_body`` bytes, whether sent with
   ``Content-Length`` or chunked; one byte more and the answer is 413. Only then does the
   route see it (replayed from memory, so at most ``max_body`` bytes per request are held).

A body within the limit is read even when the request is refused (step 2): closing a socket
with unread bytes in it makes the kernel send a reset, which can destroy the refusal on its
way to the client (the client then sees "connection reset", not 403). Only a body over the
limit is left unread, with ``Connection: close`` so the server stops reading instead of
draining it. Every answer gets ``SECURITY_HEADERS``.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass, field

from .params import MAX_BODY

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WRITE_PATHS = frozenset({"/api/ingest", "/api/judgements"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Pages load scripts and styles from this server only (node_modules through /vendor).
# Styles may be inline: Leaflet, vis-network and ReDoc set them from script; scripts may not.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


@dataclass(frozen=True)
class Policy:
    """What the server lets in. ``max_body`` in bytes (a pasted article of ``MAX_BODY``
    characters plus its JSON fields); ``ingest_token`` None means no token is asked."""

    allowed_hosts: frozenset[str] = field(default=LOOPBACK)
    allow_ingest: bool = False
    ingest_token: str | None = None
    max_body: int = MAX_BODY + 10_000


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without port, brackets or a final dot, lower-cased:
    ``[::1]:8765`` -> ``::1``; ``Example.org.:80`` -> ``example.org``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    if header.count(":") == 1:
        header = header.split(":")[0]
    return header.rstrip(".")


class Guard:
    """Wraps an ASGI app with ``policy``'s checks and the security headers."""

    def __init__(self, app, policy: Policy):
        self.app = app
        self.policy = policy

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = _with_headers(send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        has_body = "transfer-encoding" in headers or headers.get("content-length", "0") != "0"
        refusal = self._refusal(scope, headers)
        if has_body:
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.policy.max_body):
                return await _answer(send, *(refusal or self._too_large()), close=True)
            body = await _read_capped(receive, self.policy.max_body)
            if body is None:
                return await _answer(send, *(refusal or self._too_large()), close=True)
            receive = _replay(body, receive)
        if refusal:
            return await _answer(send, *refusal, close=False)
        await self.app(scope, receive, send)

    def _refusal(self, scope, headers: dict) -> tuple | None:
        """(status, message, extra headers) for a request refused on its headers alone."""
        allowed = self.policy.allowed_hosts
        host = host_name(headers.get("host", ""))
        if "*" not in allowed and host not in allowed:
            return 400, (f"host {host[:100]!r} is not served here (allowed: "
                         f"{', '.join(sorted(allowed))}; serve --allowed-host NAME adds one)"), ()
        if scope["method"] in SAFE_METHODS or scope["path"].rstrip("/") not in WRITE_PATHS:
            return None
        if not self.policy.allow_ingest:
            return 403, "this server is read-only; start it with --allow-ingest", ()
        token = self.policy.ingest_token
        if token is not None and not _token_ok(headers, token):
            return 401, ("writes need the ingest token: send Authorization: Bearer TOKEN "
                         "or X-Ingest-Token: TOKEN"), ((b"www-authenticate", b"Bearer"),)
        return None

    def _too_large(self) -> tuple:
        return 413, f"request body over {self.policy.max_body:,} bytes", ()


def _token_ok(headers: dict, token: str) -> bool:
    given = headers.get("x-ingest-token")
    auth = headers.get("authorization", "")
    if given is None and auth[:7].lower() == "bearer ":
        given = auth[7:].strip()
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


async def _read_capped(receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes ``limit`` bytes (the rest left unread)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # then wait for the client to go, as a server would
    return replay


def _with_headers(send):
    async def send_with_headers(message):
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {k.lower() for k, _ in headers}
            headers += [h for h in SECURITY_HEADERS if h[0] not in present]
            message = {**message, "headers": headers}
        await send(message)
    return send_with_headers


async def _answer(send, status: int, message: str, extra: tuple, close: bool) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()), *extra]
    if close:  # the body is left unread: make the server drop the connection, not drain it
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
