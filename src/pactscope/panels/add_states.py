"""State attributes joined by code and year: democracy, GDP and population, territorial threat,
fractionalization, terrain, trade, and distances between capitals or borders."""

from __future__ import annotations

from typing import Literal

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import join_on_keys, join_state_values, undirected
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import ALL_KINDS, STATE_LEVEL, Panel, require

DEMOCRACY = ["euds", "aeuds", "polity2", "v2x_polyarchy"]
GDPPOP = ["mrgdppc", "sd_mrgdppc", "pwtrgdp", "sd_pwtrgdp", "pwtpop", "sd_pwtpop"]
TERRTHREAT = ["lterrthreat", "sd", "lwr", "upr", "m_lterrthreat", "m_sd", "m_lwr", "m_upr"]
CREG = ["ethfrac", "ethpol", "relfrac", "relpol"]
RUGGED = ["rugged", "newlmtnest"]
EARTH_RADIUS_M = 6378137.0  # the sphere of peacesciencer's Vincenty distance (geosphere's default)


def _keep(step: str, columns: list[str], keep: list[str] | None) -> list[str]:
    if keep is None:
        return columns
    unknown = sorted(set(keep) - set(columns))
    if unknown:
        raise BadArgument(f"{step}(keep=...): no column {', '.join(unknown)}; choose from {', '.join(columns)}")
    return list(keep)


def _by_system(panel: Panel, step: str, tables: dict[str, str], columns: list[str], keep: list[str] | None) -> Panel:
    """Join a state-year table of the panel's own system (COW or G-W), suffixed 1/2 on dyads."""
    require(panel, step, kinds=ALL_KINDS)
    table = tables[panel.system]
    values = _keep(step, columns, keep)
    frame = join_state_values(panel, load(table).lazy(), values, code=panel.code)
    return panel.with_frame(frame, table)


def add_democracy(panel: Panel, keep: list[str] | None = None) -> Panel:
    """Democracy scores: ``euds, aeuds`` (Marquez's extended UDS), ``polity2``, ``v2x_polyarchy`` (V-Dem).

    From ``cw_democracy`` on COW panels, ``gw_democracy`` on G-W panels; suffixed 1/2 on dyads.
    """
    return _by_system(panel, "add_democracy", {"cow": "cw_democracy", "gw": "gw_democracy"}, DEMOCRACY, keep)


def add_sim_gdp_pop(panel: Panel, keep: list[str] | None = None) -> Panel:
    """Fariss et al.'s simulated GDP per capita, GDP and population, each with its sd.

    ``mrgdppc, sd_mrgdppc, pwtrgdp, sd_pwtrgdp, pwtpop, sd_pwtpop`` from ``cw_gdppop`` (COW)
    or ``gw_gdppop`` (G-W); suffixed 1/2 on dyads.
    """
    return _by_system(panel, "add_sim_gdp_pop", {"cow": "cw_gdppop", "gw": "gw_gdppop"}, GDPPOP, keep)


def add_latent_territorial_threat(panel: Panel, keep: list[str] | None = None) -> Panel:
    """Miller's latent external territorial threat (``terrthreat``): ``lterrthreat, sd, lwr, upr``
    and the minimum-distance variants ``m_*``; COW codes (G-W panels through their ccode)."""
    panel, _ = cow_view(panel, "add_latent_territorial_threat")
    values = _keep("add_latent_territorial_threat", TERRTHREAT, keep)
    frame = join_state_values(panel, load("terrthreat").lazy(), values, on="ccode")
    return panel.with_frame(frame, "terrthreat")


def _creg_state_years(code: str) -> pl.LazyFrame:
    """One CREG row per state-year: where a state-year has several rows, gaps take the group's
    largest value, then the row with the highest ethnic, then religious, fractionalization stays."""
    several = pl.len().over(code, "year") > 1
    return (
        load("creg").lazy().filter(pl.col(code).is_not_null()).select(code, "year", *CREG)
        .with_row_index("_record")
        .with_columns(pl.when(several & pl.col(c).is_null()).then(pl.col(c).max().over(code, "year")).otherwise(pl.col(c)).alias(c) for c in CREG)
        .sort([code, "year", "ethfrac", "relfrac", "_record"], descending=[False, False, True, True, False], nulls_last=True)
        .unique([code, "year"], keep="first", maintain_order=True)
        .drop("_record")
    )


def add_creg_fractionalization(panel: Panel) -> Panel:
    """CREG ethnic and religious fractionalization and polarization: ``ethfrac, ethpol, relfrac, relpol``.

    Keyed by the panel's own system code; suffixed 1/2 on dyads.
    """
    require(panel, "add_creg_fractionalization", kinds=ALL_KINDS)
    frame = join_state_values(panel, _creg_state_years(panel.code), CREG, code=panel.code)
    return panel.with_frame(frame, "creg")


