"""ASGI middleware around the app: security headers, allowed Host names, a request body limit,
HEAD as GET without a body, and a last-resort 500 that closes the connection cleanly."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pactscope.reader import MAX_CHARS
from pactscope.web.errors import INTERNAL, error_response

log = logging.getLogger("pactscope.web")

# Vega compiles expressions with Function(), hence 'unsafe-eval'; no inline script runs.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
# The largest body the app reads: a reader text of MAX_CHARS characters, each of which may take
# six bytes as a JSON \uXXXX escape or a percent-encoded two-byte UTF-8 character, plus the envelope.
MAX_BODY_BYTES = 6 * MAX_CHARS + 4096


class SecurityHeaders:
    """Add a content security policy and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str | None) -> str | None:
    """The name in a Host header without its port ("[::1]:8000" -> "::1"); None if malformed."""
    if not header:
        return None
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        return name if not rest or rest.startswith(":") else None
    name, _, port = header.partition(":")
    return name if name and (not port or port.isdigit()) else None


class AllowedHosts:
    """Answer 400 to a Host header not in ``names`` (defends against DNS rebinding)."""

    def __init__(self, app: ASGIApp, names: Iterable[str] = LOOPBACK_NAMES) -> None:
        self.app = app
        self.names = {n.strip().lower().strip("[]") for n in names}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.names:
            return await self.app(scope, receive, send)
        name = host_name(Headers(scope=scope).get("host"))
        if name in self.names:
            return await self.app(scope, receive, send)
        message = (f"host {name!r} is not served here; start the server with `pactscope serve --allow-host {name}`"
                   if name else "missing or malformed Host header")
        await error_response(scope["path"], 400, message, close=True)(scope, receive, send)


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413: at once from Content-Length, else while it streams."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_large = f"the request body is larger than the limit of {self.limit:,} bytes"
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return await error_response(scope["path"], 400, "malformed Content-Length", close=True)(
                    scope, receive, send)
            if int(declared) > self.limit:
                return await error_response(scope["path"], 413, too_large, close=True)(scope, receive, send)
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, too_large, headers={"Connection": "close"})
            return message

        await self.app(scope, counted_receive, send)


class HeadAsGet:
    """Answer HEAD like GET, with the same headers and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_head(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_head)


class InternalErrors:
    """Turn an unhandled exception into a 500 page (JSON under /api) with ``Connection: close``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:  # too late to answer: the server closes the connection
                raise
            response = error_response(scope["path"], 500, INTERNAL, close=True)
            await response(scope, receive, send)
