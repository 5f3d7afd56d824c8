"""add_contiguity: COW direct contiguity (``cow_contdir``)."""

from __future__ import annotations

import functools
from typing import Literal

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import carried_forward, coverage_fill, join_on_keys
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import Panel

Slice = Literal["first", "last"]


def contiguity_years(slice: Slice = "first") -> pl.LazyFrame:
    """The dyad-years of ``_contiguity_years`` as a LazyFrame."""
    if slice not in ("first", "last"):
        raise BadArgument(f"add_contiguity(slice={slice!r}): choose 'first' or 'last'")
    return _contiguity_years(slice).lazy()


@functools.cache
def _contiguity_years(slice: Slice) -> pl.DataFrame:
    """Directed dyad-years with the contiguity type in force in the year's first (or last) month.

    Spells start and end on the first of a month and cover every month between, so a spell
    covers the years of its start through its end. Where spells overlap or follow one another
    within a year, the one in force earliest (``"first"``) or latest (``"last"``) in that year
    counts, ties going to the earlier (or later) record, as peacesciencer's ``slice``.
    """
    spells = load("cow_contdir").lazy().with_row_index("record").with_columns(
        year=pl.int_ranges(pl.col("stdate").dt.year(), pl.col("enddate").dt.year() + 1, dtype=pl.Int32)
    ).explode("year")
    if slice == "first":  # the spell's first month inside the year
        month = pl.when(pl.col("stdate").dt.year() == pl.col("year")).then(pl.col("stdate").dt.month()).otherwise(1)
        order, descending = [month, pl.col("record")], False
    else:  # its last month inside the year
        month = pl.when(pl.col("enddate").dt.year() == pl.col("year")).then(pl.col("enddate").dt.month()).otherwise(12)
        order, descending = [month, pl.col("record")], True
    return spells.group_by("ccode1", "ccode2", "year").agg(
        pl.col("conttype").sort_by(order, descending=descending).first()
    ).collect()  # computed once per process, like the table it comes from


def _most_recent(panel: Panel, frame: pl.DataFrame, unit: list[str], columns: list[str], mry: bool) -> Panel:
    """peacesciencer's ``mry = TRUE``: after the list ends, each unit keeps its last values."""
    if mry:
        frame = frame.with_columns(carried_forward(c, unit) for c in columns)
    return panel.with_frame(frame, "cow_contdir")


def add_contiguity(panel: Panel, slice: Slice = "first", mry: bool = False) -> Panel:
    """Dyad-years get ``conttype`` (0 none, 1 land, 2-5 water of at most 12/24/150/400 miles).

    State-years get ``land`` and ``sea``: counts of land and water neighbours. Where a dyad's
    relationship changed during a year, the type in force in the year's first month counts
    (``slice="last"``: its last month), as in peacesciencer. Missing -> 0 inside the list's
    coverage; later years stay missing, or with ``mry=True`` (as peacesciencer's ``mry``) take
    the dyad's (state's) values of the list's last year.
    """
    panel, keys = cow_view(panel, "add_contiguity")
    cont = contiguity_years(slice)
    if panel.dyadic:
        frame = join_on_keys(panel, cont, keys, fill=coverage_fill(["conttype"], "cow_contdir"))
        return _most_recent(panel, frame, keys[:-1], ["conttype"], mry)
    counts = cont.group_by(pl.col("ccode1").alias("ccode"), "year").agg(
        land=(pl.col("conttype") == 1).sum().cast(pl.Int32),
        sea=(pl.col("conttype") > 1).sum().cast(pl.Int32),
    )
    frame = join_on_keys(panel, counts, keys, fill=coverage_fill(["land", "sea"], "cow_contdir"))
    return _most_recent(panel, frame, keys[:-1], ["land", "sea"], mry)
