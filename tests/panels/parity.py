"""Compare a panel, column by column, with the summaries of peacesciencer 1.2.9's output.

The reference (tests/panels/data/peacesciencer_1.2.9_parity.json) holds, per pipeline and
column, the number of missing values, the sum, minimum, maximum and number of distinct
non-missing values of real peacesciencer output, plus a few complete rows.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from functools import cache
from pathlib import Path

import polars as pl

REFERENCE = Path(__file__).parent / "data" / "peacesciencer_1.2.9_parity.json"


@cache
def reference() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def _same_number(ours: float | int | None, theirs: float | int | None, exact: bool) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    if exact:
        return Decimal(str(ours)) == Decimal(str(theirs))
    return math.isclose(float(ours), float(theirs), rel_tol=1e-12, abs_tol=1e-300)


def column_mismatches(frame: pl.DataFrame, pipeline: str, rename: dict[str, str] | None = None) -> list[str]:
    """Every difference between ``frame`` and the reference summaries of ``pipeline``.

    ``rename`` maps pactscope column names to peacesciencer's. Row count, column set and,
    per column, missing count, sum, min, max and distinct count are compared; sums of whole
    numbers exactly, others to a relative 1e-12.
    """
    ref = reference()["outputs"][pipeline]
    frame = frame.rename(rename or {})
    problems = []
    if frame.height != ref["nrow"]:
        problems.append(f"rows: {frame.height} vs {ref['nrow']}")
    ours, theirs = set(frame.columns), set(ref["colnames"])
    if ours - theirs:
        problems.append(f"extra columns: {sorted(ours - theirs)}")
    if theirs - ours:
        problems.append(f"missing columns: {sorted(theirs - ours)}")
    numeric = {n for n in ours & theirs if frame.schema[n].is_numeric()}
    stats = frame.select(
        expr
        for name in sorted(ours & theirs)
        for expr in (
            pl.col(name).null_count().alias(f"{name}\0na"),
            pl.col(name).drop_nulls().n_unique().alias(f"{name}\0distinct"),
        )
        if name not in numeric
    ).row(0, named=True) if ours & theirs - numeric else {}
    stats |= frame.select(
        expr
        for name in sorted(numeric)
        for expr in (
            pl.col(name).null_count().alias(f"{name}\0na"),
            pl.col(name).cast(pl.Float64).sum().alias(f"{name}\0sum"),
            pl.col(name).cast(pl.Float64).min().alias(f"{name}\0min"),
            pl.col(name).cast(pl.Float64).max().alias(f"{name}\0max"),
            pl.col(name).drop_nulls().n_unique().alias(f"{name}\0distinct"),
        )
    ).row(0, named=True)
    for name in sorted(ours & theirs):
        col = ref["columns"][name]
        if "sum_repr17" not in col:  # character columns carry counts only
            checks = [("na", col["na_count"]), ("distinct", col["n_distinct_non_na"])]
        else:
            whole = bool(col.get("all_whole_numbers"))
            checks = [
                ("na", col["na_count"]), ("distinct", col["n_distinct_non_na"]),
                ("sum", float(col["sum_repr17"]) if not whole else int(col["sum_repr17"])),
                ("min", col["min"]), ("max", col["max"]),
            ]
        for stat, expected in checks:
            got = stats[f"{name}\0{stat}"]
            if frame.height - stats[f"{name}\0na"] == 0 and stat in ("sum", "min", "max"):
                got = None if stat != "sum" else 0.0
            exact = stat in ("na", "distinct") or (stat == "sum" and bool(col.get("all_whole_numbers")))
            if stat in ("min", "max") and got is not None and expected is not None:
                exact = False
            if stat == "sum" and exact and got is not None:
                got = int(got)
            if not _same_number(got, expected, exact):
                problems.append(f"{name}.{stat}: {got} vs {expected}")
    return problems
