"""Command-line interface: thin wrappers over library functions."""

from __future__ import annotations

import os
import signal
import sys

import typer

from pactscope.cli import data as data_cli
from pactscope.cli import ledger as ledger_cli
from pactscope.cli import metrics as metrics_cli
from pactscope.cli import panel as panel_cli
from pactscope.cli.assess import assess
from pactscope.cli.output import err_console
from pactscope.cli.read import read
from pactscope.cli.run import run
from pactscope.cli.serve import serve
from pactscope.errors import PactscopeError

app = typer.Typer(
    no_args_is_help=True,
    help="pactscope: evidence on whether alliances protect their members.",
    pretty_exceptions_enable=False,
)
app.add_typer(data_cli.app, name="data")
app.add_typer(panel_cli.app, name="panel")
app.add_typer(ledger_cli.app, name="ledger")
app.add_typer(metrics_cli.app, name="metrics")
app.command("doctor")(data_cli.doctor)
app.command("read")(read)
app.command("run")(run)
app.command("assess")(assess)
app.command("serve")(serve)

DEBUG_ENV = "PACTSCOPE_DEBUG"  # set to 1 to see the traceback of an unexpected error


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"pactscope {version('pactscope')}")
        except PackageNotFoundError:  # pragma: no cover - a bare source tree
            typer.echo("pactscope (version unknown: not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                      help="print the version and exit"),
) -> None:
    """pactscope: evidence on whether alliances protect their members."""


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM as SystemExit, so that cleanups (partial files) run as for Ctrl-C."""
    raise SystemExit(128 + signum)


def _say(message: str, code: int) -> None:
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True, markup=True)
    sys.exit(code)


def main() -> None:
    """The `pactscope` command: one error line instead of a traceback, whatever goes wrong."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        _say("interrupted; no partial output file was left", 130)
    except PactscopeError as exc:
        _say(str(exc), 2)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _say(f"unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}; run `pactscope "
             f"doctor` to check the bundled data, and set {DEBUG_ENV}=1 to see the details", 1)
    except BaseException as exc:  # a Rust panic inside polars arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException" or os.environ.get(DEBUG_ENV):
            raise
        _say(f"internal error in a data library ({str(exc).splitlines()[0] if str(exc) else 'panic'}); run "
             f"`pactscope doctor`, and set {DEBUG_ENV}=1 to see the details", 1)


def console() -> None:
    """The installed `pactscope` script: ``main()``, then a fast exit.

    After the command is done (output files closed and renamed, streams flushed, ``atexit``
    handlers run) the process ends without the interpreter's teardown, which, once polars is
    loaded, costs about 0.1 s of CPU freeing objects the operating system reclaims anyway.
    """
    import atexit
    import contextlib

    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code or 0)
