"""The web application: ``create_app()`` builds it; ``pactscope serve`` runs it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from pactscope.errors import PactscopeError
from pactscope.web.errors import handle_error
from pactscope.web.routers import api, assess, pages

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


class SecurityHeaders:
    """Plain ASGI middleware adding a content security policy and related headers."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _version() -> str:
    try:
        return version("pactscope")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0"


def create_app() -> FastAPI:
    """A new application: pages, the JSON API under /api, static files, one error handler."""
    app = FastAPI(
        title="pactscope",
        version=_version(),
        description="Does a military alliance protect its members? Ledger cases, metrics and evidence as JSON.",
        docs_url=None,  # the default docs page loads its assets from a CDN; /docs is served locally instead
        redoc_url=None,
    )
    # the chart libraries live with the report, which inlines them; the web app serves the same files
    app.mount("/static/vendor", StaticFiles(directory=str(files("pactscope.assess") / "assets" / "vendor")), name="vendor")
    app.mount("/static", StaticFiles(directory=str(files("pactscope.web") / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(assess.router)
    for exc in (PactscopeError, RequestValidationError, HTTPException, Exception):
        app.add_exception_handler(exc, handle_error)
    app.add_middleware(SecurityHeaders)
    return app
