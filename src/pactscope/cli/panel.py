"""`pactscope panel state-years|dyad-years`: build a panel and write it to a file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.progress import Progress

from pactscope.cli.output import check_out, err_console, user_errors, write_frame

app = typer.Typer(no_args_is_help=True, help="Build state-year or dyad-year panels (peacesciencer style).")


class System(str, Enum):
    cow = "cow"
    gw = "gw"


ADD_HELP = "comma-separated steps: atop, nmc, majors, contiguity, gml-mids, cow-mids, cow-wars, cow-civil-wars, ucdp, igos, rivalries, prd, peace-years"
OUT_HELP = "output file: .parquet or .csv (written atomically)"


def _build(kind: str, system: System, directed: bool, years: str | None, add: str, out: Path) -> None:
    from pactscope.panels import create_dyadyears, create_stateyears
    from pactscope.panels.steps import apply_steps, parse_steps

    with user_errors():
        steps = parse_steps(add)
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task(f"creating {kind}", total=len(steps) + 2)
            if kind == "dyad-years":
                panel = create_dyadyears(system.value, directed=directed, years=years)
            else:
                panel = create_stateyears(system.value, years=years)
            progress.update(task, advance=1)

            def advance(name: str) -> None:
                progress.update(task, advance=1, description=f"added {name}")

            panel = apply_steps(panel, steps, on_step=advance)
            progress.update(task, description=f"writing {out.name}")
            write_frame(panel.frame, out)
            progress.update(task, advance=1)
    err_console.print(f"wrote {panel.frame.height:,} rows × {panel.frame.width} columns ({panel.describe()}) to {out}")


@app.command("state-years")
def state_years(
    out: Path = typer.Option(..., "--out", "-o", help=OUT_HELP, callback=check_out),
    system: System = typer.Option(System.cow, "--system"),
    years: str | None = typer.Option(None, "--years", help="a year or range, e.g. 1946-2025"),
    add: str = typer.Option("", "--add", help=ADD_HELP),
) -> None:
    """One row per state and year.

    Example: pactscope panel state-years --add nmc,majors --years 1992-2022 --out sy.parquet
    """
    _build("state-years", system, True, years, add, out)


@app.command("dyad-years")
def dyad_years(
    out: Path = typer.Option(..., "--out", "-o", help=OUT_HELP, callback=check_out),
    system: System = typer.Option(System.cow, "--system"),
    directed: bool = typer.Option(True, "--directed/--undirected"),
    years: str | None = typer.Option(None, "--years", help="a year or range, e.g. 1946-2025"),
    add: str = typer.Option("", "--add", help=ADD_HELP),
) -> None:
    """Every pair of states in the system in a year.

    Example: pactscope panel dyad-years --directed --add atop,nmc,contiguity,majors,gml-mids --out x.parquet
    """
    _build("dyad-years", system, directed, years, add, out)
