"""Shared join helpers for the add_* steps.

Every step is a left join that keeps its panel's rows and their order. Panels are eager
polars DataFrames sorted by their keys, which the joins rely on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from pactscope.data import coverage
from pactscope.errors import BadArgument
from pactscope.panels.frame import Panel

_KEY = "__pactscope_key"


def key_expr(columns: Sequence[str]) -> pl.Expr:
    """One Int64 per row: (code, year) -> code*10^4 + year; (code1, code2, year) -> (code1*10^3 + code2)*10^4 + year.

    State codes are below 1000 and years below 10000, so the key is unique and, for a frame
    sorted by its key columns, sorted too.
    """
    *codes, year = columns
    key = pl.lit(0, dtype=pl.Int64)
    for code in codes:
        key = key * 1000 + pl.col(code).cast(pl.Int64)
    return key * 10000 + pl.col(year).cast(pl.Int64)


def row_key(frame: pl.DataFrame, columns: Sequence[str]) -> pl.Series:
    """The Int64 join key of every row, flagged sorted when it is (checked, never assumed:
    a wrong flag would corrupt the join)."""
    key = frame.select(key_expr(columns).alias(_KEY)).to_series()
    return key.set_sorted() if key.is_sorted() else key


_STRICT: dict[int, tuple[pl.Series, bool]] = {}


def _strictly_increasing(key: pl.Series) -> bool:
    """Sorted with no repeats (state- and dyad-years; leader panels repeat state-years).
    Remembered for the last keys seen, since every step of a pipeline asks about the same one."""
    seen = _STRICT.get(id(key))
    if seen is not None and seen[0] is key:
        return seen[1]
    strict = bool(key.flags["SORTED_ASC"]) and key.len() > 0 and not (key.diff() == 0).any()
    _STRICT.clear()
    _STRICT[id(key)] = (key, strict)
    return strict


def panel_key(panel: Panel, columns: Sequence[str]) -> pl.Series:
    """``row_key`` of the panel's frame, computed once per set of rows."""
    cached = panel.key_cache.get(tuple(columns))
    if cached is None or cached.len() != panel.frame.height:
        cached = panel.key_cache[tuple(columns)] = row_key(panel.frame, columns)
    return cached


def _refuse_clash(frame: pl.DataFrame, added: list[str]) -> None:
    clash = sorted(set(added) & set(frame.columns))
    if clash:
        raise BadArgument(f"the panel already has column(s) {', '.join(clash)}; was this step applied twice?")


@dataclass(frozen=True)
class Fill:
    """Missing -> 0 in ``columns`` for the years ``first``..``last`` (no lower bound when ``first``
    is None); outside them the value stays missing. Joins apply it while placing the values."""

    columns: tuple[str, ...]
    last: int
    first: int | None = None

    def exprs(self) -> list[pl.Expr]:
        return fill_within(list(self.columns), self.last, self.first)

    def inside(self) -> pl.Expr:
        inside = pl.col("year") <= self.last
        return inside if self.first is None else inside & (pl.col("year") >= self.first)


def left_join(
    frame: pl.DataFrame,
    table: pl.DataFrame | pl.LazyFrame,
    left_on: Sequence[str],
    right_on: Sequence[str] | None = None,
    left_key: pl.Series | None = None,
    fill: Fill | None = None,
) -> pl.DataFrame:
    """Left-join ``table`` (unique on ``right_on``) onto ``frame``, keeping row count and order,
    then apply ``fill``.

    The join runs on a single Int64 key (faster than several columns, and faster still when the
    frame is sorted by ``left_on``, as panels are); the new columns are then placed beside the
    panel's, so the columns it already has are not copied at every step.
    """
    right_on = list(right_on or left_on)
    if isinstance(table, pl.LazyFrame):
        table = table.collect()
    added = [c for c in table.columns if c not in right_on]
    _refuse_clash(frame, added)
    if not all(frame.schema[c].is_integer() for c in left_on):  # e.g. Archigos obsid: a plain join
        right_keyed = table.select(*right_on, *added).rename(dict(zip(right_on, left_on, strict=True)))
        plain = frame.select(left_on).join(right_keyed, on=left_on, how="left", maintain_order="left")
        return _filled(frame.hstack(plain.select(added)), fill)
    key = left_key if left_key is not None else row_key(frame, left_on)
    right = table.select(key_expr(right_on).alias(_KEY), *added)
    if _strictly_increasing(key):
        placed = frame.hstack(_scatter_join(frame, key, right, added, fill))
        rest = None if fill is None else [c for c in fill.columns if c not in added]
        return placed.with_columns(fill_within(rest, fill.last, fill.first)) if fill is not None and rest else placed
    joined = key.to_frame(_KEY).join(right, on=_KEY, how="left", maintain_order="left")
    return _filled(frame.hstack(joined.select(added)), fill)


