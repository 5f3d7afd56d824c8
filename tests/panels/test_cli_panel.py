"""The panel command line: help without polars, steps by name, files written."""

from __future__ import annotations

import json
import subprocess
import sys

import polars as pl
from typer.testing import CliRunner

from pactscope.cli import app

PROBE = """
import json, sys
sys.argv = ["pactscope", "--help"]
from pactscope.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps({"polars": "polars.dataframe" in sys.modules}), file=sys.stderr)
"""


def test_help_does_not_import_polars():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert json.loads(out.stderr.strip().splitlines()[-1]) == {"polars": False}


def test_dyad_years_command_writes_the_panel(tmp_path):
    out = tmp_path / "p.parquet"
    result = CliRunner().invoke(app, ["panel", "dyad-years", "--years", "2000-2001", "--add", "atop,strategic-rivalries", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pl.read_parquet(out)
    # ATOP 5.1: Russia (365) pledges defence to Kazakhstan (705) in 2000
    hit = frame.filter((pl.col("ccode1") == 365) & (pl.col("ccode2") == 705) & (pl.col("year") == 2000))
    assert hit["atop_defense"].item() == 1
    assert "ongoingrivalry" in frame.columns
