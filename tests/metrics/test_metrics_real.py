"""Metrics on the bundled data, against figures summed by hand from the raw tables."""

from __future__ import annotations

import polars as pl
import pytest

from pactscope.errors import BadArgument, UnknownState
from pactscope.ledger import cases_frame
from pactscope.metrics import (
    burden,
    case_reliability,
    coalition,
    coalition_overlap,
    dominance,
    exit_clauses,
    exit_precedents,
    threats,
)
from pactscope.metrics.regions import region, regions


def _row(frame: pl.DataFrame, **match) -> dict:
    hit = frame.filter(pl.all_horizontal(pl.col(k) == v for k, v in match.items()))
    assert hit.height == 1, hit
    return hit.row(0, named=True)


@pytest.fixture(scope="module")
def csto_nato():
    return dominance(["CSTO", "NATO"], "1950-2024")


def test_russia_share_of_csto_cinc_1995(csto_nato):
    # cow_nmc 1995 cinc: RUS .062849, BLR .002102, ARM .000762, GEO .000472, AZE .001332,
    # TJK .000404, KGZ .000368, UZB .002418, KAZ .003280 -> total .073987; .062849 / .073987 = .84946
    row = _row(csto_nato, alliance="CSTO", year=1995, indicator="cinc")
    assert row["n_members"] == 9 and row["leader"] == "RUS"
    assert row["total"] == pytest.approx(0.073987, abs=2e-6)
    assert row["leader_share"] == pytest.approx(0.84946, abs=1e-4)
    assert row["members_to_half"] == 1


def test_russia_share_of_csto_milex_1995(csto_nato):
    # milex (thousand USD): RUS 82,000,000 + BLR 496,000 + ARM 79,000 + GEO 106,000 + AZE 107,000
    # + TJK 111,000 + KGZ 56,000 + UZB 385,000 + KAZ 427,000 = 83,767,000
    row = _row(csto_nato, alliance="CSTO", year=1995, indicator="milex")
    assert row["total"] == 83_767_000
    assert row["leader_share"] == pytest.approx(82_000_000 / 83_767_000)


def test_russia_share_of_csto_cinc_2010_and_2022(csto_nato):
    # 2010: RUS .039084 of .039084 + .001992 (BLR) + .000610 (ARM) + .000360 (TJK) + .000316 (KGZ)
    #       + .002345 (UZB) + .003181 (KAZ) = .047888 -> .81615
    r2010 = _row(csto_nato, alliance="CSTO", year=2010, indicator="cinc")
    assert r2010["n_members"] == 7
    assert r2010["leader_share"] == pytest.approx(0.81615, abs=1e-4)
    # 2022: RUS .038197 of .038197 + .001417 + .000560 + .000491 + .000447 + .002663 = .043775 -> .87258
    r2022 = _row(csto_nato, alliance="CSTO", year=2022, indicator="cinc")
    assert r2022["n_members"] == 6
    assert r2022["leader_share"] == pytest.approx(0.87258, abs=1e-4)


def test_csto_2022_milex_leaves_out_kyrgyzstan(csto_nato):
    # KGZ milex is missing in NMC 2022: 74,742,000 + 761,000 + 781,000 + 108,000 + 1,867,000
    row = _row(csto_nato, alliance="CSTO", year=2022, indicator="milex")
    assert row["n_missing"] == 1 and row["total"] == 78_259_000
    assert "KGZ" in row["note"]


def test_nato_1950_hhi_of_milex(csto_nato):
    # the twelve founders' milex: USA 14,559,000, CAN 447,964, GBR 2,376,154, NLD 236,794,
    # BEL 166,920, LUX 3,396, FRA 1,489,278, PRT 52,366, ITA 564,799, DNK 49,930, NOR 51,879, ISL 0;
    # total 19,998,480; sum of squares 220,440,079,299,846; HHI = that / 19,998,480^2 = .551184
    row = _row(csto_nato, alliance="NATO", year=1950, indicator="milex")
    assert row["n_members"] == 12
    assert row["hhi"] == pytest.approx(220_440_079_299_846 / 19_998_480**2)
    assert row["leader_share"] == pytest.approx(14_559_000 / 19_998_480)  # .72801


def test_nato_1950_population_needs_two_members(csto_nato):
    # tpop total 340,596; half 170,298; USA 152,271 < half; + GBR 50,616 = 202,887 > half
    row = _row(csto_nato, alliance="NATO", year=1950, indicator="tpop")
    assert row["total"] == 340_596 and row["members_to_half"] == 2


def test_years_after_nmc_are_null_with_a_note(csto_nato):
    row = _row(csto_nato, alliance="NATO", year=2023, indicator="cinc")
    assert row["total"] is None and row["hhi"] is None and row["leader"] is None
    assert "2022" in row["note"]
    assert row["n_members"] == 31  # Finland joined 4 April 2023


