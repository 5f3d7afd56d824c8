"""The web application: ``create_app()`` builds it; ``pactscope serve`` runs it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from pactscope.errors import PactscopeError
from pactscope.web.errors import handle_error
from pactscope.web.guards import (
    LOOPBACK_NAMES,
    MAX_BODY_BYTES,
    AllowedHosts,
    BodyLimit,
    HeadAsGet,
    InternalErrors,
    SecurityHeaders,
)
from pactscope.web.routers import api, assess, pages

ALLOWED_HOSTS_ENV = "PACTSCOPE_ALLOWED_HOSTS"


def _version() -> str:
    try:
        return version("pactscope")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0"


def allowed_hosts_from_env() -> tuple[str, ...]:
    """Loopback names plus the comma-separated names in ``PACTSCOPE_ALLOWED_HOSTS``."""
    extra = [n.strip() for n in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if n.strip()]
    return (*LOOPBACK_NAMES, *extra)


def create_app(allowed_hosts: Iterable[str] | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """A new application: pages, the JSON API under /api, static files, one error handler.

    Requests whose Host header is not in ``allowed_hosts`` (default: loopback names and those in
    ``PACTSCOPE_ALLOWED_HOSTS``; "*" allows any) get 400; bodies over ``max_body_bytes`` get 413
    before they are read.
    """
    if allowed_hosts is None:
        allowed_hosts = allowed_hosts_from_env()
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
    for exc in (PactscopeError, RequestValidationError, HTTPException):
        app.add_exception_handler(exc, handle_error)
    # The last added runs first: headers on every answer, then Host, body size, HEAD, and 500s.
    app.add_middleware(InternalErrors)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(AllowedHosts, names=tuple(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app
