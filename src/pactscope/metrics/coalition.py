"""Hypothetical blocs: what a group of states would add up to, against the alliance it would
replace and against chosen potential adversaries.

For each year, each group (the bloc, the alliance's counted members that year, and each
``versus`` state) gets the sum of its states' CINC, milex (thousands of current USD), milper
(thousands) and tpop (thousands) from COW NMC (``cow_nmc``, to its last year). A state without a
value is left out of that sum and named in ``note``; a sum with no values is null.
``cinc_ratio`` and ``milex_ratio`` are bloc / group (1 for the bloc itself): below 1 the bloc is
the weaker side. :func:`coalition_overlap` shows which ledger organizations each bloc state
belonged to each year, so double memberships are visible.
"""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.codes import iso_state
from pactscope.data import coverage
from pactscope.ledger import counted_statuses, org_id
from pactscope.metrics._capabilities import INDICATORS, nmc
from pactscope.metrics.membership import alliance_years, member_years
from pactscope.metrics.regions import states_of
from pactscope.panels.years import current_year, year_span

DEFAULT_FIRST = 1992  # the first full year after the Soviet break-up


def _codes(isos: list[str], start: int, end: int) -> pl.DataFrame:
    rows = [(iso, y, iso_state(iso, y)[0]) for iso in isos for y in range(start, end + 1)]
    return pl.DataFrame(rows, schema={"iso3": pl.String, "year": pl.Int32, "ccode": pl.Int32}, orient="row")


def group_totals(frame: pl.DataFrame) -> pl.DataFrame:
    """Sums per (year, group) of a frame with year, group, kind, iso3 and the NMC indicators;
    ``states`` lists the group's states, ``note`` those lacking a value."""
    aggs = [pl.when(pl.col(c).is_not_null().any()).then(pl.col(c).sum()).alias(c) for c in INDICATORS]
    gaps = [pl.col("iso3").filter(pl.col(c).is_null()).alias(f"_no_{c}") for c in INDICATORS]
    out = frame.group_by("year", "group", "kind", maintain_order=True).agg(
        pl.col("iso3").sort().alias("states"), *aggs, *gaps
    )
    notes = []
    for r in out.iter_rows(named=True):
        parts = [f"no {c} for {', '.join(r[f'_no_{c}'])}" for c in INDICATORS if r[f"_no_{c}"]]
        notes.append("; ".join(parts) or None)
    return out.drop(f"_no_{c}" for c in INDICATORS).with_columns(note=pl.Series(notes, dtype=pl.String))


def coalition(
    states: list[str | int] | None = None, *, region: str | None = None, alliance: str | None = "CSTO",
    versus: list[str | int] | None = None, years=None,
) -> pl.DataFrame:
    """Capabilities of a bloc by year beside the alliance it would replace and potential adversaries.

    Columns: year, group ("bloc" or the region name, the alliance id, or an adversary's ISO3), kind
    (bloc, alliance, versus), states, cinc, milex, milper, tpop, cinc_ratio, milex_ratio, note.
    ``years`` defaults to 1992 through NMC's last year (later years have null sums).
    """
    bloc = states_of(states, region)
    rivals = states_of(versus, argument="versus") if versus else []
    nmc_last = coverage("cow_nmc")[1]
    start, end = year_span(years, (DEFAULT_FIRST, nmc_last))
    label = region.strip().lower() if region and not states else "bloc"
    parts = [_codes(bloc, start, end).with_columns(group=pl.lit(label), kind=pl.lit("bloc"))]
    if alliance is not None:
        oid = org_id(alliance)
        members = alliance_years(oid, (start, end)).filter(pl.col("member")).select("iso3", "year", "ccode")
        parts.append(members.with_columns(group=pl.lit(oid), kind=pl.lit("alliance")))
    for iso in rivals:
        parts.append(_codes([iso], start, end).with_columns(group=pl.lit(iso), kind=pl.lit("versus")))
    frame = pl.concat(parts, how="diagonal").join(nmc(start, end), on=["ccode", "year"], how="left")
    totals = group_totals(frame.sort("year", maintain_order=True))
    base = totals.filter(pl.col("kind") == "bloc").select("year", _b_cinc=pl.col("cinc"), _b_milex=pl.col("milex"))
    totals = totals.join(base, on="year", how="left").with_columns(
        cinc_ratio=pl.when(pl.col("cinc") > 0).then(pl.col("_b_cinc") / pl.col("cinc")),
        milex_ratio=pl.when(pl.col("milex") > 0).then(pl.col("_b_milex") / pl.col("milex")),
        note=pl.when(pl.col("year") > nmc_last).then(pl.lit(f"no data after {nmc_last}: {data.label('cow_nmc')}")).otherwise("note"),
    )
    kind_order = pl.col("kind").replace_strict({"bloc": 0, "alliance": 1, "versus": 2}, return_dtype=pl.Int8)
    cols = ["year", "group", "kind", "states", *INDICATORS, "cinc_ratio", "milex_ratio", "note"]
    return totals.sort(pl.col("year"), kind_order, pl.col("group")).select(cols)


def coalition_overlap(states: list[str | int] | None = None, *, region: str | None = None, years=None) -> pl.DataFrame:
    """Which ledger organizations each bloc state belonged to each year.

    Columns: state, year, alliances (ids where it was member or frozen), other_ties (e.g.
    "SCO observer", "CSTO suspended"). ``years`` defaults to 1992 through the current year.
    """
    bloc = states_of(states, region)
    start, end = year_span(years, (DEFAULT_FIRST, current_year()))
    ties = member_years((start, end), include_inactive=True).filter(pl.col("iso3").is_in(bloc))
    counted = pl.col("status").is_in(list(counted_statuses()))
    grid = pl.DataFrame(
        [(iso, y) for iso in bloc for y in range(start, end + 1)], schema={"state": pl.String, "year": pl.Int32}, orient="row"
    )
    agg = ties.rename({"iso3": "state"}).group_by("state", "year").agg(
        alliances=pl.col("alliance").filter(counted).sort(),
        other_ties=(pl.col("alliance") + " " + pl.col("status")).filter(~counted).sort(),
    )
    return grid.join(agg, on=["state", "year"], how="left").with_columns(
        pl.col("alliances").fill_null([]), pl.col("other_ties").fill_null([])
    )
