"""GML MIDs on state- and leader-years (from gml_part) and spells on leader panels: values worked
by hand from the raw participant and Archigos rows (read with csv)."""

from __future__ import annotations

import polars as pl
import pytest
from raw_tables import raw_rows
from threads import probe_on_threads

import pactscope.panels as ps
from pactscope.errors import BadArgument

MIDS = ["gmlmidongoing", "gmlmidonset", "gmlmidongoing_init", "gmlmidonset_init"]


def test_raw_rows_behind_spain_1973_1976():
    # gml_part, Spain (230): 1119 1973-01 to 1974-01-02 (side B), 2374 1975-02-08 to 04-28 and
    # 1331 1975-10-28 to 11-21 (side A originator, begun under Franco, SPN-1939-2)
    parts = {int(float(r["dispnum"])): r for r in raw_rows("gml_part")
             if float(r["ccode"]) == 230 and float(r["styear"]) <= 1976 and float(r["endyear"]) >= 1973}
    assert sorted(parts) == [1119, 1331, 2374]
    assert [(float(parts[d]["sidea"]), float(parts[d]["orig"]), parts[d]["obsid_start"]) for d in (1119, 2374, 1331)] == [
        (0, 1, "SPN-1939-2"), (1, 1, "SPN-1939-2"), (1, 1, "SPN-1939-2")]
    assert [float(parts[1331][c]) for c in ("stmon", "stday", "endmon", "endday")] == [10, 28, 11, 21]
    # Archigos: Franco to 1975-10-30, Juan Carlos 11-01 to 11-08, Arias Navarro from 11-09
    tenures = {r["obsid"]: (r["startdate"], r["enddate"]) for r in raw_rows("archigos") if r["obsid"].startswith("SPN-19")}
    assert tenures["SPN-1939-2"][1] == "1975-10-30"
    assert tenures["SPN-1975-1"] == ("1975-11-01", "1975-11-08")
    assert tenures["SPN-1975-2"][0] == "1975-11-09"


def test_gml_mids_on_state_years():
    frame = ps.add_gml_mids(ps.create_stateyears(years="1973-1976")).frame.filter(pl.col("ccode") == 230)
    # 1973 onset of 1119 (side B: not initiated), 1974 it goes on, 1975 two initiated onsets, 1976 none
    assert frame.select(MIDS).rows() == [(1, 1, 0, 0), (1, 0, 0, 0), (1, 1, 1, 1), (0, 0, 0, 0)]
    gw = ps.add_gml_mids(ps.create_stateyears("gw", years="1975")).frame.filter(pl.col("gwcode") == 230)
    assert gw.select(MIDS).rows() == [(1, 1, 1, 1)]
    later = ps.add_gml_mids(ps.create_stateyears(years="2011")).frame
    assert later["gmlmidongoing"].null_count() == later.height  # after the participant table ends
    with pytest.raises(BadArgument, match="dyad-years"):
        ps.add_gml_mids(ps.create_stateyears(years="1975"), keep=["dispnum"])


def test_gml_mids_on_leader_years_follow_the_leader_in_office():
    frame = ps.add_gml_mids(ps.create_leaderyears("cow", years="1973-1976")).frame.filter(pl.col("ccode") == 230)
    got = {(r["obsid"], r["year"]): tuple(r[c] for c in MIDS) for r in frame.iter_rows(named=True)}
    assert got == {
        ("SPN-1939-2", 1973): (1, 1, 0, 0),
        ("SPN-1939-2", 1974): (1, 0, 0, 0),
        ("SPN-1939-2", 1975): (1, 1, 1, 1),  # 2374 and 1331 began under Franco, who initiated them
        ("SPN-1975-1", 1975): (1, 0, 0, 0),  # 1331 still on in his days, begun before him
        ("SPN-1975-2", 1975): (1, 0, 0, 0),
        ("SPN-1975-2", 1976): (0, 0, 0, 0),
        ("SPN-1976", 1976): (0, 0, 0, 0),
    }
    # the same on a G-W leader-year panel (codes from the crosswalk)
    gw = ps.add_gml_mids(ps.create_leaderyears("gw", years="1975")).frame.filter(pl.col("obsid") == "SPN-1975-1")
    assert gw.select(MIDS).rows() == [(1, 0, 0, 0)]


def test_spells_on_leader_years_count_per_leader():
    panel = ps.add_gml_mids(ps.create_leaderyears("cow", years="1973-1976"))
    frame = ps.add_spells(panel).frame.filter(pl.col("ccode") == 230).sort("obsid", "year")
    # Franco: ongoing 1,1,1 -> spells 0,0,0; initiated 0,0,1 -> 0,1,2; Arias Navarro: 1,0 -> 0,0 and 0,0 -> 0,1
    assert frame.select("obsid", "year", "gmlmidspell", "gmlmidinitspell").rows() == [
        ("SPN-1939-2", 1973, 0, 0), ("SPN-1939-2", 1974, 0, 1), ("SPN-1939-2", 1975, 0, 2),
        ("SPN-1975-1", 1975, 0, 0), ("SPN-1975-2", 1975, 0, 0), ("SPN-1975-2", 1976, 0, 1), ("SPN-1976", 1976, 0, 0)]
    onset = ps.add_spells(panel, "onset").frame.filter(pl.col("obsid") == "SPN-1939-2").sort("year")
    assert onset["gmlmidspell"].to_list() == [0, 0, 1]  # onsets 1,0,1: the quiet 1974 counts at the next onset
    peace = ps.add_peace_years(panel).frame
    assert peace.filter(pl.col("obsid") == "SPN-1939-2").sort("year")["gmlmidinitspell"].to_list() == [0, 1, 2]


