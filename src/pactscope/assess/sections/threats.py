"""Threats it has faced: armed conflicts and militarized disputes, adversaries, allied adversaries."""

from __future__ import annotations

import re

import polars as pl

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
from pactscope.data import coverage

MIDS = {"in": ["gml", "cow"]}
MID_TABLES = ("gml_dirdisp", "cow_mid_dirdisps")


def _args(ctx: Ctx, iso: str) -> dict:
    return {"state": iso, "alliance": ctx.oid, "years": ctx.years}


def data_ends(ctx: Ctx) -> tuple[int, int]:
    """Last year of the UCDP and of the MID data within the report's span."""
    return min(ctx.end, coverage("ucdp_acd")[1]), min(ctx.end, max(coverage(t)[1] for t in MID_TABLES))


def _summary(ctx: Ctx) -> tuple[Table, list]:
    rows, paragraphs = [], []
    ucdp_end, mid_end = data_ends(ctx)
    for iso in ctx.states:
        args = _args(ctx, iso)
        v = lambda column, row, agg="n_unique", label=None, args=args: ctx.value("threats", args, column, row, agg, label=label)  # noqa: E731
        primary = v("year", {"source": "ucdp", "role": "primary"}, label="years as a primary party in an armed conflict")
        support = v("year", {"source": "ucdp", "role": "secondary"}, label="years supporting a side in another state's conflict")
        disputes = v("year", {"source": MIDS}, label="years with a militarized dispute")
        units = v(["conflict_id", "year"], {"source": MIDS}, label="dispute-years")
        adversaries = v("adversary", {"counted": True}, label="state adversaries")
        adv_years = v("year", {"counted": True, "adversary": {"not_null": True}}, label="years with a state adversary")
        pairs = v(["adversary", "year"], {"counted": True}, label="adversary-years")
        allied = v(["adversary", "year"], {"counted": True, "adversary_ally": True}, label="adversary-years with an ally")
        frame = ctx.frame("threats", **args)
        allied_names = frame.filter(pl.col("adversary_ally") & pl.col("counted")).get_column("adversary").unique().sort().to_list()
        rows.append([
            cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(primary), cell(support), cell(disputes), cell(units),
            cell(adversaries), cell(adv_years), cell(pairs), cell(allied),
            cell(fmt.listing([ctx.name(a) for a in allied_names]) or fmt.DASH),
        ])
        if iso in ctx.focus:
            share = ctx.derived("ratio", allied, pairs, "share", label="share of adversary-years against allies")
            few = f"rests on {pairs.value} adversary-years; " if pairs.value and pairs.value < indicators.FEW_CASES else ""
            ctx.indicator("allied_adversary_share", share, state=iso, support=[allied, pairs],
                          years=fmt.span(ctx.start, ucdp_end),
                          caveat=f"{few}militarized disputes end in {mid_end}, armed conflicts in {ucdp_end}")
            paragraphs.append(para(
                f"{ctx.name(iso)}, {fmt.span(ctx.start, ctx.end)}: calendar years as a primary party in an armed conflict ",
                primary, "; years supporting a side in another state's conflict (mostly abroad) ", support,
                f"; years with a militarized dispute (to {mid_end}) ", disputes, "; state adversaries ", adversaries,
                " in ", adv_years, " years (", pairs, " adversary-years, of which against a ", ctx.oid,
                " member of that year ", allied, ").",
            ))
    table = Table(
        id="threat-summary", caption=f"Conflicts and disputes of each state, {fmt.span(ctx.start, ctx.end)} (calendar years "
        "unless the column says otherwise)",
        columns=[
            Column(key="state", label="State"),
            Column(key="primary", label="Years as a primary party in an armed conflict (UCDP)", numeric=True),
            Column(key="support", label="Years supporting a side in another state's conflict (UCDP)", numeric=True),
            Column(key="mid", label="Years with a militarized dispute (MIDs)", numeric=True),
            Column(key="units", label="Dispute-years (one per dispute and year)", numeric=True),
            Column(key="adversaries", label="State adversaries", numeric=True),
            Column(key="adv_years", label="Years with a state adversary", numeric=True),
            Column(key="pairs", label="Adversary-years (one per adversary and year)", numeric=True),
            Column(key="allied", label=f"…adversary-years against a {ctx.oid} member that year", numeric=True),
            Column(key="allied_names", label=f"Adversaries that were {ctx.oid} members"),
        ],
        rows=rows,
        note=f"UCDP armed conflicts run to {ucdp_end} and militarized disputes to {mid_end} (GML through "
        f"{coverage('gml_dirdisp')[1]}, COW MID after it), so later years without a mark are years without data, not years "
        "of peace. A primary party is a government fighting on its territory or against another state; a supporter "
        "(UCDP secondary party) sends troops to help a side elsewhere, e.g. in Iraq, Afghanistan or Mali, and is shown "
        "apart. A state adversary counts when at least one of the two states was a primary party; two supporters on "
        "opposite sides of a third state's war are not counted as adversaries.",
    )
    return table, paragraphs


def _gw_name(code: int) -> str:
    from pactscope.codes import coded_state

    iso, name = coded_state(code, 2000, "gw")
    return name if iso else str(code)


