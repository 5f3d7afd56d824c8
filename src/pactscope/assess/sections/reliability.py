"""Did the alliance come when called: ledger cases, case-based reliability, the war baseline."""

from __future__ import annotations

import polars as pl

from pactscope.assess import charts, fmt, indicators
from pactscope.assess.context import Ctx, cell, para
from pactscope.assess.model import (
    Chart,
    ChartData,
    Column,
    Details,
    Heading,
    Provenance,
    Section,
    Table,
)
from pactscope.data import coverage
from pactscope.errors import BadArgument
from pactscope.ledger import get_organization, load_ledger

TRIGGERED = ("yes", "disputed", "no")


PRESET_END = {"llm2000": 1944}  # not-a-data-year: the last year of Leeds, Long and Mitchell's study
PUBLISHED = {"bf2018": "Berkemeier and Fuhrmann (2018)", "llm2000": "Leeds, Long and Mitchell (2000)"}  # not-a-data-year


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


def _cases(ctx: Ctx, focus_only: bool) -> list:
    """The alliance's cases of the report's states (or of the other members)."""
    cases = sorted(load_ledger().cases_of(ctx.oid), key=lambda c: (c.start_date, c.id))
    out = []
    for c in cases:
        threatened = [p.state for p in c.parties if p.role.value in ("threatened", "both")]
        if focus_only == any(s in ctx.states for s in threatened):
            out.append((c, threatened))
    return out


def _case_rows(ctx: Ctx, focus_only: bool) -> Table:
    rows = []
    for c, threatened in _cases(ctx, focus_only):
        req = c.request
        request = req.made.value + (f", {req.date.isoformat()}" if req.date else "") + (f", art. {req.article}" if req.article else "")
        rows.append([
            cell(c.start_date.isoformat()),
            cell(f"{c.title} ({fmt.label(c.threat_type.value)})", ctx.cites.ledger(*c.sources[:1])),
            cell(fmt.listing([ctx.name(s) for s in threatened]) or fmt.DASH, emphasis=focus_only),
            cell(request, ctx.cites.ledger(*req.sources)),
            cell(c.obligation.triggered.value + (" (disputed points below)" if c.disputed_points else ""),
                 ctx.cites.ledger(*c.obligation.sources)),
            cell(fmt.label(c.response.term.value), ctx.cites.ledger(*c.response.sources)),
            cell(c.confidence.value),
        ])
    who = "the states in this report" if focus_only else "other members"
    return Table(
        id="cases-focus" if focus_only else "cases-other", caption=f"{ctx.oid} cases involving {who}",
        columns=[Column(key="date", label="Start"), Column(key="case", label="Case (threat)"),
                 Column(key="threatened", label="Threatened"), Column(key="request", label="Request for help"),
                 Column(key="triggered", label="Obligation triggered"), Column(key="response", label="Strongest response"),
                 Column(key="confidence", label="Coding confidence")],
        rows=rows, note=None if rows else "None in the ledger.",
    )


def _case_details(ctx: Ctx) -> list[Details]:
    """Each case of the report's states in full: summary, territory, request, coding, response, outcome,
    disputed points and confidence (folded in the HTML)."""
    out = []
    for c, _threatened in _cases(ctx, True):
        req = c.request
        actions = ", ".join(fmt.label(t.value) for t in c.response.terms) or fmt.label(c.response.term.value)
        items = [
            para("Summary: ", c.summary, ctx.cites.ledger(*c.sources)),
            para(f"Territory: {fmt.label(c.territory.value)}" + (f" ({c.territory_note.rstrip('.')})" if c.territory_note else "") + "."),
            para(f"Request for help: {req.made.value}" + (f", {req.date.isoformat()}" if req.date else "")
                 + (f", by {req.by}" if req.by else "") + (f", under article {req.article}" if req.article else "")
                 + (f". {req.summary}" if getattr(req, "summary", None) else "."), ctx.cites.ledger(*req.sources)),
            para(f"Obligation triggered (ledger coding): {c.obligation.triggered.value}. {c.obligation.reason}",
                 ctx.cites.ledger(*c.obligation.sources)),
            para(f"Response ({actions}): {c.response.summary}", ctx.cites.ledger(*c.response.sources)),
            para(f"Outcome: {c.outcome}"),
            *(para(f"Disputed: {d}") for d in c.disputed_points),
            para(f"Confidence of the coding: {c.confidence.value}."
                 + "".join(f" Revised {r.date.isoformat()}: {r.field} {r.old} → {r.new} ({r.reason})." for r in c.revisions)),
        ]
        disputed = f", {len(c.disputed_points)} disputed point{'s' if len(c.disputed_points) != 1 else ''}" if c.disputed_points else ""
        out.append(Details(id=f"case-{c.id}", title=f"{c.start_date.isoformat()} {c.title}: coding "
                           f"{c.obligation.triggered.value}, confidence {c.confidence.value}{disputed}", items=items))
    return out


