"""`pactscope serve`: run the web interface locally (no network access needed)."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, min=1, max=65535, help="port to listen on"),
) -> None:
    """Serve the pages and the JSON API, e.g. `pactscope serve --port 8080`, then open
    http://127.0.0.1:8080/ in a browser."""
    import uvicorn

    uvicorn.run("pactscope.web.app:create_app", factory=True, host=host, port=port, log_level="info")
