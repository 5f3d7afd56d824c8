"""Row filters: politically relevant dyads and year ranges."""

from __future__ import annotations

import polars as pl

from pactscope.panels._join import carried_forward
from pactscope.panels.add_capabilities import add_cow_majors
from pactscope.panels.add_contiguity import add_contiguity
from pactscope.panels.frame import Panel, PanelKind, require
from pactscope.panels.years import YearsArg, parse_years


def filter_prd(panel: Panel, carry_forward: bool = True) -> Panel:
    """Keep politically relevant dyads (dyad-years or leader-dyad-years): contiguous in any way,
    or either state a major power.

    Adds ``conttype`` and ``cowmaj1/2`` first if the panel lacks them (as peacesciencer does).
    Contiguity and major-power lists end before the panels do; with ``carry_forward`` (default) later years
    use each dyad's last observed status, the same assumption the panels make about the state
    list. The columns themselves stay missing after the lists end. Adds ``prd`` (always 1 after filtering).
    """
    require(panel, "filter_prd", kinds=[PanelKind.dyad_year, PanelKind.leader_dyad_year])
    if "conttype" not in panel.columns:
        panel = add_contiguity(panel)
    if not {"cowmaj1", "cowmaj2"} <= set(panel.columns):
        panel = add_cow_majors(panel)
    status = ["conttype", "cowmaj1", "cowmaj2"]
    dyad = [c for c in panel.state_keys[:-1] if c in panel.columns]  # the two states (leader-dyads: their states)
    cont, maj1, maj2 = (carried_forward(c, dyad) for c in status) if carry_forward else (pl.col(c) for c in status)
    relevant = (cont.fill_null(0) >= 1) | (maj1.fill_null(0) == 1) | (maj2.fill_null(0) == 1)
    frame = panel.frame.filter(relevant).with_columns(prd=pl.lit(1, dtype=pl.Int32))
    return panel.with_frame(frame)


def filter_years(panel: Panel, years: YearsArg) -> Panel:
    """Keep the rows of a year or range, e.g. ``"1992-1999"``."""
    require(panel, "filter_years")
    start, end = parse_years(years)
    return panel.with_frame(panel.frame.filter(pl.col("year").is_between(start, end)))
