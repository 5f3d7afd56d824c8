"""`pactscope ledger` commands through typer's CliRunner."""

from __future__ import annotations

import json

from ledger_helpers import edit, line_with
from typer.testing import CliRunner

from pactscope.cli import app

runner = CliRunner()


def test_validate_shipped_ledger_passes():
    result = runner.invoke(app, ["ledger", "validate"])
    assert result.exit_code == 0, result.output
    assert "ledger OK" in result.output


def test_validate_broken_copy_exits_1_with_location(root):
    path = root / "csto/membership.yaml"
    edit(path, "  - state: KAZ\n    status: member\n", "  - state: KAZ\n    statut: member\n")
    result = runner.invoke(app, ["ledger", "validate", "--root", str(root)])
    assert result.exit_code == 1
    line = line_with(path, "statut:")
    assert f"csto/membership.yaml:{line}: spells[2].statut: unknown key (misspelled?)" in result.output


def test_show():
    result = runner.invoke(app, ["ledger", "show", "CSTO"])
    assert result.exit_code == 0, result.output
    assert "Collective Security Treaty Organization" in result.output and "1994-04-20" in result.output


def test_show_unknown_org():
    result = runner.invoke(app, ["ledger", "show", "XSTO"])
    assert result.exit_code == 2
    assert "CSTO" in result.output


def test_cases_json_and_csv(root):
    result = runner.invoke(app, ["ledger", "cases", "CSTO", "--format", "json", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert [c["id"] for c in json.loads(result.output)] == ["test-case"]
    result = runner.invoke(app, ["ledger", "cases", "csto", "--member", "KGZ", "--format", "csv", "--root", str(root)])
    assert result.output.splitlines()[1].startswith("CSTO,test-case,")
    result = runner.invoke(app, ["ledger", "cases", "CSTO", "--member", "ARM", "--format", "json", "--root", str(root)])
    assert json.loads(result.output) == []


def test_meetings():
    result = runner.invoke(app, ["ledger", "meetings", "CSTO"])
    assert result.exit_code == 0
    assert "2025-05-28" in result.output and "2022-01-10" in result.output