def _filled(frame: pl.DataFrame, fill: Fill | None) -> pl.DataFrame:
    return frame if fill is None else frame.with_columns(fill.exprs())


def _filled_dtype(dtype: pl.DataType) -> pl.DataType:
    """The dtype ``fill_within`` gives a column of ``dtype`` (coalesced with an Int32 zero)."""
    empty = pl.DataFrame(schema={"c": dtype, "year": pl.Int32})
    return empty.select(fill_within(["c"], 0)).schema["c"]


def _scatter_join(
    frame: pl.DataFrame, key: pl.Series, right: pl.DataFrame, added: list[str], fill: Fill | None
) -> list[pl.Series]:
    """Left join onto strictly increasing keys: find each right row's place by binary search
    and write its values there. Work grows with the (small) table, not with the panel, and
    no hash table of millions of panel keys is built.

    Each new column starts as missing, or, for the columns ``fill`` names, as 0 inside its years
    and missing outside (what ``fill.exprs()`` gives afterwards), so every column is written once.
    """
    n = key.len()
    if n:  # on a part of a panel, only the table rows inside its key range can match
        right = right.filter(pl.col(_KEY).is_between(key[0], key[-1]))
    place, found = find_sorted(key, right[_KEY])
    place, right = place.filter(found), right.filter(found)
    filled = set(fill.columns if fill is not None else ()) & set(added)
    bases: dict[pl.DataType, pl.Series] = {}
    columns = []
    for c in added:
        dtype = right.schema[c]
        if c in filled:
            assert fill is not None
            dtype = _filled_dtype(dtype)
            if dtype not in bases:
                zero = pl.when(fill.inside()).then(pl.lit(0, dtype=pl.Int32)).cast(dtype)
                bases[dtype] = frame.select(zero.alias(c)).to_series()
            base = bases[dtype].alias(c)
        else:
            base = pl.Series(c, [None], dtype=dtype).extend_constant(None, n - 1)
        columns.append(base.scatter(place, right[c].cast(dtype)))
    return columns


