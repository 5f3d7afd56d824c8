"""Command-line interface: thin wrappers over library functions."""

from __future__ import annotations

import typer

from pactscope.cli import data as data_cli
from pactscope.cli import ledger as ledger_cli
from pactscope.cli import metrics as metrics_cli
from pactscope.cli import panel as panel_cli
from pactscope.cli.assess import assess
from pactscope.cli.read import read
from pactscope.cli.run import run
from pactscope.cli.serve import serve

app = typer.Typer(
    no_args_is_help=True,
    help="pactscope: evidence on whether alliances protect their members.",
    pretty_exceptions_enable=False,
)
app.add_typer(data_cli.app, name="data")
app.add_typer(panel_cli.app, name="panel")
app.add_typer(ledger_cli.app, name="ledger")
app.add_typer(metrics_cli.app, name="metrics")
app.command("doctor")(data_cli.doctor)
app.command("read")(read)
app.command("run")(run)
app.command("assess")(assess)
app.command("serve")(serve)


def main() -> None:
    app()
