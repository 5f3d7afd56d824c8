"""The whittle_conflicts_* verbs: rules checked by hand on raw dispute-year rows (read with csv),
peacesciencer's bundled one-dispute tables reproduced, and the same result on 1 and 2 threads."""

from __future__ import annotations

import polars as pl
import pyreadstat
import pytest
from raw_tables import raw_rows
from threads import probe_on_threads
from typer.testing import CliRunner

import pactscope.panels as ps
from pactscope.cli import app
from pactscope.data import load
from pactscope.errors import BadArgument, WrongPanelKind
from pactscope.panels.whittle import DEFAULT_RULES, LEADER_KEYS, whittle


def raw_group(table: str, ccode1: int, ccode2: int, year: int) -> dict[int, dict[str, str]]:
    """The raw rows of one directed dyad-year, by dispute number."""
    return {
        int(float(r["dispnum"])): r for r in raw_rows(table)
        if (float(r["ccode1"]), float(r["ccode2"]), float(r["year"])) == (ccode1, ccode2, year)
    }


def kept(disputes: ps.DisputeYears, ccode1: int, ccode2: int, year: int) -> list[int]:
    frame = disputes.frame.filter((pl.col("ccode1") == ccode1) & (pl.col("ccode2") == ccode2) & (pl.col("year") == year))
    return sorted(frame["dispnum"].to_list())


def test_france_italy_1860_under_each_rule():
    # gml_dirdisp, 220-325 in 1860: three onsets, all starting in September
    #   dispute 112: fatality 4, hostlev 4, mindur 23,  maxdur 23,  recip 1
    #   dispute 113: fatality 5, hostlev 4, mindur 149, maxdur 149, recip 1
    #   dispute 306: fatality 0, hostlev 3, mindur 125, maxdur 125, recip 0
    raw = raw_group("gml_dirdisp", 220, 325, 1860)
    assert sorted(raw) == [112, 113, 306]
    assert {d: (float(r["midonset"]), float(r["fatality"]), float(r["hostlev"]), float(r["mindur"]), float(r["recip"]), float(r["stmon"]))
            for d, r in raw.items()} == {112: (1, 4, 4, 23, 1, 9), 113: (1, 5, 4, 149, 1, 9), 306: (1, 0, 3, 125, 0, 9)}
    gml = ps.dispute_years("gml")
    assert kept(ps.whittle_conflicts_onsets(gml), 220, 325, 1860) == [112, 113, 306]  # all onsets: none goes
    assert kept(ps.whittle_conflicts_fatality(gml), 220, 325, 1860) == [113]
    assert kept(ps.whittle_conflicts_hostility(gml), 220, 325, 1860) == [112, 113]
    assert kept(ps.whittle_conflicts_duration(gml), 220, 325, 1860) == [113]
    assert kept(ps.whittle_conflicts_duration(gml, "maxdur"), 220, 325, 1860) == [113]
    assert kept(ps.whittle_conflicts_reciprocation(gml), 220, 325, 1860) == [112, 113]
    assert kept(ps.whittle_conflicts_startmonth(gml), 220, 325, 1860) == [112, 113, 306]
    assert kept(ps.whittle_conflicts_jds(gml), 220, 325, 1860) == [112]  # the first in the file
    assert kept(gml.pipe(ps.wc_hostility).pipe(ps.wc_recip).pipe(ps.wc_jds), 220, 325, 1860) == [112]
    # the other dyad-years are untouched: 220-325 in 1859 (a single dispute) stays as it is
    assert kept(ps.whittle_conflicts_fatality(gml), 220, 325, 1859) == kept(gml, 220, 325, 1859)


def test_cow_mids_take_dispute_levels_from_the_dispute_table():
    # cow_mid_dirdisps has no hostlev; cow_mid_disps gives 5 (war) to 112 and 113, 3 to 306
    levels = {int(float(r["dispnum"])): float(r["hostlev"]) for r in raw_rows("cow_mid_disps") if float(r["dispnum"]) in (112, 113, 306)}
    assert levels == {112: 5, 113: 5, 306: 3}
    cow = ps.dispute_years("cow-mid")
    assert "hostlev" not in cow.frame.columns
    hostility = ps.whittle_conflicts_hostility(cow)
    assert kept(hostility, 220, 325, 1860) == [112, 113]
    assert "cow_mid_disps" in hostility.sources


