"""Burden sharing: does each member pay for defence in line with its weight in the alliance?

For each alliance-year and member (member or frozen on 31 December), over the members that have
milex, CINC and tpop in NMC that year (the *complete* set, so that every share has the same base):

- ``milex_share = milex_i / sum(milex)``, likewise ``cinc_share`` and ``tpop_share``;
- ``ratio_cinc = milex_share / cinc_share`` and ``ratio_tpop = milex_share / tpop_share``:
  above 1 a member spends more than its weight, below 1 less.

GDP, the usual base of burden-sharing studies, is not bundled, so no GDP share is given. CINC
already contains milex as one of its six components, so ``ratio_cinc`` leans towards 1.

``flag`` is ``ok``, ``missing`` (the member lacks milex, CINC or tpop: no shares),
``zero-milex`` (it spends nothing: ratios are 0) or ``zero-capability`` (a zero share below a
ratio: the ratio is null), or ``no-data`` after NMC ends. ``note`` says it in words and
names the members left out of the base.

Source: COW National Material Capabilities (``cow_nmc``); membership as in
:mod:`pactscope.metrics.membership`.
"""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.data import coverage
from pactscope.metrics._capabilities import nmc
from pactscope.metrics.membership import alliance_years, first_year
from pactscope.panels.years import year_span

GDP_NOTE = "GDP is not bundled: burden is measured against CINC and population only."
COLUMNS = [
    "alliance", "year", "iso3", "milex", "milex_share", "cinc_share", "tpop_share",
    "ratio_cinc", "ratio_tpop", "flag", "note",
]


def _ratio(num: str, den: str) -> pl.Expr:
    return pl.when(pl.col(den) > 0).then(pl.col(num) / pl.col(den))


def burden_shares(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """Shares, ratios and flags from a frame with ``by`` columns, iso3, milex, cinc and tpop."""
    complete = pl.all_horizontal(pl.col(c).is_not_null() for c in ("milex", "cinc", "tpop"))
    frame = frame.with_columns(_complete=complete)

    def share(col: str) -> pl.Expr:
        base = pl.col(col).filter(pl.col("_complete")).sum().over(by)
        return pl.when(pl.col("_complete") & (base > 0)).then(pl.col(col) / base)

    out = frame.with_columns(
        milex_share=share("milex"), cinc_share=share("cinc"), tpop_share=share("tpop"),
        _left_out=pl.col("iso3").filter(~pl.col("_complete")).over(by, mapping_strategy="join"),
    ).with_columns(ratio_cinc=_ratio("milex_share", "cinc_share"), ratio_tpop=_ratio("milex_share", "tpop_share"))
    flag = (
        pl.when(~pl.col("_complete")).then(pl.lit("missing"))
        .when((pl.col("cinc_share") == 0) | (pl.col("tpop_share") == 0)).then(pl.lit("zero-capability"))
        .when(pl.col("milex") == 0).then(pl.lit("zero-milex"))
        .otherwise(pl.lit("ok"))
    )
    return out.with_columns(flag=flag)


def _note(row: dict) -> str | None:
    parts = []
    if row["flag"] == "missing":
        gaps = [c for c in ("milex", "cinc", "tpop") if row[c] is None]
        parts.append(f"no {', '.join(gaps)} in NMC: no shares")
    elif row["flag"] == "zero-capability":
        parts.append("a capability share is zero: ratio undefined")
    elif row["flag"] == "zero-milex":
        parts.append("no military spending recorded (zero)")
    others = [s for s in (row["_left_out"] or []) if s != row["iso3"]]
    if others and row["flag"] != "missing":
        parts.append(f"shares leave out {', '.join(others)} (missing data)")
    return "; ".join(parts) or None


def burden(alliance: str, years=None) -> pl.DataFrame:
    """Each member's share of alliance milex against its shares of CINC and population.

    Columns: alliance, year, iso3, milex (thousands of current USD), milex_share, cinc_share,
    tpop_share, ratio_cinc, ratio_tpop, flag, note. One row per member-year; ``years`` defaults to
    the alliance's first year through NMC's last year (later years get flag ``no-data``).
    """
    nmc_last = coverage("cow_nmc")[1]
    start, end = year_span(years, (first_year(alliance), nmc_last))
    members = alliance_years(alliance, (start, end)).filter(pl.col("member"))
    frame = members.select("alliance", "year", "ccode", "iso3").join(nmc(start, end), on=["ccode", "year"], how="left")
    out = burden_shares(frame, ["alliance", "year"])
    notes = [_note(r) for r in out.iter_rows(named=True)]
    out = out.with_columns(note=pl.Series(notes, dtype=pl.String))
    after = pl.col("year") > nmc_last
    out = out.with_columns(
        flag=pl.when(after).then(pl.lit("no-data")).otherwise(pl.col("flag")),
        note=pl.when(after).then(pl.lit(f"no data after {nmc_last}: {data.label('cow_nmc')}")).otherwise(pl.col("note")),
    )
    return out.select(COLUMNS).sort("alliance", "year", "iso3")
