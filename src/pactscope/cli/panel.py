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
    "comma-separated steps: atop, nmc, majors, contiguity, gml-mids, cow-mids, cow-wars, cow-civil-wars, ucdp, ucdp-onsets, "
    "igos, strategic-rivalries (or rivalries), democracy, gdppop, capital-distance, minimum-distance, "
    "territorial-threat, creg, rugged, cow-trade, ccode, gwcode, archigos, lead, lwuf, prd, peace-years, spells"
)
OUT_HELP = "output file: .parquet, .csv or .dta (Stata, with variable labels); written atomically"
YEARS_HELP = "a year or range, e.g. 1950-1999"
WHITTLE_HELP = (
    "comma-separated rules that pick one dispute per dyad-year for gml-mids/cow-mids, in order: onsets, fatality, "
    "hostility, mindur, maxdur, recip, stmon, jds (default: peacesciencer's bundled choice, i.e. all of them in that order)"
)


def _build(kind: str, create: Callable[[], Panel], add: str, out: Path, whittle: str = "") -> None:
    from pactscope.panels.labels import column_labels
    from pactscope.panels.steps import apply_steps, parse_steps
    from pactscope.panels.whittle import parse_rules

    with user_errors():
        steps = parse_steps(add)
        rules = parse_rules(whittle)
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task(f"creating {kind}", total=len(steps) + 2)
            panel = create()
            progress.update(task, advance=1)

            def advance(name: str) -> None:
                progress.update(task, advance=1, description=f"added {name}")

            panel = apply_steps(panel, steps, on_step=advance, whittle_rules=rules)
            progress.update(task, description=f"writing {out.name}")
            labels = column_labels(panel) if out.suffix.lower() == ".dta" else None
            write_frame(panel.frame, out, labels=labels)
            progress.update(task, advance=1)
    err_console.print(f"wrote {panel.frame.height:,} rows × {panel.frame.width} columns ({panel.describe()}) to {out}")


# Options every panel command shares (typer reads a default Option object once per command).
OutOpt = typer.Option(..., "--out", "-o", help=OUT_HELP, callback=check_out)
YearsOpt = typer.Option(None, "--years", help=YEARS_HELP)
AddOpt = typer.Option("", "--add", help=ADD_HELP)
WhittleOpt = typer.Option("", "--whittle", help=WHITTLE_HELP)
DirectedOpt = typer.Option(True, "--directed/--undirected")
MryOpt = typer.Option(
    True, "--mry/--no-mry",
    help="extend states alive at the end of the state list to the last complete year (peacesciencer's mry)",
)


@app.command("state-years")
def state_years(
    out: Path = OutOpt,
    system: System = typer.Option(System.cow, "--system"),
    years: str | None = YearsOpt,
    add: str = AddOpt,
    mry: bool = MryOpt,
) -> None:
    """One row per state and year.

    Example: pactscope panel state-years --add nmc,majors,democracy --years 1992-1999 --out sy.parquet
    """
    from pactscope.panels import create_stateyears

    _build("state-years", lambda: create_stateyears(system.value, years=years, mry=mry), add, out)


@app.command("state-days")
def state_days(
    out: Path = OutOpt,
    system: System = typer.Option(System.cow, "--system"),
    mry: bool = MryOpt,
) -> None:
    """One row per state and day in the system.

    Example: pactscope panel state-days --system gw --no-mry --out sd.parquet
    """
    from pactscope.panels import create_statedays

    _build("state-days", lambda: create_statedays(system.value, mry=mry), "", out)


@app.command("dyad-years")
def dyad_years(
    out: Path = OutOpt,
    system: System = typer.Option(System.cow, "--system"),
    directed: bool = DirectedOpt,
    years: str | None = YearsOpt,
    add: str = AddOpt,
    whittle: str = WhittleOpt,
    mry: bool = MryOpt,
) -> None:
    """Every pair of states in the system in a year.

    Example: pactscope panel dyad-years --directed --add atop,nmc,contiguity,majors,gml-mids --out x.parquet
    """
    from pactscope.panels import create_dyadyears

    _build("dyad-years", lambda: create_dyadyears(system.value, directed=directed, years=years, mry=mry), add, out, whittle)


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
    directed: bool = DirectedOpt,
    years: str | None = YearsOpt,
    add: str = AddOpt,
    whittle: str = WhittleOpt,
) -> None:
    """Every pair of leaders of two states in office in the same year.

    Example: pactscope panel leader-dyad-years --system cow --years 1990-2000 --add gml-mids,lwuf --out ldy.parquet
    """
    from pactscope.panels import create_leaderdyadyears

    _build("leader-dyad-years", lambda: create_leaderdyadyears(system.value, directed=directed, years=years), add, out, whittle)


class ConflictType(str, Enum):
    gml = "gml"
    cow_mid = "cow-mid"


@app.command("dispute-years")
def dispute_years_command(
    out: Path = OutOpt,
    type: ConflictType = typer.Option(ConflictType.gml, "--type", help="gml (GML MIDs) or cow-mid (COW MIDs)"),
    leaders: bool = typer.Option(False, "--leaders", help="leader-dyad dispute-years (gml only)"),
    whittle: str = typer.Option("", "--whittle", help="comma-separated rules applied in order: onsets, fatality, hostility, mindur, maxdur, recip, stmon, jds"),
) -> None:
    """Directed dispute-years (every dispute of every dyad-year), optionally whittled.

    Example: pactscope panel dispute-years --type gml --whittle onsets,fatality,hostility --out disputes.csv
    """
    from pactscope.panels.labels import dispute_labels
    from pactscope.panels.whittle import dispute_years, parse_rules
    from pactscope.panels.whittle import whittle as apply_rules

    with user_errors():
        disputes = apply_rules(dispute_years(type.value, leaders=leaders), parse_rules(whittle))  # type: ignore[arg-type]
        labels = dispute_labels(disputes) if out.suffix.lower() == ".dta" else None
        write_frame(disputes.frame, out, labels=labels)
    left = disputes.duplicates()
    note = f"; {left:,} unit-years still hold more than one dispute" if left else ""
    err_console.print(f"wrote {disputes.frame.height:,} dispute-years × {disputes.frame.width} columns to {out}{note}")
