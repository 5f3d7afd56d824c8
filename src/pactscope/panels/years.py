"""Year ranges: parsing '1946-2025' and the last complete year."""

from __future__ import annotations

import datetime as dt
import re

from pactscope.errors import BadArgument

FIRST_YEAR = 1816


def current_year() -> int:
    return dt.date.today().year


def year_span(years: YearsArg, default: tuple[int, int], *, first: int = FIRST_YEAR) -> tuple[int, int]:
    """Read ``years`` (None, 1995, "1992-2022", (a, b), range) into (start, end) for a metric.

    None gives ``default``. Years before ``first`` or after the current calendar year are refused.
    """
    if years is None:
        return default
    start, end = parse_years(years, last=9999)
    last = current_year()
    if start < first or end > last:
        raise BadArgument(f"years: {start}-{end} is outside {first}-{last}")
    return start, end


def last_complete_year(today: dt.date | None = None) -> int:
    """The most recently concluded calendar year (the panels' default end, as in peacesciencer)."""
    return (today or dt.date.today()).year - 1


YearsArg = tuple[int, int] | range | str | int | None


def parse_years(years: YearsArg, *, last: int | None = None) -> tuple[int, int]:
    """Turn ``None``, ``1990``, ``"1946-2025"``, ``(1946, 2025)`` or ``range(1946, 2026)`` into (start, end)."""
    last = last_complete_year() if last is None else last
    if years is None:
        return FIRST_YEAR, last
    if isinstance(years, range):
        if not years:
            raise BadArgument("years: the range is empty")
        start, end = years[0], years[-1]
    elif isinstance(years, int):
        start = end = years
    elif isinstance(years, str):
        match = re.fullmatch(r"\s*(\d{4})\s*(?:[-:\u2013]\s*(\d{4})\s*)?", years)
        if not match:
            raise BadArgument(f"years: cannot read {years!r}; write a year or a range such as 1946-2025")
        start = int(match.group(1))
        end = int(match.group(2) or start)
    else:
        start, end = (int(v) for v in years)
    if start > end:
        raise BadArgument(f"years: start {start} is after end {end}")
    if start < FIRST_YEAR or end > last:
        raise BadArgument(
            f"years: {start}-{end} is outside {FIRST_YEAR}-{last} "
            f"(panels end at the last complete year, {last})"
        )
    return start, end