def add_rugged_terrain(panel: Panel) -> Panel:
    """Terrain ruggedness (``rugged``) and log % mountainous terrain (``newlmtnest``), time-invariant."""
    require(panel, "add_rugged_terrain", kinds=ALL_KINDS)
    first, last = int(panel.frame["year"].min()), int(panel.frame["year"].max())  # type: ignore[arg-type]
    per_year = (
        load("rugged").lazy().filter(pl.col(panel.code).is_not_null()).select(panel.code, *RUGGED)
        .join(pl.LazyFrame({"year": pl.int_range(first, last + 1, dtype=pl.Int32, eager=True)}), how="cross")
    )
    frame = join_state_values(panel, per_year, RUGGED, code=panel.code)
    return panel.with_frame(frame, "rugged")


def add_cow_trade(panel: Panel) -> Panel:
    """COW national trade on state-years: ``imports``, ``exports`` (millions of current USD)."""
    panel, keys = cow_view(panel, "add_cow_trade", kinds=STATE_LEVEL)
    return panel.with_frame(join_on_keys(panel, load("cow_trade_sy").lazy(), keys), "cow_trade_sy")


Transition = Literal["first", "jan1", "last", "dec31"]


def _capital_years(system: str, transsum: Transition) -> pl.LazyFrame:
    """(code, year, lat, lng): the capital on the year's first day it has one (or its last day)."""
    code = "ccode" if system == "cow" else "gwcode"
    capitals = load(f"{system}_capitals").lazy().with_row_index("_record").with_columns(
        year=pl.int_ranges(pl.col("stdate").dt.year(), pl.col("enddate").dt.year() + 1, dtype=pl.Int32)
    ).explode("year")
    if transsum in ("first", "jan1"):
        day = pl.max_horizontal("stdate", pl.date(pl.col("year"), 1, 1))
        order, descending = [day, pl.col("_record")], False
    elif transsum in ("last", "dec31"):
        day = pl.min_horizontal("enddate", pl.date(pl.col("year"), 12, 31))
        order, descending = [day, pl.col("_record")], True
    else:
        raise BadArgument(f"add_capital_distance(transsum={transsum!r}): choose 'first', 'jan1', 'last' or 'dec31'")
    return capitals.group_by(code, "year").agg(pl.col("lat", "lng").sort_by(order, descending=descending).first())


def vincenty_km(lat1: pl.Expr, lng1: pl.Expr, lat2: pl.Expr, lng2: pl.Expr) -> pl.Expr:
    """Great-circle distance in km by Vincenty's formula on a sphere of radius 6378.137 km."""
    p1, p2, dl = lat1.radians(), lat2.radians(), (lng2 - lng1).radians()
    x = ((p2.cos() * dl.sin()) ** 2 + (p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos()) ** 2).sqrt()
    y = p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos()
    return pl.arctan2(x, y) * EARTH_RADIUS_M / 1000


def _capdist(panel: Panel, transsum: Transition) -> pl.Series:
    looked_up = join_state_values(panel, _capital_years(panel.system, transsum), ["lat", "lng"], code=panel.code)
    return looked_up.select(vincenty_km(pl.col("lat1"), pl.col("lng1"), pl.col("lat2"), pl.col("lng2")).alias("capdist")).to_series()


def add_capital_distance(panel: Panel, transsum: Transition = "first") -> Panel:
    """Distance between capitals in km (``capdist`` on dyads, ``mincapdist`` on state-years: the
    nearest other capital in the system that year), as peacesciencer computes it.

    ``transsum`` picks the capital of a year in which it moved: ``"first"``/``"jan1"`` the one
    on the year's first day, ``"last"``/``"dec31"`` the one on its last.
    """
    from pactscope.panels.create import create_dyadyears

    require(panel, "add_capital_distance", kinds=ALL_KINDS)
    source = f"{panel.system}_capitals"
    if panel.dyadic:
        return panel.with_frame(panel.frame.hstack([_capdist(panel, transsum)]), source)
    years = (int(panel.frame["year"].min()), int(panel.frame["year"].max()))  # type: ignore[arg-type]
    dyads = create_dyadyears(panel.system, directed=True, years=years)
    nearest = dyads.frame.with_columns(_capdist(dyads, transsum)).group_by(pl.col(f"{panel.code}1").alias(panel.code), "year").agg(
        mincapdist=pl.col("capdist").min()
    )
    return panel.with_frame(join_on_keys(panel, nearest), source)


def _mindist_table(system: str) -> tuple[str, pl.LazyFrame]:
    name = f"{system}_mindist"
    code = "ccode" if system == "cow" else "gwcode"
    return name, undirected(load(name).lazy(), f"{code}1", f"{code}2")


def add_minimum_distance(panel: Panel) -> Panel:
    """Minimum distance between two states' territories on January 1, km (cshapes 2.0).

    Dyads: ``mindist``; state-years: ``minmindist``, the smallest distance to any other state
    that year. From ``cow_mindist`` or ``gw_mindist`` by the panel's system.
    """
    require(panel, "add_minimum_distance", kinds=ALL_KINDS)
    name, table = _mindist_table(panel.system)
    if panel.dyadic:
        return panel.with_frame(join_on_keys(panel, table), name)
    code = panel.code
    nearest = table.group_by(pl.col(f"{code}1").alias(code), "year").agg(minmindist=pl.col("mindist").min())
    return panel.with_frame(join_on_keys(panel, nearest), name)
