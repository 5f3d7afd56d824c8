"""The verbs beyond P0-P4: values checked by hand against the raw tables (read with csv)."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl
import pyreadstat
import pytest
from raw_tables import raw_rows
from typer.testing import CliRunner

import pactscope.panels as ps
from pactscope.cli import app
from pactscope.errors import BadArgument, WrongPanelKind


def one(frame: pl.DataFrame, **keys) -> dict:
    hit = frame.filter(pl.all_horizontal(pl.col(k) == v for k, v in keys.items()))
    assert hit.height == 1, keys
    return hit.row(0, named=True)


def raw(name: str, **keys) -> dict[str, str]:
    """The one raw row whose columns equal ``keys`` (numbers compared as numbers)."""
    hits = [r for r in raw_rows(name) if all(r[k] and float(r[k]) == v for k, v in keys.items())]
    assert len(hits) == 1, (name, keys)
    return hits[0]


def num(value: str) -> float | None:
    return float(value) if value else None


def test_democracy_on_state_and_dyad_years():
    kaz = raw("cw_democracy", ccode=705, year=2000)
    rus = raw("cw_democracy", ccode=365, year=2000)
    sy = one(ps.add_democracy(ps.create_stateyears(years="2000")).frame, ccode=705)
    assert (sy["euds"], sy["polity2"], sy["v2x_polyarchy"]) == (num(kaz["euds"]), num(kaz["polity2"]), num(kaz["v2x_polyarchy"]))
    dy = one(ps.add_democracy(ps.create_dyadyears(years="2000")).frame, ccode1=365, ccode2=705)
    assert (dy["polity21"], dy["aeuds2"]) == (num(rus["polity2"]), num(kaz["aeuds"]))
    gw = raw("gw_democracy", gwcode=705, year=2000)
    assert one(ps.add_democracy(ps.create_stateyears("gw", years="2000")).frame, gwcode=705)["euds"] == num(gw["euds"])


def test_sim_gdp_pop_cow_and_gw():
    usa = raw("cw_gdppop", ccode=2, year=1816)
    assert one(ps.add_sim_gdp_pop(ps.create_stateyears(years="1816")).frame, ccode=2)["mrgdppc"] == num(usa["mrgdppc"])
    kaz = raw("gw_gdppop", gwcode=705, year=2000)
    dyads = ps.add_sim_gdp_pop(ps.create_dyadyears("gw", years="2000")).frame
    assert one(dyads, gwcode1=365, gwcode2=705)["pwtpop2"] == num(kaz["pwtpop"])


def _vincenty(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lng2 - lng1)
    x = math.hypot(math.cos(p2) * math.sin(dl), math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl))
    y = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return math.atan2(x, y) * 6378.137


def test_capital_distance_uses_the_capital_of_the_first_day():
    # cow_capitals: Moscow from 1918; Almaty to 1998-05-05, Astana from 1998-05-06
    moscow = [r for r in raw_rows("cow_capitals") if r["capital"] == "Moscow"][0]
    almaty = [r for r in raw_rows("cow_capitals") if r["capital"] == "Almaty"][0]
    astana = [r for r in raw_rows("cow_capitals") if r["capital"] == "Astana"][0]
    coords = lambda r: (float(r["lat"]), float(r["lng"]))  # noqa: E731
    frame = ps.add_capital_distance(ps.create_dyadyears(years="1998-1999")).frame
    assert one(frame, ccode1=365, ccode2=705, year=1998)["capdist"] == pytest.approx(_vincenty(*coords(moscow), *coords(almaty)), rel=1e-12)
    assert one(frame, ccode1=705, ccode2=365, year=1999)["capdist"] == pytest.approx(_vincenty(*coords(astana), *coords(moscow)), rel=1e-12)
    last = ps.add_capital_distance(ps.create_dyadyears(years="1998"), transsum="last").frame
    assert one(last, ccode1=365, ccode2=705)["capdist"] == pytest.approx(_vincenty(*coords(moscow), *coords(astana)), rel=1e-12)
    states = ps.add_capital_distance(ps.create_stateyears(years="1999")).frame
    assert one(states, ccode=705)["mincapdist"] == pytest.approx(frame.filter((pl.col("ccode1") == 705) & (pl.col("year") == 1999))["capdist"].min())


def test_minimum_distance_both_orders_and_state_minimum():
    usa_can = raw("cow_mindist", ccode1=2, ccode2=41, year=1886)
    frame = ps.add_minimum_distance(ps.create_dyadyears(years="1886")).frame
    assert one(frame, ccode1=2, ccode2=41)["mindist"] == num(usa_can["mindist"])
    assert one(frame, ccode1=41, ccode2=2)["mindist"] == num(usa_can["mindist"])
    assert one(frame, ccode1=2, ccode2=70)["mindist"] == 0.0
    assert one(ps.add_minimum_distance(ps.create_stateyears(years="1886")).frame, ccode=2)["minmindist"] == 0.0


def test_threat_fractionalization_terrain_trade():
    threat = raw("terrthreat", ccode=2, year=1816)
    assert one(ps.add_latent_territorial_threat(ps.create_stateyears(years="1816")).frame, ccode=2)["lterrthreat"] == num(threat["lterrthreat"])
    afg = raw("creg", ccode=700, year=1945)
    assert one(ps.add_creg_fractionalization(ps.create_stateyears(years="1945")).frame, ccode=700)["ethfrac"] == num(afg["ethfrac"])
    rug = [r for r in raw_rows("rugged") if float(r["ccode"]) == 700][0]
    dyads = ps.add_rugged_terrain(ps.create_dyadyears(years="1990")).frame
    assert one(dyads, ccode1=700, ccode2=2)["rugged1"] == num(rug["rugged"])
    trade = raw("cow_trade_sy", ccode=2, year=1870)
    assert one(ps.add_cow_trade(ps.create_stateyears(years="1870")).frame, ccode=2)["imports"] == num(trade["imports"])


def test_code_crosswalks_and_cow_steps_on_gw_panels():
    # gw_cw_panel: GFR, 2000, gwcode 260, ccode 255
    gw = ps.add_ccode_to_gw(ps.create_stateyears("gw", years="2000")).frame
    assert one(gw, gwcode=260)["ccode"] == 255
    cow = ps.add_gwcode_to_cow(ps.create_stateyears(years="2000")).frame
    assert one(cow, ccode=255)["gwcode"] == 260
    nmc = raw("cow_nmc", ccode=255, year=2000)
    dyads = ps.create_dyadyears("gw", years="2000")
    for step in (ps.add_atop_alliance, ps.add_nmc, ps.add_contiguity, ps.add_cow_majors, ps.add_gml_mids):
        dyads = step(dyads)
    hit = one(dyads.frame, gwcode1=260, gwcode2=365)
    assert (hit["ccode1"], hit["milex1"], hit["cowmaj2"]) == (255, num(nmc["milex"]), 1)


def test_leader_years_follow_archigos_and_the_state_lists():
    # archigos: GFR-1982, Kohl, 260, born 1930, 1982-10-01 to 1998-10-27; Germany is COW 260 until 1990-10-02, then 255
    kohl = raw_rows("archigos")
    row = [r for r in kohl if r["obsid"] == "GFR-1982"][0]
    assert (row["startdate"], row["enddate"]) == ("1982-10-01", "1998-10-27")
    plain = ps.create_leaderyears().frame.filter(pl.col("obsid") == "GFR-1982")
    assert plain["year"].to_list() == list(range(1982, 1999))
    assert one(plain, year=1990)["yrinoffice"] == 9 and one(plain, year=1990)["leaderage"] == 60
    cow = ps.create_leaderyears("cow").frame.filter(pl.col("obsid") == "GFR-1982")
    assert cow.filter(pl.col("year") == 1990)["ccode"].sort().to_list() == [255, 260]
    assert cow.height == 18


def test_leader_dyad_years_with_lead_lwuf_and_mids():
    dyads = ps.create_leaderdyadyears("cow", years="1995")
    assert one(dyads.frame, obsid1="USA-1993", obsid2="RUS-1991")["ccode2"] == 365
    assert one(dyads.frame, obsid1="RUS-1991", obsid2="USA-1993")["ccode1"] == 365
    lead = raw_rows("LEAD")
    clinton = [r for r in lead if r["obsid"] == "USA-1993"][0]
    with_lead = ps.add_lwuf(ps.add_lead(dyads)).frame
    assert one(with_lead, obsid1="USA-1993", obsid2="RUS-1991")["leveledu1"] == num(clinton["leveledu"])
    # gml_mid_ddlydisps: 1547, 2, 70, USA-1869, MEX-1872, 1873, onset 1
    mids = ps.add_gml_mids(ps.create_leaderdyadyears("cow", years="1873")).frame
    hit = one(mids, obsid1="USA-1869", obsid2="MEX-1872")
    assert (hit["gmlmidonset"], hit["gmlmid_dispnum"]) == (1, 1547)


def test_archigos_turnover_in_russia_1991():
    # RUS-1985 Gorbachev to 1991-08-21; RUS-1991 Yeltsin from 1991-08-21
    frame = ps.add_archigos(ps.create_stateyears("gw", years="1990-1992")).frame
    r = one(frame, gwcode=365, year=1991)
    assert (r["leadertransition"], r["n_leaders"], r["jan1obsid"], r["dec31obsid"]) == (1, 2, "RUS-1985", "RUS-1991")
    assert one(frame, gwcode=365, year=1990)["leadertransition"] == 0


def test_stata_file_carries_variable_labels(tmp_path):
    out = tmp_path / "p.dta"
    result = CliRunner().invoke(app, ["panel", "dyad-years", "--years", "2000", "--add", "nmc,democracy", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame, meta = pyreadstat.read_dta(str(out), output_format="polars")
    labels = meta.column_names_to_labels
    assert labels["milex1"].startswith("military expenditure") and labels["milex1"].endswith("(side 1)")
    assert labels["polity22"].startswith("Polity5")
    assert frame.height == ps.create_dyadyears(years="2000").frame.height


def test_leader_commands_exist(tmp_path):
    out = tmp_path / "ly.parquet"
    result = CliRunner().invoke(app, ["panel", "leader-years", "--standardize", "cow", "--years", "2000", "--add", "lead,lwuf,nmc", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {"obsid", "ccode", "theta2_mean", "milex"} <= set(pl.read_parquet(out).columns)
    out2 = tmp_path / "ldy.parquet"
    result = CliRunner().invoke(app, ["panel", "leader-dyad-years", "--system", "cow", "--years", "2000", "--add", "gml-mids", "--out", str(out2)])
    assert result.exit_code == 0, result.output


def test_state_days_command_takes_no_mry(tmp_path):
    out = tmp_path / "sd.parquet"
    result = CliRunner().invoke(app, ["panel", "state-days", "--system", "gw", "--no-mry", "--out", str(out)])
    assert result.exit_code == 0, result.output
    days = pl.read_parquet(out)
    assert days.columns == ["gwcode", "gw_name", "date"] and str(days["date"].max()) == "2017-12-31"
    result = CliRunner().invoke(app, ["panel", "state-years", "--no-mry", "--years", "2017", "--out", str(out)])
    assert result.exit_code == 2 and "ends in 2016 (without mry)" in result.output


# --- add_* never changes the row count, on every panel kind each step supports -------------

PANELS = {
    "cow-state": lambda: ps.create_stateyears(years="1990-1995"),
    "gw-state": lambda: ps.create_stateyears("gw", years="1990-1995"),
    "cow-dyad-directed": lambda: ps.create_dyadyears(years="1990-1992"),
    "cow-dyad-undirected": lambda: ps.create_dyadyears(directed=False, years="1990-1992"),
    "gw-dyad": lambda: ps.create_dyadyears("gw", years="1990-1992"),
    "leader-year": lambda: ps.create_leaderyears("cow", years="1990-1995"),
    "leader-dyad-year": lambda: ps.create_leaderdyadyears("cow", years="1990-1991"),
}
EVERYWHERE = ["cow-state", "gw-state", "cow-dyad-directed", "cow-dyad-undirected", "gw-dyad", "leader-year", "leader-dyad-year"]
STATE_AND_DYAD = ["cow-state", "gw-state", "cow-dyad-directed", "cow-dyad-undirected", "gw-dyad"]
DYADS = ["cow-dyad-directed", "cow-dyad-undirected", "gw-dyad"]
SUPPORT = {
    ps.add_atop_alliance: [*DYADS, "leader-dyad-year"],
    ps.add_nmc: EVERYWHERE,
    ps.add_cow_majors: EVERYWHERE,
    ps.add_contiguity: EVERYWHERE,
    ps.add_gml_mids: EVERYWHERE,
    ps.add_cow_mids: DYADS,
    ps.add_cow_wars: STATE_AND_DYAD,
    ps.add_igos: STATE_AND_DYAD,
    ps.add_strategic_rivalries: STATE_AND_DYAD,
    ps.add_ucdp_acd: ["gw-state", "gw-dyad"],
    ps.add_ucdp_onsets: ["cow-state", "gw-state"],
    ps.add_democracy: EVERYWHERE,
    ps.add_sim_gdp_pop: EVERYWHERE,
    ps.add_latent_territorial_threat: EVERYWHERE,
    ps.add_creg_fractionalization: EVERYWHERE,
    ps.add_rugged_terrain: EVERYWHERE,
    ps.add_cow_trade: ["cow-state", "gw-state", "leader-year"],
    ps.add_capital_distance: EVERYWHERE,
    ps.add_minimum_distance: EVERYWHERE,
    ps.add_archigos: STATE_AND_DYAD,
    ps.add_lead: ["leader-year", "leader-dyad-year"],
    ps.add_lwuf: ["leader-year", "leader-dyad-year"],
}
CASES = [(step, kind) for step, kinds in SUPPORT.items() for kind in kinds]


@pytest.mark.parametrize(("step", "kind"), CASES, ids=[f"{s.__name__}-{k}" for s, k in CASES])
def test_add_steps_never_change_rows(step, kind):
    panel = PANELS[kind]()
    added = step(panel)
    assert added.frame.height == panel.frame.height
    assert added.frame.select(panel.keys).equals(panel.frame.select(panel.keys))


def test_ucdp_onsets_on_state_years():
    # ucdp_onsets: Ukraine (G-W and COW 369) in 2014, four new conflicts, each an onset at every threshold
    row = raw("ucdp_onsets", gwcode=369, year=2014)
    assert [float(row[c]) for c in ("sumnewconf", "sumonset1", "sumonset10")] == [4.0, 4.0, 4.0]
    gw = one(ps.add_ucdp_onsets(ps.create_stateyears("gw", years="2013-2014")).frame, gwcode=369, year=2014)
    cow = one(ps.add_ucdp_onsets(ps.create_stateyears(years="2014")).frame, ccode=369)
    assert (gw["sumnewconf"], gw["sumonset10"], cow["sumnewconf"]) == (4, 4, 4)
    assert one(ps.add_ucdp_onsets(ps.create_stateyears("gw", years="2013")).frame, gwcode=369)["sumnewconf"] == 0
    with pytest.raises(WrongPanelKind):
        ps.add_ucdp_onsets(ps.create_dyadyears("gw", years="2014"))


def test_state_days_start_on_the_day_the_list_gives():
    # cow_states: KZK, 705, 1991-12-26 to 2016-12-31 (extended to the last complete year)
    raw_kaz = [r for r in raw_rows("cow_states") if float(r["ccode"]) == 705][0]
    assert (raw_kaz["styear"], raw_kaz["stmonth"], raw_kaz["stday"]) == ("1991.0", "12.0", "26.0")
    days = ps.create_statedays().frame.filter(pl.col("ccode") == 705)
    assert str(days["date"].min()) == "1991-12-26"
    assert str(days["date"].max()) == f"{ps.last_complete_year()}-12-31"
    assert days.height == days["date"].n_unique()


def test_state_days_without_mry_stop_where_the_lists_stop():
    # raw lists: 195 COW spells end in 2016 (on 12/31), 174 GW spells end on 2017-12-31
    cow_final = [r for r in raw_rows("cow_states") if r["endyear"] == "2016.0"]
    assert len(cow_final) == 195 and {(r["endmonth"], r["endday"]) for r in cow_final} == {("12.0", "31.0")}
    for system, code, end, alive in (("cow", "ccode", "2016-12-31", 195), ("gw", "gwcode", "2017-12-31", 174)):
        short, long = ps.create_statedays(system, mry=False).frame, ps.create_statedays(system).frame
        assert str(short["date"].max()) == end
        extra_days = (dt.date(ps.last_complete_year(), 12, 31) - dt.date.fromisoformat(end)).days
        assert long.height - short.height == alive * extra_days
        assert short.filter(pl.col("date") == dt.date.fromisoformat(end))[code].n_unique() == alive
    assert ps.create_stateyears(mry=False).frame["year"].max() == 2016
    assert ps.create_dyadyears("gw", mry=False).frame["year"].max() == 2017


def test_spells_follow_peacesciencers_counter():
    # hand-worked from the spell rule: a spell ends at an event year (or, with ongo, at the
    # first year of a run of events, the continuing years getting none)
    frame = pl.DataFrame({
        "ccode1": [2] * 9 + [20] * 3, "ccode2": [20] * 9 + [2] * 3,
        "year": [*range(1990, 1999), 1990, 1991, 1992],
        "gmlmidongoing": [0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0],
        "gmlmidonset": [0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0],
    })
    panel = ps.declare_panel(frame)
    assert ps.add_spells(panel).frame["gmlmidspell"].to_list() == [0, 1, 2, 0, 0, 0, 1, 2, 0, 0, 0, 0]
    assert ps.add_spells(panel, ongo=True).frame["gmlmidspell"].to_list() == [0, 1, 2, None, None, 0, 1, 2, 0, 0, None, 0]
    assert ps.add_spells(panel, "onset").frame["gmlmidspell"].to_list() == [0, 1, 2, 0, 1, 2, 3, 4, 0, 0, 0, 1]
    with pytest.raises(BadArgument, match="already"):
        ps.add_spells(ps.add_peace_years(panel))


def test_contiguity_mry_and_nmc_keep():
    # cow_contdir: USA-Canada (2-20) land contiguity (1) to 2016-12; the list ends there
    row = raw("cow_contdir", ccode1=2, ccode2=20)
    assert (float(row["conttype"]), row["enddate"]) == (1.0, "2016-12-01")
    plain = one(ps.add_contiguity(ps.create_dyadyears(years="2020")).frame, ccode1=2, ccode2=20)
    recent = one(ps.add_contiguity(ps.create_dyadyears(years="2016-2020"), mry=True).frame, ccode1=2, ccode2=20, year=2020)
    assert (plain["conttype"], recent["conttype"]) == (None, 1)
    states = ps.add_contiguity(ps.create_stateyears(years="2016-2018"), mry=True).frame.filter(pl.col("ccode") == 2)
    assert states["land"].n_unique() == 1 and states["land"].null_count() == 0
    kept = ps.add_nmc(ps.create_dyadyears(years="2000"), keep=["cinc"])
    assert [c for c in kept.columns if c.startswith(("cinc", "milex"))] == ["cinc1", "cinc2"]
    with pytest.raises(BadArgument, match="cinc"):
        ps.add_nmc(ps.create_stateyears(years="2000"), keep=["gdp"])


def test_lead_and_lwuf_keep_some_columns():
    panel = ps.create_leaderyears("cow", years="1990")
    kept = ps.add_lwuf(ps.add_lead(panel, keep=["combat"]), keep=["theta2_mean"])
    assert [c for c in kept.columns if c not in panel.columns] == ["combat", "theta2_mean"]
    with pytest.raises(BadArgument, match="theta9"):
        ps.add_lwuf(panel, keep=["theta9_mean"])


def test_peace_years_pad_restarts_after_a_gap():
    # worked by hand with peacesciencer's pad rule: the missing 1993-1994 count as event years
    frame = pl.DataFrame({
        "ccode1": [2] * 8, "ccode2": [20] * 8, "year": [1990, 1991, 1992, 1995, 1996, 1997, 1998, 1999],
        "gmlmidongoing": [0, 0, 0, 0, 0, 1, 0, 0], "gmlmidonset": [0] * 8,
    })
    panel = ps.declare_panel(frame)
    assert ps.add_peace_years(panel).frame["gmlmidspell"].to_list() == [0, 1, 2, 3, 4, 5, 0, 1]
    assert ps.add_peace_years(panel, pad=True).frame["gmlmidspell"].to_list() == [0, 1, 2, 0, 1, 2, 0, 1]


@pytest.mark.parametrize("kind", ["cow-dyad-directed", "cow-dyad-undirected", "gw-state", "gw-dyad", "cow-state", "leader-year", "leader-dyad-year"])
@pytest.mark.parametrize("spell_step", [ps.add_peace_years, ps.add_spells], ids=["add_peace_years", "add_spells"])
def test_spell_steps_never_change_rows(spell_step, kind):
    panel = PANELS[kind]()
    panel = ps.add_ucdp_acd(panel) if kind == "gw-state" else ps.add_gml_mids(panel)
    added = spell_step(panel)
    assert added.frame.height == panel.frame.height
    assert added.frame.select(panel.keys).equals(panel.frame.select(panel.keys))
