"""Leader-level panels from Archigos: leader-years, leader-dyad-years, and their steps.

``create_leaderyears`` and ``create_leaderdyadyears`` are computed from the bundled Archigos
table (peacesciencer downloads the leader-dyad-years ready-made); ``add_archigos``,
``add_lead`` and ``add_lwuf`` join leader attributes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import fill_within, join_state_values, left_join
from pactscope.panels.frame import Panel, PanelKind, System, require
from pactscope.panels.years import YearsArg, last_complete_year, parse_years

Standardize = Literal["none", "cow", "gw"]
LEADER_COLUMNS = ["obsid", "leader", "gender", "leaderage", "year", "yrinoffice"]


def _gw_spells(last: int) -> pl.LazyFrame:
    spells = load("gw_states").lazy().select("gwcode", start="startdate", end="enddate")
    final = pl.col("end") == pl.col("end").max()
    return spells.with_columns(end=pl.when(final).then(pl.lit(dt.date(last, 12, 31))).otherwise("end"))


def _cow_spells(last: int) -> pl.LazyFrame:
    spells = load("cow_states").lazy().select(
        "ccode", start=pl.date("styear", "stmonth", "stday"), end=pl.date("endyear", "endmonth", "endday")
    )
    final = pl.col("end") == pl.col("end").max()
    return spells.with_columns(end=pl.when(final).then(pl.lit(dt.date(last, 12, 31))).otherwise("end"))


def _leader_segments() -> pl.LazyFrame:
    """One row per leader and calendar year in office: the part of the tenure inside that year."""
    return (
        load("archigos").lazy()
        .with_columns(year=pl.int_ranges(pl.col("startdate").dt.year(), pl.col("enddate").dt.year() + 1, dtype=pl.Int32))
        .explode("year")
        .with_columns(
            start=pl.max_horizontal("startdate", pl.date("year", 1, 1)),
            end=pl.min_horizontal("enddate", pl.date("year", 12, 31)),
            yrinoffice=(pl.col("year") - pl.col("startdate").dt.year() + 1).cast(pl.Int32),
            leaderage=(pl.col("year") - pl.col("yrborn")).cast(pl.Int32),
        )
    )


# Archigos leaders whose state changes COW code inside a year (peacesciencer's special cases)
_COW_SWITCHES = {"YEM-1978": (dt.date(1990, 5, 22), 678, 679), "GFR-1982": (dt.date(1990, 10, 3), 260, 255)}


def _with_ccode(segments: pl.LazyFrame) -> pl.LazyFrame:
    """COW codes for leader segments: by G-W code and year, with the code changes of Morocco,
    Saudi Arabia, Yemen and Germany that peacesciencer spells out."""
    crosswalk = load("gw_cw_panel").lazy().filter(pl.col("gwcode").is_not_null()).select("gwcode", "year", "ccode")
    segments = segments.join(crosswalk, on=["gwcode", "year"], how="left").with_columns(
        ccode=pl.when((pl.col("gwcode") == 600) & pl.col("year").is_between(1905, 1912)).then(600)
        .when((pl.col("gwcode") == 670) & pl.col("year").is_between(1927, 1932)).then(670)
        .otherwise(pl.col("ccode"))
    )
    parts = [segments.filter(~pl.col("obsid").is_in(list(_COW_SWITCHES)))]
    for obsid, (switch, before, after) in _COW_SWITCHES.items():
        own = segments.filter(pl.col("obsid") == obsid)
        parts.append(own.filter(pl.col("start") < switch).with_columns(ccode=pl.lit(before, pl.Int32), end=pl.min_horizontal("end", pl.lit(switch - dt.timedelta(days=1)))))
        parts.append(own.filter(pl.col("end") >= switch).with_columns(ccode=pl.lit(after, pl.Int32), start=pl.max_horizontal("start", pl.lit(switch))))
    return pl.concat(parts, how="vertical_relaxed")


def _in_system(segments: pl.LazyFrame, spells: pl.LazyFrame, code: str) -> pl.LazyFrame:
    """Segments that share at least one day with a spell of their state in the system."""
    overlap = segments.join(spells, on=code, how="inner", suffix="_state").filter(
        (pl.col("start") <= pl.col("end_state")) & (pl.col("end") >= pl.col("start_state"))
    )
    return overlap


def cow_leader_segments() -> pl.LazyFrame:
    """Each leader's days in office per calendar year while the state was in the COW system:
    ``obsid, ccode, year, start, end`` (peacesciencer's leader-days with standardize="cow")."""
    spells = _in_system(_with_ccode(_leader_segments()), _cow_spells(last_complete_year()), "ccode")
    return spells.select(
        "obsid", "ccode", "year",
        start=pl.max_horizontal("start", "start_state"), end=pl.min_horizontal("end", "end_state"),
    )


def create_leaderyears(standardize: Standardize = "none", years: YearsArg = None) -> Panel:
    """One row per Archigos leader and calendar year in office (``obsid, leader, gwcode|ccode,
    gender, leaderage, year, yrinoffice``), as peacesciencer's ``create_leaderyears``.

    ``standardize="gw"`` keeps leader-years in which the state was in the G-W system on at
    least one of the leader's days; ``"cow"`` gives COW codes and keeps those in the COW
    system; ``"none"`` keeps every Archigos leader-year with its G-W code. ``leaderage`` is
    the year minus the birth year; ``yrinoffice`` counts from 1 in the year of entry.
    """
    if standardize not in ("none", "cow", "gw"):
        raise BadArgument(f"create_leaderyears(standardize={standardize!r}): choose 'none', 'cow' or 'gw'")
    last = last_complete_year()
    start, end = parse_years(years, last=last)
    segments = _leader_segments()
    if standardize == "cow":
        code = "ccode"
        segments = _in_system(_with_ccode(segments), _cow_spells(last), code)
    else:
        code = "gwcode"
        if standardize == "gw":
            segments = _in_system(segments, _gw_spells(last), code)
    frame = (
        segments.filter(pl.col("year").is_between(start, end))
        .select("obsid", "leader", code, "gender", "leaderage", "year", "yrinoffice")
        .unique(maintain_order=False)
        .sort(code, "year", "obsid")
        .collect()
    )
    system: System = "cow" if standardize == "cow" else "gw"
    return Panel(frame, PanelKind.leader_year, system, sources=("archigos", f"{system}_states"))


def create_leaderdyadyears(system: Literal["cow", "gw"] = "gw", directed: bool = True, years: YearsArg = None) -> Panel:
    """Every pair of leaders of two different states in office in the same year, from the
    leader-years standardised to ``system`` (``obsid1, obsid2, code1, code2, year`` with each
    leader's ``leaderage`` and ``yrinoffice``). Non-directed panels keep ``code1 < code2``.
    """
    if system not in ("cow", "gw"):
        raise BadArgument(f"create_leaderdyadyears(system={system!r}): choose 'cow' or 'gw'")
    code = "ccode" if system == "cow" else "gwcode"
    leaders = create_leaderyears(standardize=system, years=years).frame.select("obsid", code, "year", "leaderage", "yrinoffice")
    keep = pl.col(f"{code}1") != pl.col(f"{code}2") if directed else pl.col(f"{code}1") < pl.col(f"{code}2")
    frame = (
        leaders.lazy().rename(lambda c: c if c == "year" else f"{c}1")
        .join(leaders.lazy().rename(lambda c: c if c == "year" else f"{c}2"), on="year")
        .filter(keep)
        .select("obsid1", "obsid2", f"{code}1", f"{code}2", "year", "leaderage1", "leaderage2", "yrinoffice1", "yrinoffice2")
        .sort(f"{code}1", f"{code}2", "year", "obsid1", "obsid2")
        .collect()
    )
    return Panel(frame, PanelKind.leader_dyad_year, system, directed=directed, sources=("archigos", f"{system}_states"))


def _leader_attributes(panel: Panel, step: str, table: str, columns: list[str], keep: Sequence[str] | None = None) -> Panel:
    require(panel, step, kinds=[PanelKind.leader_year, PanelKind.leader_dyad_year])
    if keep is not None:
        unknown = sorted(set(keep) - set(columns))
        if unknown:
            raise BadArgument(f"{step}(keep=...): no column {', '.join(unknown)}; choose from {', '.join(columns)}")
        columns = [c for c in columns if c in keep]
    source = load(table).lazy().select("obsid", *columns)
    if panel.kind is PanelKind.leader_year:
        return panel.with_frame(left_join(panel.frame, source, ["obsid"]), table)
    frame = panel.frame
    for side in "12":
        frame = left_join(frame, source.rename({c: f"{c}{side}" for c in ("obsid", *columns)}), [f"obsid{side}"])
    return panel.with_frame(frame, table)


LEAD_COLUMNS = ["leveledu", "milservice", "combat", "rebel", "warwin", "warloss", "rebelwin", "rebelloss",
                "yrsexper", "physhealth", "mentalhealth"]
LWUF_COLUMNS = ["theta1_mean", "theta1_sd", "theta2_mean", "theta2_sd", "theta3_mean", "theta3_sd", "theta4_mean", "theta4_sd"]


def add_lead(panel: Panel, keep: Sequence[str] | None = None) -> Panel:
    """LEAD leader backgrounds (education, military and rebel experience, war outcomes,
    political experience, health) on leader-years, suffixed 1/2 on leader-dyad-years;
    ``keep`` picks some of the columns, as peacesciencer's ``keep``."""
    return _leader_attributes(panel, "add_lead", "LEAD", LEAD_COLUMNS, keep)


def add_lwuf(panel: Panel, keep: Sequence[str] | None = None) -> Panel:
    """Carter and Smith's leader willingness to use force (``theta1_mean`` ... ``theta4_sd``;
    the authors prefer M2, ``theta2_*``) on leader-years, suffixed 1/2 on leader-dyad-years;
    ``keep`` picks some of the columns."""
    return _leader_attributes(panel, "add_lwuf", "lwuf", LWUF_COLUMNS, keep)


def archigos_state_years() -> pl.LazyFrame:
    """Per G-W state-year: ``leadertransition`` (a leader entered), ``irregular`` (an irregular
    entry), ``n_leaders`` (leaders in office at some time that year), ``jan1obsid`` and
    ``dec31obsid`` (the leader in office on January 1 and on December 31)."""
    segments = _leader_segments()
    jan1 = pl.date("year", 1, 1)
    dec31 = pl.date("year", 12, 31)
    return segments.group_by("gwcode", "year").agg(
        leadertransition=((pl.col("startdate").dt.year() == pl.col("year")).any()).cast(pl.Int32),
        irregular=((pl.col("startdate").dt.year() == pl.col("year")) & (pl.col("entry") == "Irregular")).any().cast(pl.Int32),
        n_leaders=pl.col("obsid").n_unique().cast(pl.Int32),
        jan1obsid=pl.col("obsid").filter((pl.col("startdate") <= jan1) & (pl.col("enddate") >= jan1)).sort().first(),
        dec31obsid=pl.col("obsid").filter((pl.col("startdate") <= dec31) & (pl.col("enddate") >= dec31)).sort().last(),
    )


def _cow_archigos_years(summary: pl.LazyFrame) -> pl.LazyFrame:
    """The turnover summary by COW state-year: G-W codes mapped by ``gw_cw_panel``; where two G-W
    states are one COW state-year (Serbia 2006: Yugoslavia, G-W 345, until June, then Serbia,
    G-W 340), the year starts with the first's leader and ends with the second's, as in peacesciencer."""
    crosswalk = load("gw_cw_panel").lazy().filter(pl.col("gwcode").is_not_null() & pl.col("ccode").is_not_null())
    joined = summary.join(crosswalk.select("gwcode", "year", "ccode"), on=["gwcode", "year"])
    return joined.group_by("ccode", "year").agg(
        pl.col("leadertransition", "irregular").max(),
        pl.col("n_leaders").sum(),
        pl.col("jan1obsid", "dec31obsid").drop_nulls().sort().first(),
    )


ARCHIGOS_COLUMNS = ["leadertransition", "irregular", "n_leaders", "jan1obsid", "dec31obsid"]


def add_archigos(panel: Panel) -> Panel:
    """Archigos leader turnover on state-years and dyad-years (suffix 1/2), COW or G-W:
    ``leadertransition, irregular, n_leaders, jan1obsid, dec31obsid`` (see
    ``archigos_state_years``; COW codes through ``gw_cw_panel``). Missing -> 0 for the counts
    inside Archigos's coverage."""
    require(panel, "add_archigos", kinds=[PanelKind.state_year, PanelKind.dyad_year])
    summary = archigos_state_years()
    if panel.system == "cow":
        summary = _cow_archigos_years(summary)
    code = "ccode" if panel.system == "cow" else "gwcode"
    frame = join_state_values(panel, summary, ARCHIGOS_COLUMNS, code=code)
    first, last = (int(y) for y in load("archigos").select(pl.col("startdate").dt.year().min(), pl.col("enddate").dt.year().max()).row(0))
    counts = ["leadertransition", "irregular", "n_leaders"]
    if panel.dyadic:
        counts = [f"{c}{side}" for side in "12" for c in counts]
    return panel.with_frame(frame.with_columns(fill_within(counts, last, first)), "archigos", *(("gw_cw_panel",) if panel.system == "cow" else ()))


__all__ = ["add_archigos", "add_lead", "add_lwuf", "cow_leader_segments", "create_leaderdyadyears", "create_leaderyears"]
