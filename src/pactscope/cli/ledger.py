"""`pactscope ledger ...`: validate and browse the alliance ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from pactscope.cli._lazy import lazy_module
from pactscope.cli.output import Format, emit, rich_table, user_errors
from pactscope.cli.output import console as out
from pactscope.cli.output import err_console as err

if TYPE_CHECKING:
    import polars as pl
else:
    pl = lazy_module("polars")  # loaded on first use: `pactscope --help` does not import polars

app = typer.Typer(no_args_is_help=True, help="Validate and browse the curated alliance ledger.")

RootOpt = typer.Option(None, "--root", help="records folder to use instead of the shipped one")


@app.command()
def validate(root: Path | None = RootOpt) -> None:
    """Check every ledger file; print `file:line: field: problem` and exit 1 on errors."""
    from pactscope import ledger as lg

    problems = lg.validate(root)
    errors = [p for p in problems if p.is_error]
    for p in problems:
        (err if p.is_error else out).print(str(p), markup=False, highlight=False, soft_wrap=True)
    warnings = len(problems) - len(errors)
    summary = f"{len(errors)} error(s), {warnings} warning(s)"
    if errors:
        err.print(f"[red]{summary}[/red]")
        raise typer.Exit(1)
    out.print(f"[green]ledger OK[/green]: {summary}")


@app.command()
def show(org: str, root: Path | None = RootOpt) -> None:
    """Summary of an organization: documents, clauses, membership, organs."""
    from pactscope import ledger as lg

    with user_errors():
        o = lg.get_organization(org, root)
        members = lg.membership_frame(o.id, root)
        clauses = lg.clauses_frame(o.id, root)
        organs = lg.load_ledger(root).organs.get(o.id, ())
    out.print(f"[bold]{o.names.en}[/bold] ({o.id}) - {o.kind}; founded {o.founded}; HQ {o.headquarters}")
    out.print(f"collective defence: {o.collective_defence}; ATOP ids: {o.atop_ids}")
    out.print(o.summary)
    docs = Table("document", "kind", "signed", "in force", title="Documents")
    for d in o.documents:
        docs.add_row(d.title, d.kind.value, str(d.signed), str(d.in_force or ""))
    out.print(docs)
    cl = Table("article", "type", "paraphrase", title="Key clauses")
    for row in clauses.iter_rows(named=True):
        cl.add_row(f"{row['document']} art. {row['article']}", row["type"], row["paraphrase"])
    out.print(cl)
    ms = Table("state", "status", "start", "end", "end reason", title="Membership")
    for row in members.iter_rows(named=True):
        ms.add_row(row["state"], row["status"], str(row["start"]), str(row["end"] or ""), row["end_reason"] or "")
    out.print(ms)
    og = Table("organ", "kind", title="Organs")
    for organ in organs:
        og.add_row(organ.names.en, organ.kind)
    out.print(og)
    with user_errors():
        _show_footprint(o.id, root)


def _d(value: object) -> str:
    return "" if value is None else str(value)


def _show_footprint(oid: str, root: Path | None) -> None:
    """Tables of foreign facilities, collective forces and exercises, each row with its sources."""
    from pactscope import ledger as lg
    from pactscope.ledger.frames_footprint import shown_date

    presence, forces, exercises = lg.presence_frame(oid, root), lg.forces_frame(oid, root), lg.exercises_frame(oid, root)
    if presence.height:
        t = Table("facility", "host", "user", "from", "to", "agreement signed", "runs to", "personnel", "sources",
                  title="Foreign military presence on members' territory")
        for r in presence.iter_rows(named=True):
            t.add_row(r["name"], r["host"], r["user"], shown_date(r["start"], r["start_precision"]),
                      shown_date(r["end"], r["end_precision"]), shown_date(r["signed"], r["signed_precision"]),
                      _d(r["runs_to"]), _d(r["personnel"]), ", ".join(r["sources"]))
        out.print(t)
    if forces.height:
        t = Table("force", "kind", "established", "not signed", "personnel", "sources", title="Collective forces")
        for r in forces.iter_rows(named=True):
            size = f"{r['personnel']} ({r['size_date']})" if r["personnel"] else ""
            t.add_row(r["name"], r["kind"], _d(r["established"]), " ".join(r["not_signed"]), size, ", ".join(r["sources"]))
        out.print(t)
    if exercises.height:
        t = Table("start", "end", "exercise", "status", "host", "participants", "personnel", "sources", title="Joint exercises")
        for r in exercises.iter_rows(named=True):
            t.add_row(shown_date(r["start"], r["precision"]), shown_date(r["end"], r["precision"]), r["name"], r["status"], _d(r["host"]), " ".join(r["participants"]),
                      _d(r["personnel"]), ", ".join(r["sources"]))
        out.print(t)
    _show_departures(oid, root)


def _show_departures(oid: str, root: Path | None) -> None:
    """Members that left a structure of the organization without leaving the treaty, with sources."""
    from pactscope import ledger as lg
    from pactscope.ledger.frames_footprint import shown_date

    frame = lg.departures_frame(oid, root)
    if not frame.height:
        return
    t = Table("state", "structure", "from", "until", "sources", title="Departures from alliance structures")
    for r in frame.iter_rows(named=True):
        t.add_row(r["state"], r["structure"], shown_date(r["start"], r["start_precision"]),
                  shown_date(r["end"], r["end_precision"]), ", ".join(r["sources"]))
    out.print(t)


@app.command()
def cases(
    org: str,
    member: str | None = typer.Option(None, "--member", help="only cases with this ISO3 party"),
    fmt: Format = typer.Option(Format.table, "--format", help="table, json or csv"),
    root: Path | None = RootOpt,
) -> None:
    """Crisis cases of an organization."""
    from pactscope import ledger as lg

    with user_errors():
        rows = lg.cases_json(org, member=member, root=root)
    if fmt is Format.json:  # the documented case JSON, richer than the frame's columns
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    frame = lg.cases_frame(org, root).filter(pl.col("id").is_in([r["id"] for r in rows]))
    if fmt is Format.csv:
        emit(frame, fmt)
        return
    shown = frame.select(
        "id", start=pl.col("start_date"), states=pl.col("states").list.join(" "),
        request=pl.col("request_made"), response="response", obligation=pl.col("obligation_triggered"),
    )
    out.print(rich_table(shown, f"{org.upper()} cases"))


@app.command()
def meetings(org: str, root: Path | None = RootOpt) -> None:
    """Meetings of an organization's organs, in date order."""
    from pactscope import ledger as lg

    with user_errors():
        frame = lg.meetings_frame(org, root)
    table = Table("date", "organ", "place", "chair", "decisions", title=f"{org.upper()} meetings")
    for row in frame.iter_rows(named=True):
        flags = " (extraordinary)" if row["extraordinary"] else ""
        table.add_row(str(row["date"]), row["organ_name"] + flags, row["place"], row["chair"] or "", str(row["n_decisions"]))
    out.print(table)


@app.command()
def schema(write: bool = typer.Option(False, "--write", help="rewrite ledger.schema.json")) -> None:
    """Print (or rewrite) the JSON Schema of the ledger files."""
    from pactscope import ledger as lg

    if write:
        out.print(f"wrote {lg.write_schema()}")
    else:
        typer.echo(json.dumps(lg.ledger_json_schema(), indent=2, ensure_ascii=False))
