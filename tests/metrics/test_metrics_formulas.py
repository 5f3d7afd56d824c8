"""Every metric formula on small frames whose answers are worked out by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactscope.metrics.burden import burden_shares
from pactscope.metrics.coalition import group_totals
from pactscope.metrics.dominance import concentration
from pactscope.metrics.reliability_cases import summarise_cases
from pactscope.metrics.stats import wilson


def _long(groups: dict[str, dict[str, float | None]]) -> pl.DataFrame:
    rows = [(g, unit, v) for g, values in groups.items() for unit, v in values.items()]
    return pl.DataFrame(rows, schema={"g": pl.String, "iso3": pl.String, "value": pl.Float64}, orient="row")


@pytest.fixture(scope="module")
def conc() -> dict[str, dict]:
    frame = _long({
        "thirds": {"A": 6, "B": 3, "C": 1},     # shares .6 .3 .1
        "tie": {"B": 5, "A": 5},                # .5 .5: exactly half is not "more than half"
        "four": {"W": 4, "X": 3, "Y": 2, "Z": 1},
        "gap": {"A": 3, "B": None, "C": 1},     # B missing: base is 3 + 1 = 4
        "zero": {"A": 0, "B": 0},
    })
    out = concentration(frame, ["g"])
    return {r["g"]: r for r in out.iter_rows(named=True)}


def test_leader_and_share(conc):
    assert conc["thirds"]["leader"] == "A"
    assert conc["thirds"]["leader_share"] == pytest.approx(0.6)
    assert conc["thirds"]["total"] == pytest.approx(10)
    assert conc["tie"]["leader"] == "A"  # ties go to the first code alphabetically


def test_hhi(conc):
    assert conc["thirds"]["hhi"] == pytest.approx(0.36 + 0.09 + 0.01)  # 0.46
    assert conc["tie"]["hhi"] == pytest.approx(0.25 + 0.25)
    assert conc["four"]["hhi"] == pytest.approx(0.16 + 0.09 + 0.04 + 0.01)  # 0.30
    assert conc["gap"]["hhi"] == pytest.approx(0.75**2 + 0.25**2)  # 0.625


def test_members_to_half(conc):
    assert conc["thirds"]["members_to_half"] == 1  # .6 > .5
    assert conc["tie"]["members_to_half"] == 2  # .5 is not past half; .5 + .5 is
    assert conc["four"]["members_to_half"] == 2  # .4, then .4 + .3 = .7
    assert conc["gap"]["members_to_half"] == 1  # 3 of 4


def test_missing_and_zero(conc):
    assert conc["gap"]["n_members"] == 3 and conc["gap"]["n_missing"] == 1
    assert conc["gap"]["missing"] == ["B"]
    assert conc["gap"]["leader_share"] == pytest.approx(0.75)
    zero = conc["zero"]
    assert zero["total"] == 0
    assert zero["leader"] is None and zero["hhi"] is None and zero["members_to_half"] is None


def test_burden_shares_and_ratios():
    frame = pl.DataFrame({
        "year": [2000] * 4,
        "iso3": ["A", "B", "C", "D"],
        "milex": [60.0, 40.0, None, 0.0],
        "cinc": [0.2, 0.2, 0.1, 0.1],
        "tpop": [10.0, 30.0, 5.0, 10.0],
    })
    out = {r["iso3"]: r for r in burden_shares(frame, ["year"]).iter_rows(named=True)}
    # complete set A, B, D: milex 60 + 40 + 0 = 100, cinc .2 + .2 + .1 = .5, tpop 10 + 30 + 10 = 50
    assert out["A"]["milex_share"] == pytest.approx(0.6)
    assert out["A"]["cinc_share"] == pytest.approx(0.4)
    assert out["A"]["tpop_share"] == pytest.approx(0.2)
    assert out["A"]["ratio_cinc"] == pytest.approx(0.6 / 0.4)  # 1.5
    assert out["A"]["ratio_tpop"] == pytest.approx(0.6 / 0.2)  # 3.0
    assert out["B"]["ratio_cinc"] == pytest.approx(0.4 / 0.4)
    assert out["B"]["ratio_tpop"] == pytest.approx(0.4 / 0.6)
    assert out["A"]["flag"] == "ok"
    assert out["C"]["flag"] == "missing" and out["C"]["milex_share"] is None and out["C"]["ratio_cinc"] is None
    assert out["D"]["flag"] == "zero-milex" and out["D"]["ratio_cinc"] == 0


def test_burden_zero_capability_gives_no_ratio():
    frame = pl.DataFrame({"year": [1, 1], "iso3": ["A", "B"], "milex": [5.0, 5.0], "cinc": [0.0, 0.1], "tpop": [1.0, 1.0]})
    out = {r["iso3"]: r for r in burden_shares(frame, ["year"]).iter_rows(named=True)}
    assert out["A"]["flag"] == "zero-capability" and out["A"]["ratio_cinc"] is None
    assert out["A"]["ratio_tpop"] == pytest.approx(0.5 / 0.5)
    assert out["B"]["ratio_cinc"] == pytest.approx(0.5 / 1.0)


def test_group_totals_sum_and_name_gaps():
    frame = pl.DataFrame({
        "year": [2000, 2000, 2000],
        "group": ["bloc", "bloc", "X"],
        "kind": ["bloc", "bloc", "versus"],
        "iso3": ["A", "B", "X"],
        "cinc": [0.1, 0.2, None],
        "milex": [10.0, None, None],
        "milper": [1.0, 2.0, 3.0],
        "tpop": [5.0, 6.0, 7.0],
    })
    out = {r["group"]: r for r in group_totals(frame).iter_rows(named=True)}
    assert out["bloc"]["cinc"] == pytest.approx(0.3)
    assert out["bloc"]["milex"] == pytest.approx(10.0)  # B left out
    assert out["bloc"]["note"] == "no milex for B"
    assert out["X"]["cinc"] is None and out["X"]["milper"] == pytest.approx(3.0)
    assert out["bloc"]["states"] == ["A", "B"]


def _case(cid, threatened, triggered, response, actions=(), request="yes"):
    return {
        "alliance": "T", "id": cid, "start_date": dt.date(2000, 1, 1), "threatened": list(threatened),
        "request_made": request, "triggered": triggered, "response": response,
        "actions": sorted({response, *actions}),
        "assisted": bool({"military-deployment", "material-or-logistical-aid"} & {response, *actions}),
    }


def test_case_summary_rate_only_on_triggered_rows():
    cases = pl.DataFrame([
        _case("a", ["X"], "yes", "military-deployment"),
        _case("b", ["X"], "yes", "consultation", ["material-or-logistical-aid"]),
        _case("c", ["Y"], "yes", "statement", request="no"),
        _case("d", ["X", "Y"], "no", "military-deployment"),
        _case("e", ["Y"], "disputed", "statement", request="disputed"),
    ])
    rows = {(r["member"], r["triggered"]): r for r in summarise_cases(cases).iter_rows(named=True)}
    yes = rows[("all", "yes")]
    assert (yes["cases"], yes["fulfilled"], yes["requests_made"]) == (3, 2, 2)
    assert yes["rate"] == pytest.approx(2 / 3)
    # Wilson, z = 1.96: centre (2/3 + z^2/6) / (1 + z^2/3) = 0.57308, half-width 0.36543
    assert yes["low"] == pytest.approx(0.20766, abs=1e-5)
    assert yes["high"] == pytest.approx(0.93851, abs=1e-5)
    assert yes["response_military_deployment"] == 1 and yes["response_consultation"] == 1
    no = rows[("all", "no")]
    assert no["cases"] == 1 and no["assisted"] == 1
    assert no["rate"] is None and no["fulfilled"] is None and no["low"] is None
    disputed = rows[("all", "disputed")]
    assert disputed["cases"] == 1 and disputed["requests_disputed"] == 1 and disputed["rate"] is None


def test_case_summary_by_member_counts_a_case_for_each_threatened_member():
    cases = pl.DataFrame([
        _case("a", ["X"], "yes", "military-deployment"),
        _case("d", ["X", "Y"], "no", "statement"),
    ])
    rows = {(r["member"], r["triggered"]): r for r in summarise_cases(cases, by_member=True).iter_rows(named=True)}
    assert rows[("X", "yes")]["rate"] == 1.0
    assert rows[("X", "no")]["cases"] == 1 and rows[("Y", "no")]["cases"] == 1
    assert rows[("Y", "yes")]["cases"] == 0 and rows[("Y", "yes")]["rate"] is None
    assert len(rows) == 6  # two members x yes/no/disputed


def test_wilson_one_of_one_matches_closed_form():
    # x = n = 1: the lower bound is 1 / (1 + z^2) = 1 / 4.8415 = 0.20655
    p = wilson(1, 1)
    assert p.low == pytest.approx(0.206549, abs=1e-6) and p.high == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=12))
def test_concentration_bounds(values):
    frame = pl.DataFrame({"g": ["x"] * len(values), "iso3": [f"S{i:02d}" for i in range(len(values))],
                          "value": [float(v) for v in values]})
    row = concentration(frame, ["g"]).row(0, named=True)
    n = len(values)
    assert 1 / n - 1e-12 <= row["hhi"] <= 1 + 1e-12
    assert row["leader_share"] == pytest.approx(max(values) / sum(values))
    ranked = sorted(values, reverse=True)
    k = row["members_to_half"]
    assert sum(ranked[:k]) * 2 > sum(values) and sum(ranked[: k - 1]) * 2 <= sum(values)
