"""Each member's share of its alliance's CINC and military spending, each over the members that
have that one figure (the base of :func:`pactscope.metrics.dominance`), so a state with no
spending figure keeps its capability share. :func:`pactscope.metrics.burden` instead uses one base
for all three shares (members with spending, CINC and population), so its CINC shares can differ.
"""

from __future__ import annotations

import polars as pl

from pactscope.data import coverage
from pactscope.metrics._capabilities import nmc
from pactscope.metrics.membership import alliance_years, first_year
from pactscope.panels.years import year_span


def member_shares(alliance: str, years=None) -> pl.DataFrame:
    """Columns: alliance, year, iso3, cinc, cinc_share, milex, milex_share (nulls where NMC has no figure)."""
    start, end = year_span(years, (first_year(alliance), coverage("cow_nmc")[1]))
    members = alliance_years(alliance, (start, end)).filter(pl.col("member"))
    frame = members.select("alliance", "year", "ccode", "iso3").join(nmc(start, end), on=["ccode", "year"], how="left")
    share = {c: pl.col(c) / pl.col(c).sum().over("alliance", "year") for c in ("cinc", "milex")}
    return frame.select(
        "alliance", "year", "iso3", "cinc", cinc_share=share["cinc"], milex="milex", milex_share=share["milex"],
    ).sort("alliance", "year", "iso3")
