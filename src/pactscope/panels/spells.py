"""add_peace_years: years since the last conflict event, per dyad or state."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pactscope.errors import BadArgument
from pactscope.panels.frame import ALL_KINDS, Panel, PanelKind, require

# ongoing column -> spell column it produces
SPELL_COLUMNS = {
    "gmlmidongoing": "gmlmidspell",
    "gmlmidongoing_init": "gmlmidinitspell",
    "cowmidongoing": "cowmidspell",
    "cowinterongoing": "cowinterspell",
    "cowintraongoing": "cowintraspell",
    "ucdpongoing": "ucdpspell",
}


def _new_unit(unit: list[str]) -> pl.Expr:
    """True on the first row of each unit (rows sorted by unit)."""
    return pl.any_horizontal(pl.col(c) != pl.col(c).shift(1) for c in unit).fill_null(True)


def _run_starts(unit: list[str], event: str) -> pl.Expr:
    """True on the first row of a unit, and on a row after a missing event (outside coverage)."""
    return _new_unit(unit) | pl.col(event).shift(1).is_null()


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


Counter = Callable[[pl.DataFrame, str, list[str]], pl.Series]


def _spells(panel: Panel, events: dict[str, str], count: Counter) -> Panel:
    """Add one spell column per ``events`` item (indicator -> spell name), counted per unit.

    State- and dyad-years are sorted by unit and year already. Leader panels are sorted by state
    codes first, so their rows are counted in (leader(s), codes, year) order and put back; the
    codes keep a leader whose state changes code within a year (Kohl: 260 and 255 in 1990) as
    two runs rather than one with two rows for a year."""
    clash = sorted(set(events.values()) & set(panel.columns))
    if clash:
        raise BadArgument(f"the panel already has column(s) {', '.join(clash)}; was add_spells or add_peace_years applied already?")
    unit = panel.keys[:-1]
    if panel.kind not in (PanelKind.leader_year, PanelKind.leader_dyad_year):
        return panel.with_frame(panel.frame.hstack([count(panel.frame, e, unit).alias(s) for e, s in events.items()]))
    codes = [c for c in panel.state_keys[:-1] if c in panel.columns]
    # leaders as integers (by first appearance: only grouping matters), so the sort is on numbers
    ids = [pl.col(c).cast(pl.Categorical).to_physical().alias(c) for c in unit]
    unit = [*codes, *unit]
    keyed = panel.frame.select(*codes, *ids, "year", *events)
    order = keyed.select(pl.arg_sort_by([*unit, "year"], maintain_order=True)).to_series()
    ordered = keyed.gather(order)
    back = order.arg_sort()
    return panel.with_frame(panel.frame.hstack([count(ordered, e, unit).gather(back).alias(s) for e, s in events.items()]))


def _padded_spells(frame: pl.DataFrame, event: str, unit: list[str]) -> pl.Series:
    """peacesciencer's ``pad = TRUE``: years missing inside a unit's run of rows count as event
    years, so the count starts afresh after a gap (a state that left the system and came back)."""
    new_unit = _new_unit(unit)
    gap = ~new_unit & (pl.col("year") - pl.col("year").shift(1) > 1)
    # a gap acts as an event just before the row: the row after it starts a new count at 0
    runs = frame.with_columns(_run=gap.fill_null(False).cast(pl.Int64).cum_sum())
    return peace_spells(runs, event, [*unit, "_run"])


def add_peace_years(panel: Panel, pad: bool = False) -> Panel:
    """Add a ``*spell`` column for every conflict indicator present (gml/cow MIDs, wars, UCDP),
    on state-, dyad-, leader- and leader-dyad-years (``gmlmidinitspell`` where
    ``gmlmidongoing_init`` is present). Leader-years count per leader, leader-dyad-years per
    pair of leaders. ``pad=True`` (peacesciencer's ``pad``): a unit's missing years inside its
    span count as events, so a state that left the system and returned starts counting again."""
    require(panel, "add_peace_years", kinds=ALL_KINDS)
    present = {c: SPELL_COLUMNS[c] for c in SPELL_COLUMNS if c in panel.columns}
    if not present:
        raise BadArgument(
            "add_peace_years() found no conflict column; run add_gml_mids(), add_cow_mids(), "
            "add_cow_wars() or add_ucdp_acd() first"
        )
    return _spells(panel, present, _padded_spells if pad else peace_spells)


CONFLICT_FAMILIES = {"gmlmid": "gmlmidspell", "cowmid": "cowmidspell", "cowinter": "cowinterspell",
                     "cowintra": "cowintraspell", "ucdp": "ucdpspell"}


def _spells_without_ongoing(frame: pl.DataFrame, event: str, unit: list[str]) -> pl.Series:
    """peacesciencer's ``ongo=TRUE``: only a run's first year counts as the event; the years
    that continue it get no spell, and the count restarts after them."""
    previous = pl.col(event).shift(1)
    new_unit = _new_unit(unit)
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
    count starts again after them. Years outside a source's coverage get no spell. Works on
    state-, dyad-, leader- and leader-dyad-years; where ``add_gml_mids`` gave initiation
    columns (state-, leader- and directed leader-dyad-years) ``gmlmidinitspell`` counts the
    years since the last MID initiated (``gmlmidongoing_init`` or ``gmlmidonset_init``).
    """
    require(panel, "add_spells", kinds=ALL_KINDS)
    if conflict_event_type not in ("ongoing", "onset"):
        raise BadArgument(f"add_spells(conflict_event_type={conflict_event_type!r}): choose 'ongoing' or 'onset'")
    wanted = {f"{family}{conflict_event_type}": spell for family, spell in CONFLICT_FAMILIES.items()}
    wanted[f"gmlmid{conflict_event_type}_init"] = "gmlmidinitspell"
    present = {event: spell for event, spell in wanted.items() if event in panel.columns}
    if not present:
        raise BadArgument("add_spells() found no conflict column; run add_gml_mids(), add_cow_mids(), add_cow_wars() or add_ucdp_acd() first")
    return _spells(panel, present, _spells_without_ongoing if ongo else peace_spells)
