"""Who holds the power: concentration of capabilities and burden sharing, beside another alliance."""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.assess import charts, fmt, indicators
from pactscope.assess.context import Ctx, cell, para, without_capability_data
from pactscope.assess.model import (
    Chart,
    ChartData,
    Column,
    Heading,
    Provenance,
    Section,
    Table,
)
from pactscope.data import coverage

RECENT = 5  # years averaged for the burden indicator


def dominance_args(ctx: Ctx) -> dict:
    return {"alliances": [ctx.oid, ctx.compare], "years": ctx.nmc_years}


def find_leader(ctx: Ctx, alliance: str | None = None) -> str | None:
    """The member that holds the largest CINC share in the most years of the span (ties: the
    higher mean share); None without capability data."""
    if ctx.nmc_end < ctx.start:
        return None
    frame = ctx.frame("dominance", **dominance_args(ctx))
    leaders = (
        frame.filter((pl.col("alliance") == (alliance or ctx.oid)) & (pl.col("indicator") == "cinc"))
        .drop_nulls("leader").group_by("leader").agg(pl.len().alias("n"), pl.col("leader_share").mean().alias("m"))
        .sort(["n", "m", "leader"], descending=[True, True, False])
    )
    return leaders["leader"][0] if leaders.height else None


def _dominance_table(ctx: Ctx) -> tuple[Table, list]:
    args = dominance_args(ctx)
    rows, paragraphs = [], []
    for alliance in (ctx.oid, ctx.compare):
        last = {"alliance": alliance, "year": ctx.nmc_end, "indicator": "cinc"}
        picked = ctx.frame("dominance", **args).filter(
            (pl.col("alliance") == alliance) & (pl.col("year") == ctx.nmc_end) & (pl.col("indicator") == "cinc"))
        leader = picked["leader"][0] if picked.height else None
        share = ctx.value("dominance", args, "leader_share", last, unit="share", label="leader's CINC share")
        hhi = ctx.value("dominance", args, "hhi", last, unit="ratio", label="HHI")
        half = ctx.value("dominance", args, "members_to_half", last, label="members to half")
        spend = ctx.value("dominance", args, "leader_share", {**last, "indicator": "milex"}, unit="share",
                          label="largest spender's share")
        n = ctx.value("dominance", args, "n_members", last, label="members")
        lead_iso = find_leader(ctx, alliance)
        years = ctx.value("dominance", args, "year", {"alliance": alliance, "indicator": "cinc", "leader": lead_iso},
                          agg="count", label="years as leader") if lead_iso else None
        mean = ctx.value("dominance", args, "leader_share", {"alliance": alliance, "indicator": "cinc", "leader": lead_iso},
                         agg="mean", unit="share", label="mean share while leading") if lead_iso else None
        rows.append([cell(alliance, emphasis=alliance == ctx.oid), cell(n), cell(ctx.name(leader) if leader else fmt.DASH),
                     cell(share), cell(spend), cell(hhi), cell(half)])
        if lead_iso:
            paragraphs += [fmt.capital(fmt.the(ctx.name(lead_iso))), f" was the largest member by CINC in {fmt.org(alliance)} in ", years,
                           f" of the years {fmt.span(ctx.start, ctx.nmc_end)} with members, holding on average ", mean,
                           f" of the members' combined capability ({ctx.nmc_end}: ", share, "). "]
    table = Table(
        id="dominance", caption=f"Concentration of capabilities in {ctx.nmc_end}",
        columns=[Column(key="alliance", label="Alliance"), Column(key="n", label="Members", numeric=True),
                 Column(key="leader", label="Largest member (CINC)"), Column(key="share", label="Its CINC share", numeric=True),
                 Column(key="spend", label="Largest spender's share of spending", numeric=True),
                 Column(key="hhi", label="HHI (CINC)", numeric=True), Column(key="half", label="Members holding half", numeric=True)],
        rows=rows,
        note="HHI is the sum of squared shares: 1 when one member holds everything, 1/n for n equal members.",
    )
    return table, paragraphs


