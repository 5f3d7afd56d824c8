"""`pactscope metrics ...` through typer's CliRunner, on a local app that mounts the sub-app."""

from __future__ import annotations

import json

import polars as pl
import pytest
import typer
from typer.testing import CliRunner

from pactscope.cli import metrics as metrics_cli

runner = CliRunner()
root = typer.Typer()
root.add_typer(metrics_cli.app, name="metrics")


def run(*args: str):
    return runner.invoke(root, ["metrics", *args], env={"COLUMNS": "200"})


def test_members_json_is_an_array_of_records():
    result = run("members", "CSTO", "--years", "1995", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert sorted(r["iso3"] for r in records) == ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert list(records[0]) == ["alliance", "year", "ccode", "iso3", "name", "status", "member", "source", "atop", "ledger_status"]


def test_members_table_lists_frozen_armenia():
    result = run("members", "csto", "--years", "2024", "--inactive")
    assert result.exit_code == 0, result.output
    assert "frozen" in result.stdout and "suspended" in result.stdout


def test_dominance_json_has_the_library_columns():
    result = run("dominance", "CSTO", "NATO", "--years", "2022", "--long", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) == 8  # 2 alliances x 4 indicators
    rus = next(r for r in records if r["alliance"] == "CSTO" and r["indicator"] == "cinc")
    assert rus["leader"] == "RUS" and rus["leader_share"] == pytest.approx(0.87258, abs=1e-4)


def test_dominance_side_by_side_puts_alliances_in_one_row_per_year():
    result = run("dominance", "CSTO", "NATO", "--years", "2021-2022", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["year"] for r in records] == [2021, 2022]
    last = records[-1]
    assert (last["CSTO_leader"], last["NATO_leader"]) == ("RUS", "USA")
    assert last["CSTO_share"] == pytest.approx(0.87258, abs=1e-4)  # same value as the long form above
    assert last["NATO_share"] == pytest.approx(0.548, abs=1e-3)


def test_out_csv_and_parquet(tmp_path):
    csv = tmp_path / "burden.csv"
    result = run("burden", "CSTO", "--years", "2022", "--out", str(csv))
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(csv)
    assert frame.height == 6 and "ratio_cinc" in frame.columns
    assert result.stdout == ""  # a file and no --format: nothing on stdout
    pq = tmp_path / "exit.parquet"
    result = run("exit", "CSTO", "--out", str(pq))
    assert result.exit_code == 0, result.output
    assert pl.read_parquet(pq)["joined_after"].dtype == pl.List(pl.String)
    assert not list(tmp_path.glob(".*.part"))


def test_out_with_list_columns_in_csv(tmp_path):
    path = tmp_path / "reliability.csv"
    result = run("reliability", "NATO", "--out", str(path))
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(path)
    yes = frame.filter(pl.col("triggered") == "yes").row(0, named=True)
    assert yes["case_ids"] == "nato-2001-article-5-september-11"


def test_bad_out_extension_exits_2(tmp_path):
    result = run("burden", "CSTO", "--out", str(tmp_path / "x.txt"))
    assert result.exit_code == 2
    assert "--out" in result.output and "x.csv" in result.output


def test_unknown_alliance_exits_2_with_suggestion():
    result = run("dominance", "CSTO", "NATOO")
    assert result.exit_code == 2
    assert "alliance: no organization 'NATOO'" in result.output and "NATO" in result.output


def test_unknown_state_exits_2():
    result = run("threats", "Kazakstan")
    assert result.exit_code == 2
    assert "state: unknown state 'Kazakstan'" in result.output and "Kazakhstan" in result.output


def test_bad_years_exit_2():
    result = run("members", "CSTO", "--years", "ninety")
    assert result.exit_code == 2 and "years" in result.output


def test_reliability_member_json():
    result = run("reliability", "CSTO", "--member", "KGZ", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {r["triggered"]: r for r in json.loads(result.stdout)}
    from pactscope.ledger import cases_frame

    kgz = cases_frame("CSTO").filter(pl.col("threatened").list.contains("KGZ"))
    assert rows["no"]["cases"] == (kgz["obligation_triggered"] == "no").sum() >= 7
    assert rows["yes"]["rate"] is None


def test_reliability_war_method_runs():
    result = run("reliability", "CSTO", "--method", "war", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["group"] == "overall"


def test_threats_json_dates_and_lists():
    result = run("threats", "KGZ", "--alliance", "CSTO", "--years", "2021", "--format", "json")
    assert result.exit_code == 0, result.output
    row = next(r for r in json.loads(result.stdout) if r["source"] == "ucdp")
    assert row["adversary"] == "TJK" and row["shared_alliances"] == ["CSTO"]


def test_exit_clauses_json():
    result = run("exit", "CSTO", "--clauses", "--format", "json")
    assert result.exit_code == 0, result.output
    assert {r["notice_months"] for r in json.loads(result.stdout) if r["type"] == "withdrawal"} == {6}


def test_coalition_preset_and_unknown_preset():
    result = run("coalition", "--preset", "central-asia", "--versus", "AFG", "--years", "2022", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["group"] for r in json.loads(result.stdout)] == ["central-asia", "CSTO", "AFG"]
    bad = run("coalition", "--preset", "centralasia")
    assert bad.exit_code == 2 and "central-asia" in bad.output


def test_coalition_overlap_table():
    result = run("coalition", "UZB", "--overlap", "--years", "2013")
    assert result.exit_code == 0, result.output
    assert "CSTO suspended" in result.stdout


def test_alignment_portfolio_runs():
    result = run("alignment", "KAZ", "RUS", "--measure", "portfolio", "--years", "2000", "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1


def test_war_reliability_without_an_alliance_is_the_pooled_table():
    result = run("reliability", "--method", "war", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [(r["group"], r["level"]) for r in records][:2] == [("overall", "all"), ("type", "defense")]
    # the default unit is war x alliance: n counts the honoured and violated rows of --cases
    cases = run("reliability", "--method", "war", "--cases", "--format", "csv").stdout.splitlines()
    assert records[0]["n"] == sum(",honoured," in line or ",violated," in line for line in cases[1:])
    assert records[0]["published_n"] == 146
    csto = json.loads(run("reliability", "CSTO", "--method", "war", "--format", "json").stdout)
    assert csto[0]["n"] == 1  # the Azeri-Armenian war (COW 216), ATOP 4220
    assert run("reliability", "--method", "cases").exit_code == 2
