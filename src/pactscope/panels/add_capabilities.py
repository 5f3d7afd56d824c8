"""add_nmc and add_cow_majors: material capabilities and major-power status."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import polars as pl

from pactscope.data import coverage, load
from pactscope.errors import BadArgument
from pactscope.panels._join import Fill, join_state_values
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import Panel
from pactscope.panels.years import last_complete_year

NMC_COLUMNS = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]


def add_nmc(panel: Panel, keep: Sequence[str] | None = None) -> Panel:
    """COW National Material Capabilities (``cow_nmc``).

    State-years get ``milex, milper, irst, pec, tpop, upop, cinc``; dyad-years get each with
    suffix 1 and 2; ``keep`` picks some of them (peacesciencer's ``keep``). Years after the
    table's last stay missing. Units: milex thousands of current USD, milper thousands of
    personnel, tpop/upop thousands of people.
    """
    columns = NMC_COLUMNS
    if keep is not None:
        unknown = sorted(set(keep) - set(NMC_COLUMNS))
        if unknown:
            raise BadArgument(f"add_nmc(keep=...): no column {', '.join(unknown)}; choose from {', '.join(NMC_COLUMNS)}")
        columns = [c for c in NMC_COLUMNS if c in keep]
    panel, _ = cow_view(panel, "add_nmc")
    return panel.with_frame(join_state_values(panel, load("cow_nmc").lazy(), columns, on="ccode"), "cow_nmc")


@functools.cache
def _major_years(extend_to: int | None) -> pl.DataFrame:
    """(ccode, year, cowmaj=1); with ``extend_to``, powers still major when the list ends stay so through that year."""
    majors = load("cow_majors").lazy()
    if extend_to is not None:
        final = pl.col("endyear") == pl.col("endyear").max()
        through_december = (pl.col("endmonth") == 12) & (pl.col("endday") == 31)
        majors = majors.with_columns(endyear=pl.when(final & through_december).then(extend_to).otherwise("endyear"))
    return (
        majors
        .with_columns(year=pl.int_ranges("styear", pl.col("endyear") + 1, dtype=pl.Int32))
        .explode("year")
        .select("ccode", "year", cowmaj=pl.lit(1, dtype=pl.Int32))
        .unique()
        .collect()  # computed once per process, like the table it comes from
    )


def add_cow_majors(panel: Panel, mry: bool = False) -> Panel:
    """COW major-power status: ``cowmaj`` (state-year) or ``cowmaj1, cowmaj2`` (dyad-year).

    1 for a major power in that year, 0 otherwise through the list's last year, missing after.
    ``mry=True`` (peacesciencer's default) assumes the powers that were major when the list
    ends stayed major through the last complete year, and the others did not.
    """
    panel, _ = cow_view(panel, "add_cow_majors")
    last = last_complete_year() if mry else coverage("cow_majors")[1]
    frame = join_state_values(panel, _major_years(last if mry else None), ["cowmaj"], on="ccode", fill=Fill(("cowmaj",), last))
    return panel.with_frame(frame, "cow_majors")
