"""Faults a careless user or a broken install meets: one clear error line, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_helpers import LAUNCH, damaged_package, one_error_line, pactscope
from typer.testing import CliRunner

from pactscope.cli import app
from pactscope.data import paths
from pactscope.data.io import check_writable

runner = CliRunner()


# -- 8. damaged bundled tables ---------------------------------------------------------------------------

COMMANDS = {
    "run": ["run", "--out", "{tmp}/r.html"],
    "panel": ["panel", "state-years", "--add", "nmc", "--years", "2000", "--out", "{tmp}/p.csv"],
    "metrics": ["metrics", "dominance", "CSTO", "--years", "2000-2010"],
}


@pytest.mark.parametrize("how", ["missing", "truncated", "footer"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_damaged_table_gives_one_line_naming_doctor(tmp_path, command, how):
    package = damaged_package(tmp_path / "pkg", "cow_nmc", how)
    args = [a.format(tmp=tmp_path) for a in COMMANDS[command]]
    line = one_error_line(pactscope(*args, package=package, cwd=tmp_path))
    assert "pactscope doctor" in line and "bundled table cow_nmc" in line
    assert not list(tmp_path.glob("*.html")) and not list(tmp_path.glob("*.csv"))


def test_serve_checks_the_tables_before_it_starts(tmp_path, monkeypatch):
    import uvicorn

    monkeypatch.setattr(paths, "PACKAGE_DIR", damaged_package(tmp_path / "pkg", "atop_alliance", "truncated"))
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(a))
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2 and started == []
    assert "bundled table atop_alliance is damaged" in result.output and "pactscope doctor" in result.output


# -- 8. outputs that cannot be written -------------------------------------------------------------------

@pytest.mark.parametrize("out, says", [
    ("/proc/x.csv", "/proc does not accept new files"),
    ("{tmp}", "is a directory"),
    ("{tmp}/file.txt/x.csv", "is not a folder"),
])
@pytest.mark.parametrize("command", [
    ["panel", "state-years", "--out"],
    ["metrics", "members", "CSTO", "--out"],
    ["run", "--out"],
    ["assess", "CSTO", "--region", "central-asia", "--out"],
])
def test_an_unwritable_out_is_refused_before_the_work(tmp_path, command, out, says):
    (tmp_path / "file.txt").write_text("x")
    if command[0] == "run" or command[0] == "assess":
        out = out.replace(".csv", ".html")
    t0 = time.perf_counter()
    result = runner.invoke(app, [*command, out.format(tmp=tmp_path)])
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert time.perf_counter() - t0 < 5  # refused before building anything


def test_a_full_disk_is_refused_before_the_work(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda _: shutil._ntuple_diskusage(10**9, 10**9 - 100, 100))
    result = runner.invoke(app, ["panel", "state-years", "--out", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "only 100 bytes free" in result.output


def test_a_write_error_during_the_write_leaves_nothing(tmp_path, monkeypatch):
    import polars as pl

    def full(self, file, **_):
        Path(file).write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_csv", full)
    result = runner.invoke(app, ["metrics", "members", "CSTO", "--years", "2020", "--out", str(tmp_path / "m.csv")])
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output and "No space left on device" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError, match="does not accept new files"):
            check_writable(folder / "x.csv")
    finally:
        folder.chmod(0o755)


def test_data_build_on_a_read_only_package_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "PACKAGE_DIR", Path("/proc/pactscope"))
    result = runner.invoke(app, ["data", "build"])
    assert result.exit_code == 2, result.output
    assert "cannot be rebuilt in place" in result.output and "Traceback" not in result.output


# -- 9. bounded input ------------------------------------------------------------------------------------

def test_read_stops_after_the_limit(tmp_path):
    t0 = time.perf_counter()
    line = one_error_line(pactscope("read", "/dev/zero", timeout=60))
    assert "larger than 800,000 bytes" in line
    assert time.perf_counter() - t0 < 30


def test_read_from_standard_input_is_bounded_too():
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run([sys.executable, "-c", LAUNCH, "", "read", "-"], stdin=zero, capture_output=True,
                                text=True, timeout=60)
    assert "larger than 800,000 bytes" in one_error_line(result)


def test_read_drops_terminal_control_characters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Armenia asked the CSTO for help \u009b31m now \u001b[2J and \u202eevil\u202c.", encoding="utf-8")
    result = pactscope("read", str(article))
    assert result.returncode == 0, result.stderr
    for char in ("\u009b", "\u001b", "\u202e", "\u202c"):
        assert char not in result.stdout
    assert "Armenia" in result.stdout


# -- 10. signals during a write --------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_a_write_leaves_no_partial_file(tmp_path, sig, code):
    out = tmp_path / "d.csv"
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "", "panel", "dyad-years", "--add", "atop,nmc,contiguity",
                             "--out", str(out)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".d.csv.*.part")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert list(tmp_path.glob(".d.csv.*.part")), "the write never started"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code
    assert list(tmp_path.iterdir()) == []
    assert "Traceback" not in err and "panicked" not in err and "RUST_BACKTRACE" not in err


# -- 11. smaller -----------------------------------------------------------------------------------------

def test_ledger_validate_refuses_a_folder_without_records():
    result = runner.invoke(app, ["ledger", "validate", "--root", "/etc"])
    assert result.exit_code == 1 and "not a ledger records folder" in result.output
    assert "ledger OK" not in result.output


def test_ledger_cases_rejects_an_unknown_member():
    result = runner.invoke(app, ["ledger", "cases", "CSTO", "--member", "ZZZ"])
    assert result.exit_code == 2 and "unknown state 'ZZZ'" in result.output


def test_ledger_cases_member_takes_a_name():
    by_name = runner.invoke(app, ["ledger", "cases", "CSTO", "--member", "Kazakhstan", "--format", "csv"])
    assert by_name.exit_code == 0
    assert "kaz-2022-01-unrest" in by_name.output and "arm-aze" not in by_name.output


@pytest.mark.parametrize("args", [["run", "--years", "1800-1900"],
                                  ["panel", "state-years", "--years", "1800-1900", "--out", "x.csv"]])
def test_years_outside_the_data_name_the_real_coverage(args, tmp_path, monkeypatch):
    from pactscope.data import coverage

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    first, last = coverage("cow_states")
    assert result.exit_code == 2
    assert f"cover {first}-{last}" in result.output and "9999" not in result.output


def test_version():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"pactscope {version('pactscope')}"
