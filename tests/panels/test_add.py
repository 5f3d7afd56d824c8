"""add_* steps: values checked by hand in the raw tables (raw rows quoted in comments)."""

from __future__ import annotations

import polars as pl
import pytest
from raw_tables import raw_rows

from pactscope.errors import BadArgument, WrongPanelKind
from pactscope.panels import (
    add_archigos,
    add_atop_alliance,
    add_contiguity,
    add_cow_majors,
    add_cow_mids,
    add_cow_wars,
    add_gml_mids,
    add_igos,
    add_nmc,
    add_peace_years,
    add_rivalries,
    add_ucdp_acd,
    create_dyadyears,
    create_leaderyears,
    create_stateyears,
    declare_panel,
    filter_prd,
)


def row(frame: pl.DataFrame, **keys) -> dict:
    hit = frame.filter(pl.all_horizontal(pl.col(k) == v for k, v in keys.items()))
    assert hit.height == 1, keys
    return hit.row(0, named=True)


def test_russia_pledges_defence_to_kazakhstan_in_2016(directed_full):
    # atop_alliance: 365.0,705.0,2016.0,1.0,0.0,1.0,1.0,1.0
    r = row(directed_full.frame, ccode1=365, ccode2=705, year=2016)
    assert (r["atop_defense"], r["atop_offense"], r["atop_neutral"], r["atop_nonagg"], r["atop_consul"]) == (1, 0, 1, 1, 1)


def test_atop_zero_through_2018_and_missing_after(directed_full, last_year):
    # Kazakhstan and Brazil have no ATOP pledge; ATOP v5.1 ends in 2018
    frame = directed_full.frame
    assert row(frame, ccode1=705, ccode2=140, year=2018)["atop_defense"] == 0
    if last_year >= 2019:
        assert row(frame, ccode1=705, ccode2=140, year=2019)["atop_defense"] is None
        assert row(frame, ccode1=365, ccode2=705, year=2019)["atop_defense"] is None


def test_atop_non_directed_collapse_matches_directed_pledges():
    directed = add_atop_alliance(create_dyadyears(years="1992-2018")).frame
    undirected = add_atop_alliance(create_dyadyears(directed=False, years="1992-2018")).frame
    either = (
        directed.with_columns(a=pl.min_horizontal("ccode1", "ccode2"), b=pl.max_horizontal("ccode1", "ccode2"))
        .group_by("a", "b", "year")
        .agg(pl.col("atop_defense").max())
        .sort("a", "b", "year")
    )
    assert either["atop_defense"].to_list() == undirected["atop_defense"].to_list()


def test_nmc_values_for_both_sides(directed_full, last_year):
    # cow_nmc: 365.0,2010.0,41944000.0,1027.0,...,0.039084401 and 705.0,2016.0,1101000.0,39.0,...,0.0029095546
    r = row(directed_full.frame, ccode1=365, ccode2=705, year=2010)
    assert (r["milex1"], r["milper1"], r["cinc1"]) == (41944000, 1027, 0.039084401)
    r = row(directed_full.frame, ccode1=365, ccode2=705, year=2016)
    assert (r["milex2"], r["milper2"], r["tpop2"], r["cinc2"]) == (1101000, 39, 17988, 0.0029095546)
    if last_year >= 2023:  # NMC v7.0 ends in 2022
        assert row(directed_full.frame, ccode1=365, ccode2=705, year=2023)["cinc1"] is None


def test_nmc_on_state_years():
    frame = add_nmc(create_stateyears(years=2016)).frame
    assert row(frame, ccode=705)["cinc"] == 0.0029095546


def test_kyrgyzstan_tajikistan_land_contiguity(directed_full, last_year):
    # cow_contdir: 703.0,702.0,1.0,1991-12-01,2016-12-01
    assert row(directed_full.frame, ccode1=703, ccode2=702, year=2000)["conttype"] == 1
    assert row(directed_full.frame, ccode1=702, ccode2=703, year=2016)["conttype"] == 1
    assert row(directed_full.frame, ccode1=703, ccode2=2, year=2000)["conttype"] == 0
    if last_year >= 2017:
        assert row(directed_full.frame, ccode1=703, ccode2=702, year=2017)["conttype"] is None


def test_state_year_contiguity_counts_neighbours():
    # Kyrgyzstan (703) has four land neighbours in cow_contdir: 702, 704, 705, 710
    frame = add_contiguity(create_stateyears(years=2000)).frame
    r = row(frame, ccode=703)
    assert (r["land"], r["sea"]) == (4, 0)
    expected_land = sum(
        1 for x in raw_rows("cow_contdir")
        if x["ccode1"] == "365.0" and x["conttype"] == "1.0" and x["stdate"][:4] <= "2000" <= x["enddate"][:4]
    )
    assert row(frame, ccode=365)["land"] == expected_land


