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


CONFLICT_FAMILIES = {"gmlmid": "gmlmidspell", "cowmid": "cowmidspell", "cowinter": "cowinterspell",
                     "cowintra": "cowintraspell", "ucdp": "ucdpspell"}


def _spells_without_ongoing(frame: pl.DataFrame, event: str, unit: list[str]) -> pl.Series:
    """peacesciencer's ``ongo=TRUE``: only a run's first year counts as the event; the years
    that continue it get no spell, and the count restarts after them."""
    previous = pl.col(event).shift(1)
    new_unit = pl.any_horizontal(pl.col(c) != pl.col(c).shift(1) for c in unit).fill_null(True)
    marked = frame.select(
        *unit, pl.col(event),
        first=((pl.col(event) == 1) & (new_unit | (previous != 1) | previous.is_null())).cast(pl.Int32),
    ).with_columns(continuing=(pl.col(event) == 1) & (pl.col("first") == 0)).with_row_index("_row")
    kept = marked.filter(~pl.col("continuing"))
    counted = peace_spells(kept.with_columns(pl.when(pl.col(event).is_not_null()).then(pl.col("first")).alias("first")), "first", unit)
    n = frame.height
    return pl.Series(event, [None], dtype=pl.Int32).extend_constant(None, n - 1).scatter(kept["_row"], counted)


def add_spells(panel: Panel, conflict_event_type: str = "ongoing", ongo: bool = False) -> Panel:
    """Spells (years since the last conflict year) for every conflict family present, as
    peacesciencer's ``add_spells``: ``gmlmidspell, cowmidspell, cowinterspell, cowintraspell,
    ucdpspell``.

    ``conflict_event_type`` picks the ``*ongoing`` or ``*onset`` indicator. With ``ongo=False``
    every event year ends a spell (the counter of ``add_peace_years``); with ``ongo=True`` only
    the first year of a run of event years does, the years continuing it get no spell and the
    count starts again after them. Years outside a source's coverage get no spell.
    """
    require(panel, "add_spells")
    if conflict_event_type not in ("ongoing", "onset"):
        raise BadArgument(f"add_spells(conflict_event_type={conflict_event_type!r}): choose 'ongoing' or 'onset'")
    present = {f"{family}{conflict_event_type}": spell for family, spell in CONFLICT_FAMILIES.items()
               if f"{family}{conflict_event_type}" in panel.columns}
    if not present:
        raise BadArgument("add_spells() found no conflict column; run add_gml_mids(), add_cow_mids(), add_cow_wars() or add_ucdp_acd() first")
    clash = sorted(set(present.values()) & set(panel.columns))
    if clash:
        raise BadArgument(f"the panel already has column(s) {', '.join(clash)}; was add_spells or add_peace_years applied already?")
    unit = panel.keys[:-1]
    count = _spells_without_ongoing if ongo else peace_spells
    return panel.with_frame(panel.frame.hstack([count(panel.frame, event, unit).alias(spell) for event, spell in present.items()]))
