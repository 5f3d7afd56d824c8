"""add_igos and add_rivalries: shared IGO memberships and strategic rivalries."""

from __future__ import annotations

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import fill_within, join_on_keys, undirected
from pactscope.panels.frame import Panel, PanelKind, require

IGO_COLUMNS = ["sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"]


def add_igos(panel: Panel) -> Panel:
    """COW IGO memberships (v3.0, 1816-2014).

    State-years: counts of full, associate, observer and any memberships. Dyad-years:
    ``dyadigos``, the number of IGOs in which both are full members (either order).
    Years after 2014 stay missing.
    """
    require(panel, "add_igos", system="cow")
    if panel.kind is PanelKind.state_year:
        frame = join_on_keys(panel, load("cow_igo_sy").lazy())
        return panel.with_frame(frame, "cow_igo_sy")
    table = undirected(load("cow_igo_ndy").lazy()) if panel.directed else load("cow_igo_ndy").lazy()
    frame = join_on_keys(panel, table)
    return panel.with_frame(frame, "cow_igo_ndy")


def _rivalry_years(source: str) -> tuple[pl.LazyFrame, int]:
    if source == "td":
        table = load("td_rivalries").lazy().select(
            "ccode1", "ccode2", rivalry_id="rivalryno", start="styear", end="endyear",
            rivalry_type=pl.concat_str(["type1", "type2", "type3"], separator=", ", ignore_nulls=True),
        )
        return table, 2010
    if source == "tss":
        kinds = ["positional", "spatial", "ideological", "interventionary"]
        table = load("tss_rivalries").lazy().select(
            "ccode1", "ccode2", rivalry_id="tssr_id", start="start", end="end",
            rivalry_type=pl.concat_str(
                [pl.when(pl.col(k) == 1).then(pl.lit(k)) for k in kinds], separator=", ", ignore_nulls=True
            ),
        )
        return table, 2020
    raise BadArgument(f"add_rivalries(source={source!r}): choose 'td' (Thompson-Dreyer) or 'tss' (Thompson-Sakuwa-Suhas)")


def add_rivalries(panel: Panel, source: str = "td") -> Panel:
    """Strategic rivalries on dyad-years: ``{source}_rivalry`` (1/0), its id and type(s).

    ``source="td"``: Thompson and Dreyer (2012), to 2010; ``"tss"``: Thompson, Sakuwa and
    Suhas (2021), to 2020. Rivalries are symmetric, so both orders of a dyad match.
    Missing -> 0 through the source's last year.
    """
    require(panel, "add_rivalries", kinds=[PanelKind.dyad_year], system="cow")
    table, last = _rivalry_years(source)
    years = (
        undirected(table)
        .with_columns(year=pl.int_ranges("start", pl.col("end") + 1, dtype=pl.Int32))
        .explode("year")
        .group_by("ccode1", "ccode2", "year")
        .agg(
            pl.lit(1, dtype=pl.Int32).alias(f"{source}_rivalry"),
            pl.col("rivalry_id").min().alias(f"{source}_rivalry_id"),
            pl.col("rivalry_type").first().alias(f"{source}_rivalry_type"),
        )
    )
    frame = join_on_keys(panel, years)
    frame = frame.with_columns(fill_within([f"{source}_rivalry"], last))
    return panel.with_frame(frame, f"{source}_rivalries")
