"""`pactscope panel state-years|dyad-years|leader-years|leader-dyad-years`: build a panel and write it."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import Progress

from pactscope.cli.output import check_out, err_console, user_errors, write_frame

if TYPE_CHECKING:
    from pactscope.panels import Panel

app = typer.Typer(no_args_is_help=True, help="Build state-year, dyad-year and leader panels (peacesciencer style).")


class System(str, Enum):
    cow = "cow"
    gw = "gw"


class Standardize(str, Enum):
    none = "none"
    cow = "cow"
    gw = "gw"


ADD_HELP = (
    "comma-separated steps: atop, nmc, majors, contiguity, gml-mids, cow-mids, cow-wars, cow-civil-wars, ucdp, "
    "igos, strategic-rivalries (or rivalries), democracy, gdppop, capital-distance, minimum-distance, "
    "territorial-threat, creg, rugged, cow-trade, ccode, gwcode, archigos, lead, lwuf, prd, peace-years, spells"
)
OUT_HELP = "output file: .parquet, .csv or .dta (Stata, with variable labels); written atomically"
YEARS_HELP = "a year or range, e.g. 1950-1999"


def _build(kind: str, create: Callable[[], Panel], add: str, out: Path) -> None:
    from pactscope.panels.labels import column_labels
    from pactscope.panels.steps import apply_steps, parse_steps

    with user_errors():
        steps = parse_steps(add)
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task(f"creating {kind}", total=len(steps) + 2)
            panel = create()
            progress.update(task, advance=1)

            def advance(name: str) -> None:
                progress.update(task, advance=1, description=f"added {name}")

            panel = apply_steps(panel, steps, on_step=advance)
            progress.update(task, description=f"writing {out.name}")
            labels = column_labels(panel) if out.suffix.lower() == ".dta" else None
            write_frame(panel.frame, out, labels=labels)
            progress.update(task, advance=1)
    err_console.print(f"wrote {panel.frame.height:,} rows × {panel.frame.width} columns ({panel.describe()}) to {out}")


# Options every panel command shares (typer reads a default Option object once per command).
OutOpt = typer.Option(..., "--out", "-o", help=OUT_HELP, callback=check_out)
YearsOpt = typer.Option(None, "--years", help=YEARS_HELP)
AddOpt = typer.Option("", "--add", help=ADD_HELP)


@app.command("state-years")
def state_years(
    out: Path = OutOpt,
    system: System = typer.Option(System.cow, "--system"),
    years: str | None = YearsOpt,
    add: str = AddOpt,
) -> None:
    """One row per state and year.

    Example: pactscope panel state-years --add nmc,majors,democracy --years 1992-1999 --out sy.parquet
    """
    from pactscope.panels import create_stateyears

    _build("state-years", lambda: create_stateyears(system.value, years=years), add, out)


@app.command("dyad-years")
def dyad_years(
    out: Path = OutOpt,
    system: System = typer.Option(System.cow, "--system"),
    directed: bool = typer.Option(True, "--directed/--undirected"),
    years: str | None = YearsOpt,
    add: str = AddOpt,
) -> None:
    """Every pair of states in the system in a year.

    Example: pactscope panel dyad-years --directed --add atop,nmc,contiguity,majors,gml-mids --out x.parquet
    """
    from pactscope.panels import create_dyadyears

    _build("dyad-years", lambda: create_dyadyears(system.value, directed=directed, years=years), add, out)


@app.command("leader-years")
def leader_years(
    out: Path = OutOpt,
    standardize: Standardize = typer.Option(Standardize.none, "--standardize", help="keep leader-years of states in the cow or gw system (none: all Archigos)"),
    years: str | None = YearsOpt,
    add: str = AddOpt,
) -> None:
    """One row per Archigos leader and year in office.

    Example: pactscope panel leader-years --standardize cow --add lead,lwuf,nmc --out ly.dta
    """
    from pactscope.panels import create_leaderyears

    _build("leader-years", lambda: create_leaderyears(standardize.value, years=years), add, out)


@app.command("leader-dyad-years")
def leader_dyad_years(
    out: Path = OutOpt,
    system: System = typer.Option(System.gw, "--system"),
    directed: bool = typer.Option(True, "--directed/--undirected"),
    years: str | None = YearsOpt,
    add: str = AddOpt,
) -> None:
    """Every pair of leaders of two states in office in the same year.

    Example: pactscope panel leader-dyad-years --system cow --years 1990-2000 --add gml-mids,lwuf --out ldy.parquet
    """
    from pactscope.panels import create_leaderdyadyears

    _build("leader-dyad-years", lambda: create_leaderdyadyears(system.value, directed=directed, years=years), add, out)