def test_csto_burden_2022_russia():
    # complete set excludes KGZ (no milex): milex share 74,742,000 / 78,259,000 = .955059;
    # cinc share .038197 / (.043775 - .000447) = .038197 / .043328 = .88158; ratio 1.0834
    frame = burden("CSTO", 2022)
    rus = _row(frame, iso3="RUS")
    assert rus["milex_share"] == pytest.approx(74_742_000 / 78_259_000)
    assert rus["cinc_share"] == pytest.approx(0.88158, abs=1e-4)
    assert rus["ratio_cinc"] == pytest.approx(1.0834, abs=2e-4)
    assert "KGZ" in rus["note"]
    assert _row(frame, iso3="KGZ")["flag"] == "missing"


def test_nato_burden_1950_iceland_spends_nothing():
    isl = _row(burden("NATO", 1950), iso3="ISL")
    assert isl["milex"] == 0 and isl["flag"] == "zero-milex" and isl["ratio_cinc"] == 0


def test_burden_after_nmc_is_flagged():
    frame = burden("CSTO", 2023)
    assert set(frame["flag"]) == {"no-data"} and frame["milex_share"].null_count() == frame.height


def test_csto_cases_one_triggered_case():
    # Only Kazakhstan, January 2022, is coded triggered (the Council acted under Article 4) and it was
    # answered with a deployment: 1 of 1, Wilson interval (0.2065, 1.0).
    frame = case_reliability("CSTO")
    yes = _row(frame, member="all", triggered="yes")
    assert yes["cases"] == 1 and yes["case_ids"] == ["kaz-2022-01-unrest"]
    assert yes["fulfilled"] == 1 and yes["rate"] == 1.0
    assert round(yes["low"], 4) == 0.2065 and yes["high"] == 1.0
    ledger = cases_frame("CSTO")  # the counts follow the ledger's codings
    disputed = _row(frame, member="all", triggered="disputed")
    expected = ledger.filter(pl.col("obligation_triggered") == "disputed")["id"].to_list()
    assert disputed["case_ids"] == sorted(expected) and "arm-aze-2022-09" in expected
    aided = ledger.filter((pl.col("obligation_triggered") == "disputed") & pl.col("response").is_in(
        ["material-or-logistical-aid", "military-deployment"]))
    assert disputed["assisted"] == aided.height  # Batken 1999: arms and advisers, mainly from Russia
    assert disputed["rate"] is None
    assert _row(frame, member="all", triggered="no")["cases"] == (ledger["obligation_triggered"] == "no").sum()


def test_csto_cases_by_member():
    frame = case_reliability("CSTO", by_member=True)
    kgz = _row(frame, member="KGZ", triggered="no")
    ledger = cases_frame("CSTO").filter(pl.col("threatened").list.contains("KGZ"))
    not_triggered = ledger.filter(pl.col("obligation_triggered") == "no")
    assert kgz["cases"] == not_triggered.height and "kgz-2010-06-osh" in not_triggered["id"].to_list()
    # no KGZ case that was not triggered drew material aid or troops (Osh 2010: plans only)
    assert kgz["assisted"] == 0
    arm = case_reliability("CSTO", member="Armenia")
    assert set(arm["member"]) == {"ARM"}
    arm_disputed = cases_frame("CSTO").filter(
        pl.col("threatened").list.contains("ARM") & (pl.col("obligation_triggered") == "disputed"))
    assert _row(arm, triggered="disputed")["cases"] == arm_disputed.height


def test_nato_article_5_fulfilled():
    # one triggered case (September 2001), answered by deployment: 1/1, Wilson low 1/(1+z^2) = .20655
    yes = _row(case_reliability("NATO"), member="all", triggered="yes")
    assert (yes["cases"], yes["fulfilled"]) == (1, 1)
    assert yes["low"] == pytest.approx(0.206549, abs=1e-6) and yes["high"] == 1.0


def test_member_without_cases_is_refused():
    with pytest.raises(BadArgument, match="member: ISL"):
        case_reliability("NATO", member="ISL")


def test_kyrgyz_tajik_clash_is_inside_the_csto():
    # ucdp_acd conflict 13324: gwno_a 703 (KGZ), gwno_b 702 (TJK), 2021 and 2022, intensity 1
    frame = threats("KGZ", alliance="CSTO", years="2021-2022")
    ucdp = frame.filter(pl.col("source") == "ucdp")
    assert ucdp.select("year", "conflict_id", "adversary", "adversary_ally", "intensity").rows() == [
        (2021, 13324, "TJK", True, 1), (2022, 13324, "TJK", True, 1),
    ]


