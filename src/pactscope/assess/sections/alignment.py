"""Alignment and its costs: UN voting with the alliance leader and other powers; other alliances."""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.assess import charts, fmt, indicators
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
from pactscope.errors import BadArgument
from pactscope.ledger import load_ledger
from pactscope.metrics.alignment import vote_series_years

POWERS = ["RUS", "CHN", "USA", "TUR", "EU"]
RECENT = 5


def others_for(ctx: Ctx, iso: str) -> list[str]:
    """The leader first, then the other powers, without the state itself."""
    return [o for o in dict.fromkeys([*([ctx.leader] if ctx.leader else []), *POWERS]) if o != iso]


def _years(ctx: Ctx) -> list[int]:
    """The report's years that a UN vote series covers: Voeten through its last year, the UN Digital
    Library after (``series="auto"``)."""
    return list(range(max(ctx.start, vote_series_years()[0]), min(ctx.end, ctx.un_end) + 1))


def _series_in(frame: pl.DataFrame, lo: int, hi: int) -> list[str]:
    """The ``series`` values of a frame's rows with common votes in years lo-hi."""
    picked = frame.filter(pl.col("year").is_between(lo, hi) & (pl.col("n_common") > 0))
    return sorted(set(picked["series"].to_list()))


def _series_text(frame: pl.DataFrame) -> str:
    """Which series covers which years, from the rows with votes ("Voeten series <first>–<last>, UN
    Digital Library <first>–<last>")."""
    rows = frame.filter(pl.col("n_common") > 0)
    parts = []
    for label, rule in (("Voeten series", pl.col("series") == "voeten"), ("UN Digital Library", pl.col("series") != "voeten")):
        years = rows.filter(rule)["year"]
        if years.len():
            parts.append(f"{label} {fmt.span(int(years.min()), int(years.max()))}")
    return ", ".join(parts)


def _label(ctx: Ctx, other: str) -> str:
    return "EU members (mean)" if other == "EU" else ctx.name(other)


def _margin(ctx: Ctx, iso: str, args: dict, present: list[str], recent: list[int], cites: list[int]) -> None:
    """Agreement with the leader against the other power the state agrees with most (each power kept separately)."""
    rows = {"year": {"between": recent}}
    means = {o: ctx.value("alignment_with", args, "agree_share", {"other": o, **rows}, agg="mean", unit="share",
                          label=f"agreement with {_label(ctx, o)}, {fmt.span(*recent)}", metric_cites=False, cites=cites)
             for o in present}
    others = {o: v for o, v in means.items() if o != ctx.leader and v.value is not None}
    if not others or means[ctx.leader].value is None:
        ctx.indicator("leader_vote_margin", indicators.empty("difference"), state=iso, years=fmt.span(*recent))
        return
    closest = max(others, key=lambda o: others[o].value)
    margin = ctx.derived("difference", means[ctx.leader], others[closest], "difference",
                         label=f"{ctx.leader} minus {closest}")
    each = ", ".join(f"{_label(ctx, o)} {v.text}" for o, v in sorted(means.items(), key=lambda kv: -(kv[1].value or 0)))
    ctx.indicator("leader_vote_margin", margin, state=iso, support=list(means.values()), years=fmt.span(*recent),
                  about=f"{ctx.name(iso)}: {ctx.name(ctx.leader)} against {_label(ctx, closest)}",
                  caveat=f"agreement with each power: {each}")


