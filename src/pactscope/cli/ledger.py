"""`pactscope ledger ...`: validate and browse the alliance ledger."""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True, help="Validate and browse the curated alliance ledger.")
