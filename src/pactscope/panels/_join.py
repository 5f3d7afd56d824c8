"""Shared join helpers for the add_* steps.

Every step is a left join that keeps its panel's rows and their order (panels are eager
polars DataFrames sorted by their keys; eager joins that keep the left order are fast).
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pactscope.panels.frame import Panel, PanelKind


def left_join(
    frame: pl.DataFrame, table: pl.DataFrame | pl.LazyFrame, left_on: Sequence[str], right_on: Sequence[str] | None = None
) -> pl.DataFrame:
    """Left-join ``table`` (unique on ``right_on``) onto ``frame``, keeping row count and order."""
    right_on = list(right_on or left_on)
    if isinstance(table, pl.LazyFrame):
        table = table.collect()
    casts = [pl.col(r).cast(frame.schema[l]) for l, r in zip(left_on, right_on, strict=True)]
    return frame.join(
        table.with_columns(casts), left_on=list(left_on), right_on=right_on, how="left", maintain_order="left"
    )


def join_on_keys(panel: Panel, table: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Join a table keyed exactly like the panel (same code and year columns)."""
    return left_join(panel.frame, table, panel.keys)


def fill_within(columns: list[str], last_year: int, first_year: int | None = None) -> list[pl.Expr]:
    """Missing -> 0 inside the source's coverage; outside it the value stays missing."""
    inside = pl.col("year") <= last_year
    if first_year is not None:
        inside = inside & (pl.col("year") >= first_year)
    return [pl.when(inside).then(pl.col(c).fill_null(0)).otherwise(pl.col(c)).alias(c) for c in columns]


def join_state_values(
    panel: Panel, table: pl.DataFrame | pl.LazyFrame, values: list[str], code: str = "ccode"
) -> pl.DataFrame:
    """Join state-level values keyed (code, year): as-is on state-years, suffixed 1/2 on dyad-years."""
    table = table.lazy().select(code, "year", *values).collect()
    if panel.kind is PanelKind.state_year:
        return left_join(panel.frame, table, [panel.code, "year"], [code, "year"])
    frame = panel.frame
    for side in ("1", "2"):
        renamed = table.rename({v: f"{v}{side}" for v in values})
        frame = left_join(frame, renamed, [f"{panel.code}{side}", "year"], [code, "year"])
    return frame


def undirected(table: pl.LazyFrame, a: str = "ccode1", b: str = "ccode2") -> pl.LazyFrame:
    """Add the mirror image of every row, so a non-directed source can be joined in either order."""
    mirror = table.rename({a: "__b", b: a}).rename({"__b": b})
    return pl.concat([table, mirror.select(table.collect_schema().names())])