def _participation_table(ctx: Ctx) -> Table:
    """Every UCDP conflict of the states with the role UCDP gives them and whether it counts as a threat."""
    rows = []
    for iso in ctx.states:
        frame = ctx.frame("threats", **_args(ctx, iso)).filter(pl.col("source") == "ucdp")
        groups = frame.sort("year").group_by("conflict_id", "role", "side", maintain_order=True).agg(
            pl.col("year").unique().sort(), pl.col("counted").any(),
            pl.col("adversary_name").filter(pl.col("adversary").is_not_null()).unique().sort(),
            pl.col("source_row").first())
        # a total order: one conflict can list a state on one side in some years and on both in others
        for r in groups.sort([pl.col("conflict_id"), pl.col("role"), pl.col("year").list.first(), pl.col("side")]).iter_rows(named=True):
            rows.append([
                cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(str(r["conflict_id"])),
                cell("primary party" if r["role"] == "primary" else "supporter (secondary party)"
                     + (", listed on both sides" if r["side"] == "both" else "")),
                cell(fmt.years(r["year"])), cell(", ".join(r["adversary_name"]) or fmt.DASH),
                cell("yes" if r["counted"] else "no: participation only"),
                cell(_ucdp_words(r["source_row"]), ctx.cites.dataset("ucdp_acd")),
            ])
    return Table(
        id="ucdp-roles", caption="Armed conflicts by UCDP role: own conflicts and participation in others'",
        columns=[Column(key="state", label="State"), Column(key="conflict", label="UCDP conflict"),
                 Column(key="role", label="Role"), Column(key="years", label="Years"),
                 Column(key="adversaries", label="State adversaries"), Column(key="counted", label="Counted as a threat"),
                 Column(key="row", label="UCDP sides (first year)")],
        rows=rows, note=None if rows else "No UCDP armed conflict of these states in the span.",
    )


def _ucdp_words(source_row: str, shown: int = 3) -> str:
    """A UCDP source row in words: GW codes as names, long supporter lists cut to the first few."""
    rest = source_row.partition(": ")[2]
    named = re.sub(r"\b(\d{1,3})\b", lambda m: _gw_name(int(m.group(1))), rest)

    def cut(m: re.Match) -> str:
        names = m.group(1).split(", ")
        more = f" and {len(names) - shown} others" if len(names) > shown else ""
        return f"(supporters {', '.join(names[:shown])}{more})"

    return re.sub(r"\(supporters ([^)]*)\)", cut, named)


def _adversary_table(ctx: Ctx) -> Table:
    rows = []
    for iso in ctx.states:
        args = _args(ctx, iso)
        frame = ctx.frame("threats", **args).drop_nulls("adversary")
        counted = frame.filter(pl.col("counted"))
        counts = counted.group_by("adversary", "adversary_name").agg(pl.col("year").n_unique().alias("n"))
        for r in counts.sort(["n", "adversary"], descending=[True, False]).iter_rows(named=True):
            row = {"adversary": r["adversary"], "counted": True}
            years = ctx.value("threats", args, "year", row, "n_unique", label="years")
            allied = ctx.value("threats", args, "year", {**row, "adversary_ally": True}, "n_unique", label="years as an ally")
            mine = counted.filter(pl.col("adversary") == r["adversary"])
            rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(r["adversary_name"]), cell(years),
                         cell(allied), cell(fmt.years(mine["year"].unique().to_list())), cell(_sources(mine))])
    return Table(
        id="adversaries", caption="State adversaries by number of calendar years in conflict or dispute",
        columns=[Column(key="state", label="State"), Column(key="adversary", label="Adversary"),
                 Column(key="years", label="Years", numeric=True),
                 Column(key="allied", label=f"…of which both were {ctx.oid} members", numeric=True),
                 Column(key="list", label="Which years"), Column(key="rows", label="Data rows behind it")],
        rows=rows,
        note="Pairs are derived once from each data row, so when A lists B as an adversary in a year, B lists A. "
        + ("" if rows else "No state adversary in the span."),
    )


def _sources(frame: pl.DataFrame) -> str:
    """The data rows behind an adversary pair: UCDP conflict ids and MID dispute numbers with their years."""
    parts = []
    for (source, cid), group in frame.group_by(["source", "conflict_id"], maintain_order=True):
        label = {"ucdp": "UCDP conflict", "gml": "GML dispute", "cow": "COW MID"}[source]
        parts.append((source, cid, f"{label} {cid} ({fmt.years(group['year'].unique().to_list())})"))
    return "; ".join(p[2] for p in sorted(parts))


def _chart(ctx: Ctx) -> Chart:
    cols = ["state", "year", "source", "conflict_id", "role", "adversary", "adversary_name", "adversary_ally"]
    parts = [Provenance(metric="threats", args=_args(ctx, iso), column=cols, agg="rows") for iso in ctx.states]
    rows = pl.concat([ctx.frame("threats", **p.args).select(cols) for p in parts])
    spec = charts.threat_timeline(rows, states=ctx.states, names={s: ctx.name(s) for s in ctx.states},
                                  title=f"Conflict and dispute years, {fmt.span(ctx.start, ctx.end)}",
                                  years=(ctx.start, ctx.end))
    ucdp_end, mid_end = data_ends(ctx)
    spec = charts.mark_data_ends(spec, {"UCDP": ucdp_end, "MIDs": mid_end})
    return Chart(
        id="threats-timeline", title="Conflicts and disputes by year",
        description="One mark per state, year and opponent: circles are UCDP armed-conflict years as a primary party, "
        "crosses years supporting a side in another state's conflict, triangles militarized-dispute years; orange marks "
        f"an opponent that was a {ctx.oid} member in that year. Dashed lines mark where the UCDP ({ucdp_end}) and MID "
        f"({mid_end}) data stop: no mark after them means no data, not peace.",
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
        blocks=[intro, *paragraphs, table, _chart(ctx), Heading(text="Armed conflicts by role"), _participation_table(ctx),
                Heading(text="Adversaries"), _adversary_table(ctx)],
    )
