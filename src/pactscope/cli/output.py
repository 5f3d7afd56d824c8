"""Shared output for commands: rich tables, JSON records, CSV/Parquet files, error exits."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from pactscope.data import atomic_write
from pactscope.errors import BadArgument, PactscopeError

console = Console()
err_console = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


WRITERS = {".parquet": "parquet", ".csv": "csv"}


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn library errors into a one-line message and exit code 2 (no traceback)."""
    try:
        yield
    except PactscopeError as exc:
        err_console.print(f"[bold red]Error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


def write_frame(frame: pl.DataFrame, out: Path) -> None:
    """Write by extension (.parquet or .csv), atomically: no half-written file on failure."""
    kind = WRITERS.get(out.suffix.lower())
    if kind is None:
        raise BadArgument(f"--out {out}: unknown file type {out.suffix!r}; use .parquet or .csv")
    with atomic_write(out) as tmp:
        if kind == "parquet":
            frame.write_parquet(tmp, compression="zstd")
        else:
            frame.write_csv(tmp)


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def rich_table(frame: pl.DataFrame, title: str | None = None, limit: int = 60) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    for name in frame.columns:
        numeric = frame.schema[name].is_numeric()
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for row in frame.head(limit).iter_rows():
        table.add_row(*(_cell(v) for v in row))
    if frame.height > limit:
        table.caption = f"first {limit} of {frame.height} rows; use --out FILE or --format csv for all"
    return table


def emit(frame: pl.DataFrame, fmt: Format = Format.table, *, title: str | None = None, out: Path | None = None) -> None:
    """Show a frame as a table, JSON array of records or CSV; with ``out`` also write it."""
    if out is not None:
        write_frame(frame, out)
        err_console.print(f"wrote {frame.height} rows to {out}")
        return
    if fmt is Format.json:
        typer.echo(json.dumps(frame.to_dicts(), ensure_ascii=False, default=str, indent=1))
    elif fmt is Format.csv:
        typer.echo(frame.write_csv(), nl=False)
    else:
        console.print(rich_table(frame, title))
