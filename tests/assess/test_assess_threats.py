"""Threats: UCDP roles checked by hand for every Central Asian row, symmetric adversary pairs, and
calendar years rather than dispute-year units."""

from __future__ import annotations

import polars as pl
import pytest

from pactscope.metrics.threats import threats, ucdp_dyads

# Every UCDP conflict-year (v25.1, 1992-2024) with a Central Asian state, read by hand from the
# bundled ucdp_acd rows (gwno_a / gwno_b / gwno_a_2nd / gwno_b_2nd): (state, conflict) -> (role, years).
UCDP_BY_HAND = {
    # Kazakhstan (705) is never a primary party: a supporter of Iraq's government (259) with the
    # coalition in 2004-2008, and listed among the supporters of the Central African Republic's
    # government (416) in 2022. Neither is a conflict on its territory.
    ("KAZ", 259): ("secondary", [2004, 2005, 2006, 2007, 2008]),
    ("KAZ", 416): ("secondary", [2022]),
    # Kyrgyzstan (703): supporter of Uzbekistan's government against the IMU (415) in 2000 (UCDP
    # codes the conflict as Uzbekistan's, although the IMU's incursions reached Batken); primary
    # party against Tajikistan in the interstate border conflict (13324) in 2021-2022.
    ("KGZ", 415): ("secondary", [2000]),
    ("KGZ", 13324): ("primary", [2021, 2022]),
    # Tajikistan (702): its civil war and later fighting with armed groups (395), the 2018-2019
    # conflict (16292), the border conflict with Kyrgyzstan (13324); a supporter of Mali's
    # government (11347) in 2013-2014.
    ("TJK", 395): ("primary", [1992, 1993, 1994, 1995, 1996, 1997, 1998, 2000, 2010, 2011]),
    ("TJK", 16292): ("primary", [2018, 2019]),
    ("TJK", 13324): ("primary", [2021, 2022]),
    ("TJK", 11347): ("secondary", [2013, 2014]),
    # Uzbekistan (704): supporter of Tajikistan's government (395) in 1992-1994 (in 1992 the row
    # also lists it among side B's supporters); primary party against the IMU (415).
    ("UZB", 395): ("secondary", [1992, 1993, 1994]),
    ("UZB", 415): ("primary", [1999, 2000, 2004]),
    # Turkmenistan (701): only listed among the supporters of the Central African Republic (416), 2024.
    ("TKM", 416): ("secondary", [2024]),
}


@pytest.fixture(scope="module")
def central_asia():
    return {s: threats(s, "CSTO", "1992-2024") for s in ("KAZ", "KGZ", "TJK", "UZB", "TKM")}


def test_every_central_asian_ucdp_row_has_the_role_read_by_hand(central_asia):
    found = {}
    for state, frame in central_asia.items():
        for (cid, role), group in frame.filter(pl.col("source") == "ucdp").group_by(["conflict_id", "role"]):
            found[(state, cid)] = (role, sorted(group["year"].unique().to_list()))
    assert found == UCDP_BY_HAND


def test_support_abroad_is_not_a_threat(central_asia):
    kaz = central_asia["KAZ"].filter(pl.col("source") == "ucdp")
    assert kaz.height and not kaz["counted"].any()  # Iraq and the CAR: participation only
    tkm = central_asia["TKM"].filter(pl.col("source") == "ucdp")
    assert tkm.height and not tkm["counted"].any()
    tjk = central_asia["TJK"].filter(pl.col("source") == "ucdp")
    assert set(tjk.filter(pl.col("counted"))["conflict_id"].unique()) == {395, 13324, 16292}


