"""Command-line interface: thin wrappers over library functions."""

from __future__ import annotations

import typer

from pactscope.cli import ledger as ledger_cli

app = typer.Typer(no_args_is_help=True, help="pactscope: evidence on whether alliances protect their members.")
app.add_typer(ledger_cli.app, name="ledger")


def main() -> None:
    app()
