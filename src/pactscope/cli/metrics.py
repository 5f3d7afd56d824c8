"""`pactscope metrics ...`: alliance metrics as tables, JSON or files.

Every command prints a rich table by default; ``--format json`` prints a JSON array of records
with the same columns (dates as ISO strings, lists as arrays); ``--out FILE`` writes CSV or
Parquet, chosen by the extension, atomically. Bad input exits with code 2.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from enum import StrEnum
from pathlib import Path

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from pactscope import metrics as m
from pactscope.data import atomic_write
from pactscope.errors import BadArgument, PactscopeError
from pactscope.metrics._common import current_year, org_id, year_span
from pactscope.metrics.burden import GDP_NOTE

app = typer.Typer(no_args_is_help=True, help="Alliance metrics: membership, dominance, burden, reliability, threats.")
out = Console()
err = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    json = "json"


class Method(StrEnum):
    cases = "cases"
    war = "war"


class Measure(StrEnum):
    votes = "votes"
    portfolio = "portfolio"


SUFFIXES = (".csv", ".parquet")


def _check_out(path: Path | None) -> Path | None:
    if path is not None and path.suffix.lower() not in SUFFIXES:
        raise typer.BadParameter(f"{path.name} must end in .csv or .parquet (did you mean: {path.stem}.csv?)")
    return path


FormatOpt = typer.Option(None, "--format", help="table (default) or json")
OutOpt = typer.Option(None, "--out", help="write the rows to FILE.csv or FILE.parquet", callback=_check_out)
YearsOpt = typer.Option(None, "--years", help="a year or a span such as 1992-2022")


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    raise typer.Exit(2)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write(frame: pl.DataFrame, path: Path) -> None:
    suffix = path.suffix.lower()
    with atomic_write(path) as tmp:
        if suffix == ".parquet":
            frame.write_parquet(tmp)
        else:
            lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
            flat = frame.with_columns(pl.col(c).cast(pl.List(pl.String)).list.join(";") for c in lists)
            flat.write_csv(tmp)
    err.print(f"wrote {frame.height} rows to {path}")


def emit(frame: pl.DataFrame, fmt: Format | None, path: Path | None, title: str, caption: str | None = None) -> None:
    """Write ``frame`` to ``path`` if given, then print it as a table or JSON."""
    if path is not None:
        _write(frame, path)
        if fmt is None:
            return
    if fmt is Format.json:
        typer.echo(json.dumps(frame.to_dicts(), default=_json_default, ensure_ascii=False, indent=2))
        return
    table = Table(title=title, caption=caption)
    for column in frame.columns:
        table.add_column(column, overflow="fold")  # never hide part of a value
    for row in frame.iter_rows():
        table.add_row(*(_cell(v) for v in row))
    out.print(table)


@app.command()
def members(
    alliance: str,
    years: str | None = YearsOpt,
    inactive: bool = typer.Option(False, "--inactive", help="also list suspended, observer and partner states"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """States in ALLIANCE each year (status on 31 December; ATOP to 2016, then the ledger)."""
    try:
        frame = m.alliance_years(alliance, years)
    except PactscopeError as exc:
        _fail(exc)
    if not inactive:
        frame = frame.filter(pl.col("member"))
    emit(frame, fmt, path, f"{frame['alliance'][0] if frame.height else alliance.upper()} members")


@app.command()
def dominance(
    alliances: list[str],
    years: str | None = YearsOpt,
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Leader's share, HHI and members-to-half of CINC, milex, milper and tpop per alliance-year."""
    try:
        frame = m.dominance(alliances, years)
    except PactscopeError as exc:
        _fail(exc)
    emit(frame, fmt, path, "Dominance", "Source: COW NMC v7.0 (ends 2022).")


