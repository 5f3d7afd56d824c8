"""Threats it has faced: armed conflicts and militarized disputes, adversaries, allied adversaries."""

from __future__ import annotations

import polars as pl

from pactscope.assess import charts, fmt
from pactscope.assess.context import Ctx, cell, para
from pactscope.assess.model import (
    Chart,
    ChartData,
    Column,
    Heading,
    Provenance,
    Section,
    Table,
)

MIDS = {"in": ["gml", "cow"]}


def _args(ctx: Ctx, iso: str) -> dict:
    return {"state": iso, "alliance": ctx.oid, "years": ctx.years}


def _summary(ctx: Ctx) -> tuple[Table, list]:
    rows, paragraphs = [], []
    for iso in ctx.states:
        args = _args(ctx, iso)
        v = lambda column, row, agg="n_unique", label=None, args=args: ctx.value("threats", args, column, row, agg, label=label)  # noqa: E731
        conflicts = v(["conflict_id", "year"], {"source": "ucdp"}, label="UCDP conflict-years")
        disputes = v(["conflict_id", "year"], {"source": MIDS}, label="MID dispute-years")
        adversaries = v("adversary", {}, label="state adversaries")
        pairs = v(["adversary", "year"], {}, label="adversary-years")
        allied = v(["adversary", "year"], {"adversary_ally": True}, label="adversary-years with an ally")
        frame = ctx.frame("threats", **args)
        allied_names = frame.filter(pl.col("adversary_ally")).get_column("adversary").unique().sort().to_list()
        rows.append([
            cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(conflicts), cell(disputes), cell(adversaries),
            cell(pairs), cell(allied), cell(fmt.listing([ctx.name(a) for a in allied_names]) or fmt.DASH),
        ])
        if iso in ctx.focus:
            share = ctx.derived("ratio", allied, pairs, "share", label="share of adversary-years against allies")
            ctx.indicator("allied_adversary_share", share, state=iso, support=[allied, pairs])
            paragraphs.append(para(
                f"{ctx.name(iso)}, {fmt.span(ctx.start, ctx.end)}: armed-conflict years ", conflicts,
                "; militarized-dispute years ", disputes, "; adversary-years against a state ", pairs,
                f", of which against a {ctx.oid} member of that year ", allied, ".",
            ))
    table = Table(
        id="threat-summary", caption=f"Conflicts and disputes of each state, {fmt.span(ctx.start, ctx.end)}",
        columns=[
            Column(key="state", label="State"), Column(key="ucdp", label="Armed-conflict years (UCDP)", numeric=True),
            Column(key="mid", label="Dispute years (MIDs)", numeric=True),
            Column(key="adversaries", label="State adversaries", numeric=True),
            Column(key="pairs", label="Adversary-years", numeric=True),
            Column(key="allied", label=f"…against a {ctx.oid} member that year", numeric=True),
            Column(key="allied_names", label=f"Adversaries that were {ctx.oid} members"),
        ],
        rows=rows,
        note="A conflict-year counts once per conflict and year; an adversary-year once per opposing state and year. "
        "UCDP covers 1946-2024 (the state as a primary party or a supporter of one); militarized disputes come "
        "from GML v2.2.1 through 2010 and COW MID v5.0 for 2011-2014.",
    )
    return table, paragraphs


def _adversary_table(ctx: Ctx) -> Table:
    rows = []
    for iso in ctx.states:
        args = _args(ctx, iso)
        frame = ctx.frame("threats", **args).drop_nulls("adversary")
        counts = frame.group_by("adversary", "adversary_name").agg(pl.col("year").n_unique().alias("n"))
        for r in counts.sort(["n", "adversary"], descending=[True, False]).iter_rows(named=True):
            years = ctx.value("threats", args, "year", {"adversary": r["adversary"]}, "n_unique", label="years")
            allied = ctx.value("threats", args, "year", {"adversary": r["adversary"], "adversary_ally": True}, "n_unique",
                               label="years as an ally")
            listed = frame.filter(pl.col("adversary") == r["adversary"]).get_column("year").unique().sort().to_list()
            rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(r["adversary_name"]), cell(years),
                         cell(allied), cell(", ".join(str(y) for y in listed))])
    return Table(
        id="adversaries", caption="State adversaries by number of years in conflict or dispute",
        columns=[Column(key="state", label="State"), Column(key="adversary", label="Adversary"),
                 Column(key="years", label="Years", numeric=True),
                 Column(key="allied", label=f"…of which both were {ctx.oid} members", numeric=True),
                 Column(key="list", label="Which years")],
        rows=rows,
        note=None if rows else "No state adversary in the span.",
    )


def _chart(ctx: Ctx) -> Chart:
    cols = ["state", "year", "source", "conflict_id", "adversary", "adversary_name", "adversary_ally"]
    parts = [Provenance(metric="threats", args=_args(ctx, iso), column=cols, agg="rows") for iso in ctx.states]
    rows = pl.concat([ctx.frame("threats", **p.args).select(cols) for p in parts])
    spec = charts.threat_timeline(rows, states=ctx.states, names={s: ctx.name(s) for s in ctx.states},
                                  title=f"Conflict and dispute years, {fmt.span(ctx.start, ctx.end)}",
                                  years=(ctx.start, ctx.end))
    return Chart(
        id="threats-timeline", title="Conflicts and disputes by year",
        description="One mark per state, year and opponent: circles are UCDP armed-conflict years, triangles "
        f"militarized-dispute years; orange marks an opponent that was a {ctx.oid} member in that year.",
        spec=spec, data=[ChartData(name="threats", parts=parts)], cites=ctx.cites.metric("threats"),
    )


def build(ctx: Ctx) -> Section:
    table, paragraphs = _summary(ctx)
    intro = para(
        "Armed conflicts come from the UCDP/PRIO Armed Conflict Dataset and militarized interstate disputes from the "
        "GML and COW MID data", ctx.cites.metric("threats"), f". An adversary counts as an ally when both states "
        f"were members of {fmt.org(ctx.oid)} in the same year.",
    )
    return Section(
        id="threats", title="Threats it has faced",
        question="Which conflicts and disputes did each state take part in, against whom, and were any of its "
        "adversaries its allies in the same alliance?",
        blocks=[intro, *paragraphs, table, _chart(ctx), Heading(text="Adversaries"), _adversary_table(ctx)],
    )
