"""How far one member dominates an alliance's material capabilities.

For each alliance-year and each NMC indicator (CINC, milex, milper, tpop), over the states that
count as members that year (:mod:`pactscope.metrics.membership`: member or frozen on 31 Dec):

- ``share_i = x_i / sum_j x_j`` over the members with a value (missing values are left out and
  counted in ``n_missing``; the note names them);
- ``leader`` is the member with the largest value, ``leader_share`` its share;
- ``hhi = sum_i share_i**2`` (Herfindahl-Hirschman index, 1/n for n equal members, 1 for one);
- ``members_to_half`` is the smallest k such that the k largest members hold more than half
  of the total.

Source: COW National Material Capabilities (``cow_nmc``; version and years in the catalogue); years after it
get null figures and a note saying so.
"""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.data import coverage
from pactscope.errors import BadArgument
from pactscope.metrics._capabilities import INDICATORS, nmc
from pactscope.metrics.membership import alliance_years, first_year
from pactscope.panels.years import year_span

STATS = {
    "n_members": pl.UInt32, "n_missing": pl.UInt32, "total": pl.Float64, "leader": pl.String,
    "leader_share": pl.Float64, "hhi": pl.Float64, "members_to_half": pl.UInt32,
}


def concentration(frame: pl.DataFrame, by: list[str], unit: str = "iso3", value: str = "value") -> pl.DataFrame:
    """Leader, leader share, HHI and members-to-half of ``value`` within each ``by`` group.

    ``frame`` is long: one row per group and unit. Null values are counted in ``n_missing`` and
    left out of the total; a group whose total is zero or null gets null statistics.
    """
    known = pl.col(value).is_not_null()
    ranked = frame.sort([*by, value, unit], descending=[False] * len(by) + [True, False], nulls_last=True)
    total = pl.col(value).sum().over(by)
    share = pl.when(total > 0).then(pl.col(value) / total)
    ranked = ranked.with_columns(
        _share=share,
        _before=(pl.col(value).cum_sum().over(by) - pl.col(value)),  # value held by larger members
        _total=total,
    )
    return ranked.group_by(by, maintain_order=True).agg(
        n_members=pl.len().cast(pl.UInt32),
        n_missing=(~known).sum().cast(pl.UInt32),
        total=pl.when(known.any()).then(pl.col(value).sum()),
        leader=pl.when(pl.col("_total").first() > 0).then(pl.col(unit).first()),
        leader_share=pl.col("_share").first(),
        hhi=pl.when(pl.col("_total").first() > 0).then((pl.col("_share") ** 2).sum()),
        members_to_half=pl.when(pl.col("_total").first() > 0).then(
            (known & (pl.col("_before") <= pl.col("_total") / 2)).sum().cast(pl.UInt32)
        ),
        missing=pl.col(unit).filter(~known),
    )


def _note(row: dict, nmc_last: int) -> str | None:
    if row["year"] > nmc_last:
        return f"no capability data: {data.label('cow_nmc')}"
    if row["n_members"] == 0:
        return "no members this year"
    parts = []
    if row["missing"]:
        parts.append(f"no {row['indicator']} for {', '.join(row['missing'])}; shares are of the others")
    if row["total"] is not None and row["total"] == 0:
        parts.append(f"{row['indicator']} total is zero")
    return "; ".join(parts) or None


def _alliance_values(alliance: str, start: int, end: int) -> pl.DataFrame:
    members = alliance_years(alliance, (start, end)).filter(pl.col("member"))
    caps = nmc(start, end)
    joined = members.select("alliance", "year", "ccode", "iso3").join(caps, on=["ccode", "year"], how="left")
    return joined.unpivot(
        index=["alliance", "year", "iso3"], on=list(INDICATORS), variable_name="indicator", value_name="value"
    )


def dominance(alliances: list[str] | str, years=None) -> pl.DataFrame:
    """Concentration of capabilities in each alliance-year, one row per alliance, year and indicator.

    Columns: alliance, year, indicator (cinc, milex, milper, tpop), n_members, n_missing, total,
    leader (ISO3), leader_share, hhi, members_to_half, note. Several alliances are stacked (same
    columns, one block each). ``years`` defaults to each alliance's first year through NMC's last year.
    """
    if isinstance(alliances, str):
        alliances = [alliances]
    if not alliances:
        raise BadArgument("alliances: give at least one alliance")
    nmc_last = coverage("cow_nmc")[1]
    blocks = []
    for alliance in alliances:
        start, end = year_span(years, (first_year(alliance), nmc_last))
        values = _alliance_values(alliance, start, end)
        stats = concentration(values, ["alliance", "year", "indicator"])
        grid = pl.DataFrame(
            {"year": list(range(start, end + 1))}, schema={"year": pl.Int32}
        ).join(pl.DataFrame({"indicator": list(INDICATORS)}), how="cross")
        grid = grid.with_columns(alliance=pl.lit(values["alliance"][0] if values.height else alliance.upper()))
        full = grid.join(stats, on=["alliance", "year", "indicator"], how="left").with_columns(
            pl.col("n_members").fill_null(0), pl.col("n_missing").fill_null(0),
            pl.col("missing").fill_null([]),
        )
        if nmc_last < end:  # after NMC ends nothing is known, not even zero
            after = pl.col("year") > nmc_last
            full = full.with_columns(
                *(pl.when(~after).then(pl.col(c)).alias(c) for c in ("total", "leader", "leader_share", "hhi", "members_to_half")),
                n_missing=pl.when(after).then(pl.col("n_members")).otherwise(pl.col("n_missing")),
            )
        notes = [_note(r, nmc_last) for r in full.iter_rows(named=True)]
        blocks.append(full.with_columns(note=pl.Series(notes, dtype=pl.String)))
    order = ["alliance", "year", "indicator", *STATS, "note"]
    return pl.concat(blocks).select(order).with_columns(pl.col(c).cast(t) for c, t in STATS.items())


SIDE_BY_SIDE = {"leader": "leader", "leader_share": "share", "hhi": "hhi", "members_to_half": "to_half"}


def dominance_side_by_side(alliances: list[str] | str, years=None, indicator: str = "cinc") -> pl.DataFrame:
    """The ``dominance`` series of several alliances in one row per year, for one indicator.

    Columns: year, then for each alliance ``<ID>_leader``, ``<ID>_share`` (the leader's share),
    ``<ID>_hhi`` and ``<ID>_to_half`` (members needed to pass half). Same definitions and sources as :func:`dominance`.
    """
    if indicator not in INDICATORS:
        raise BadArgument(f"indicator: {indicator!r} is not one of {', '.join(INDICATORS)}")
    long = dominance(alliances, years).filter(pl.col("indicator") == indicator)
    wide = None
    for alliance in long["alliance"].unique(maintain_order=True):
        block = long.filter(pl.col("alliance") == alliance).select(
            "year",
            *(pl.col(c).alias(f"{alliance}_{short}") for c, short in SIDE_BY_SIDE.items()),
        )
        wide = block if wide is None else wide.join(block, on="year", how="full", coalesce=True)
    return wide.sort("year")