def _burden_table(ctx: Ctx) -> Table:
    rows = []
    entries = [(ctx.oid, iso) for iso in dict.fromkeys([*ctx.focus, *([ctx.leader] if ctx.leader else [])])]
    compare_leader = find_leader(ctx, ctx.compare)
    if compare_leader:
        entries.append((ctx.compare, compare_leader))
    for alliance, iso in entries:
        args = {"alliance": alliance, "years": ctx.nmc_years}
        row = {"iso3": iso, "year": ctx.nmc_end}
        if ctx.frame("burden", **args).filter((pl.col("iso3") == iso) & (pl.col("year") == ctx.nmc_end)).is_empty():
            continue
        v = {c: ctx.value("burden", args, c, row, unit=u) for c, u in (
            ("milex", "usd_thousands"), ("milex_share", "share"), ("cinc_share", "share"), ("tpop_share", "share"),
            ("ratio_cinc", "ratio"), ("ratio_tpop", "ratio"))}
        rows.append([cell(f"{ctx.name(iso)} ({alliance})", emphasis=iso in ctx.focus), cell(v["milex"]), cell(v["milex_share"]),
                     cell(v["cinc_share"]), cell(v["tpop_share"]), cell(v["ratio_cinc"]), cell(v["ratio_tpop"])])
        if alliance == ctx.oid and iso in ctx.focus:
            _power_indicators(ctx, iso, args)
    return Table(
        id="burden", caption=f"Burden sharing in {ctx.nmc_end}: each member's share of its alliance's military spending, "
        "capability and population",
        columns=[Column(key="state", label="Member"), Column(key="milex", label="Military spending", numeric=True),
                 Column(key="milex_share", label="Share of spending", numeric=True),
                 Column(key="cinc_share", label="Share of CINC", numeric=True),
                 Column(key="tpop_share", label="Share of population", numeric=True),
                 Column(key="ratio_cinc", label="Spending ÷ CINC share", numeric=True),
                 Column(key="ratio_tpop", label="Spending ÷ population share", numeric=True)],
        rows=rows,
        note="Above 1 a member spends more than its weight in the alliance, below 1 less. Shares here are over the members "
        "with spending, CINC and population data that year" + _left_out(ctx) + "; GDP is not bundled, so no GDP share is given.",
    )


def _left_out(ctx: Ctx) -> str:
    """Words naming the members without a complete NMC record in the last year, if any."""
    frame = ctx.frame("burden", alliance=ctx.oid, years=ctx.nmc_years)
    gaps = frame.filter((pl.col("year") == ctx.nmc_end) & (pl.col("flag") == "missing"))["iso3"].to_list()
    if not gaps:
        return ""
    return (f" ({ctx.nmc_end}: {fmt.listing([ctx.name(g) for g in gaps])} left out for missing figures, so these CINC "
            "shares differ from those over all members in the table above)")


