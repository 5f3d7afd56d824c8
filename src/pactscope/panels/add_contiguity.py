"""add_contiguity: COW direct contiguity (v3.2)."""

from __future__ import annotations

import polars as pl

from pactscope.data import load
from pactscope.panels._join import fill_within, join_on_keys
from pactscope.panels.frame import Panel, PanelKind, require

CONTIGUITY_LAST_YEAR = 2016


def contiguity_years() -> pl.LazyFrame:
    """Directed dyad-years with the closest contiguity type observed that year."""
    return (
        load("cow_contdir")
        .lazy()
        .with_columns(
            year=pl.int_ranges(pl.col("stdate").dt.year(), pl.col("enddate").dt.year() + 1, dtype=pl.Int32)
        )
        .explode("year")
        .group_by("ccode1", "ccode2", "year")
        .agg(pl.col("conttype").min())
    )


def add_contiguity(panel: Panel) -> Panel:
    """Dyad-years get ``conttype`` (0 none, 1 land, 2-5 water of at most 12/24/150/400 miles).

    State-years get ``land`` and ``sea``: counts of land and water neighbours. Where a dyad's
    relationship changed during a year, the closest type counts. Missing -> 0 through 2016.
    """
    require(panel, "add_contiguity", system="cow")
    cont = contiguity_years()
    if panel.kind is PanelKind.dyad_year:
        frame = join_on_keys(panel, cont)
        cols = ["conttype"]
    else:
        counts = cont.group_by(pl.col("ccode1").alias("ccode"), "year").agg(
            land=(pl.col("conttype") == 1).sum().cast(pl.Int32),
            sea=(pl.col("conttype") > 1).sum().cast(pl.Int32),
        )
        frame = join_on_keys(panel, counts)
        cols = ["land", "sea"]
    return panel.with_frame(frame.with_columns(fill_within(cols, CONTIGUITY_LAST_YEAR)), "cow_contdir")