def test_onsets_beat_continuing_disputes_and_unknown_fatality_beats_none():
    # 210-211 in 1832: dispute 25 continues (onset 0), dispute 368 begins (onset 1)
    raw = raw_group("gml_dirdisp", 210, 211, 1832)
    assert {d: float(r["midonset"]) for d, r in raw.items()} == {25: 0.0, 368: 1.0}
    gml = ps.dispute_years("gml")
    assert kept(ps.whittle_conflicts_onsets(gml), 210, 211, 1832) == [368]
    # 365-710 in 1968: dispute 349 fatality -9 (unknown), dispute 2711 fatality 0
    raw = raw_group("gml_dirdisp", 365, 710, 1968)
    assert {d: float(r["fatality"]) for d, r in raw.items()} == {349: -9.0, 2711: 0.0}
    fatal = ps.whittle_conflicts_fatality(gml)
    assert kept(fatal, 365, 710, 1968) == [349]
    assert fatal.frame.filter(pl.col("dispnum") == 349)["fatality"].unique().to_list() == [-9]  # the code is kept


def test_missing_values_never_win_and_never_drop_a_unit_year():
    frame = pl.DataFrame({
        "dispnum": [1, 2, 3, 4], "ccode1": [2, 2, 20, 20], "ccode2": [20, 20, 2, 2], "year": [1990] * 4,
        "midongoing": [1] * 4, "midonset": [1] * 4, "hostlev": [None, 3, None, None],
    })
    disputes = ps.declare_dispute_years(frame)
    assert ps.whittle_conflicts_hostility(disputes).frame["dispnum"].to_list() == [2, 3, 4]
    with pytest.raises(BadArgument, match="no column"):
        ps.declare_dispute_years(frame.drop("midonset"))
    with pytest.raises(BadArgument, match="mindur"):
        ps.whittle_conflicts_duration(disputes, "longest")
    with pytest.raises(BadArgument, match="gml"):
        ps.dispute_years("cow-mid", leaders=True)
    with pytest.raises(WrongPanelKind, match="dispute_years"):
        ps.whittle_conflicts_jds(frame)  # type: ignore[arg-type]


def test_peacesciencers_order_reproduces_its_bundled_tables():
    gml = whittle(ps.dispute_years("gml"))
    reference = load("gml_mid_ddydisps").rename({"gmlmidongoing": "midongoing", "gmlmidonset": "midonset"})
    assert gml.duplicates() == 0
    assert gml.frame.select(reference.columns).equals(reference.sort("ccode1", "ccode2", "year"))
    # COW: peacesciencer stops at the start month, and no duplicates remain there
    cow = whittle(ps.dispute_years("cow-mid"), DEFAULT_RULES[:-1])
    reference = load("cow_mid_ddydisps").rename({"cowmidongoing": "dispongoing", "cowmidonset": "disponset"})
    assert cow.duplicates() == 0
    assert cow.frame.select(reference.columns).equals(reference.sort("ccode1", "ccode2", "year"))


def test_leader_dyad_disputes_keep_peacesciencers_choice_in_every_leader_dyad_year():
    # gml_mid_ddlydisps came from onsets, fatality, hostility, mindur, recip, stmon on the
    # leader-dyad dispute-years; its file lacks 64 leader-dyad-years that the source has
    # (USA-1969 and CHN-1949 in 1969: disputes 611, continuing, and 2936, beginning)
    leaders = whittle(ps.dispute_years("gml", leaders=True), ["onsets", "fatality", "hostility", "mindur", "recip", "stmon"])
    reference = load("gml_mid_ddlydisps")
    mine = leaders.frame.select(reference.columns)
    assert reference.join(mine, on=reference.columns, how="anti", nulls_equal=True).height == 0
    extra = mine.join(reference, on=reference.columns, how="anti", nulls_equal=True)
    assert extra.height == 64
    # none of the extra rows is a second choice in a leader-dyad-year the reference has
    assert extra.select(LEADER_KEYS).join(reference.select(LEADER_KEYS), on=LEADER_KEYS, how="semi", nulls_equal=True).height == 0
    usa_china = extra.filter((pl.col("obsid1") == "USA-1969") & (pl.col("obsid2") == "CHN-1949") & (pl.col("year") == 1969))
    assert usa_china["dispnum"].to_list() == [2936]


