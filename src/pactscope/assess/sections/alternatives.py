"""Alternatives: what the region's states would add up to on their own, beside the alliance and
the states compared with them."""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.assess import charts, fmt, indicators
from pactscope.assess.context import Ctx, cell, para, without_capability_data
from pactscope.assess.model import Chart, ChartData, Column, Provenance, Section, Table
from pactscope.ledger import load_ledger


def default_versus(ctx: Ctx, limit: int = 2, min_years: int = 2) -> list[str]:
    """The alliance leader, then the states the focus members met most often as state adversaries
    (at least ``min_years`` distinct years, outside the bloc), whatever their past or present membership."""
    frames = [ctx.frame("threats", state=iso, alliance=ctx.oid, years=ctx.years) for iso in ctx.focus]
    counts = (
        pl.concat(frames).filter(pl.col("counted")).drop_nulls("adversary").filter(~pl.col("adversary").is_in(ctx.bloc))
        .group_by("adversary").agg(pl.col("year").n_unique().alias("n"))
        .filter(pl.col("n") >= min_years).sort(["n", "adversary"], descending=[True, False])
    )
    return list(dict.fromkeys([*([ctx.leader] if ctx.leader else []), *counts["adversary"].head(limit).to_list()]))


NON_STATE = ("insurgency-or-terrorism", "spill-over")


def non_state_sources(oid: str) -> dict[str, list]:
    """States that the alliance's ledger cases name only as the place a non-state threat came from (role
    other, threat insurgency or spill-over), never as an adversary: state -> those cases."""
    out: dict[str, list] = {}
    adversaries = set()
    for c in load_ledger().cases_of(oid):
        for p in c.parties:
            if p.role.value == "adversary":
                adversaries.add(p.state)
            elif p.role.value == "other" and c.threat_type.value in NON_STATE:
                out.setdefault(p.state, []).append(c)
    return {s: cases for s, cases in out.items() if s not in adversaries}


def args_of(ctx: Ctx) -> dict:
    return {"states": ctx.bloc, "alliance": ctx.oid, "versus": ctx.versus or None, "years": ctx.nmc_years}


def _table(ctx: Ctx) -> Table:
    args = args_of(ctx)
    frame = ctx.frame("coalition", **args).filter(pl.col("year") == ctx.nmc_end)
    rows = []
    for r in frame.iter_rows(named=True):
        row = {"year": ctx.nmc_end, "group": r["group"]}
        v = {c: ctx.value("coalition", args, c, row, unit=u) for c, u in (
            ("cinc", "index"), ("milex", "usd_thousands"), ("milper", "thousands"), ("cinc_ratio", "ratio"),
            ("milex_ratio", "ratio"))}
        label = {"bloc": "the states on their own", "alliance": "the alliance", "versus": "compared state"}[r["kind"]]
        name = r["group"] if r["kind"] != "versus" else ctx.name(r["group"])
        rows.append([cell(f"{name} ({label})", emphasis=r["kind"] == "bloc"), cell(", ".join(r["states"])), cell(v["cinc"]),
                     cell(v["milex"]), cell(v["milper"]), cell(v["cinc_ratio"]), cell(v["milex_ratio"])])
    return Table(
        id="coalition", caption=f"Capabilities in {ctx.nmc_end}: the states on their own, {fmt.org(ctx.oid)}, and compared states",
        columns=[Column(key="group", label="Group"), Column(key="states", label="States"),
                 Column(key="cinc", label="CINC", numeric=True), Column(key="milex", label="Spending", numeric=True),
                 Column(key="milper", label="Personnel", numeric=True),
                 Column(key="cinc_ratio", label="Bloc ÷ group, CINC", numeric=True),
                 Column(key="milex_ratio", label="Bloc ÷ group, spending", numeric=True)],
        rows=rows,
        note="Below 1 the bloc of states is the weaker side on that measure. Sums leave out states without data.",
    )


def build(ctx: Ctx) -> Section:
    section = Section(
        id="alternatives", title="Alternatives",
        question=f"What would {fmt.listing([ctx.name(s) for s in ctx.bloc])} add up to on their own, beside "
        f"{fmt.org(ctx.oid)} and the states compared with them?",
    )
    if (empty := without_capability_data(ctx, section)) is not None:
        return empty
    args = args_of(ctx)
    members = set(ctx.frame("alliance_years", alliance=ctx.oid, years=str(ctx.today.year))
                  .filter(pl.col("member"))["iso3"].to_list())
    adversaries = set(pl.concat([ctx.frame("threats", state=iso, alliance=ctx.oid, years=ctx.years) for iso in ctx.focus])
                      .filter(pl.col("counted"))["adversary"].drop_nulls().to_list())
    non_state = non_state_sources(ctx.oid)
    outside = [v for v in ctx.versus if v not in members and v in adversaries and v not in non_state]
    frame = ctx.frame("coalition", **args)
    last = frame.filter((pl.col("year") == ctx.nmc_end) & pl.col("group").is_in(outside)).sort("cinc", descending=True, nulls_last=True)
    left = [v for v in ctx.versus if v in non_state]
    why = (f"{fmt.listing([ctx.name(v) for v in left])}: the ledger's cases name it only as the source of non-state threats "
           f"({fmt.listing(sorted({fmt.label(c.threat_type.value) for v in left for c in non_state[v]}))}), which CINC does not "
           "measure") if left else None
    if last.height:
        strongest = last["group"][0]
        ratio = ctx.value("coalition", args, "cinc_ratio", {"year": ctx.nmc_end, "group": strongest}, unit="ratio",
                          label=f"bloc CINC ÷ {strongest} CINC")
        ctx.indicator("bloc_vs_adversary", ratio, about=f"the bloc against {ctx.name(strongest)}", years=str(ctx.nmc_end),
                      caveat=f"left out: {why}" if why else None)
    else:
        ctx.indicator("bloc_vs_adversary", indicators.empty("ratio"), about="the bloc", years=str(ctx.nmc_end),
                      caveat=f"left out: {why}" if why else "no compared state outside the alliance was met as a state adversary")
    chosen = ("The compared states are the alliance's leader and the states the focus members met most often as state "
              "adversaries in the conflict data, whether or not they were ever members" if ctx.versus_default
              else "The compared states were chosen for this report")
    cols = ["year", "group", "kind", "cinc", "cinc_ratio"]
    chart = Chart(
        id="coalition-chart", title="Combined capability by year",
        description=f"Combined CINC of the bloc ({', '.join(ctx.bloc)}), of {fmt.org(ctx.oid)} members and of each compared state, "
        f"by year, on a logarithmic scale.",
        spec=charts.mark_data_ends(
            charts.coalition_chart(frame.select(cols), title="Combined CINC: bloc, alliance and compared states",
                                   names={"bloc": "the states on their own", ctx.oid: f"{ctx.oid} members",
                                          **{v: ctx.name(v) for v in ctx.versus}}),
            {"NMC": ctx.nmc_end}, (ctx.start, ctx.end)),
        data=[ChartData(name="coalition", parts=[Provenance(metric="coalition", args=args, column=cols, agg="rows")])],
        cites=ctx.cites.metric("coalition"),
    )
    section.blocks = [
        para(f"{chosen}: {fmt.listing([ctx.name(v) for v in ctx.versus]) or 'none'}. Capabilities are {data.label('cow_nmc')} sums",
             ctx.cites.metric("coalition"), "; a scenario adds up capabilities and says nothing about whether such a bloc "
             "would form or act together."),
        _table(ctx), chart,
    ]
    return section
