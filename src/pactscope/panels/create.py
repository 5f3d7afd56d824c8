"""Base panels: state-years and dyad-years from the COW or Gleditsch-Ward state lists."""

from __future__ import annotations

import polars as pl

from pactscope.data import coverage, load
from pactscope.errors import BadArgument
from pactscope.panels._join import find_sorted, key_expr, row_key
from pactscope.panels.frame import Panel, PanelKind, System
from pactscope.panels.years import YearsArg, last_complete_year, parse_years


def _state_spells(system: System, last: int) -> pl.LazyFrame:
    """(code, name, styear, endyear) with spells alive at the end of the list extended to ``last``."""
    if system == "cow":
        spells = load("cow_states").lazy().select(
            code=pl.col("ccode"), name=pl.col("statenme"), styear="styear", endyear="endyear"
        )
    elif system == "gw":
        spells = load("gw_states").lazy().select(
            code=pl.col("gwcode"),
            name="statename",
            styear=pl.col("startdate").dt.year().cast(pl.Int32),
            endyear=pl.col("enddate").dt.year().cast(pl.Int32),
        )
    else:
        raise BadArgument(f"system must be 'cow' or 'gw', not {system!r}")
    final = spells.select(pl.col("endyear").max()).collect().item()
    return spells.with_columns(
        endyear=pl.when(pl.col("endyear") == final).then(pl.lit(max(last, final))).otherwise("endyear")
    )


def _end_year(system: System, mry: bool) -> int:
    """The panel's last year: the last complete year with ``mry`` (peacesciencer's default), else
    the state list's own last year (from the data catalogue)."""
    if system not in ("cow", "gw"):
        raise BadArgument(f"system must be 'cow' or 'gw', not {system!r}")
    return last_complete_year() if mry else coverage(f"{system}_states")[1]


def _state_years(system: System, last: int) -> pl.LazyFrame:
    return (
        _state_spells(system, last)
        .with_columns(year=pl.int_ranges("styear", pl.col("endyear") + 1, dtype=pl.Int32))
        .explode("year")
        .select("code", "name", "year")
        .unique(["code", "year"], keep="first")
    )


def create_stateyears(system: System = "cow", years: YearsArg = None, *, mry: bool = True) -> Panel:
    """One row per state and year of the COW (``ccode``, ``cw_name``) or Gleditsch-Ward
    (``gwcode``, ``gw_name``) system, named as peacesciencer names them.

    With ``mry`` (peacesciencer's default), states alive at the end of the list are assumed alive
    through the last complete year; ``mry=False`` stops at the list's last year. ``years``
    subsets, e.g. ``"1950-1999"``.
    """
    last = _end_year(system, mry)
    start, end = parse_years(years, last=last)
    code = "ccode" if system == "cow" else "gwcode"
    frame = (
        _state_years(system, last)
        .filter(pl.col("year").is_between(start, end))
        .rename({"code": code, "name": f"{'cw' if system == 'cow' else 'gw'}_name"})
        .sort(code, "year")
        .collect()
    )
    return Panel(frame, PanelKind.state_year, system, sources=(f"{system}_states",))


def create_dyadyears(
    system: System = "cow", directed: bool = True, years: YearsArg = None, *, mry: bool = True
) -> Panel:
    """Every pair of states that were both in the system in a year.

    Directed panels hold France-Germany and Germany-France; non-directed keep ``code1 < code2``.
    Dyad-years that the lists produce but that never co-existed (peacesciencer's false dyads)
    are removed. ``mry`` as in :func:`create_stateyears`.
    """
    last = _end_year(system, mry)
    start, end = parse_years(years, last=last)
    code = "ccode" if system == "cow" else "gwcode"
    # Pair up state spells and expand each overlap to years: rows come out ordered by dyad and year.
    spells = (
        _state_spells(system, last)
        .with_columns(styear=pl.max_horizontal("styear", pl.lit(start)), endyear=pl.min_horizontal("endyear", pl.lit(end)))
        .filter(pl.col("styear") <= pl.col("endyear"))
        .select("code", "styear", "endyear")
        .sort("code", "styear")
    )
    keep = pl.col("code") < pl.col("code2") if not directed else pl.col("code") != pl.col("code2")
    false_dyads = load(f"false_{system}_dyads").lazy().select(f"{code}1", f"{code}2", pl.col("year").cast(pl.Int32))
    frame = (
        spells.join(spells, how="cross", suffix="2", maintain_order="left_right")
        .filter(keep)
        .sort("code", "code2", "styear", "styear2")
        .select(
            pl.col("code").alias(f"{code}1"),
            pl.col("code2").alias(f"{code}2"),
            year=pl.int_ranges(
                pl.max_horizontal("styear", "styear2"), pl.min_horizontal("endyear", "endyear2") + 1, dtype=pl.Int32
            ),
        )
        .explode("year")
        .collect()
    )
    keys = [f"{code}1", f"{code}2", "year"]
    key = row_key(frame, keys)
    # drop the false dyads by binary search of their few keys in the sorted panel (no hash join)
    false_keys = false_dyads.collect().select(key_expr(keys)).to_series()
    place, found = find_sorted(key, false_keys)
    place = place.filter(found)
    real = pl.Series([True]).extend_constant(True, key.len() - 1).scatter(place, False)
    frame, key = frame.filter(real), key.filter(real).set_sorted()
    return Panel(
        frame, PanelKind.dyad_year, system, directed=directed, sources=(f"{system}_states", f"false_{system}_dyads"),
        key_cache={tuple(keys): key},
    )


def create_statedays(system: System = "cow", *, mry: bool = True) -> Panel:
    """One row per state and day in the system (``ccode, cw_name, date`` or ``gwcode, gw_name,
    date``), as peacesciencer's ``create_statedays``: with ``mry``, spells ending in the list's
    last year run to December 31 of the last complete year; ``mry=False`` keeps the list's dates."""
    last = _end_year(system, mry)
    code, name = ("ccode", "cw_name") if system == "cow" else ("gwcode", "gw_name")
    if system == "cow":
        spells = load("cow_states").lazy().select(
            pl.col("ccode").alias(code), pl.col("statenme").alias(name),
            start=pl.date("styear", "stmonth", "stday"), end=pl.date("endyear", "endmonth", "endday"),
        )
    else:
        spells = load("gw_states").lazy().select(
            pl.col("gwcode").alias(code), pl.col("statename").alias(name), start="startdate", end="enddate"
        )
    if mry:  # peacesciencer extends every spell whose end year is the list's last year
        final = pl.col("end").dt.year() == pl.col("end").dt.year().max()
        spells = spells.with_columns(end=pl.when(final).then(pl.date(last, 12, 31)).otherwise("end"))
    frame = (
        spells.select(code, name, date=pl.date_ranges("start", "end", "1d"))
        .explode("date")
        .unique([code, "date"], keep="first", maintain_order=True)
        .sort(code, "date")
        .collect()
    )
    return Panel(frame, PanelKind.state_day, system, sources=(f"{system}_states",))
