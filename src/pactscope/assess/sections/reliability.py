"""Did the alliance come when called: ledger cases, case-based reliability, the war baseline."""

from __future__ import annotations

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
from pactscope.errors import BadArgument
from pactscope.ledger import get_organization, load_ledger

TRIGGERED = ("yes", "disputed", "no")


def _case_years(ctx: Ctx, iso: str | None = None) -> str:
    """The years of the alliance's cases (of one threatened state), as a span."""
    years = [c.start_date.year for c in load_ledger().cases_of(ctx.oid)
             if iso is None or any(p.state == iso and p.role.value in ("threatened", "both") for p in c.parties)]
    return fmt.span(min(years), max(years)) if years else ""


def _case_cites(ctx: Ctx, ids: list[str]) -> list[int]:
    cases = load_ledger().cases
    return ctx.cites.ledger(*(s for i in ids for s in cases[i].obligation.sources))


def _summary(ctx: Ctx) -> tuple[Table, dict]:
    args = {"alliance": ctx.oid}
    frame = ctx.frame("case_reliability", **args)
    rows, picked = [], {}
    for trig in TRIGGERED:
        row = {"member": "all", "triggered": trig}
        ids = frame.filter((pl.col("member") == "all") & (pl.col("triggered") == trig))["case_ids"]
        ids = ids[0].to_list() if ids.len() else []
        v = {c: ctx.value("case_reliability", args, c, row, unit=u)
             for c, u in (("cases", "count"), ("requests_made", "count"), ("assisted", "count"),
                          ("fulfilled", "count"), ("rate", "share"), ("low", "share"), ("high", "share"))}
        picked[trig] = v
        rows.append([cell(trig), cell(v["cases"]), cell(v["requests_made"]), cell(v["assisted"]),
                     cell(v["fulfilled"]) if trig == "yes" else cell(fmt.DASH),
                     *((cell(v["rate"]), cell(v["low"]), cell(v["high"])) if trig == "yes" else (cell(fmt.DASH),) * 3),
                     cell("coding sources" if ids else fmt.DASH, _case_cites(ctx, ids))])
    table = Table(
        id="case-reliability", caption=f"All {ctx.oid} cases in the ledger, by whether the obligation was triggered",
        columns=[Column(key="triggered", label="Obligation triggered (ledger coding)"),
                 Column(key="cases", label="Cases", numeric=True), Column(key="requests", label="Requests made", numeric=True),
                 Column(key="assisted", label="Military or material help", numeric=True),
                 Column(key="fulfilled", label="Fulfilled", numeric=True), Column(key="rate", label="Fulfilment rate", numeric=True),
                 Column(key="low", label="95% low (Wilson)", numeric=True),
                 Column(key="high", label="95% high", numeric=True), Column(key="sources", label="Sources")],
        rows=rows,
        note="A case is fulfilled when the obligation was triggered and the organization sent troops or material help; "
        "the rate is computed over triggered cases only, never pooled with disputed or untriggered ones.",
    )
    return table, picked


def _member_table(ctx: Ctx) -> Table:
    rows = []
    for iso in ctx.states:
        args = {"alliance": ctx.oid, "member": iso}
        try:
            ctx.frame("case_reliability", **args)
        except BadArgument:
            rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), *(cell(fmt.DASH) for _ in range(6))])
            if iso in ctx.focus:
                ctx.indicator("member_cases_assisted", indicators.empty("share"), state=iso)
            continue
        cases = ctx.value("case_reliability", args, "cases", {"member": iso}, agg="sum", label="cases")
        assisted = ctx.value("case_reliability", args, "assisted", {"member": iso}, agg="sum", label="assisted")
        requests = ctx.value("case_reliability", args, "requests_made", {"member": iso}, agg="sum", label="requests")
        split = [ctx.value("case_reliability", args, "cases", {"member": iso, "triggered": t}) for t in TRIGGERED]
        rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), *(cell(x) for x in split), cell(cases), cell(requests),
                     cell(assisted)])
        if iso in ctx.focus:
            share = ctx.derived("ratio", assisted, cases, "share", label="share of its cases with help")
            low = ctx.derived("wilson_low", assisted, cases, "share", label="95% low (Wilson)")
            high = ctx.derived("wilson_high", assisted, cases, "share", label="95% high (Wilson)")
            ctx.indicator("member_cases_assisted", share, state=iso, support=[low, high, cases], years=_case_years(ctx, iso))
    return Table(
        id="member-cases", caption="Cases in which each state was the threatened party",
        columns=[Column(key="state", label="State"),
                 *(Column(key=f"cases_{t}", label=f"Triggered: {t}", numeric=True) for t in TRIGGERED),
                 Column(key="cases", label="Cases", numeric=True), Column(key="requests", label="Requests made", numeric=True),
                 Column(key="assisted", label="Military or material help", numeric=True)],
        rows=rows, note="A dash: the state is not a threatened party in any case of the ledger.",
    )