@app.command()
def burden(
    alliance: str,
    years: str | None = YearsOpt,
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Each member's share of alliance milex against its shares of CINC and population."""
    try:
        frame = m.burden(alliance, years)
    except PactscopeError as exc:
        _fail(exc)
    emit(frame, fmt, path, f"{alliance.upper()} burden sharing", GDP_NOTE)


def _war_table(alliance: str, by: str | None) -> tuple[pl.DataFrame, str]:
    try:
        from pactscope.metrics import reliability_war
    except ImportError:
        raise BadArgument("--method: the war-based method is not installed", suggestions=["cases"]) from None
    fn = reliability_war.war_reliability
    if "alliance" in inspect.signature(fn).parameters:
        return fn(by=by, alliance=alliance), f"War-based reliability of {alliance.upper()} (COW wars, ATOP)."
    return fn(by=by), "War-based reliability pooled over all ATOP alliances (COW wars); not specific to one alliance."


@app.command()
def reliability(
    alliance: str,
    member: str | None = typer.Option(None, "--member", help="only this threatened member (cases)"),
    by_member: bool = typer.Option(False, "--by-member", help="one block per threatened member (cases)"),
    method: Method = typer.Option(Method.cases, "--method", help="cases (ledger) or war (COW wars and ATOP)"),
    by: str | None = typer.Option(None, "--by", help="war method: overall, type or era"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Did ALLIANCE help threatened members? Fulfilment rate with a Wilson 95% interval."""
    try:
        if method is Method.war:
            frame, caption = _war_table(org_id(alliance), by)
        else:
            frame = m.case_reliability(alliance, member, by_member=by_member)
            caption = "Fulfilled: triggered and answered with deployment or material aid. Rates only on triggered=yes rows."
    except (PactscopeError, ValueError) as exc:
        _fail(exc)
    emit(frame, fmt, path, f"{alliance.upper()} reliability ({method.value})", caption)


def _year_list(years: str | None) -> list[int] | None:
    if years is None:
        return None
    start, end = year_span(years, (1946, current_year()))
    return list(range(start, end + 1))


@app.command()
def alignment(
    state: str,
    others: list[str],
    measure: Measure = typer.Option(Measure.votes, "--measure", help="votes (UN General Assembly) or portfolio (ATOP)"),
    years: str | None = YearsOpt,
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Alignment of STATE with OTHERS (states, or EU): UN vote agreement or alliance-portfolio similarity."""
    try:
        span = _year_list(years)
        if measure is Measure.votes:
            frame = m.alignment_with(state, others, years=span)
        else:
            frame = pl.concat([m.portfolio_similarity(state, o, years=span) for o in others])
    except (PactscopeError, ValueError) as exc:
        _fail(exc)
    emit(frame, fmt, path, f"Alignment of {state} ({measure.value})")


@app.command()
def threats(
    state: str,
    alliance: str | None = typer.Option(None, "--alliance", help="check adversaries against this alliance only"),
    years: str | None = YearsOpt,
    mids: str = typer.Option("gml-then-cow", "--mids", help="gml-then-cow, gml, cow, both or none"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """STATE's armed conflicts (UCDP) and disputes (MIDs) by year, and whether the adversary was an ally."""
    try:
        frame = m.threats(state, alliance, years, mids=mids)
    except PactscopeError as exc:
        _fail(exc)
    emit(frame, fmt, path, f"Threat environment of {state}")


@app.command("exit")
def exit_(
    alliance: str,
    clauses: bool = typer.Option(False, "--clauses", help="json/--out: the clauses instead of the precedents"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Withdrawal terms of ALLIANCE and the states that left it, with what they joined next."""
    try:
        terms = m.exit_clauses(alliance)
        cases = m.exit_precedents(alliance)
    except PactscopeError as exc:
        _fail(exc)
    if fmt is Format.json or path is not None:
        emit(terms if clauses else cases, fmt, path, "")
        return
    emit(terms, None, None, f"{alliance.upper()} exit clauses")
    emit(cases, None, None, f"{alliance.upper()} exit precedents")


@app.command()
def coalition(
    states: list[str] = typer.Argument(None, help="states of the bloc (names or codes)"),
    preset: str | None = typer.Option(None, "--preset", help=f"a named bloc: {', '.join(m.PRESETS)}"),
    versus: list[str] = typer.Option(None, "--versus", help="a potential adversary (repeat the option)"),
    alliance: str = typer.Option("CSTO", "--alliance", help="the alliance the bloc would replace"),
    overlap: bool = typer.Option(False, "--overlap", help="show the bloc states' memberships instead"),
    years: str | None = YearsOpt,
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """A hypothetical bloc's CINC, milex, milper and tpop against ALLIANCE and adversaries."""
    try:
        if overlap:
            frame = m.coalition_overlap(states or None, preset=preset, years=years)
        else:
            frame = m.coalition(states or None, preset=preset, alliance=alliance, versus=versus or None, years=years)
    except PactscopeError as exc:
        _fail(exc)
    emit(frame, fmt, path, "Coalition scenario", "Source: COW NMC v7.0 (ends 2022).")