def test_default_report_counts_primary_years_apart(default_report):
    table = next(b for s in default_report.sections for b in s.blocks if getattr(b, "id", "") == "threat-summary")
    by_state = {r[0].text: r for r in table.rows}
    # columns: state, primary years, support years, dispute calendar years, dispute-years, ...
    assert (by_state["Kazakhstan"][1].value.value, by_state["Kazakhstan"][2].value.value) == (0, 6)
    assert (by_state["Tajikistan"][1].value.value, by_state["Tajikistan"][2].value.value) == (14, 2)
    assert (by_state["Turkmenistan"][1].value.value, by_state["Turkmenistan"][2].value.value) == (0, 1)


def test_adversary_pairs_are_symmetric():
    dyads = ucdp_dyads()
    pairs = set(zip(dyads["conflict_id"], dyads["year"], dyads["code"], dyads["adversary_code"], strict=True))
    assert all((c, y, b, a) in pairs for c, y, a, b in pairs)


def test_uzbekistan_and_tajikistan_list_each_other_in_the_same_years(central_asia):
    """1992: Uzbekistan backed Tajikistan's government and is listed on both sides of conflict 395,
    so neither state is the other's adversary that year; their disputes (1999, 2005-2006, 2011-2012)
    appear on both sides."""
    def years(state, other):
        frame = central_asia[state]
        return sorted(frame.filter(pl.col("counted") & (pl.col("adversary") == other))["year"].unique().to_list())

    assert years("UZB", "TJK") == years("TJK", "UZB") == [1999, 2005, 2006, 2011, 2012]
    assert 1992 not in years("UZB", "TJK")
    source = central_asia["UZB"].filter((pl.col("conflict_id") == 395) & (pl.col("year") == 1992))["source_row"][0]
    assert "on both sides: 704" in source


def test_supporters_on_opposite_sides_of_a_third_war_are_not_adversaries():
    arm = threats("ARM", "CSTO", "1992-2024")
    turkey = arm.filter((pl.col("adversary") == "TUR") & (pl.col("source") == "ucdp"))  # both supporters in the 2020 Karabakh war (conflict 388)
    assert turkey.height and not turkey["counted"].any()
    azerbaijan = arm.filter((pl.col("adversary") == "AZE") & (pl.col("source") == "ucdp"))
    assert azerbaijan["counted"].all() and set(azerbaijan["adversary_role"]) == {"primary"}


def test_calendar_years_not_dispute_year_units(default_report):
    """Kyrgyzstan's 12 dispute-year units fall in 9 calendar years (GML and COW, 1992-2014)."""
    table = next(b for s in default_report.sections for b in s.blocks if getattr(b, "id", "") == "threat-summary")
    kgz = next(r for r in table.rows if r[0].text == "Kyrgyzstan")
    labels = [c.label for c in table.columns]
    assert kgz[labels.index("Years with a militarized dispute (MIDs)")].value.value == 9
    assert kgz[labels.index("Dispute-years (one per dispute and year)")].value.value == 12



def test_calendar_year_columns_fit_the_span(reports):
    """No column counting calendar years exceeds the report's span (Armenia's 35 adversary-years over
    1992-2026 are labelled as that unit; its years with a state adversary are 30)."""
    for report in reports.values():
        table = next(b for s in report.sections for b in s.blocks if getattr(b, "id", "") == "threat-summary")
        span = report.years[1] - report.years[0] + 1
        labels = [c.label for c in table.columns]
        for row in table.rows:
            for i, label in enumerate(labels):
                if label.startswith("Years") and row[i].value is not None:
                    assert row[i].value.value <= span, (report.title, row[0].text, label)
        assert any("(one per adversary and year)" in label for label in labels)


def test_every_time_chart_marks_where_its_data_stop(reports):
    for report in reports.values():
        for section in report.sections:
            for block in section.blocks:
                if block.kind != "chart" or block.id in ("members-map", "case-timeline"):
                    continue
                labels = [layer["data"]["values"][0]["label"] for layer in block.spec.get("layer", [])
                          if isinstance(layer.get("data"), dict) and "values" in layer["data"]
                          and layer["mark"]["type"] == "text"]
                assert any(" end " in lab for lab in labels), (report.title, block.id)