PROBE = """
import hashlib, json, polars as pl, pactscope.panels as ps
from pactscope.panels.whittle import whittle
gml = whittle(ps.dispute_years("gml"), ["onsets", "hostility", "jds"])
cow = whittle(ps.dispute_years("cow-mid"), ["onsets", "recip", "jds"])
print(json.dumps({"threads": pl.thread_pool_size(),
                  "gml": hashlib.sha256(gml.frame.write_csv().encode()).hexdigest(),
                  "cow": hashlib.sha256(cow.frame.write_csv().encode()).hexdigest()}))
"""


def test_whittling_does_not_depend_on_threads():
    results = probe_on_threads(PROBE)
    assert results[0]["gml"] == results[1]["gml"] and results[0]["cow"] == results[1]["cow"]


def test_panels_take_whittled_disputes():
    panel = ps.create_dyadyears(years="1860")
    default = ps.add_gml_mids(panel, keep=[])
    own = ps.add_gml_mids(panel, keep=[], disputes=whittle(ps.dispute_years("gml")))
    assert own.frame.equals(default.frame)  # peacesciencer's order gives the bundled choice
    # hostility then the first record: France-Italy 1860 gets dispute 112 instead of 113
    chosen = ps.add_gml_mids(panel, keep=["dispnum"], disputes=whittle(ps.dispute_years("gml"), ["onsets", "hostility", "jds"]))
    row = chosen.frame.filter((pl.col("ccode1") == 220) & (pl.col("ccode2") == 325)).row(0, named=True)
    assert (row["gmlmid_dispnum"], row["gmlmidonset"]) == (112, 1)
    assert "gml_dirdisp" in chosen.sources
    with pytest.raises(BadArgument, match="more than one dispute"):
        ps.add_gml_mids(panel, disputes=ps.dispute_years("gml"))
    with pytest.raises(BadArgument, match="gml dyad dispute-years"):
        ps.add_gml_mids(panel, disputes=whittle(ps.dispute_years("cow-mid")))
    cow = ps.add_cow_mids(panel, keep=["dispnum"], disputes=whittle(ps.dispute_years("cow-mid"), ["onsets", "stmon", "jds"]))
    assert cow.frame.filter((pl.col("ccode1") == 220) & (pl.col("ccode2") == 325))["cowmid_dispnum"].to_list() == [112]
    leaders = ps.create_leaderdyadyears("cow", years="1969")
    whittled = whittle(ps.dispute_years("gml", leaders=True))
    hit = ps.add_gml_mids(leaders, disputes=whittled).frame.filter(
        (pl.col("obsid1") == "USA-1969") & (pl.col("obsid2") == "CHN-1949"))
    assert (hit["gmlmidonset"].to_list(), hit["gmlmid_dispnum"].to_list()) == ([1], [2936])


def test_cli_writes_whittled_disputes_and_panels(tmp_path):
    out = tmp_path / "disputes.csv"
    result = CliRunner().invoke(app, ["panel", "dispute-years", "--type", "gml", "--whittle", "onsets,hostility", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(out)
    assert sorted(frame.filter((pl.col("ccode1") == 220) & (pl.col("ccode2") == 325) & (pl.col("year") == 1860))["dispnum"].to_list()) == [112, 113]
    out2 = tmp_path / "dy.parquet"
    result = CliRunner().invoke(app, ["panel", "dyad-years", "--years", "1860", "--add", "gml-mids", "--whittle", "onsets,hostility,jds", "--out", str(out2)])
    assert result.exit_code == 0, result.output
    row = pl.read_parquet(out2).filter((pl.col("ccode1") == 220) & (pl.col("ccode2") == 325))
    assert row["gmlmid_dispnum"].to_list() == [112]
    result = CliRunner().invoke(app, ["panel", "dyad-years", "--years", "1860", "--add", "gml-mids", "--whittle", "onsets,hostlev", "--out", str(out2)])
    assert result.exit_code == 2 and "hostility" in result.output
    # Stata: every column of COW dispute-years (hostlev joined from cow_mid_disps) carries a label
    dta = tmp_path / "cow.dta"
    result = CliRunner().invoke(app, ["panel", "dispute-years", "--type", "cow-mid", "--whittle", "onsets,hostility", "--out", str(dta)])
    assert result.exit_code == 0, result.output
    _, meta = pyreadstat.read_dta(str(dta), metadataonly=True, output_format="polars")
    assert "hostlev" in meta.column_names and all(meta.column_labels)
