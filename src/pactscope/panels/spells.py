"""add_peace_years: years since the last conflict event, per dyad or state."""

from __future__ import annotations

import polars as pl

from pactscope.errors import BadArgument
from pactscope.panels._join import left_join
from pactscope.panels.frame import Panel, PanelKind, require

# ongoing column -> spell column it produces
SPELL_COLUMNS = {
    "gmlmidongoing": "gmlmidspell",
    "cowmidongoing": "cowmidspell",
    "cowinterongoing": "cowinterspell",
    "cowintraongoing": "cowintraspell",
    "ucdpongoing": "ucdpspell",
}


def peace_spells(frame: pl.DataFrame, event: str, unit: list[str]) -> pl.Series:
    """Length of the run of event-free years just before each year (the BTSCS counter).

    For events 0,0,0,1,0,0,1,1,0 the spell is 0,1,2,3,0,1,2,0,0: it counts up through quiet
    years, holds the run's length in the event year, and restarts after an event. ``frame``
    must be sorted by unit and year and hold no missing events.
    """
    return (
        frame.select(*unit, event)
        .with_columns(block=(pl.col(event) == 1).cast(pl.Int32).cum_sum().over(unit))
        .with_columns(run=(pl.col(event) == 0).cast(pl.Int32).cum_sum().over([*unit, "block"]))
        .select(pl.col("run").shift(1).over(unit).fill_null(0).cast(pl.Int32))
        .to_series()
    )


def add_peace_years(panel: Panel) -> Panel:
    """Add a ``*spell`` column for every conflict indicator present (gml/cow MIDs, wars, UCDP)."""
    require(panel, "add_peace_years")
    present = [c for c in SPELL_COLUMNS if c in panel.columns]
    if not present:
        raise BadArgument(
            "add_peace_years() found no conflict column; run add_gml_mids(), add_cow_mids(), "
            "add_cow_wars() or add_ucdp_acd() first"
        )
    unit = panel.keys[:-1] if panel.kind is PanelKind.dyad_year else [panel.code]
    frame = panel.frame
    for event in present:
        # years whose event is missing (outside the source's coverage) get no spell
        observed = frame.filter(pl.col(event).is_not_null()).select(*unit, "year", event)
        observed = observed.select(*unit, "year").with_columns(
            peace_spells(observed, event, unit).alias(SPELL_COLUMNS[event])
        )
        frame = left_join(frame, observed, [*unit, "year"])
    return panel.with_frame(frame)
