"""`pactscope run`: the main job behind `make run` — the default assessment report."""

from __future__ import annotations

from pathlib import Path

import typer

from pactscope.cli.output import console, err_console, user_errors, writable_out

DEFAULT_OUT = Path("out") / "csto-central-asia.html"


def run(
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="HTML file to write; .md and .json are written beside it",
                             callback=writable_out),
    years: str = typer.Option(None, "--years", help="year range (default: 1992 to this year)"),
) -> None:
    """Build the CSTO report for Central Asia: Kazakhstan, Kyrgyzstan and Tajikistan as members,
    Uzbekistan and Turkmenistan as non-member comparisons. Writes HTML, Markdown and JSON.

    Example: pactscope run --out out/csto-central-asia.html
    """
    import shlex
    import sys

    from pactscope.cli.assess import build_with_progress, write_report

    with user_errors():
        report = build_with_progress(
            "CSTO report for Central Asia", alliance="CSTO", region="central-asia", years=years,
            command=shlex.join(["pactscope", *sys.argv[1:]]) if sys.argv[1:2] == ["run"] else "pactscope run",
        )
        with err_console.status("writing HTML, Markdown and JSON…"):
            written = [write_report(report, fmt, out.with_suffix(f".{fmt}")) for fmt in ("html", "md", "json")]
    shown = sum(1 for i in report.indicators if i.suggests != "no reading")
    console.print(f"[bold]{report.title}[/] — {len(report.sections)} sections, {shown} indicator readings, "
                  f"{len(report.sources)} sources.", soft_wrap=True)
    for path in written:
        console.print(f"wrote {path}", soft_wrap=True, highlight=False)
    console.print(f"Open {written[0].resolve()} in a browser (it works offline).", soft_wrap=True, highlight=False)
