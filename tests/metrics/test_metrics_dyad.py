"""The dyad profile: two states by year, in the order asked for."""

from __future__ import annotations

import polars as pl
import pytest

from pactscope.errors import BadArgument
from pactscope.metrics import dyad_profile, dyad_states


def test_russia_kazakhstan_share_the_csto_and_pledge_defence():
    profile = dyad_profile("Russia", "KAZ")
    assert (profile.a.iso3, profile.b.iso3) == ("RUS", "KAZ")
    row = profile.table.filter(pl.col("year") == 2015).row(0, named=True)
    assert "CSTO" in row["ledger_shared"]  # both members since the 1992 treaty
    # atop_alliance: RUS 365 - KAZ 705 defence pledge (the panel tests' hand-checked row)
    assert row["atop_defense"] == 1


def test_the_order_of_the_states_sets_the_a_and_b_columns():
    ab = dyad_profile("RUS", "KAZ").table.filter(pl.col("year") == 2010)
    ba = dyad_profile("KAZ", "RUS").table.filter(pl.col("year") == 2010)
    assert ab["cinc_a"].to_list() == ba["cinc_b"].to_list()
    assert ab["cinc_a"][0] > ab["cinc_b"][0]  # Russia's CINC exceeds Kazakhstan's


@pytest.mark.parametrize("a, b, says", [("RUS", "Russia", "two different states"),
                                        ("RUS", "United Provinces of Central America", "no Correlates of War code")])
def test_bad_pairs_are_refused(a, b, says):
    with pytest.raises(BadArgument, match=says):
        dyad_states(a, b)
