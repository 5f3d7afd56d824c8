"""GML MIDs on state-years and leader-years, from the participant table ``gml_part``, as
peacesciencer's ``add_gml_mids`` does for those panels; and the ``init`` rules shared with dyads."""

from __future__ import annotations

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import fill_coverage, join_on_keys, left_join
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import Panel, PanelKind
from pactscope.panels.leaders import cow_leader_segments

INIT_RULES = ("sidea-all-joiners", "sidea-with-joiners", "sidea-orig")
MID_COLUMNS = ["gmlmidongoing", "gmlmidonset", "gmlmidongoing_init", "gmlmidonset_init"]
TABLE = "gml_part"


def initiated(init: str, side: str = "") -> pl.Expr:
    """peacesciencer's ``init`` rules for whether a side initiated, from its side A and originator
    codes (``sidea1``/``orig1`` for ``side="1"``; the participant table's ``sidea``/``orig``)."""
    if init not in INIT_RULES:
        raise BadArgument(f"add_gml_mids(init={init!r}): choose one of {', '.join(INIT_RULES)}")
    sidea, orig = pl.col(f"sidea{side}") == 1, pl.col(f"orig{side}")
    if init == "sidea-orig":
        return sidea & (orig == 1)
    if init == "sidea-with-joiners":
        return sidea
    return sidea | (orig == 0)


def _participations() -> pl.LazyFrame:
    """Each state's part in each dispute, first to last day (unknown days as peacesciencer's
    ``dummy_stday``/``dummy_endday``). Like peacesciencer, participations whose leaders at the
    start or at the end are unknown to the table (``allmiss_leader_*``) are left out."""
    return (
        load(TABLE).lazy()
        .filter((pl.col("allmiss_leader_start") == 0) & (pl.col("allmiss_leader_end") == 0))
        .select(
            "dispnum", "ccode", "obsid_start", "sidea", "orig",
            first=pl.date("styear", "stmon", "dummy_stday"), last=pl.date("endyear", "endmon", "dummy_endday"),
        )
    )


def _one_or_zero(columns: list[str]) -> list[pl.Expr]:
    return [pl.col(c).max().cast(pl.Int32).alias(c) for c in columns]


def _state_years(init: str) -> pl.LazyFrame:
    """Per COW state-year: in any MID (ongoing), in a MID that began that year (onset), and the
    same for MIDs the state initiated under ``init``."""
    years = _participations().with_columns(
        year=pl.int_ranges(pl.col("first").dt.year(), pl.col("last").dt.year() + 1, dtype=pl.Int32)
    ).explode("year")
    flagged = years.with_columns(
        gmlmidongoing=pl.lit(True), gmlmidonset=pl.col("year") == pl.col("first").dt.year(), _init=initiated(init)
    ).with_columns(gmlmidongoing_init=pl.col("_init"), gmlmidonset_init=pl.col("gmlmidonset") & pl.col("_init"))
    return flagged.group_by("ccode", "year").agg(_one_or_zero(MID_COLUMNS))


def _leader_years(init: str, by: list[str]) -> pl.LazyFrame:
    """Per leader-year (``by``: obsid, year and perhaps ccode): a MID of the leader's state
    ongoing on one of the leader's days that year; begun on one of them (onset); and the same
    for MIDs this leader was in office for at the start and initiated under ``init``."""
    segments = cow_leader_segments()
    parts = _participations().with_columns(
        year=pl.int_ranges(pl.col("first").dt.year(), pl.col("last").dt.year() + 1, dtype=pl.Int32)
    ).explode("year")
    both = segments.join(parts, on=["ccode", "year"]).filter((pl.col("first") <= pl.col("end")) & (pl.col("last") >= pl.col("start")))
    flagged = both.with_columns(
        gmlmidongoing=pl.lit(True),
        gmlmidonset=pl.col("first").is_between(pl.col("start"), pl.col("end")),
        _init=(pl.col("obsid_start") == pl.col("obsid")).fill_null(False) & initiated(init),
    ).with_columns(gmlmidongoing_init=pl.col("_init"), gmlmidonset_init=pl.col("gmlmidonset") & pl.col("_init"))
    return flagged.group_by(by).agg(_one_or_zero(MID_COLUMNS))


def add_state_or_leader_mids(panel: Panel, init: str) -> Panel:
    """``add_gml_mids`` on state-years (COW codes; G-W panels get them from the crosswalk) and
    on leader-years. Missing -> 0 inside the table's coverage; later years stay missing."""
    initiated(init)  # refuse an unknown rule before any work
    if panel.kind is PanelKind.leader_year:
        by = ["obsid", "ccode", "year"] if panel.system == "cow" and "ccode" in panel.columns else ["obsid", "year"]
        frame = left_join(panel.frame, _leader_years(init, by), by)
        return panel.with_frame(frame.with_columns(fill_coverage(MID_COLUMNS, TABLE)), TABLE, "archigos")
    panel, keys = cow_view(panel, "add_gml_mids", kinds=(PanelKind.state_year,))
    frame = join_on_keys(panel, _state_years(init), keys)
    return panel.with_frame(frame.with_columns(fill_coverage(MID_COLUMNS, TABLE)), TABLE)