def test_major_power_spells(directed_full, last_year):
    # cow_majors: USA from 1898-08-13; Russia 1816-1917 and 1922-2016
    frame = add_cow_majors(create_stateyears(years="1897-1923")).frame
    assert [row(frame, ccode=2, year=y)["cowmaj"] for y in (1897, 1898)] == [0, 1]
    assert [row(frame, ccode=365, year=y)["cowmaj"] for y in (1917, 1918, 1921, 1922)] == [1, 0, 0, 1]
    r = row(directed_full.frame, ccode1=365, ccode2=705, year=2016)
    assert (r["cowmaj1"], r["cowmaj2"]) == (1, 0)
    if last_year >= 2017:
        assert row(directed_full.frame, ccode1=365, ccode2=705, year=2017)["cowmaj1"] is None


def test_gml_mid_onsets_armenia_azerbaijan(directed_full):
    # gml_mid_ddydisps: 3564.0,371.0,373.0,1992.0,1.0,1.0 / 3564.0,371.0,373.0,1993.0,1.0,0.0
    frame = directed_full.frame
    r = row(frame, ccode1=371, ccode2=373, year=1992)
    assert (r["gmlmidongoing"], r["gmlmidonset"], r["gmlmid_dispnum"]) == (1, 1, 3564)
    r = row(frame, ccode1=373, ccode2=371, year=1993)
    assert (r["gmlmidongoing"], r["gmlmidonset"]) == (1, 0)
    assert row(frame, ccode1=371, ccode2=373, year=2011)["gmlmidongoing"] is None  # GML ends 2010
    # the only Kyrgyz-Tajik GML MID: 4426.0,703.0,702.0,2005.0,1.0,1.0; none with Kazakhstan
    assert row(frame, ccode1=703, ccode2=702, year=2005)["gmlmid_dispnum"] == 4426
    assert row(frame, ccode1=703, ccode2=705, year=2005)["gmlmidongoing"] == 0


def test_cow_mids_run_to_2014_and_keep_selects_columns():
    frame = add_cow_mids(create_dyadyears(years="2013-2016"), keep=["hostlev"]).frame
    assert "cowmid_hostlev" in frame.columns and "cowmid_dispnum" not in frame.columns
    assert row(frame, ccode1=371, ccode2=373, year=2014)["cowmidongoing"] == 1
    assert row(frame, ccode1=371, ccode2=373, year=2015)["cowmidongoing"] is None
    with pytest.raises(BadArgument, match="no column"):
        add_cow_mids(create_dyadyears(years=2000), keep=["nonsense"])


def test_gml_and_cow_mids_side_by_side():
    frame = add_cow_mids(add_gml_mids(create_dyadyears(years=1992))).frame
    r = row(frame, ccode1=371, ccode2=373, year=1992)
    assert (r["gmlmid_dispnum"], r["cowmid_dispnum"]) == (3564, 3564)


def test_inter_state_wars():
    # cow_war_inter: 211.0,2.0,645.0,1991.0,1.0,1.0,... (Gulf War) and 227.0,2.0,645.0,2003.0,...
    frame = add_cow_wars(create_dyadyears(years="1990-2003")).frame
    r = row(frame, ccode1=2, ccode2=645, year=1991)
    assert (r["warnum"], r["cowinteronset"], r["cowinterongoing"]) == (211, 1, 1)
    assert row(frame, ccode1=2, ccode2=645, year=2003)["warnum"] == 227
    assert row(frame, ccode1=2, ccode2=645, year=1995)["cowinterongoing"] == 0
    states = add_cow_wars(create_stateyears(years=1991)).frame
    assert row(states, ccode=2)["cowinteronset"] == 1
    assert row(states, ccode=705)["cowinteronset"] == 0


def test_ucdp_state_years_tajikistan_and_kyrgyzstan():
    # ucdp_acd: conflict 395 (Tajikistan, government) from 1992, intensity 2 in 1992; 13324 (703 v 702) 2021-2022
    frame = add_ucdp_acd(create_stateyears("gw", years="1992-2024")).frame
    r = row(frame, gwcode=702, year=1992)
    assert (r["ucdpongoing"], r["ucdponset"], r["maxintensity"], r["conflict_ids"]) == (1, 1, 2, "395")
    assert row(frame, gwcode=702, year=1993)["ucdponset"] == 0
    assert row(frame, gwcode=702, year=1999)["ucdpongoing"] == 0
    r = row(frame, gwcode=703, year=2021)
    assert (r["ucdpongoing"], r["ucdponset"], r["conflict_ids"]) == (1, 1, "13324")