def _case_rows(ctx: Ctx, focus_only: bool) -> Table:
    ledger = load_ledger()
    cases = sorted(ledger.cases_of(ctx.oid), key=lambda c: (c.start_date, c.id))
    rows = []
    for c in cases:
        threatened = [p.state for p in c.parties if p.role.value in ("threatened", "both")]
        mine = any(s in ctx.states for s in threatened)
        if focus_only != mine:
            continue
        req = c.request
        request = req.made.value + (f", {req.date.isoformat()}" if req.date else "") + (f", by {req.by}" if req.by else "")
        request += f", art. {req.article}" if req.article else ""
        actions = sorted({c.response.term.value, *(a.term.value for a in c.response.actions)})
        rows.append([
            cell(c.start_date.isoformat()), cell(c.title, ctx.cites.ledger(*c.sources[:1])),
            cell(fmt.listing([ctx.name(s) for s in threatened]) or fmt.DASH, emphasis=mine),
            cell(fmt.label(c.threat_type.value)), cell(request, ctx.cites.ledger(*req.sources)),
            cell(c.obligation.triggered.value, ctx.cites.ledger(*c.obligation.sources)),
            cell(f"{fmt.label(c.response.term.value)} (all: {', '.join(fmt.label(a) for a in actions)})",
                 ctx.cites.ledger(*c.response.sources)),
        ])
    who = "the states in this report" if focus_only else "other members"
    return Table(
        id="cases-focus" if focus_only else "cases-other", caption=f"{ctx.oid} cases involving {who}",
        columns=[Column(key="date", label="Start"), Column(key="case", label="Case"), Column(key="threatened", label="Threatened"),
                 Column(key="type", label="Threat"), Column(key="request", label="Request for help"),
                 Column(key="triggered", label="Obligation triggered"), Column(key="response", label="Strongest response")],
        rows=rows, note=None if rows else "None in the ledger.",
    )


def _timeline(ctx: Ctx) -> Chart:
    cols = ["id", "title", "start_date", "threatened", "response", "obligation_triggered"]
    prov = Provenance(metric="ledger.cases_frame", args={"org": ctx.oid}, column=cols, agg="rows")
    frame = ctx.frame("ledger.cases_frame", org=ctx.oid).select(cols)
    return Chart(
        id="case-timeline", title=f"{ctx.oid} cases over time",
        description=f"Each {ctx.oid} case in the ledger by start date and threatened member; colour is the strongest "
        "response and shape the ledger's coding of whether the obligation was triggered.",
        spec=charts.case_timeline(frame, title=f"{ctx.oid} cases by threatened member"),
        data=[ChartData(name="cases", parts=[prov])],
        cites=ctx.cites.ledger(*(s for c in load_ledger().cases_of(ctx.oid) for s in c.sources[:1])),
    )


def _war(ctx: Ctx) -> tuple[Table, dict]:
    rows, picked = [], {}
    for group, level, label in (("overall", "all", "all obligations"), ("type", "defense", "defence pledges"),
                                ("era", "post-1945", "entries after 1945")):
        row = {"group": group, "level": level}
        v = {c: ctx.value("war_reliability", {}, c, row, unit=u)
             for c, u in (("n", "count"), ("fulfilled", "count"), ("rate", "share"), ("ci_low", "share"), ("ci_high", "share"))}
        picked[level] = v
        rows.append([cell(label), cell(v["n"]), cell(v["fulfilled"]), cell(v["rate"]), cell(v["ci_low"]), cell(v["ci_high"])])
    table = Table(
        id="war-baseline", caption="Historical baseline: ATOP obligations honoured when an ally went to war, 1816-2007",
        columns=[Column(key="what", label="Obligations"), Column(key="n", label="Applicable", numeric=True),
                 Column(key="fulfilled", label="Honoured", numeric=True), Column(key="rate", label="Rate", numeric=True),
                 Column(key="low", label="95% low (Wilson)", numeric=True), Column(key="high", label="95% high", numeric=True)],
        rows=rows,
        note="All alliances in ATOP v4.01 and all COW inter-state wars, after Leeds, Long and Mitchell (2000); coding "
        "rules in docs/reliability-war.md. This is context from other alliances, not a record of this one.",
    )
    return table, picked


