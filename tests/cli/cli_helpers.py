"""Helpers for the CLI fault tests: the real `pactscope` entry point in a child process, and a
copy of the bundled data package with one table damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pactscope.data import paths

# Runs the installed entry point (console(): main(), then a fast exit) after pointing the data
# package at another folder (argv[1]).
LAUNCH = (
    "import sys; from pathlib import Path; import pactscope.data.paths as p; "
    "p.PACKAGE_DIR = Path(sys.argv[1]) if sys.argv[1] else p.PACKAGE_DIR; "
    "sys.argv = ['pactscope', *sys.argv[2:]]; from pactscope.cli import console; console()"
)


def pactscope(*args: str, package: Path | None = None, cwd: Path | None = None,
              timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``pactscope ARGS`` in a child process; stdout and stderr as text."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("PACTSCOPE_DEBUG", None)
    return subprocess.run([sys.executable, "-c", LAUNCH, str(package or ""), *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


def damaged_package(root: Path, table: str, how: str) -> Path:
    """A package folder whose tables link to the bundled ones, except ``table``: "missing",
    "truncated" (half its bytes) or "footer" (same size, last bytes overwritten)."""
    tables = root / "tables"
    tables.mkdir(parents=True)
    for file in paths.TABLES_DIR.glob("*.parquet"):
        if file.stem != table:
            (tables / file.name).symlink_to(file)
    original = (paths.TABLES_DIR / f"{table}.parquet").read_bytes()
    if how == "truncated":
        (tables / f"{table}.parquet").write_bytes(original[: len(original) // 2])
    elif how == "footer":
        (tables / f"{table}.parquet").write_bytes(original[:-64] + b"\xff" * 64)
    elif how != "missing":
        raise ValueError(how)
    return root


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single error line of a failed command (asserting there is no traceback)."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and "panicked" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines[0]
    return lines[0]
