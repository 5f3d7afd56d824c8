"""Year ranges: parsing '1950-1999' and the last complete year."""

from __future__ import annotations

import datetime as dt
import re

from pactscope.errors import BadArgument


def current_year() -> int:
    return dt.date.today().year


def year_span(years: YearsArg, default: tuple[int, int], *, first: int | None = None) -> tuple[int, int]:
    """Read ``years`` (None, 1995, "1992-1999", (a, b), range) into (start, end) for a metric.

    None gives ``default``. Years before ``first`` (default: the first year of the state system
    data) or after the current calendar year are refused, naming the coverage of the data.
    """
    if years is None:
        return default
    start, end = read_years(years)
    system_first, system_last = state_system_years()
    first = system_first if first is None else first
    last = current_year()
    if start < first or end > last:
        raise BadArgument(
            f"years: {start}-{end} is outside {first}-{last}: the state system data (COW) cover "
            f"{system_first}-{system_last}, later years come from the other tables and the ledger "
            "(`pactscope data list` shows each table's years)"
        )
    return start, end


def last_complete_year(today: dt.date | None = None) -> int:
    """The most recently concluded calendar year (the panels' default end, as in peacesciencer)."""
    return (today or dt.date.today()).year - 1


YearsArg = tuple[int, int] | range | str | int | None


def state_system_years() -> tuple[int, int]:
    """First and last year of the COW state system table, from the data catalogue."""
    from pactscope import data

    return data.coverage("cow_states")


def parse_years(years: YearsArg, *, last: int | None = None) -> tuple[int, int]:
    """Turn ``None``, ``1990``, ``"1950-1999"``, ``(1950, 1999)`` or ``range(1950, 2000)`` into (start, end)."""
    last = last_complete_year() if last is None else last
    first, system_last = state_system_years()
    if years is None:
        return first, last
    start, end = read_years(years)
    if start < first or end > last:
        raise BadArgument(
            f"years: {start}-{end} is outside {first}-{last}: the state system data (COW) cover "
            f"{first}-{system_last} and this panel ends in {last}"
            + (" (the last complete year)" if last == last_complete_year() else " (without mry)")
        )
    return start, end


def read_years(years: tuple[int, int] | range | str | int) -> tuple[int, int]:
    """(start, end) of a year or range as written, checked for form and order only."""
    if isinstance(years, range):
        if not years:
            raise BadArgument("years: the range is empty")
        start, end = years[0], years[-1]
    elif isinstance(years, int):
        start = end = years
    elif isinstance(years, str):
        match = re.fullmatch(r"\s*(\d{4})\s*(?:[-:\u2013]\s*(\d{4})\s*)?", years)
        if not match:
            raise BadArgument(f"years: cannot read {years!r}; write a year or a range such as 1950-1999")
        start = int(match.group(1))
        end = int(match.group(2) or start)
    else:
        start, end = (int(v) for v in years)
    if start > end:
        raise BadArgument(f"years: start {start} is after end {end}")
    return start, end
