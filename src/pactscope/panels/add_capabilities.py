"""add_nmc and add_cow_majors: material capabilities and major-power status."""

from __future__ import annotations

import polars as pl

from pactscope.data import load
from pactscope.panels._join import fill_within, join_state_values
from pactscope.panels.frame import Panel, PanelKind, require

NMC_COLUMNS = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]
MAJORS_LAST_YEAR = 2016


def add_nmc(panel: Panel) -> Panel:
    """COW National Material Capabilities (v7.0, 1816-2022).

    State-years get ``milex, milper, irst, pec, tpop, upop, cinc``; dyad-years get each with
    suffix 1 and 2. Years after 2022 stay missing. Units: milex thousands of current USD,
    milper thousands of personnel, tpop/upop thousands of people.
    """
    require(panel, "add_nmc", system="cow")
    return panel.with_frame(join_state_values(panel, load("cow_nmc").lazy(), NMC_COLUMNS), "cow_nmc")


def _major_years() -> pl.LazyFrame:
    return (
        load("cow_majors")
        .lazy()
        .with_columns(year=pl.int_ranges("styear", pl.col("endyear") + 1, dtype=pl.Int32))
        .explode("year")
        .select("ccode", "year", cowmaj=pl.lit(1, dtype=pl.Int32))
        .unique()
    )


def add_cow_majors(panel: Panel) -> Panel:
    """COW major-power status: ``cowmaj`` (state-year) or ``cowmaj1, cowmaj2`` (dyad-year).

    1 for a major power in that year, 0 otherwise through 2016 (the list's last year), missing after.
    """
    require(panel, "add_cow_majors", system="cow")
    frame = join_state_values(panel, _major_years(), ["cowmaj"])
    cols = ["cowmaj"] if panel.kind is PanelKind.state_year else ["cowmaj1", "cowmaj2"]
    return panel.with_frame(frame.with_columns(fill_within(cols, MAJORS_LAST_YEAR)), "cow_majors")
