"""Error answers: library and request errors become JSON under /api, an HTML page elsewhere."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from pactscope.errors import BadArgument, DataIntegrityError, PactscopeError
from pactscope.web.render import SafeJSONResponse, render

log = logging.getLogger("pactscope.web")

INTERNAL = "internal error: the server could not answer this request"


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
        if isinstance(exc, DataIntegrityError):
            log.error("bundled data: %s", exc)
            return 500, str(exc), []
    log.exception("unhandled error", exc_info=exc)
    return 500, INTERNAL, []


def error_response(path: str, status: int, message: str, suggestions: list[str] | None = None,
                   kind: str = "", headers: dict[str, str] | None = None, close: bool = False) -> Response:
    """The error answer for ``path``: ``{"error", "suggestions"}`` under /api, else the error page.

    ``close`` adds ``Connection: close``, for answers after which the connection is not reused.
    """
    headers = dict(headers or {})
    if close or status >= 500:
        headers["Connection"] = "close"
    suggestions = list(suggestions or [])
    if path.startswith("/api"):
        return SafeJSONResponse({"error": message, "suggestions": suggestions}, status_code=status, headers=headers)
    body = render("error.html", status=status, message=message, suggestions=suggestions, kind=kind, path=path)
    return HTMLResponse(body, status_code=status, headers=headers)


async def handle_error(request: Request, exc: Exception) -> Response:
    """The handler registered for every error type the routes can raise."""
    status, message, suggestions = classify(exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, HTTPException) else None
    return error_response(request.url.path, status, message, suggestions, type(exc).__name__, headers)
