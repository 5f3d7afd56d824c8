"""`pactscope run`: the main job behind `make run`."""

from __future__ import annotations

import polars as pl
import typer

from pactscope.cli.output import console, user_errors


def run(years: str = typer.Option("2012-2022", "--years", help="year range to show")) -> None:
    """Show the current CSTO members' material capabilities by year (COW NMC v7.0).

    Example: pactscope run --years 2000-2022
    """
    from pactscope.codes import to_ccode
    from pactscope.ledger import membership_frame
    from pactscope.panels import add_nmc, create_stateyears
    from pactscope.cli.output import rich_table

    with user_errors():
        current = membership_frame("CSTO").filter(pl.col("end").is_null())
        codes = {to_ccode(iso3): iso3 for iso3 in current["state"].to_list()}
        panel = create_stateyears(years=years).pipe(add_nmc)
    table = (
        panel.frame.filter(pl.col("ccode").is_in(list(codes)))
        .with_columns(
            state=pl.col("ccode").replace_strict(codes, return_dtype=pl.String),
            alliance_cinc_share=(pl.col("cinc") / pl.col("cinc").sum().over("year")).round(3),
        )
        .select("year", "state", "milex", "milper", "tpop", "cinc", "alliance_cinc_share")
        .sort("year", "state")
    )
    console.print(rich_table(table, "CSTO members' capabilities (COW NMC v7.0; shares of the members' total)", limit=200))