def test_spells_on_leader_dyad_years_count_per_pair_of_leaders():
    # gml_mid_ddlydisps, Franco-Hassan II (SPN-1939-2, MOR-1961): 1119 in 1973-1974 (Spain side B),
    # 2374 in 1975 (Spain side A, originator, begun under Franco)
    panel = ps.add_gml_mids(ps.create_leaderdyadyears("cow", years="1973-1976"))
    frame = ps.add_spells(panel).frame.filter((pl.col("ccode1") == 230) & (pl.col("ccode2") == 600)).sort("obsid1", "year")
    assert frame.select("obsid1", "year", "gmlmidongoing", "gmlmidongoing_init", "gmlmidspell", "gmlmidinitspell").rows() == [
        ("SPN-1939-2", 1973, 1, 0, 0, 0), ("SPN-1939-2", 1974, 1, 0, 0, 1), ("SPN-1939-2", 1975, 1, 1, 0, 2),
        ("SPN-1975-1", 1975, 1, 0, 0, 0), ("SPN-1975-2", 1975, 1, 0, 0, 0), ("SPN-1975-2", 1976, 0, 0, 0, 1),
        ("SPN-1976", 1976, 0, 0, 0, 0)]
    # rows stay where they were
    assert ps.add_spells(panel).frame.select(panel.keys).equals(panel.frame.select(panel.keys))


def test_archigos_on_cow_state_years_and_dyad_years():
    # Archigos: YUG-2003 (Marovic, G-W 345) to 2006-06-04, SER-2006 (Kostunica, G-W 340) from then;
    # COW keeps Serbia as 345 throughout, so its 2006 starts with YUG-2003 and ends with SER-2006
    tenures = {r["obsid"]: (float(r["gwcode"]), r["startdate"], r["enddate"]) for r in raw_rows("archigos")}
    assert tenures["YUG-2003"] == (345.0, "2003-03-07", "2006-06-04")
    assert tenures["SER-2006"] == (340.0, "2006-06-04", "2008-07-07")
    cow = ps.add_archigos(ps.create_stateyears(years="2006")).frame.filter(pl.col("ccode") == 345)
    assert cow.select("jan1obsid", "dec31obsid", "leadertransition", "n_leaders").rows() == [("YUG-2003", "SER-2006", 1, 2)]
    gw = ps.add_archigos(ps.create_stateyears("gw", years="2006")).frame.filter(pl.col("gwcode").is_in([340, 345]))
    assert sorted(gw.select("gwcode", "jan1obsid", "dec31obsid").rows()) == [(340, None, "SER-2006"), (345, "YUG-2003", None)]
    dyads = ps.add_archigos(ps.create_dyadyears(years="2006")).frame.filter((pl.col("ccode1") == 345) & (pl.col("ccode2") == 2))
    assert dyads.select("dec31obsid1", "leadertransition1").rows() == [("SER-2006", 1)]


def test_filter_prd_on_leader_dyad_years():
    # the USA (2) is a major power throughout, Haiti (41) and Australia (900) are neither majors
    # nor contiguous (no cow_contdir row): their leader pairs go, the USA's all stay
    assert not [r for r in raw_rows("cow_contdir") if {float(r["ccode1"]), float(r["ccode2"])} == {41.0, 900.0}]
    assert {float(r["ccode"]) for r in raw_rows("cow_majors")} >= {2.0} and not {41.0, 900.0} & {float(r["ccode"]) for r in raw_rows("cow_majors")}
    panel = ps.create_leaderdyadyears("cow", years="1990")
    kept = ps.filter_prd(panel).frame
    usa = panel.frame.filter(pl.col("ccode1") == 2).height
    assert kept.filter(pl.col("ccode1") == 2).height == usa > 0
    haiti_australia = (pl.col("ccode1") == 41) & (pl.col("ccode2") == 900)
    assert panel.frame.filter(haiti_australia).height > 0  # the pair is there to be dropped
    assert kept.filter(haiti_australia).height == 0
    assert panel.frame.filter((pl.col("ccode1") == 41) & (pl.col("ccode2") == 900)).height > 0


LEADER_PROBE = """
import hashlib, json, polars as pl, pactscope.panels as ps
years = ps.add_spells(ps.add_gml_mids(ps.create_leaderyears("cow", years="1960-2010")))
dyads = ps.add_spells(ps.add_gml_mids(ps.create_leaderdyadyears("cow", years="1990-1995")))
states = ps.add_gml_mids(ps.create_stateyears(years="1816-2010"))
digest = lambda p: hashlib.sha256(p.frame.write_csv().encode()).hexdigest()
print(json.dumps({"threads": pl.thread_pool_size(), "years": digest(years), "dyads": digest(dyads), "states": digest(states)}))
"""


def test_state_and_leader_mids_and_spells_do_not_depend_on_threads():
    one, two = probe_on_threads(LEADER_PROBE)
    assert (one["years"], one["dyads"], one["states"]) == (two["years"], two["dyads"], two["states"])
