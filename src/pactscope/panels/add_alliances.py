"""add_atop_alliance: ATOP alliance pledges on dyad-years (``atop_alliance``)."""

from __future__ import annotations

import functools

import polars as pl

from pactscope.data import load
from pactscope.panels._join import coverage_fill, join_on_keys, undirected
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import DYADIC, Panel

ATOP_COLUMNS = ["atop_alliance", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]


@functools.cache
def _atop_dyad_years(ndir: bool) -> pl.DataFrame:
    """ATOP's directed dyad-years with ``atop_alliance``; ``ndir``: either direction's pledges (computed once per process)."""
    atop = load("atop_alliance").lazy().with_columns(atop_alliance=pl.lit(1, dtype=pl.Int32)).select(
        "ccode1", "ccode2", "year", *ATOP_COLUMNS
    )
    if ndir:
        atop = undirected(atop).group_by("ccode1", "ccode2", "year").agg(pl.col(ATOP_COLUMNS).max())
    return atop.collect()


def add_atop_alliance(panel: Panel, ndir: bool | None = None) -> Panel:
    """ATOP pledges: ``atop_alliance, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul``.

    ``atop_alliance`` is 1 wherever ATOP records an alliance for the dyad-year, even one whose
    five pledge codes are all 0.

    Directed (``ndir=False``): the value is ccode1's pledge to ccode2. Non-directed
    (``ndir=True``): 1 if either state pledged to the other, as peacesciencer's ``ndir``.
    The default follows the panel (non-directed panels get ``ndir=True``). Missing -> 0
    inside ATOP's coverage; later years stay missing.
    """
    panel, keys = cow_view(panel, "add_atop_alliance", kinds=DYADIC)
    ndir = (not panel.directed) if ndir is None else ndir
    atop = _atop_dyad_years(bool(ndir))
    frame = join_on_keys(panel, atop, keys, fill=coverage_fill(ATOP_COLUMNS, "atop_alliance"))
    return panel.with_frame(frame, "atop_alliance")
