"""`pactscope serve`: run the web interface locally (no network access needed)."""

from __future__ import annotations

import ipaddress
import os

import typer

from pactscope.cli.output import err_console


def is_loopback(host: str) -> bool:
    """True for a loopback address or the name localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, min=1, max=65535, help="port to listen on"),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", help="a host name browsers may use to reach the server, besides the loopback names "
                                 "(repeatable; needed with --host, e.g. --allow-host myhost.local)"),
) -> None:
    """Serve the pages and the JSON API, e.g. `pactscope serve --port 8080`, then open
    http://127.0.0.1:8080/ in a browser."""
    import uvicorn

    from pactscope.data import quick_check

    bad = [c for c in quick_check() if not c.ok]
    if bad:
        for check in bad:
            err_console.print(f"[bold red]Error:[/] {check.detail}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    from pactscope.web.app import ALLOWED_HOSTS_ENV
    from pactscope.web.guards import LOOPBACK_NAMES

    names = list(allow_host)
    if not is_loopback(host):
        if host not in ("0.0.0.0", "::"):
            names.append(host)
        err_console.print(
            f"[bold yellow]Warning:[/] listening on {host}, beyond this machine: anyone who can reach port {port} "
            "can use the server. Requests are accepted only for the Host names "
            f"{', '.join([*LOOPBACK_NAMES, *names])} (add more with --allow-host).",
            highlight=False, soft_wrap=True)
    os.environ[ALLOWED_HOSTS_ENV] = ",".join(names)
    uvicorn.run("pactscope.web.app:create_app", factory=True, host=host, port=port, log_level="info")