def _own_war_record(ctx: Ctx) -> list:
    """The alliance's own ATOP records in COW inter-state wars (empty when it has no ATOP record)."""
    if not get_organization(ctx.oid).atop_ids:
        return []
    args = {"alliance": ctx.oid}
    n = {lv: ctx.value("war_reliability", args, "n", {"group": g, "level": lv}) for g, lv in
         (("overall", "all"), ("type", "defense"), ("type", "nonagg"))}
    if not n["all"].value:
        return [para(f"None of {fmt.org(ctx.oid)}'s ATOP records met an inter-state war in the COW data "
                     "(which end in 2003)", ctx.cites.metric("war_reliability"), ".")]
    kept = {lv: ctx.value("war_reliability", args, "fulfilled", {"group": g, "level": lv}) for g, lv in
            (("overall", "all"), ("type", "defense"), ("type", "nonagg"))}
    owner = fmt.org(ctx.oid)
    return [para(f"{owner[:1].upper()}{owner[1:]}'s own ATOP records in COW inter-state wars (to 2003): ", n["all"],
                 " obligations applied and ", kept["all"], " were honoured; of them, defence pledges ", kept["defense"],
                 " of ", n["defense"], ", non-aggression pledges ", kept["nonagg"], " of ", n["nonagg"],
                 ctx.cites.metric("war_reliability"), ".")]


def _no_cases(ctx: Ctx) -> Section:
    war, wpicked = _war(ctx)
    d = wpicked["defense"]
    ctx.indicator("case_fulfilment", indicators.empty("share"))
    for iso in ctx.focus:
        ctx.indicator("member_cases_assisted", indicators.empty("share"), state=iso)
    ctx.indicator("war_defence_baseline", d["rate"], support=[d["ci_low"], d["ci_high"], d["n"]],
                  about="all ATOP alliances, 1816-2007")
    return Section(
        id="reliability", title="Did the alliance come when called",
        question=f"When a member's security was at stake, did it ask {fmt.org(ctx.oid)} for help?",
        blocks=[para(f"The ledger records no case for {fmt.org(ctx.oid)}, so this section has only the historical baseline."),
                Heading(text="Baseline from the history of alliances in war"), war, *_own_war_record(ctx)],
    )


def build(ctx: Ctx) -> Section:
    if not load_ledger().cases_of(ctx.oid):
        return _no_cases(ctx)
    summary, picked = _summary(ctx)
    yes = picked["yes"]
    ctx.indicator("case_fulfilment", yes["rate"], support=[yes["low"], yes["high"], yes["cases"]], years=_case_years(ctx))
    total = ctx.value("ledger.cases_frame", {"org": ctx.oid}, "id", {}, agg="count", label="cases")
    if yes["cases"].value:
        rate = para("Cases coded as triggering the obligation: ", yes["cases"], "; fulfilled: ", yes["fulfilled"], " (",
                    yes["rate"], ", 95% interval ", yes["low"], "–", yes["high"], "). Coded as disputed: ",
                    picked["disputed"]["cases"], "; as not triggered: ", picked["no"]["cases"], ".")
    else:
        rate = para("No case is coded as triggering the obligation, so no fulfilment rate can be computed. Coded as "
                    "disputed: ", picked["disputed"]["cases"], "; as not triggered: ", picked["no"]["cases"], ".")
    intro = para("The ledger records ", total, f" {ctx.oid} cases in which a member's security was at stake. ", *rate.runs)
    war, wpicked = _war(ctx)
    d = wpicked["defense"]
    ctx.indicator("war_defence_baseline", d["rate"], support=[d["ci_low"], d["ci_high"], d["n"]],
                  about="all ATOP alliances, 1816-2007")
    return Section(
        id="reliability", title="Did the alliance come when called",
        question=f"When a member's security was at stake, did it ask {fmt.org(ctx.oid)} for help, was the obligation "
        "triggered, and how did the organization respond?",
        blocks=[intro, _case_rows(ctx, True), _member_table(ctx), _timeline(ctx), Heading(text="All cases of the alliance"),
                summary, _case_rows(ctx, False), Heading(text="Baseline from the history of alliances in war"),
                para("Across alliances and wars since 1816, ", d["n"], " defence pledges applied and ", d["rate"],
                     " were honoured", ctx.cites.metric("war_reliability"), "."), war, *_own_war_record(ctx)],
    )
