"""`pactscope data ...` and `pactscope doctor`: the bundled tables and their provenance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer
from rich.progress import Progress

from pactscope.cli._lazy import lazy_module
from pactscope.cli.output import Format, console, emit, user_errors

if TYPE_CHECKING:
    import polars as pl
else:
    pl = lazy_module("polars")  # loaded on first use: `pactscope --help` does not import polars

app = typer.Typer(no_args_is_help=True, help="The bundled open data: list, describe, cite, rebuild.")


@app.command("list")
def list_cmd(fmt: Format = typer.Option(Format.table, "--format", "-f")) -> None:
    """Every bundled table with its version, coverage and row count.

    Example: pactscope data list
    """
    from pactscope.data import info, list_datasets

    rows = []
    for name in list_datasets():
        meta = info(name)
        coverage = meta.get("pactscope:coverage")
        rows.append({
            "name": name,
            "title": meta["title"],
            "version": meta["pactscope:version"],
            "coverage": f"{coverage[0]}-{coverage[1]}" if coverage else None,
            "rows": meta["rows"],
        })
    emit(pl.DataFrame(rows), fmt, title="Bundled tables")


@app.command()
def info(name: str = typer.Argument(..., help="table name, e.g. cow_nmc")) -> None:
    """The provenance record of one table (source, version, licence, citation, hash, columns).

    Example: pactscope data info atop_alliance
    """
    from pactscope.data import info as table_info

    with user_errors():
        typer.echo(json.dumps(table_info(name), indent=2, ensure_ascii=False))


@app.command()
def cite(names: list[str] = typer.Argument(..., help="one or more table names")) -> None:
    """BibTeX for the tables named.

    Example: pactscope data cite cow_nmc atop_alliance > refs.bib
    """
    from pactscope.data import cite as cite_tables

    with user_errors():
        typer.echo(cite_tables(*names), nl=False)


@app.command()
def build() -> None:
    """Rebuild the Parquet tables and datapackage.json from data/raw (a source checkout only)."""
    from pactscope.data.build import build as build_tables
    from pactscope.data.build import load_catalog

    with user_errors(), Progress(console=console, transient=True) as progress:
        task = progress.add_task("converting tables", total=len(load_catalog()))
        descriptor = build_tables(on_table=lambda name: progress.update(task, advance=1, description=name))
    console.print(f"built {len(descriptor['resources'])} tables")


def doctor() -> None:
    """Verify every bundled table against its recorded checksum and say what is wrong.

    Example: pactscope doctor
    """
    from pactscope.data import verify

    with user_errors():
        checks = verify()
    bad = [c for c in checks if not c.ok]
    for check in checks:
        mark = "[green]ok[/]" if check.ok else "[bold red]FAIL[/]"
        console.print(f"{mark} {check.name}: {check.detail}", highlight=False)
    if bad:
        console.print(f"[bold red]{len(bad)} of {len(checks)} tables failed;[/] reinstall pactscope or run `pactscope data build`")
        raise typer.Exit(1)
    console.print(f"all {len(checks)} tables match their checksums")
