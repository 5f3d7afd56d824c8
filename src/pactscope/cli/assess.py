"""`pactscope assess`: build an assessment report (HTML, Markdown or JSON)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import typer

from pactscope.cli.output import err_console, user_errors, writable_out


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def write_report(report, fmt: str, out: Path) -> Path:
    """Render ``report`` as ``fmt`` and write it to ``out`` atomically."""
    from pactscope.assess import render
    from pactscope.data import atomic_write

    text = render(report, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(out) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return out


def build_with_progress(label: str, **kwargs):
    """Build a report while a rich status line names the section being assembled."""
    from pactscope.assess import build_report

    with err_console.status(f"{label}: loading data…") as status:
        return build_report(**kwargs, progress=lambda name: status.update(f"{label}: {name}…"))


def assess(
    alliance: str = typer.Argument(..., help="alliance in the ledger, e.g. CSTO or NATO"),
    member: list[str] = typer.Option(None, "--member", help="a state (name or code); repeatable"),
    members: str = typer.Option(None, "--members", help="states separated by commas, e.g. KAZ,KGZ,TJK"),
    region: str = typer.Option(None, "--region", help="a region preset, e.g. central-asia"),
    comparison: list[str] = typer.Option(None, "--comparison", help="extra non-member state to compare; repeatable"),
    # plain choices: importing the report package here would load polars for `pactscope --help`
    fmt: str = typer.Option("html", "--format", help="html, md or json"),
    out: Path = typer.Option(None, "--out", help="output file (default: out/<alliance>-<states>.<format>)",
                          callback=writable_out),
    years: str = typer.Option(None, "--years", help="year range, e.g. 1992-1999 (default: the alliance's first year to now)"),
    compare: str = typer.Option(None, "--compare", help="second alliance for the power section (default: NATO, or the CSTO for NATO)"),
    versus: str = typer.Option(None, "--versus", help="states to compare the bloc with, e.g. RUS,CHN,AFG"),
) -> None:
    """Evidence on whether states need an alliance, with every number sourced.

    Examples: pactscope assess CSTO --region central-asia;
    pactscope assess NATO --member Turkey --format md; pactscope assess CSTO --member Armenia --out arm.json --format json
    """
    states = _split(member) + _split([members] if members else [])
    with user_errors():
        from pactscope.assess.formats import ReportFormat
        from pactscope.errors import BadArgument

        if fmt not in {f.value for f in ReportFormat}:
            raise BadArgument(f"--format {fmt}: choose {', '.join(f.value for f in ReportFormat)}")
        report = build_with_progress(
            f"{alliance} report", alliance=alliance, members=states or None, region=region,
            comparisons=_split(comparison), years=years, compare_with=compare, versus=_split([versus] if versus else []),
            command=shlex.join(["pactscope", *sys.argv[1:]]),
        )
        if out is None:
            tag = region or "-".join(s.iso3.lower() for s in report.states if s.role == "member")
            out = Path("out") / f"{report.alliance.lower()}-{tag}.{fmt}"
        write_report(report, fmt, out)
    err_console.print(f"wrote {out}")