def _vote_table(ctx: Ctx, years: list[int]) -> tuple[Table, list[Chart]]:
    rows, chart_list, spans = [], [], []
    recent = [max(years[0], years[-1] - RECENT + 1), years[-1]]
    for iso in ctx.states:
        others = others_for(ctx, iso)
        args = {"state": iso, "others": others, "years": years, "series": "auto"}
        try:
            frame = ctx.frame("alignment_with", **args)
        except BadArgument:
            continue
        present = set(frame["other"].to_list())
        cites_full = ctx.cites.vote_series(_series_in(frame, years[0], years[-1]))
        cites_recent = ctx.cites.vote_series(_series_in(frame, *recent))
        spans.append(_series_text(frame))
        for other in others:
            if other not in present:
                continue
            full = ctx.value("alignment_with", args, "agree_share", {"other": other}, agg="mean", unit="share",
                             metric_cites=False, cites=cites_full)
            late = ctx.value("alignment_with", args, "agree_share", {"other": other, "year": {"between": recent}},
                             agg="mean", unit="share", metric_cites=False, cites=cites_recent)
            kappa = ctx.value("alignment_with", args, "kappa", {"other": other, "year": {"between": recent}},
                              agg="mean", unit="ratio", metric_cites=False, cites=cites_recent)
            lead = other == ctx.leader
            rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus),
                         cell(_label(ctx, other) + (f" ({ctx.oid} leader)" if lead else "")), cell(full), cell(late), cell(kappa)])
        if iso in ctx.focus and ctx.leader and ctx.leader != iso and ctx.leader in present:
            _margin(ctx, iso, args, [o for o in others if o in present], recent, cites_recent)
        cols = ["state", "other", "year", "agree_share", "n_common", "series"]
        chart_list.append(Chart(
            id=f"alignment-{iso.lower()}", title=f"{ctx.name(iso)}: UN vote agreement",
            description=f"Share of UN General Assembly roll calls on which {ctx.name(iso)} voted as each other state did, "
            f"by year, {fmt.span(years[0], years[-1])}.",
            spec=charts.mark_data_ends(charts.alignment_chart(frame.select(cols), state=ctx.name(iso), names={
                o: _label(ctx, o) + (f" ({ctx.oid} leader)" if o == ctx.leader else "") for o in others}),
                {"UN votes": years[-1]}, (years[0], ctx.end)),
            data=[ChartData(name=f"alignment-{ctx.name(iso)}", parts=[Provenance(metric="alignment_with", args=args,
                                                                                  column=cols, agg="rows")])],
            cites=cites_full,
        ))
    which = max(set(spans), key=spans.count) if spans else ""
    table = Table(
        id="alignment", caption=f"UN General Assembly vote agreement, {fmt.span(years[0], years[-1])}"
        + (f" ({which})" if which else ""),
        columns=[Column(key="state", label="State"), Column(key="other", label="Voting with"),
                 Column(key="full", label=f"Agreement, {fmt.span(years[0], years[-1])}", numeric=True),
                 Column(key="recent", label=f"Agreement, {fmt.span(*recent)}", numeric=True),
                 Column(key="kappa", label=f"Cohen's kappa, mean of yearly values, {fmt.span(*recent)}", numeric=True)],
        rows=rows,
        note="Agreement is the mean over years of the share of roll calls on which both states cast the same vote; "
        "kappa, computed for each year and then averaged, corrects it for the agreement expected by chance. The EU row is the mean over the EU member states of each year. "
        f"Each year comes from one series: the Voeten series through {vote_series_years()[1]}, the UN Digital Library after "
        "(the series column of each chart's data names it). The Library counts adopted resolutions only, Voeten also "
        "amendment and paragraph votes, so a step at the switch may come from the data rather than the votes.",
    )
    return table, chart_list


def _ties_table(ctx: Ctx) -> Table:
    ledger = load_ledger()
    rows = []
    for iso in ctx.states:
        for oid in sorted(ledger.spells):
            if oid == ctx.oid:
                continue
            for s in sorted((s for s in ledger.spells[oid] if s.state == iso), key=lambda s: s.start):
                rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(oid), cell(s.status.value),
                             cell(s.start.isoformat()), cell(s.end.isoformat() if s.end else "to date", ctx.spell_cites([s]))])
    return Table(
        id="other-ties", caption="Membership of the other organizations in the ledger",
        columns=[Column(key="state", label="State"), Column(key="org", label="Organization"), Column(key="status", label="Status"),
                 Column(key="from", label="From"), Column(key="until", label="Until")],
        rows=rows, note=None if rows else "No other organization in the ledger lists these states.",
    )


def build(ctx: Ctx) -> Section:
    section = Section(
        id="alignment", title="Alignment and its costs",
        question=f"How closely does each state vote with {fmt.org(ctx.oid)}'s leader and with other powers, and which other "
        "alliances and partnerships does it keep?",
    )
    years = _years(ctx)
    blocks = []
    if ctx.leader:
        blocks.append(para(
            f"The leader is taken to be the member with the largest CINC share in the most years of the span: "
            f"{ctx.name(ctx.leader)}", ctx.cites.metric("dominance"), f". UN votes come from Voeten, Strezhnev and Bailey's "
            f"General Assembly data ({data.version('un_votes')}) through its last full year, {vote_series_years()[1]}",
            ctx.cites.dataset("un_votes"), f", and after it from the UN Digital Library's voting records, to {vote_series_years()[2]}",
            ctx.cites.vote_series(["undl", "3dl"]), "; each year comes from one series.",
        ))
    if years:
        table, chart_list = _vote_table(ctx, years)
        blocks += [table, *chart_list]
    else:
        blocks.append(para("The UN voting data do not cover these years."))
    now = ctx.frame("coalition_overlap", states=ctx.states, years=ctx.today.year)
    lines = []
    for r in now.iter_rows(named=True):
        ties = ", ".join(r["alliances"]) or "none"
        other = f" (also {', '.join(r['other_ties'])})" if r["other_ties"] else ""
        lines.append(f"{ctx.name(r['state'])}: {ties}{other}")
    blocks += [Heading(text="Other alliances and partnerships"),
               para(f"Ledger organizations each state belongs to in {ctx.today.year} (as member or frozen member; "
                    "other ties in brackets): ",
                    "; ".join(lines), ".", ctx.cites.metric("coalition_overlap")),
               _ties_table(ctx)]
    section.blocks = blocks
    return section