def find_sorted(key: pl.Series, probes: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Where each probe sits in the sorted ``key`` (binary search), and whether it is there."""
    n = key.len()
    place = pl.select(pl.lit(key).search_sorted(pl.lit(probes), side="left")).to_series()
    found = (place < n) & (key.gather(place.clip(0, n - 1)) == probes)
    return place, found


def fill_coverage(columns: list[str], table: str) -> list[pl.Expr]:
    """Missing -> 0 inside the catalogued coverage of ``table``; outside it the value stays missing."""
    return coverage_fill(columns, table).exprs()


def coverage_fill(columns: Sequence[str], table: str) -> Fill:
    """``fill_coverage`` as a ``Fill`` that a join applies while placing its values."""
    first, last = coverage(table)
    return Fill(tuple(columns), last, first)


def join_on_keys(
    panel: Panel, table: pl.DataFrame | pl.LazyFrame, keys: Sequence[str] | None = None, fill: Fill | None = None
) -> pl.DataFrame:
    """Join a table keyed like the panel: its own key columns, or ``keys`` of the panel (such as
    the ccode columns of a G-W panel) matched to the table's same-named columns; then ``fill``."""
    keys = list(keys or panel.state_keys)
    if not all(panel.frame.schema[c].is_integer() for c in keys):
        return left_join(panel.frame, table, keys, fill=fill)
    return left_join(panel.frame, table, keys, left_key=panel_key(panel, keys), fill=fill)


def fill_within(columns: list[str], last_year: int, first_year: int | None = None) -> list[pl.Expr]:
    """Missing -> 0 inside the source's coverage; outside it the value stays missing."""
    inside = pl.col("year") <= last_year
    if first_year is not None:
        inside = inside & (pl.col("year") >= first_year)
    zero_inside = pl.when(inside).then(pl.lit(0, dtype=pl.Int32))
    return [pl.coalesce(pl.col(c), zero_inside).alias(c) for c in columns]


def join_state_values(
    panel: Panel, table: pl.DataFrame | pl.LazyFrame, values: list[str], code: str = "ccode", on: str | None = None,
    fill: Fill | None = None,
) -> pl.DataFrame:
    """Join state-level values keyed (code, year): as-is on state-years, suffixed 1/2 on dyad-years.

    ``on`` names the panel's code column (``ccode`` gives ``ccode`` or ``ccode1, ccode2``);
    by default the panel's own system code. ``fill`` names value columns (unsuffixed) to fill.

    On dyad-years each side is looked up by position in a dense (code, year) grid of the
    values, which is much faster than two hash joins over millions of rows; the grid is filled
    before the lookup, which gives what filling the looked-up columns would (the fill depends
    on the year alone).
    """
    on = on or panel.code
    table = table.lazy().select(code, "year", *values).collect()
    if not panel.dyadic:
        return left_join(panel.frame, table, [on, "year"], [code, "year"], fill=fill)
    _refuse_clash(panel.frame, [f"{v}{side}" for side in "12" for v in values])
    first, last = int(panel.frame["year"].min()), int(panel.frame["year"].max())  # type: ignore[arg-type]
    span = last - first + 1
    position = (pl.col(code).cast(pl.Int64) * span + pl.col("year") - first).alias("position")
    grid = (
        pl.DataFrame({"position": pl.int_range(0, 1000 * span, eager=True, dtype=pl.Int64)})
        .join(table.filter(pl.col("year").is_between(first, last)).select(position, *values),
              on="position", how="left", maintain_order="left")
    )
    if fill is not None:
        grid = grid.with_columns(year=(pl.col("position") % span + first).cast(pl.Int32)).with_columns(fill.exprs())
    grid = grid.select(values)
    looked_up = []
    for side in "12":  # one gather of all the columns per side (polars spreads the columns over its threads)
        gathered = grid[_grid_positions(panel, f"{on}{side}", first, span)]
        if fill is not None and panel.frame[f"{on}{side}"].null_count():  # rows without a code: no grid row
            gathered = gathered.with_columns(year=panel.frame["year"]).with_columns(fill.exprs()).drop("year")
        looked_up += gathered.rename({v: f"{v}{side}" for v in values}).get_columns()
    return panel.frame.hstack(looked_up)


def _grid_positions(panel: Panel, code: str, first: int, span: int) -> pl.Series:
    """Row of each panel row's (code, year) in the dense grid, computed once per set of rows."""
    cache_key = ("grid", code, str(first), str(span))
    cached = panel.key_cache.get(cache_key)
    if cached is None or cached.len() != panel.frame.height:
        # Int32 arithmetic (codes below 1000, spans of a few centuries), one cast to the index type
        cached = panel.frame.select((pl.col(code) * span + pl.col("year") - first).cast(pl.UInt32)).to_series()
        panel.key_cache[cache_key] = cached
    return cached


def undirected(table: pl.LazyFrame, a: str = "ccode1", b: str = "ccode2") -> pl.LazyFrame:
    """Add the mirror image of every row, so a non-directed source can be joined in either order."""
    mirror = table.rename({a: "__b", b: a}).rename({"__b": b})
    return pl.concat([table, mirror.select(table.collect_schema().names())])


def carried_forward(column: str, unit: list[str]) -> pl.Expr:
    """The unit's last observed value of ``column`` where it is missing (later years), by year."""
    return pl.col(column).fill_null(strategy="forward").over(unit, order_by="year")