def _power_indicators(ctx: Ctx, iso: str, bargs: dict) -> None:
    """Protection (own capability share, burden) and dependence (the largest other member's shares) of one member."""
    args = {"alliance": ctx.oid, "years": ctx.nmc_years}
    shares = ctx.frame("assess.shares.member_shares", **args)
    for column, rule, mirror in (("cinc_share", "capability_share", "leader_capability_share"),
                                 ("milex_share", None, "leader_spending_share")):
        known = shares.filter((pl.col("iso3") == iso) & pl.col(column).is_not_null()) if rule else shares.filter(
            pl.col(column).is_not_null())
        if not known.height:
            if rule:
                ctx.indicator(rule, indicators.empty("share"), state=iso)
            ctx.indicator(mirror, indicators.empty("share"), state=iso)
            continue
        year = known["year"].max()
        if rule:
            own = ctx.value("assess.shares.member_shares", args, column, {"iso3": iso, "year": year}, unit="share",
                            label=f"{iso} CINC share in {year}")
            ctx.indicator(rule, own, state=iso, about=ctx.name(iso), years=str(year))
        others = shares.filter((pl.col("year") == year) & (pl.col("iso3") != iso)).drop_nulls(column)
        if not others.height:
            ctx.indicator(mirror, indicators.empty("share"), state=iso)
            continue
        top = others.sort(column, descending=True)["iso3"][0]
        largest = ctx.value("assess.shares.member_shares", args, column, {"iso3": top, "year": year}, unit="share",
                            label=f"{top} {column.split('_')[0].upper()} share in {year}")
        ctx.indicator(mirror, largest, state=iso, about=f"{ctx.name(iso)}: {fmt.possessive(ctx.name(top))} share", years=str(year))
    first = max(ctx.start, ctx.nmc_end - RECENT + 1)
    recent = ctx.value("burden", bargs, "ratio_cinc", {"iso3": iso, "year": {"between": [first, ctx.nmc_end]}},
                       agg="mean", unit="ratio", label=f"mean over {fmt.span(first, ctx.nmc_end)}")
    ctx.indicator("burden_ratio", recent, state=iso, years=fmt.span(first, ctx.nmc_end))


def build(ctx: Ctx) -> Section:
    section = Section(
        id="power", title="Who holds the power",
        question=f"How concentrated are {fmt.org(ctx.oid)}'s material capabilities, who pays for defence, and how does that "
        f"compare with {fmt.org(ctx.compare)}?",
    )
    if (empty := without_capability_data(ctx, section)) is not None:
        return empty
    table, text = _dominance_table(ctx)
    args = dominance_args(ctx)
    cols = ["alliance", "year", "indicator", "leader", "leader_share", "hhi"]
    dom = Chart(
        id="dominance-chart", title="Largest member's share of capability",
        description=f"Share of the largest member in the combined CINC of {fmt.org(ctx.oid)} and {fmt.org(ctx.compare)} members, by year.",
        spec=charts.mark_data_ends(
            charts.dominance_chart(ctx.frame("dominance", **args).filter(pl.col("indicator") == "cinc").select(cols)),
            {"NMC": ctx.nmc_end}, (ctx.start, ctx.end)),
        data=[ChartData(name="dominance", parts=[Provenance(metric="dominance", args=args, column=cols,
                                                             row={"indicator": "cinc"}, agg="rows")])],
        cites=ctx.cites.metric("dominance"),
    )
    shown = list(dict.fromkeys([*ctx.focus, *([ctx.leader] if ctx.leader else [])]))
    bargs = {"alliance": ctx.oid, "years": ctx.nmc_years}
    bcols = ["iso3", "year", "ratio_cinc", "milex_share", "cinc_share"]
    bur = Chart(
        id="burden-chart", title="Spending against weight",
        description="Each selected member's share of the alliance's military spending divided by its share of CINC, by year; "
        "the dashed line at 1 marks spending in line with capability.",
        spec=charts.mark_data_ends(
            charts.burden_chart(ctx.frame("burden", **bargs).filter(pl.col("iso3").is_in(shown)).select(bcols),
                                states=shown, title=f"{ctx.oid}: military-spending share ÷ CINC share",
                                names={s: ctx.name(s) for s in shown}),
            {"NMC": ctx.nmc_end}, (ctx.start, ctx.end)),
        data=[ChartData(name="burden", parts=[Provenance(metric="burden", args=bargs, column=bcols,
                                                          row={"iso3": {"in": shown}}, agg="rows")])],
        cites=ctx.cites.metric("burden"),
    )
    section.blocks = [
        para(*text, ctx.cites.metric("dominance")), table, dom, Heading(text="Burden sharing"),
        para(f"Capability is the Composite Index of National Capability (CINC) of COW NMC {data.version('cow_nmc')}, "
             f"which ends in {coverage('cow_nmc')[1]}",
             ctx.cites.metric("burden"), "."),
        _burden_table(ctx), bur,
    ]
    return section
