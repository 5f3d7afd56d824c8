"""`pactscope assess` and `pactscope run` write the report files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pactscope.cli import app

runner = CliRunner()


def test_assess_json_for_armenia(tmp_path):
    out = tmp_path / "arm.json"
    result = runner.invoke(app, ["assess", "CSTO", "--member", "Armenia", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["alliance"] == "CSTO" and [s["iso3"] for s in doc["states"]] == ["ARM"]


def test_assess_members_list_and_versus(tmp_path):
    out = tmp_path / "ca.md"
    result = runner.invoke(app, ["assess", "CSTO", "--members", "KAZ,KGZ", "--comparison", "UZB", "--versus", "CHN,AFG",
                                 "--years", "1992-2022", "--format", "md", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Do Kazakhstan and Kyrgyzstan need the CSTO?")
    assert "The compared states were chosen for this report: China and Afghanistan" in text


def test_assess_refuses_a_non_member_alone():
    result = runner.invoke(app, ["assess", "CSTO", "--member", "Turkmenistan"])
    assert result.exit_code == 2
    assert "none of TKM is a member of CSTO" in result.output


def test_run_writes_three_files(tmp_path):
    out = tmp_path / "csto-central-asia.html"
    result = runner.invoke(app, ["run", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.with_suffix(".md").exists() and out.with_suffix(".json").exists()
    assert "csto-central-asia.html" in result.output