def test_ucdp_dyad_years_match_either_side():
    frame = add_ucdp_acd(create_dyadyears("gw", years="2020-2022")).frame
    assert row(frame, gwcode1=703, gwcode2=702, year=2021)["ucdponset"] == 1
    assert row(frame, gwcode1=702, gwcode2=703, year=2022)["ucdpongoing"] == 1
    assert row(frame, gwcode1=702, gwcode2=703, year=2022)["ucdponset"] == 0
    assert row(frame, gwcode1=702, gwcode2=703, year=2020)["ucdpongoing"] == 0


def test_igos_state_and_dyad():
    # cow_igo_sy: 705, 2014: 55 full, 0 associate, 1 observer, 56 any; cow_igo_ndy: 2.0,20.0,1920.0,7.0
    assert row(add_igos(create_stateyears(years=2014)).frame, ccode=705)["sum_igo_full"] == 55
    frame = add_igos(create_dyadyears(years=1920)).frame
    assert row(frame, ccode1=2, ccode2=20)["dyadigos"] == row(frame, ccode1=20, ccode2=2)["dyadigos"] == 7


def test_strategic_rivalry_armenia_azerbaijan():
    raw = next(r for r in raw_rows("td_rivalries") if r["rivalryname"] == "Armenia-Azerbaijan")
    start, end = int(float(raw["styear"])), int(float(raw["endyear"]))
    frame = add_rivalries(create_dyadyears(years=(start, 2012)), source="td").frame
    assert row(frame, ccode1=373, ccode2=371, year=start)["td_rivalry"] == 1
    assert row(frame, ccode1=371, ccode2=373, year=end)["td_rivalry_id"] == 180
    assert row(frame, ccode1=371, ccode2=373, year=2012)["td_rivalry"] is None  # Thompson-Dreyer ends 2010
    tss = add_rivalries(create_dyadyears(years=2015)).frame
    raw_tss = next(r for r in raw_rows("tss_rivalries") if r["rivalry"] == "Armenia-Azerbaijan")
    hit = row(tss, ccode1=371, ccode2=373)
    assert (hit["ongoingrivalry"], hit["tssr_id"]) == (1, int(float(raw_tss["tssr_id"])))
    assert hit["spatial"] == int(float(raw_tss["spatial"] or 0))
    with pytest.raises(BadArgument, match="td"):
        add_rivalries(create_dyadyears(years=2000), source="icow")


def test_filter_prd_keeps_neighbours_and_major_powers(last_year):
    frame = filter_prd(create_dyadyears(years=(2010, last_year))).frame
    pairs = set(zip(frame["ccode1"], frame["ccode2"], frame["year"], strict=True))
    assert (703, 702, 2010) in pairs  # land neighbours
    assert (2, 705, 2010) in pairs  # the USA is a major power
    assert (41, 712, 2010) not in pairs  # Haiti-Mongolia: neither
    assert (703, 702, last_year) in pairs  # carried forward past the 2016 end of the lists
    assert frame["prd"].unique().to_list() == [1]


def test_peace_years_follow_the_btscs_counter():
    events = [0, 0, 0, 1, 0, 0, 1, 1, 0]
    frame = pl.DataFrame({
        "ccode1": [2] * 9, "ccode2": [20] * 9, "year": list(range(1990, 1999)),
        "gmlmidongoing": events,
    })
    panel = add_peace_years(declare_panel(frame))
    assert panel.frame["gmlmidspell"].to_list() == [0, 1, 2, 3, 0, 1, 2, 0, 0]


def test_peace_years_skip_missing_years(directed_full):
    frame = add_peace_years(directed_full).frame
    # Kyrgyzstan-Tajikistan: in the system from 1991, one MID in 2005 (see above)
    assert row(frame, ccode1=703, ccode2=702, year=2005)["gmlmidspell"] == 14  # quiet 1991-2004
    assert row(frame, ccode1=703, ccode2=702, year=2006)["gmlmidspell"] == 0
    assert row(frame, ccode1=703, ccode2=702, year=2010)["gmlmidspell"] == 4
    assert row(frame, ccode1=703, ccode2=705, year=2010)["gmlmidspell"] == 19  # quiet 1991-2009
    assert row(frame, ccode1=703, ccode2=702, year=2011)["gmlmidspell"] is None


@pytest.mark.parametrize(
    "step", [add_atop_alliance, add_nmc, add_contiguity, add_cow_majors, add_gml_mids, add_cow_mids, add_cow_wars, add_igos, add_rivalries]
)
def test_steps_keep_rows_and_keys(step):
    panel = create_dyadyears(years="1985-1995")
    out = step(panel).frame
    assert out.select("ccode1", "ccode2", "year").equals(panel.frame)


