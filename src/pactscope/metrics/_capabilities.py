"""NMC capability rows as the metrics read them."""

from __future__ import annotations

import polars as pl

from pactscope import data

INDICATORS = ("cinc", "milex", "milper", "tpop")


def nmc(start: int, end: int) -> pl.DataFrame:
    """NMC rows (ccode, year, cinc, milex, milper, tpop) in start..end, values as Float64."""
    return (
        data.load("cow_nmc")
        .filter(pl.col("year").is_between(start, end))
        .select("ccode", "year", *(pl.col(c).cast(pl.Float64) for c in INDICATORS))
    )
