"""add_igos and add_rivalries: shared IGO memberships and strategic rivalries."""

from __future__ import annotations

import polars as pl

from pactscope.data import coverage, load
from pactscope.errors import BadArgument
from pactscope.panels._join import fill_coverage, join_on_keys, undirected
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import Panel, PanelKind, require

IGO_COLUMNS = ["sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"]


def add_igos(panel: Panel) -> Panel:
    """COW IGO memberships (``cow_igo_sy``, ``cow_igo_ndy``).

    State-years: counts of full, associate, observer and any memberships. Dyad-years:
    ``dyadigos``, the number of IGOs in which both are full members (either order).
    Years after the source's last stay missing.
    """
    panel, keys = cow_view(panel, "add_igos")
    if not panel.dyadic:
        frame = join_on_keys(panel, load("cow_igo_sy").lazy(), keys)
        return panel.with_frame(frame, "cow_igo_sy")
    # stored once per pair (ccode1 < ccode2); G-W order need not follow COW order
    either = panel.directed or panel.system == "gw"
    table = undirected(load("cow_igo_ndy").lazy()) if either else load("cow_igo_ndy").lazy()
    frame = join_on_keys(panel, table, keys)
    return panel.with_frame(frame, "cow_igo_ndy")


TSS_KINDS = ["positional", "spatial", "ideological", "interventionary"]


def _austria_recoded(code: str) -> pl.Expr:
    """TSS codes Austria(-Hungary) 300 throughout; COW's list has Austria as 305 from 1919, as peacesciencer recodes."""
    return pl.when((pl.col(code) == 300) & (pl.col("year") >= 1919)).then(305).otherwise(pl.col(code)).alias(code)


def _tss_years() -> pl.LazyFrame:
    """Both orders of every TSS rivalry-year from the start of the state system, kinds 0/1, Austria recoded."""
    first = coverage("tss_rivalries")[0]
    return (
        undirected(load("tss_rivalries").lazy().select("tssr_id", "ccode1", "ccode2", "start", "end", *TSS_KINDS))
        .with_columns(year=pl.int_ranges("start", pl.col("end") + 1, dtype=pl.Int32))
        .explode("year")
        .filter(pl.col("year") >= first)
        .with_columns(_austria_recoded("ccode1"), _austria_recoded("ccode2"), pl.col(TSS_KINDS).fill_null(0))
        .select("ccode1", "ccode2", "year", "tssr_id", *TSS_KINDS)
    )


def _td_years() -> pl.LazyFrame:
    table = load("td_rivalries").lazy().select(
        "ccode1", "ccode2", rivalry_id="rivalryno", start="styear", end="endyear",
        rivalry_type=pl.concat_str(["type1", "type2", "type3"], separator=", ", ignore_nulls=True),
    )
    return (
        undirected(table)
        .with_columns(year=pl.int_ranges("start", pl.col("end") + 1, dtype=pl.Int32))
        .explode("year")
        .group_by("ccode1", "ccode2", "year")
        .agg(
            td_rivalry=pl.lit(1, dtype=pl.Int32),
            td_rivalry_id=pl.col("rivalry_id").min(),
            td_rivalry_type=pl.col("rivalry_type").sort().first(),
        )
    )


def add_strategic_rivalries(panel: Panel, source: str = "tss") -> Panel:
    """Strategic rivalries (Thompson, Sakuwa and Suhas 2021 by default), as peacesciencer.

    Dyad-years: ``tssr_id``, the kinds ``positional, spatial, ideological, interventionary``
    (1/0) and ``ongoingrivalry``; state-years: ``n_positional, n_spatial, n_ideological,
    n_interventionary``, the number of the state's rivalries of each kind. TSS codes Austria
    300 throughout; from 1919 it is matched to COW's 305, as peacesciencer does. Missing -> 0
    through TSS's last year. ``source="td"`` (dyad-years, a pactscope addition) gives Thompson
    and Dreyer's rivalries instead: ``td_rivalry, td_rivalry_id, td_rivalry_type``.
    """
    panel, keys = cow_view(panel, "add_strategic_rivalries")
    if source == "td":
        require(panel, "add_strategic_rivalries(source='td')", kinds=[PanelKind.dyad_year])
        frame = join_on_keys(panel, _td_years(), keys).with_columns(fill_coverage(["td_rivalry"], "td_rivalries"))
        return panel.with_frame(frame, "td_rivalries")
    if source != "tss":
        raise BadArgument(f"add_strategic_rivalries(source={source!r}): choose 'tss' (Thompson-Sakuwa-Suhas) or 'td' (Thompson-Dreyer)")
    years = _tss_years()
    if not panel.dyadic:
        counts = years.group_by(pl.col("ccode1").alias("ccode"), "year").agg(
            pl.col(k).sum().cast(pl.Int32).alias(f"n_{k}") for k in TSS_KINDS
        )
        cols = [f"n_{k}" for k in TSS_KINDS]
        frame = join_on_keys(panel, counts, keys)
    else:
        cols = [*TSS_KINDS, "ongoingrivalry"]
        frame = join_on_keys(panel, years.with_columns(ongoingrivalry=pl.lit(1, dtype=pl.Int32)), keys)
    return panel.with_frame(frame.with_columns(fill_coverage(cols, "tss_rivalries")), "tss_rivalries")


add_rivalries = add_strategic_rivalries
