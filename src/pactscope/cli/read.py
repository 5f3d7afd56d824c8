"""`pactscope read FILE|-`: what an article refers to, linked to the ledger."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from pactscope.cli.output import user_errors


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


def read(
    file: str = typer.Argument(..., help="a text or HTML file in UTF-8, or - for standard input"),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (marked, for the terminal), json or html"),
) -> None:
    """Mark the states, organizations, places, people, dates and events in an article and
    link its event references to the ledger's crisis cases and meetings.

    Example: pactscope read article.txt --format json
    """
    from pactscope.reader import read_text

    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {file}: {exc.strerror}") from None
    with user_errors():
        result = read_text(data)
    if format is Format.json:
        typer.echo(result.to_json())
    elif format is Format.html:
        typer.echo(result.to_html())
    else:
        Console(highlight=False, soft_wrap=True).print(result.to_rich())
