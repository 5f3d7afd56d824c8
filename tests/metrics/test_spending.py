"""Military spending against GDP, concentration and democracy scores, checked by hand against the raw rows."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from pactscope.cli import app
from pactscope.errors import BadArgument
from pactscope.metrics import democracy, milex_gdp, spending_concentration

RAW = Path(__file__).parents[2] / "data" / "raw"
runner = CliRunner()


def raw_row(table: str, **match: str) -> dict[str, str]:
    with gzip.open(RAW / f"{table}.csv.gz", "rt", encoding="utf-8") as fh:
        return next(r for r in csv.DictReader(fh) if all(r[k] == v for k, v in match.items()))


def row(frame: pl.DataFrame, **match) -> dict:
    picked = frame.filter(*(pl.col(k) == v for k, v in match.items()))
    assert picked.height == 1
    return picked.row(0, named=True)


def test_sipri_share_of_gdp_russia_2024_and_kazakhstan_2022():
    frame = milex_gdp("CSTO", "2022-2024")
    rus = row(frame, iso3="RUS", year=2024)
    assert round(rus["share_of_gdp"] * 100, 2) == 7.05  # SIPRI 2025 release: 7.05% of GDP
    assert rus["share_of_gdp"] == float(raw_row("sipri_milex", Country="Russia", year="2024")["share_of_gdp"])
    kaz = row(frame, iso3="KAZ", year=2022)
    assert round(kaz["share_of_gdp"] * 100, 2) == 0.52
    assert kaz["milex_usd_m"] == pytest.approx(float(raw_row("sipri_milex", Country="Kazakhstan", year="2022")["current_usd_m"]))


def test_world_bank_gdp_and_the_shares_built_on_it():
    frame = milex_gdp("CSTO", 2023)
    kaz = row(frame, iso3="KAZ", year=2023)
    gdp = float(raw_row("wdi_selected", **{"Country Code": "KAZ", "Indicator Code": "NY.GDP.MKTP.CD", "Year": "2023"})["Value"])
    assert gdp == pytest.approx(261840101059.923) and kaz["gdp_usd_m"] == pytest.approx(gdp / 1e6)
    complete = frame.drop_nulls(["milex_usd_m", "gdp_usd_m"])
    assert kaz["gdp_share"] == pytest.approx(kaz["gdp_usd_m"] / complete["gdp_usd_m"].sum())
    assert kaz["milex_share"] == pytest.approx(kaz["milex_usd_m"] / complete["milex_usd_m"].sum())
    assert kaz["ratio_gdp"] == pytest.approx(kaz["milex_share"] / kaz["gdp_share"])
    assert kaz["cinc_share"] is None and "NMC ends in 2022" in kaz["note"]  # GDP shares go on past NMC
    assert row(milex_gdp("CSTO", 2022), iso3="KAZ", year=2022)["cinc_share"] is not None


def test_concentration_is_the_largest_share_and_the_sum_of_squares():
    frame = milex_gdp("CSTO", 2024)
    spend = dict(zip(frame["iso3"].to_list(), frame["milex_usd_m"].to_list(), strict=True))
    total = sum(spend.values())
    conc = row(spending_concentration("CSTO", 2024), year=2024)
    assert conc["leader"] == "RUS" and conc["n_members"] == conc["n_with_data"] == len(spend)
    assert conc["leader_share"] == pytest.approx(spend["RUS"] / total)
    assert conc["hhi"] == pytest.approx(sum((v / total) ** 2 for v in spend.values()))


def test_democracy_scores_from_raw_rows():
    kaz = row(democracy(["Kazakhstan"], years=2025), iso3="KAZ", year=2025)
    assert kaz["v2x_polyarchy"] == float(raw_row("cw_democracy", ccode="705.0", year="2025.0")["v2x_polyarchy"]) == 0.259
    members = democracy(alliance="CSTO", years=2025)
    assert set(members["iso3"]) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_years_past_the_data_name_the_last_year():
    with pytest.raises(BadArgument, match="SIPRI military expenditure ends in 2024"):
        milex_gdp("CSTO", "2015-2025")
    with pytest.raises(BadArgument, match="end in 2025"):
        democracy(["KAZ"], years="2020-2026")


# --- the three commands of the issue -------------------------------------------------------------


def test_cli_burden_gdp_share():
    result = runner.invoke(app, ["metrics", "burden", "CSTO", "--measure", "gdp-share", "--years", "2015-2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["year"] for r in rows} == set(range(2015, 2025))
    rus = next(r for r in rows if r["iso3"] == "RUS" and r["year"] == 2024)
    assert round(rus["share_of_gdp"], 4) == 0.0705
    bad = runner.invoke(app, ["metrics", "burden", "CSTO", "--measure", "gdp-share", "--years", "2015-2025"])
    assert bad.exit_code == 2 and "ends in 2024" in bad.output


def test_cli_votes_csv():
    result = runner.invoke(app, ["metrics", "votes", "KAZ", "KGZ", "TJK", "UZB", "--topic", "ukraine", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    es1 = next(r for r in rows if r["resolution"] == "A/RES/ES-11/1")
    assert (es1["yes"], es1["no"], es1["abstain"], es1["KAZ"], es1["RUS"]) == ("141", "5", "35", "abstain", "no")
    assert list(rows[0])[7:14] == ["KAZ", "KGZ", "TJK", "UZB", "RUS", "USA", "CHN"]
    bad = runner.invoke(app, ["metrics", "votes", "KAZ", "--topic", "syria"])
    assert bad.exit_code == 2 and "unknown topic 'syria'" in bad.output
    bad = runner.invoke(app, ["metrics", "votes", "Narnia"])
    assert bad.exit_code == 2 and "unknown state 'Narnia'" in bad.output


def test_cli_alignment_to_2025_and_split():
    result = runner.invoke(app, ["metrics", "alignment", "KAZ", "RUS", "CHN", "USA", "--years", "2018-2025", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["year"] for r in rows} == set(range(2018, 2026)) and {r["other"] for r in rows} == {"RUS", "CHN", "USA"}
    assert {r["series"] for r in rows if r["year"] <= 2019} == {"voeten"}
    bad = runner.invoke(app, ["metrics", "alignment", "KAZ", "RUS", "--years", "2018-2026"])
    assert bad.exit_code == 2 and "end in 2025" in bad.output
    split = runner.invoke(app, ["metrics", "alignment", "KAZ", "RUS", "EU", "--split", "2022-02-24", "--format", "json"])
    assert split.exit_code == 0 and [r["other"] for r in json.loads(split.stdout)] == ["RUS", "EU"]
    bad = runner.invoke(app, ["metrics", "alignment", "KAZ", "RUS", "--split", "24.02.2022"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