def test_wrong_panel_kinds_say_what_to_run():
    states = create_stateyears(years=2000)
    with pytest.raises(WrongPanelKind, match="create_dyadyears"):
        add_atop_alliance(states)
    with pytest.raises(WrongPanelKind, match="system='gw'"):
        add_ucdp_acd(states)
    with pytest.raises(WrongPanelKind, match="state-year or dyad-year"):
        add_archigos(create_leaderyears(years=2000))
    with pytest.raises(WrongPanelKind, match="declare_panel"):
        add_nmc(states.frame)  # type: ignore[arg-type]
    with pytest.raises(BadArgument, match="add_gml_mids"):
        add_peace_years(states)


def test_panel_records_its_sources(directed_full):
    assert set(directed_full.sources) >= {"cow_states", "atop_alliance", "cow_nmc", "cow_contdir", "cow_majors", "gml_mid_ddydisps"}


def test_steps_are_correct_on_an_unsorted_frame():
    from pactscope.panels import Panel, PanelKind

    sorted_panel = create_dyadyears(years="2014-2016")
    shuffled = Panel(sorted_panel.frame.reverse(), PanelKind.dyad_year, "cow", directed=True)
    expected = add_atop_alliance(sorted_panel).frame.sort("ccode1", "ccode2", "year")
    got = add_atop_alliance(shuffled).frame
    assert got.select("ccode1", "ccode2", "year").equals(shuffled.frame)  # order kept
    assert got.sort("ccode1", "ccode2", "year").equals(expected)


def test_applying_a_step_twice_is_refused():
    panel = add_nmc(create_stateyears(years=2000))
    with pytest.raises(BadArgument, match="applied twice"):
        add_nmc(panel)


def test_intra_state_wars_tajikistan():
    # cow_war_intra: war 876 "Tajikistan", central control, primary state 702, 1992-1997, onset 1992
    frame = add_peace_years(add_cow_wars(create_stateyears(years="1991-2010"), type="intra")).frame
    tjk = {r["year"]: r for r in frame.filter(pl.col("ccode") == 702).iter_rows(named=True)}
    assert (tjk[1992]["warnum"], tjk[1992]["cowintraonset"], tjk[1992]["wartype"]) == (876, 1, "central control")
    assert [tjk[y]["cowintraongoing"] for y in range(1991, 1999)] == [0, 1, 1, 1, 1, 1, 1, 0]
    assert [tjk[y]["cowintraspell"] for y in (1991, 1992, 1993, 1998, 2000)] == [0, 1, 0, 0, 2]
    assert tjk[2008]["cowintraongoing"] is None  # the intra-state war data end in 2007
    local = add_cow_wars(create_stateyears(years=1995), type="intra", intratype="local issues").frame
    assert row(local, ccode=702)["cowintraongoing"] == 0  # Tajikistan's war was over central control
    with pytest.raises(WrongPanelKind, match="state-year"):
        add_cow_wars(create_dyadyears(years=1995), type="intra")
    with pytest.raises(BadArgument, match="intratype"):
        add_cow_wars(create_stateyears(years=1995), type="intra", intratype="ethnic")


def test_gw_side_without_a_cow_code_is_not_a_major_power_inside_coverage(last_year):
    # Tibet (G-W 711) has no COW code: the crosswalk gw_cw_panel holds no row for it, so its
    # COW-keyed values are missing, except indicators, which are 0 inside their coverage.
    assert not [r for r in raw_rows("gw_cw_panel") if r["gwcode"] == "711"]
    frame = add_nmc(add_cow_majors(create_dyadyears("gw", years="1940"))).frame
    r = row(frame, gwcode1=711, gwcode2=710, year=1940)
    assert r["ccode1"] is None and r["milex1"] is None
    assert (r["cowmaj1"], r["cowmaj2"]) == (0, 0)  # cow_majors: China (710) is major from 1950 only
    if last_year > 2016:
        later = add_cow_majors(create_dyadyears("gw", years=str(last_year))).frame
        assert later["cowmaj1"].null_count() == later.height  # after the list's last year (2016)


def test_a_span_of_years_gets_the_rows_of_the_full_panel(directed_full):
    # joins onto part of a panel search only the table rows inside its key range
    part = create_dyadyears(years="1990-1999")
    for step in (add_atop_alliance, add_nmc, add_contiguity, add_cow_majors, add_gml_mids):
        part = step(part)
    full = directed_full.frame.filter(pl.col("year").is_between(1990, 1999))
    assert part.frame.height == full.height > 0
    assert part.frame.equals(full)
