"""The data, panel, doctor and run commands, and atomic output files."""

from __future__ import annotations

import json

import polars as pl
import pytest
from typer.testing import CliRunner

from pactscope.cli import app
from pactscope.cli.output import write_frame
from pactscope.data import atomic_write
from pactscope.data.build import load_catalog

runner = CliRunner()


def test_panel_dyad_years_writes_the_requested_panel(tmp_path):
    out = tmp_path / "dyads.parquet"
    result = runner.invoke(app, ["panel", "dyad-years", "--directed", "--years", "2014-2016",
                                 "--add", "atop,nmc,contiguity,majors,gml-mids", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pl.read_parquet(out)
    assert {"atop_defense", "cinc1", "cinc2", "conttype", "cowmaj1", "gmlmidonset"} <= set(frame.columns)
    assert frame["year"].unique().sort().to_list() == [2014, 2015, 2016]
    # atop_alliance: 365.0,705.0,2016.0,1.0,... (Russia pledges to defend Kazakhstan)
    row = frame.filter((pl.col("ccode1") == 365) & (pl.col("ccode2") == 705) & (pl.col("year") == 2016))
    assert row["atop_defense"].to_list() == [1]


def test_panel_state_years_csv_and_undirected(tmp_path):
    out = tmp_path / "sy.csv"
    result = runner.invoke(app, ["panel", "state-years", "--system", "gw", "--years", "2021",
                                 "--add", "ucdp", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(out)
    assert frame.filter(pl.col("gwcode") == 703)["ucdponset"].to_list() == [1]  # conflict 13324 begins 2021
    nd = tmp_path / "nd.parquet"
    assert runner.invoke(app, ["panel", "dyad-years", "--undirected", "--years", "1950", "--out", str(nd)]).exit_code == 0
    assert pl.read_parquet(nd).filter(pl.col("ccode1") > pl.col("ccode2")).height == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["--add", "atop,nmcc"], "unknown step 'nmcc'"),
        (["--years", "2030"], "last complete year"),
        (["--out-ext"], "must end"),
    ],
)
def test_panel_errors_name_the_argument(tmp_path, args, message):
    out = tmp_path / ("x.txt" if args == ["--out-ext"] else "x.parquet")
    extra = [] if args == ["--out-ext"] else args
    result = runner.invoke(app, ["panel", "dyad-years", *extra, "--out", str(out)])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not out.exists()


def test_data_commands():
    listing = runner.invoke(app, ["data", "list", "--format", "json"])
    assert listing.exit_code == 0
    names = [r["name"] for r in json.loads(listing.stdout)]
    # the listing is the catalogue: every catalogued raw table, once each
    assert sorted(names) == sorted(load_catalog()) and "undl_ga_votes" in names
    info = json.loads(runner.invoke(app, ["data", "info", "cow_nmc"]).stdout)
    assert info["pactscope:version"] == "7.0" and info["rows"] == 17121
    assert "@Article{leedsetal2002atop," in runner.invoke(app, ["data", "cite", "atop_alliance"]).stdout
    missing = runner.invoke(app, ["data", "info", "cow_nmcc"])
    assert missing.exit_code == 2 and "cow_nmc" in missing.output
    assert runner.invoke(app, ["doctor"]).exit_code == 0


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.parquet"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as tmp:
        raise KeyboardInterrupt
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]


def test_an_interrupt_before_the_write_is_closed_leaves_no_temporary_file(tmp_path):
    # A signal can land after the body and before the context manager's exit code runs, so that
    # atomic_write's own cleanup never sees it; the exit hook removes the file then.
    from pactscope.data.io import discard_partial_files

    target = tmp_path / "out.csv"
    writer = atomic_write(target)
    tmp = writer.__enter__()
    tmp.write_text("half")
    assert tmp.exists()
    discard_partial_files()
    assert list(tmp_path.iterdir()) == []
    with atomic_write(target) as tmp:  # a finished write is not touched by the hook
        tmp.write_text("whole")
    discard_partial_files()
    assert target.read_text() == "whole" and list(tmp_path.iterdir()) == [target]


def test_a_signal_just_after_the_temporary_file_is_made_leaves_nothing(tmp_path, monkeypatch):
    # Another thread (polars' workers) may take the signal, so it can be handled right after the
    # file is created, before atomic_write holds its name; the exit hook must still know it.
    import pactscope.data.io as io
    from pactscope.data.io import discard_partial_files

    real_close = io.os.close

    def interrupted(fd):
        real_close(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(io.os, "close", interrupted)
    with pytest.raises(KeyboardInterrupt), atomic_write(tmp_path / "out.csv"):
        pass
    monkeypatch.setattr(io.os, "close", real_close)
    assert [p.suffix for p in tmp_path.iterdir()] == [".part"]  # made, and the signal came before the body
    discard_partial_files()
    assert list(tmp_path.iterdir()) == []


def test_write_frame_flattens_lists_for_csv(tmp_path):
    frame = pl.DataFrame({"id": ["a"], "states": [["ARM", "AZE"]]})
    write_frame(frame, tmp_path / "f.csv")
    assert (tmp_path / "f.csv").read_text().splitlines() == ["id,states", "a,ARM;AZE"]
