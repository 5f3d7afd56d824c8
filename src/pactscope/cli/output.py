"""Shared output for commands: rich tables, JSON records, CSV/Parquet files, error exits."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from pactscope.cli._lazy import lazy_module
from pactscope.data.io import atomic_write, check_writable, flat_for_csv
from pactscope.errors import BadArgument, PactscopeError

if TYPE_CHECKING:
    import polars as pl
else:
    pl = lazy_module("polars")  # loaded on first use: `pactscope --help` does not import polars

console = Console()
err_console = Console(stderr=True)

SUFFIXES = (".csv", ".parquet", ".dta")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn library errors into a one-line message and exit code 2 (no traceback)."""
    try:
        yield
    except PactscopeError as exc:
        fail(exc)


def fail(exc: Exception) -> None:
    err_console.print(f"[bold red]Error:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def check_out(path: Path | None) -> Path | None:
    """Option callback: refuse an --out file type, or a place that cannot be written, before any work."""
    if path is not None and not path.is_dir() and path.suffix.lower() not in SUFFIXES:
        raise typer.BadParameter(f"{path.name} must end in .csv, .parquet or .dta (did you mean: {path.stem}.csv?)")
    return writable_out(path)


def writable_out(path: Path | None) -> Path | None:
    """Option callback: one error line now if ``--out`` cannot be written (see ``check_writable``)."""
    if path is not None:
        with user_errors():
            check_writable(path)
    return path


def write_frame(frame: pl.DataFrame, out: Path, labels: dict[str, str] | None = None) -> None:
    """Write by extension (.parquet, .csv or Stata .dta with ``labels`` as variable labels),
    atomically: no half-written file on failure."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise BadArgument(f"--out {out}: unknown file type {out.suffix!r}; use .parquet, .csv or .dta")
    with atomic_write(out) as tmp:
        if suffix == ".parquet":
            # a large data page compresses better and writes faster; statistics stay for readers' pruning
            frame.write_parquet(tmp, compression="zstd", row_group_size=1 << 20, data_page_size=8 << 20)
        elif suffix == ".dta":
            import pyreadstat

            too_long = [c for c in frame.columns if len(c) > 32]
            if too_long:
                raise BadArgument(f"--out {out.name}: Stata names have at most 32 characters; rename {', '.join(too_long)}")
            stata_labels = {c: text[:80] for c, text in (labels or {}).items() if c in frame.columns}
            pyreadstat.write_dta(flat_for_csv(frame), str(tmp), column_labels=stata_labels)
        else:
            flat_for_csv(frame).write_csv(tmp)


def cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _fits(columns: list[str], cells: list[list[str]], width: int) -> bool:
    """Would one column per field fit the terminal (headers may wrap; long text folds at 34)?"""
    needed = 0
    for index, name in enumerate(columns):
        longest = max([min(len(name), 6), *(len(row[index]) for row in cells)])
        needed += min(longest, 34) + 3
    return needed <= width


def rich_table(frame: pl.DataFrame, title: str | None = None, caption: str | None = None, limit: int = 200) -> Table:
    """A table that fits the terminal: one column per field, or one block per row when too wide."""
    shown = frame.head(limit)
    cells = [[cell(v) for v in row] for row in shown.iter_rows()]
    if _fits(frame.columns, cells, console.width or 100):
        table = Table(title=title, caption=caption, header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
        for index, name in enumerate(frame.columns):
            longest = max([1, *(len(row[index]) for row in cells)])
            justify = "right" if frame.schema[name].is_numeric() else "left"
            table.add_column(name, justify=justify, overflow="fold", min_width=min(longest, 34))
        for row in cells:
            table.add_row(*row)
    else:  # record view: field | value, a section per row
        table = Table(title=title, caption=caption, show_header=False, show_lines=False)
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value", overflow="fold")
        for index, row in enumerate(shown.iter_rows(named=True)):
            if index:
                table.add_section()
            for name, value in row.items():
                table.add_row(name, cell(value))
    if frame.height > limit:
        note = f"first {limit} of {frame.height} rows; use --out FILE or --format json for all"
        table.caption = f"{caption}\n{note}" if caption else note
    return table


def emit(
    frame: pl.DataFrame,
    fmt: Format | None = None,
    out: Path | None = None,
    title: str | None = None,
    caption: str | None = None,
) -> None:
    """Write ``frame`` to ``out`` if given; print it as a table (default), JSON records or CSV."""
    if out is not None:
        with user_errors():
            write_frame(frame, out)
        err_console.print(f"wrote {frame.height} rows to {out}")
        if fmt is None:
            return
    if fmt is Format.json:
        typer.echo(json.dumps(frame.to_dicts(), default=_json_default, ensure_ascii=False, indent=2))
    elif fmt is Format.csv:
        typer.echo(flat_for_csv(frame).write_csv(), nl=False)
    else:
        console.print(rich_table(frame, title, caption))