def test_armenia_karabakh_war_adversaries():
    # conflict 388, 2020: side A AZE with TUR (gwno_a_2nd 640); ARM on side B as secondary party
    frame = threats("ARM", years=2020).filter(pl.col("conflict_id") == 388)
    rows = {r["adversary"]: r for r in frame.iter_rows(named=True)}
    assert sorted(rows) == ["AZE", "TUR"]
    assert rows["AZE"]["role"] == "secondary" and rows["AZE"]["side"] == "B" and rows["AZE"]["intensity"] == 2
    assert rows["AZE"]["shared_alliances"] == ["CIS"] and rows["AZE"]["adversary_ally"] is True
    assert rows["TUR"]["adversary_ally"] is False
    only_csto = threats("ARM", alliance="CSTO", years=2020).filter(pl.col("adversary") == "AZE")
    assert set(only_csto["adversary_ally"]) == {False}


def test_armenia_1993_fought_a_csto_partner():
    # Azerbaijan acceded to the treaty on 24 September 1993, so on 31 Dec 1993 both were parties
    row = threats("ARM", years=1993).filter((pl.col("source") == "ucdp") & (pl.col("adversary") == "AZE")).row(0, named=True)
    assert row["shared_alliances"] == ["CIS", "CSTO"]


def test_state_on_both_sides_is_no_adversary():
    # conflict 395, 1992: Uzbekistan (704) is both gwno_a_2nd and gwno_b_2nd; the opponent is non-state
    row = threats("TJK", years=1992).filter(pl.col("conflict_id") == 395).row(0, named=True)
    assert row["adversary"] is None and row["adversary_ally"] is None and row["role"] == "primary"


def test_mid_sources_do_not_overlap_by_default():
    default = threats("ARM", years="2009-2012")
    assert default.filter(pl.col("source") == "cow")["year"].min() == 2011
    assert default.filter(pl.col("source") == "gml")["year"].max() == 2010
    both = threats("ARM", years="2009-2012", mids="both")
    assert both.filter(pl.col("source") == "cow")["year"].min() == 2009
    # GML dispute 4414 (ARM v AZE) runs on; hostility level 4 (use of force)
    assert _row(default, year=2010, source="gml", conflict_id=4414)["hostility"] == 4


def test_threat_arguments():
    with pytest.raises(UnknownState, match="state: unknown state 'Armnia'"):
        threats("Armnia")
    with pytest.raises(BadArgument, match="mids"):
        threats("ARM", mids="all")


def test_csto_exit_clauses():
    frame = exit_clauses("CSTO")
    withdrawal = frame.filter(pl.col("type") == "withdrawal")
    assert sorted(withdrawal["article"]) == ["11", "19"]
    assert set(withdrawal["notice_months"]) == {6}


def test_csto_exit_precedents():
    frame = exit_precedents("CSTO")
    assert frame.select("state", "how").rows() == [
        ("AZE", "not-renewed"), ("GEO", "not-renewed"), ("UZB", "not-renewed"),
        ("UZB", "frozen"), ("UZB", "suspended"), ("ARM", "frozen"),
    ]
    uzb = frame.row(2, named=True)
    assert str(uzb["left"]) == "1999-04-20" and str(uzb["returned"]) == "2006-08-16"
    assert uzb["joined_after"][0] == "SCO member from 2001-06-15"
    aze = frame.row(0, named=True)
    assert "OTS member from 2009-10-03" in aze["joined_after"]
    # ATOP 6035 (Azerbaijan-Turkey strategic partnership, 2010): defence pledge with Turkey
    assert any(s.startswith("ATOP 6035 (2010; defence") and s.endswith("with TUR)") for s in aze["joined_after"])


def test_central_asia_bloc_2022():
    frame = coalition(region="central-asia", versus=["CHN"], years=2022)
    bloc = _row(frame, kind="bloc")
    assert bloc["group"] == "central-asia" and bloc["states"] == sorted(regions()["central-asia"])
    # milex: KAZ 1,867,000 + TJK 108,000; KGZ, UZB and TKM have none in NMC 2022
    assert bloc["milex"] == 1_975_000 and bloc["note"] == "no milex for KGZ, UZB, TKM"
    csto = _row(frame, kind="alliance")
    assert csto["group"] == "CSTO" and csto["milex"] == 78_259_000
    assert csto["milex_ratio"] == pytest.approx(1_975_000 / 78_259_000)
    chn = _row(frame, kind="versus")
    assert chn["cinc_ratio"] == pytest.approx(bloc["cinc"] / chn["cinc"])


def test_coalition_overlap_2013():
    frame = coalition_overlap(region="central-asia", years=2013)
    uzb = _row(frame, state="UZB")
    assert uzb["alliances"] == ["CIS", "SCO"] and uzb["other_ties"] == ["CSTO suspended"]
    tkm = _row(frame, state="TKM")
    assert tkm["alliances"] == [] and tkm["other_ties"] == ["CIS partner"]


def test_unknown_region_suggests():
    with pytest.raises(BadArgument, match="central-asia"):
        region("central-asi")
    with pytest.raises(BadArgument):
        coalition()
