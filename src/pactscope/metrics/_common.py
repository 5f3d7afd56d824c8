"""Helpers shared by the metrics: year spans, code look-ups, data coverage, organization ids."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import polars as pl

from pactscope import data
from pactscope.codes import resolve
from pactscope.errors import BadArgument, UnknownAlliance, UnknownState
from pactscope.ledger import resolve_org_id
from pactscope.panels.years import parse_years

INDICATORS = ("cinc", "milex", "milper", "tpop")


def coverage(name: str) -> tuple[int, int]:
    """First and last year a bundled table covers, as its catalog entry records them."""
    first, last = data.info(name)["pactscope:coverage"]
    return int(first), int(last)


def current_year() -> int:
    return dt.date.today().year


def year_span(years, default: tuple[int, int], *, first: int = 1816) -> tuple[int, int]:
    """Read ``years`` (None, 1995, "1992-2022", (a, b), range) into (start, end).

    None gives ``default``. Years before ``first`` or after the current calendar year are refused.
    """
    if years is None:
        return default
    start, end = parse_years(years, last=9999)
    last = current_year()
    if start < first or end > last:
        raise BadArgument(f"years: {start}-{end} is outside {first}-{last}")
    return start, end


def org_id(alliance: str, argument: str = "alliance") -> str:
    """Canonical ledger id of an alliance name or abbreviation; UnknownAlliance names the argument."""
    try:
        return resolve_org_id(alliance)
    except UnknownAlliance as exc:
        raise UnknownAlliance(f"{argument}: no organization {alliance!r} in the ledger", suggestions=exc.suggestions) from None


def _lookup(x: str | int, year: int | None, system: str | None):
    """The crosswalk row of ``x`` in ``year``, else its latest row (codes outlive some spells,
    e.g. ATOP lists West Germany, COW 260, in NATO from 1954 while COW starts it in 1955)."""
    try:
        return resolve(x, year=year, system=system)
    except UnknownState:
        if year is None:
            raise
        return resolve(x, system=system)


@lru_cache(maxsize=16384)
def coded_state(code: int, year: int, system: str) -> tuple[str | None, str]:
    """(ISO3, name) of a COW (``system="cow"``) or GW code in a year; (None, "COW 999") if unknown."""
    try:
        s = _lookup(int(code), year, system)
    except UnknownState:
        return None, f"{system.upper()} {code}"
    return s.iso3, s.name


def cow_state(ccode: int, year: int) -> tuple[str | None, str]:
    return coded_state(ccode, year, "cow")


def gw_state(gwcode: int, year: int) -> tuple[str | None, str]:
    return coded_state(gwcode, year, "gw")


@lru_cache(maxsize=8192)
def iso_state(iso3: str, year: int | None = None) -> tuple[int | None, int | None, str]:
    """(COW code, GW code, name) of an ISO3 code, as of ``year`` when given."""
    s = _lookup(iso3, year, None)
    return s.ccode, s.gwcode, s.name


def state_iso3(x: str | int, argument: str = "state") -> str:
    """ISO3 of a state given by name or code; UnknownState names the argument."""
    try:
        s = resolve(x)
    except UnknownState as exc:
        raise UnknownState(f"{argument}: unknown state {x!r}", suggestions=exc.suggestions) from None
    if s.iso3 is None:
        raise UnknownState(f"{argument}: {s.name} has no ISO3 code")
    return s.iso3


def nmc(start: int, end: int) -> pl.DataFrame:
    """NMC rows (ccode, year, cinc, milex, milper, tpop) in start..end, values as Float64."""
    return (
        data.load("cow_nmc")
        .filter(pl.col("year").is_between(start, end))
        .select("ccode", "year", *(pl.col(c).cast(pl.Float64) for c in INDICATORS))
    )


def join_list(values) -> str:
    return ", ".join(str(v) for v in values)
