"""add_peace_years: years since the last conflict event, per dyad or state."""

from __future__ import annotations

import polars as pl

from pactscope.errors import BadArgument
from pactscope.panels.frame import Panel, require

# ongoing column -> spell column it produces
SPELL_COLUMNS = {
    "gmlmidongoing": "gmlmidspell",
    "cowmidongoing": "cowmidspell",
    "cowinterongoing": "cowinterspell",
    "cowintraongoing": "cowintraspell",
    "ucdpongoing": "ucdpspell",
}


def _run_starts(unit: list[str], event: str) -> pl.Expr:
    """True on the first row of a unit, and on a row after a missing event (outside coverage)."""
    new_unit = pl.any_horizontal(pl.col(c) != pl.col(c).shift(1) for c in unit).fill_null(True)
    return new_unit | pl.col(event).shift(1).is_null()


def peace_spells(frame: pl.DataFrame, event: str, unit: list[str]) -> pl.Series:
    """Length of the run of event-free years just before each year (the BTSCS counter).

    For events 0,0,0,1,0,0,1,1,0 the spell is 0,1,2,3,0,1,2,0,0: it counts up through quiet
    years, holds the run's length in the event year, and restarts after an event. ``frame``
    must be sorted by unit and year. Years whose event is missing get no spell, and the count
    starts afresh after them. One pass over the rows, no grouping: the spell is the distance
    to the later of the unit's first observed row and the row after its last event.
    """
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    # row numbers grow, so a running maximum carries the latest one forward (cheaper than forward_fill)
    after_event = pl.when(pl.col(event) == 1).then(row + 1).otherwise(0).cum_max().shift(1, fill_value=0)
    run_start = pl.when(_run_starts(unit, event)).then(row).otherwise(0).cum_max()
    spell = row - pl.max_horizontal(run_start, after_event)
    return frame.select(
        pl.when(pl.col(event).is_not_null()).then(spell).cast(pl.Int32).alias(event)
    ).to_series()


def add_peace_years(panel: Panel) -> Panel:
    """Add a ``*spell`` column for every conflict indicator present (gml/cow MIDs, wars, UCDP)."""
    require(panel, "add_peace_years")
    present = [c for c in SPELL_COLUMNS if c in panel.columns]
    if not present:
        raise BadArgument(
            "add_peace_years() found no conflict column; run add_gml_mids(), add_cow_mids(), "
            "add_cow_wars() or add_ucdp_acd() first"
        )
    unit = panel.keys[:-1]
    spells = [peace_spells(panel.frame, event, unit).alias(SPELL_COLUMNS[event]) for event in present]
    return panel.with_frame(panel.frame.hstack(spells))
