"""Per-pledge war reliability restricted to one organization's ATOP records."""

from __future__ import annotations

import polars as pl
import pytest

from pactscope.errors import BadArgument
from pactscope.metrics import war_obligations, war_reliability


def test_csto_rows_are_the_azeri_armenian_war():
    # cow_war_inter: 216.0,371.0,373.0,1993.0,... initiator1=1 -> Armenia began war 216 against
    # Azerbaijan; both were parties to the Collective Security Treaty (ATOP 4220) in 1993.
    rows = war_obligations(alliance="CSTO").filter(pl.col("applies"))
    assert rows["warnum"].unique().to_list() == [216]
    assert set(rows["atopid"]) == {4220}
    defence = rows.filter(pl.col("obligation") == "defense")
    # Azerbaijan, the attacked side, was owed defence by the seven other parties; none fought for it.
    assert defence["state"].unique().to_list() == [373]
    assert sorted(defence["ally"]) == [365, 371, 372, 702, 703, 704, 705]
    assert defence["fulfilled"].sum() == 0
    broken = rows.filter((pl.col("obligation") == "nonagg") & ~pl.col("fulfilled"))
    assert broken.select("state", "ally").rows() == [(373, 371)]  # only Armenia fought Azerbaijan


def test_csto_summary_counts():
    table = war_reliability(alliance="csto", unit="pledge")
    row = {(r["group"], r["level"]): r for r in table.iter_rows(named=True)}
    assert (row[("type", "defense")]["n"], row[("type", "defense")]["fulfilled"]) == (7, 0)
    assert (row[("type", "nonagg")]["n"], row[("type", "nonagg")]["fulfilled"]) == (13, 12)
    assert (row[("overall", "all")]["n"], row[("overall", "all")]["fulfilled"]) == (20, 12)
    assert row[("era", "pre-1945")]["n"] == 0 and row[("era", "pre-1945")]["rate"] is None


def test_alliance_subsets_never_exceed_the_pool():
    for unit in ("pledge", "alliance"):
        pooled = war_reliability(by="overall", unit=unit)["n"][0]
        assert war_reliability(by="overall", alliance="NATO", unit=unit)["n"][0] < pooled


def test_alliance_without_atop_record_and_bad_by_are_refused():
    with pytest.raises(BadArgument, match="no ATOP record"):
        war_reliability(alliance="OTS")
    with pytest.raises(BadArgument, match="overall, type or era"):
        war_reliability(by="decade")
