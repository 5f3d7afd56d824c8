"""`pactscope read FILE...|-`: what articles refer to, linked to the ledger."""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from pactscope.cli.output import fail, user_errors
from pactscope.errors import BadArgument


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


def read(
    files: list[str] = typer.Argument(..., help="text or HTML files in UTF-8, or - for standard input"),
    format: Format = typer.Option(Format.text, "--format", "-f",
                                  help="text (marked, for the terminal), json, jsonl (one line per file) or html"),
    date: str | None = typer.Option(None, "--date", help="the article's own date, YYYY-MM-DD (else read from the text)"),
    claims: bool = typer.Option(False, "--claims", help="also set each claim about a case or organization beside the record"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1,
                                    help="worker processes for several files with --format jsonl (default: the cores; 1: none)"),
) -> None:
    """Mark the states, organizations, places, people, dates and events in articles and
    link their event references to the ledger's crisis cases and meetings.

    Example: pactscope read article.txt --format json --date 2022-09-14
    Batch:   pactscope read articles/*.txt --format jsonl
    Claims:  pactscope read article.txt --claims --format html > claims.html
    """
    from pactscope.assess.reading import read_batch, read_document
    from pactscope.reader import MAX_CHARS

    if len(files) > 1 and format not in (Format.jsonl, Format.text):
        raise typer.BadParameter("several files need --format jsonl (one JSON object per line) or text")
    limit = 4 * MAX_CHARS  # MAX_CHARS characters of up to four UTF-8 bytes
    if format is Format.jsonl:
        sources = ((file, lambda file=file: _read_bounded(file, limit)) for file in files)
        with user_errors():
            for line in read_batch(sources, date=date, claims=claims, jobs=jobs, count=len(files)):
                typer.echo(line)
        return
    for file in files:
        data = _read_bounded(file, limit)
        with user_errors():
            result = read_document(data, date=date, claims=claims)
        if format is Format.json:
            typer.echo(result.to_json())
        elif format is Format.html:
            typer.echo(result.to_html() + (_claims_html(result) if claims else ""))
        else:
            console = Console(highlight=False, soft_wrap=True)
            console.print(terminal_safe(result.to_rich()))
            if claims:
                console.print(terminal_safe(_claims_text(result)))


def _read_bounded(file: str, limit: int) -> bytes:
    """At most ``limit`` bytes of ``file`` (or standard input for -); one error line when there are more."""
    try:
        if file == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(file).open("rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {file}: {exc.strerror}") from None
    if len(data) > limit:
        fail(BadArgument(f"{file} is larger than {limit:,} bytes; the reader takes at most {limit // 4:,} "
                         "characters, so split the text"))
    return data


def _claims_html(result) -> str:
    from pactscope.reader.claims.render import claims_html

    return claims_html(result.claims or [])


def _claims_text(result) -> str:
    from rich.markup import escape

    from pactscope.reader.claims.render import claims_text

    return escape(claims_text(result.claims or []))


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` without control characters (C0 but tab and newline, DEL, C1) or bidi overrides,
    which a terminal could take as commands or use to reorder what is shown."""
    return _UNSAFE.sub("", text)
