"""One exception handler: library and request errors become JSON under /api, an HTML page elsewhere."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from pactscope.errors import BadArgument, PactscopeError
from pactscope.web.render import SafeJSONResponse, render

log = logging.getLogger("pactscope.web")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("path", "query", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", "invalid"))
    return "invalid parameters: " + "; ".join(parts)


def classify(exc: Exception) -> tuple[int, str, list[str]]:
    """HTTP status, message and suggestions for an exception (never a stack trace)."""
    if isinstance(exc, RequestValidationError):
        return 422, _validation_message(exc), []
    if isinstance(exc, HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        return exc.status_code, detail, []
    if isinstance(exc, PactscopeError):
        if isinstance(exc, LookupError):
            return 404, str(exc), exc.suggestions
        if isinstance(exc, BadArgument | ValueError | TypeError):
            return 422, str(exc), exc.suggestions
    log.exception("unhandled error", exc_info=exc)
    return 500, "internal error: the server could not answer this request", []


async def handle_error(request: Request, exc: Exception):
    """The handler registered for every error type the app can meet."""
    status, message, suggestions = classify(exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, HTTPException) else None
    if request.url.path.startswith("/api"):
        return SafeJSONResponse({"error": message, "suggestions": suggestions}, status_code=status, headers=headers)
    body = render("error.html", status=status, message=message, suggestions=suggestions,
                  kind=type(exc).__name__, path=request.url.path)
    return HTMLResponse(body, status_code=status, headers=headers)