def _timeline(ctx: Ctx) -> Chart:
    cols = ["id", "title", "start_date", "threatened", "response", "obligation_triggered"]
    prov = Provenance(metric="ledger.cases_frame", args={"alliance": ctx.oid}, column=cols, agg="rows")
    frame = ctx.frame("ledger.cases_frame", alliance=ctx.oid).select(cols)
    return Chart(
        id="case-timeline", title=f"{ctx.oid} cases over time",
        description=f"Each {ctx.oid} case in the ledger by start date and threatened member; colour is the strongest "
        "response and shape the ledger's coding of whether the obligation was triggered.",
        spec=charts.case_timeline(frame, title=f"{ctx.oid} cases by threatened member"),
        data=[ChartData(name="cases", parts=[prov])],
        cites=ctx.cites.ledger(*(s for c in load_ledger().cases_of(ctx.oid) for s in c.sources[:1])),
    )


WAR_ROWS = (("bf2018", "overall", "all"), ("bf2018", "era", "pre-1945"), ("bf2018", "era", "post-1945"),  # not-a-data-year
            ("llm2000", "overall", "all"))
RECORD = "metrics.reliability_war.alliance_war_record"


def _era(level: str) -> str:
    return level.replace("pre-", "before ").replace("post-", "after ")


def _war(ctx: Ctx) -> tuple[Table, dict]:
    """Our war x alliance rates beside the published figure each preset reproduces."""
    rows, picked = [], {}
    first, last = coverage("cow_war_inter")
    for preset, group, level in WAR_ROWS:
        args = {"preset": preset}
        row = {"group": group, "level": level}
        v = {c: ctx.value("war_reliability", args, c, row, unit=u, label=label)
             for c, u, label in (("n", "count", "cases"), ("fulfilled", "count", "honoured"), ("rate", "share", "rate"),
                                 ("ci_low", "share", "95% low"), ("ci_high", "share", "95% high"),
                                 ("published_rate", "share", "published rate"))}
        picked[(preset, level)] = v
        source = ctx.frame("metrics.reliability_war.war_published", preset=preset)["published_source"][0]
        what = f"cases {_era(level)}" if group == "era" else f"all cases, {first}–{PRESET_END.get(preset, last)}"
        rows.append([cell(what), cell(v["n"]), cell(v["fulfilled"]), cell(v["rate"]), cell(v["ci_low"]), cell(v["ci_high"]),
                     cell(v["published_rate"]), cell(source)])
    table = Table(
        id="war-baseline", caption="Historical baseline: alliances that honoured their pledges when a member went to war, "
        f"all ATOP alliances and COW inter-state wars, {first}–{last}",
        columns=[Column(key="what", label="War × alliance cases"), Column(key="n", label="Applicable", numeric=True),
                 Column(key="fulfilled", label="Honoured", numeric=True), Column(key="rate", label="Rate", numeric=True),
                 Column(key="low", label="95% low (Wilson)", numeric=True), Column(key="high", label="95% high", numeric=True),
                 Column(key="published", label="Published figure", numeric=True), Column(key="source", label="Published in")],
        rows=rows,
        note="One case per war and alliance with a member in the war, as in the studies named; our counts differ from "
        "theirs because ATOP and COW versions and some coding choices differ (docs/reliability-war.md). This is context "
        "from other alliances, not a record of this one.",
    )
    return table, picked


def _own_war_record(ctx: Ctx) -> list:
    """The alliance's own ATOP records in COW inter-state wars, each war named (empty without ATOP records)."""
    if not get_organization(ctx.oid).atop_ids:
        return []
    args = {"alliance": ctx.oid}
    last = coverage("cow_war_inter")[1]
    record = ctx.frame(RECORD, **args)
    applied = record.filter(pl.col("result") != "not applicable")
    owner = fmt.capital(fmt.org(ctx.oid))
    if not applied.height:
        return [para(f"{owner}'s ATOP records met no inter-state war in which a pledge applied in the COW data (which end "
                     f"in {last})", ctx.cites.metric("war_reliability"), ".")]
    n = ctx.value(RECORD, args, "war", {"result": {"in": ["honoured", "violated"]}}, agg="count", label="cases")
    kept = ctx.value(RECORD, args, "war", {"result": "honoured"}, agg="count", label="honoured")
    rows = [[cell(f"{r['war']} (COW war {r['cowwar']})"), cell(str(r["year"])), cell(fmt.label(r["obligation"])),
             cell(r["result"]), cell(r["reason"] or fmt.DASH),
             cell(fmt.listing([ctx.name(_iso(c, r["year"])) for c in (r["members_at_war"] or "").split()]))]
            for r in applied.sort("year").iter_rows(named=True)]
    table = Table(
        id="own-war-record", caption=f"{owner}'s own ATOP records in COW inter-state wars (to {last})",
        columns=[Column(key="war", label="War"), Column(key="year", label="Year"), Column(key="obligation", label="Pledge"),
                 Column(key="result", label="Result"), Column(key="reason", label="Why"),
                 Column(key="members", label="Members at war")],
        rows=rows,
    )
    wars = fmt.listing([f"{r['war']} (COW war {r['cowwar']}, {r['year']})" for r in applied.iter_rows(named=True)])
    cases = "the case is" if applied.height == 1 else "the cases are"
    return [para(f"{owner}'s own record in these data: ", kept, " of ", n, f" honoured; {cases} {wars}",
                 ctx.cites.metric("war_reliability"), "."), table]


def _iso(ccode: str, year: int) -> str | None:
    from pactscope.codes import coded_state

    return coded_state(int(ccode), year, "cow")[0] if ccode.isdigit() else None


def _baseline(ctx: Ctx, wpicked: dict) -> None:
    """The war baseline indicator: the rate for the era the alliance was founded in."""
    era = "post-1945" if ctx.org.founded.year >= 1945 else "pre-1945"  # not-a-data-year: the studies' era boundary
    d = wpicked[("bf2018", era)]
    ctx.indicator("war_defence_baseline", d["rate"], support=[d["ci_low"], d["ci_high"], d["n"]],
                  about=f"all ATOP alliances, cases {_era(era)}", years=f"cases {_era(era)}",
                  caveat=f"published figure {d['published_rate'].text}; all eras {wpicked[('bf2018', 'all')]['rate'].text}")


def _no_cases(ctx: Ctx) -> Section:
    war, wpicked = _war(ctx)
    ctx.indicator("case_fulfilment", indicators.empty("share"))
    for iso in ctx.focus:
        ctx.indicator("member_cases_assisted", indicators.empty("share"), state=iso)
    _baseline(ctx, wpicked)
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
    triggered = [c for c in load_ledger().cases_of(ctx.oid) if c.obligation.triggered.value == "yes"]
    disputed = "; ".join(f"{c.title} ({c.start_date.year}) has {len(c.disputed_points)} disputed points in the ledger"
                         for c in triggered if c.disputed_points)
    ctx.indicator("case_fulfilment", yes["rate"], support=[yes["low"], yes["high"], yes["cases"]], years=_case_years(ctx),
                  caveat=disputed or None)
    total = ctx.value("ledger.cases_frame", {"alliance": ctx.oid}, "id", {}, agg="count", label="cases")
    if yes["cases"].value:
        few = yes["cases"].value < indicators.FEW_CASES
        rests = f" This rate rests on {'one case' if yes['cases'].value == 1 else str(yes['cases'].value) + ' cases'}." if few else ""
        rate = para("Cases coded as triggering the obligation: ", yes["cases"], "; fulfilled: ", yes["fulfilled"], " (",
                    yes["rate"], ", 95% interval ", yes["low"], "–", yes["high"], ")." + rests + " Coded as disputed: ",
                    picked["disputed"]["cases"], "; as not triggered: ", picked["no"]["cases"], ".")
    else:
        rate = para("No case is coded as triggering the obligation, so no fulfilment rate can be computed. Coded as "
                    "disputed: ", picked["disputed"]["cases"], "; as not triggered: ", picked["no"]["cases"], ".")
    intro = para("The ledger records ", total, f" {ctx.oid} cases in which a member's security was at stake. ", *rate.runs)
    war, wpicked = _war(ctx)
    _baseline(ctx, wpicked)
    d = wpicked[("bf2018", "all")]
    return Section(
        id="reliability", title="Did the alliance come when called",
        question=f"When a member's security was at stake, did it ask {fmt.org(ctx.oid)} for help, was the obligation "
        "triggered, and how did the organization respond?",
        blocks=[intro, _case_rows(ctx, True), Heading(text="Each case in full"), *_case_details(ctx), _member_table(ctx),
                _timeline(ctx), Heading(text="All cases of the alliance"),
                summary, _case_rows(ctx, False), Heading(text="Baseline from the history of alliances in war"),
                para("Across COW inter-state wars and ATOP alliances, ", d["n"], " war × alliance cases applied and ",
                     d["rate"], " were honoured (", PUBLISHED["bf2018"], " report ", d["published_rate"], "; ",
                     PUBLISHED["llm2000"], " report ", wpicked[("llm2000", "all")]["published_rate"],
                     f" for the years to {PRESET_END['llm2000']})",
                     ctx.cites.metric("war_reliability"), "."), war, *_own_war_record(ctx)],
    )
