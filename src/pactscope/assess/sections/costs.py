"""What membership costs and what it brings since Russia's full-scale invasion of Ukraine: votes on
Ukraine, UN alignment before and after the invasion, military spending against GDP, democracy scores,
Russia's military footprint.

Numbers only, each with its source and data end year; the readings live in the balance table.
"""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.assess import charts, fmt
from pactscope.assess.context import Ctx, cell, para
from pactscope.assess.model import Chart, ChartData, Column, Heading, Provenance, Section, Table
from pactscope.metrics.alignment import INVASION
from pactscope.metrics.spending import sipri_last_year

POWERS = ["RUS", "CHN", "USA", "EU", "TUR"]
VOTE_POWERS = ("RUS", "USA", "CHN")
YEARS_BEFORE = 8  # yearly charts start this many years before the invasion, with A/RES/68/262
SHORT = {"yes": "Y", "no": "N", "abstain": "A", "non-voting": "–"}


def _first_year(ctx: Ctx) -> int:
    return max(ctx.start, INVASION.year - YEARS_BEFORE)


def _label(ctx: Ctx, iso: str) -> str:
    return "EU members (mean)" if iso == "EU" else ctx.name(iso)


def _others(ctx: Ctx, iso: str) -> list[str]:
    return [o for o in dict.fromkeys([*([ctx.leader] if ctx.leader else []), *POWERS]) if o != iso]


def _vote_end(ctx: Ctx) -> str:
    frame = ctx.frame("alignment_before_after", state=ctx.focus[0], others=["USA" if ctx.focus[0] != "USA" else "CHN"])
    return frame["after_to"][0].isoformat()


# --- votes on Ukraine ----------------------------------------------------------------------------

TITLE_CHARS = 60


def _short(title: str | None) -> str:
    """A title cut at a word boundary for the table (the full title is in `resolution_votes`)."""
    if not title or len(title) <= TITLE_CHARS:
        return title or fmt.DASH
    return title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _ukraine_votes(ctx: Ctx) -> list:
    states = [s for s in ctx.states if s not in VOTE_POWERS]
    args = {"states": states or list(VOTE_POWERS), "topic": "ukraine"}
    frame = ctx.frame("resolution_votes", **args)
    cites = ctx.cites.metric("resolution_votes")
    shown = list(dict.fromkeys([*states, *VOTE_POWERS]))
    rows = [[cell(f"{r['resolution'].removeprefix('A/RES/')}, {r['date'].isoformat()}"), cell(_short(r["title"])),
             cell(f"{r['yes']}–{r['no']}–{r['abstain']}"),
             *(cell(SHORT.get(r[s], fmt.DASH) if r[s] else fmt.DASH, emphasis=s in ctx.focus) for s in shown)]
            for r in frame.iter_rows(named=True)]  # fmt: skip
    last = frame["date"].max().isoformat() if frame.height else fmt.DASH
    table = Table(
        id="ukraine-votes", caption=f"UN General Assembly votes on Ukraine, {frame['date'].min().year}–{last}",
        columns=[Column(key="res", label="A/RES/…, date"), Column(key="title", label="Title"),
                 Column(key="count", label="Y–N–A"),
                 *(Column(key=s.lower(), label=s) for s in shown)],
        rows=rows,
        note="Y yes, N no, A abstain, – listed without a vote; states by ISO3 code; Y–N–A: the record's totals. A/RES/68/262 (2014) and every resolution of 2022 on that "  # not-a-data-year
        "names Ukraine or Crimea, or belongs to the eleventh emergency special session. Long "
        "titles are cut (full titles: `pactscope metrics votes`).",
    )
    blocks: list = [Heading(text="Votes on Ukraine"), table]
    if ctx.leader and any(s != ctx.leader for s in states):
        match_args = {"states": states, "other": ctx.leader, "topic": "ukraine"}
        parts: list = [f"Share of these resolutions on which each state voted as {ctx.name(ctx.leader)} did "
                       "(both casting yes, no or abstain): "]
        for i, iso in enumerate(s for s in states if s != ctx.leader):
            share = ctx.value("vote_match", match_args, "share_same", {"state": iso}, unit="share",
                              label=f"{iso} votes as {ctx.leader} on Ukraine", agg="max")
            n = ctx.value("vote_match", match_args, "n_votes", {"state": iso}, label="resolutions both voted on", agg="max")
            sep = "; " if i else ""
            parts += [f"{sep}{ctx.name(iso)} cast no vote on them"] if not n.value else [
                f"{sep}{ctx.name(iso)} ", share, " of ", n]
            if iso in ctx.focus:
                ctx.indicator("ukraine_with_leader", share, state=iso, support=[n], years=f"{frame['date'].min().year}–{last[:4]}")
        blocks.append(para(*parts, ".", cites))
    return blocks


# --- alignment before and after --------------------------------------------------------------------


def _before_after(ctx: Ctx) -> list:
    rows, window = [], None
    last_year = int(_vote_end(ctx)[:4])
    short_end = f"{last_year - 1}-12-31"
    for iso in ctx.states:
        args = {"state": iso, "others": _others(ctx, iso)}
        short = {**args, "end": short_end}
        frame = ctx.frame("alignment_before_after", **args)
        if window is None and frame.height:
            r = frame.row(0, named=True)
            window = (r["before_from"], r["before_to"], r["after_from"], r["after_to"])
        for other in args["others"]:
            pick = {"other": other}
            vals = [ctx.value("alignment_before_after", args, col, pick, unit=unit, agg="max")
                    for col, unit in (("agree_before", "share"), ("agree_after", "share"), ("agree_change", "difference"),
                                      ("kappa_before", "ratio"), ("kappa_after", "ratio"))]  # fmt: skip
            alt = [ctx.value("alignment_before_after", short, col, pick, unit="share", agg="max")
                   for col in ("agree_before", "agree_after")]
            rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(_label(ctx, other)),
                         *(cell(v) for v in vals[:3]), *(cell(v) for v in alt), *(cell(v) for v in vals[3:])])
            if other == ctx.leader and iso in ctx.focus:
                ctx.indicator("leader_agreement_change", vals[2], state=iso, support=vals[:2],
                              years=f"{window[0].year}–{window[3].year}" if window else None)
    if window is None:
        return []
    b0, b1, a0, a1 = (d.isoformat() for d in window)
    return [Heading(text="UN alignment before and after 24 February 2022"), Table(  # not-a-data-year
        id="alignment-before-after", caption=f"UN General Assembly vote agreement, {b0} to {b1} against {a0} to {a1}",
        columns=[Column(key="state", label="State"), Column(key="other", label="Voting with"),
                 Column(key="before", label="Agreement before", numeric=True),
                 Column(key="after", label="Agreement after", numeric=True),
                 Column(key="change", label="Change", numeric=True),
                 Column(key="b2", label=f"Before, windows to {last_year - 1}", numeric=True),
                 Column(key="a2", label=f"After, to {last_year - 1}", numeric=True),
                 Column(key="kb", label="Kappa before", numeric=True), Column(key="ka", label="Kappa after", numeric=True)],
        rows=rows,
        note="Both windows have the same length and come from one series (UN Digital Library voting records; the 3DL "
        f"extract for the GA votes after {data.last_year('undl_ga_votes')}'s last record), pooled over each window's roll calls. The EU row is the mean over the "
        "states that were EU members on 24 February 2022. The two \"to\" columns end the window after on 31 December "  # not-a-data-year
        f"{last_year - 1}, with the window before shortened to the same length, so that the votes of {last_year} (a year "
        "with more recorded votes than most) do not weigh on the comparison.",
    )]


def _yearly_chart(ctx: Ctx, last: int) -> Chart:
    """Each member's yearly agreement with the leader and with China, one chart."""
    years = list(range(_first_year(ctx), last + 1))
    cols = ["state", "other", "year", "agree_share", "n_common", "series"]
    rows, parts = [], []
    for iso in ctx.focus:
        others = [o for o in dict.fromkeys([ctx.leader or "RUS", "CHN"]) if o != iso]
        args = {"state": iso, "others": others, "years": years, "series": "undl"}
        frame = ctx.frame("alignment_with", **args).select(cols)
        rows += [{**r, "pair": f"{ctx.name(iso)} with {_label(ctx, r['other'])}"} for r in frame.to_dicts()]
        parts.append(Provenance(metric="alignment_with", args=args, column=cols, agg="rows"))
    title = f"UN vote agreement with {fmt.listing([_label(ctx, o) for o in dict.fromkeys([ctx.leader or 'RUS', 'CHN'])])}"
    spec = charts.line_chart(rows, x="year", y="agree_share", color="pair", name="costs-alignment",
                             title=f"{title} by year, {fmt.span(years[0], last)} (UN votes to {last})",
                             y_title="share of common votes agreeing", color_title="State and power",
                             tooltip=["pair", "year", "agree_share", "n_common", "series"], y_scale={"domain": [0, 1]})
    return Chart(
        id="costs-alignment", title=f"{title} by year (data to {last})",
        description=f"Share of UN General Assembly roll calls on which each member voted as the leader and as China did, "
        f"by year, {fmt.span(years[0], last)}, all from the UN Digital Library's voting records.",
        spec=charts.mark_data_ends(spec, {"UN votes": last}, (years[0], ctx.end)),
        data=[ChartData(name="costs-alignment", parts=parts)],
        cites=ctx.cites.vote_series(r["series"] for r in rows),
    )


# --- spending and GDP ------------------------------------------------------------------------------


def _spending(ctx: Ctx) -> list:
    last = min(sipri_last_year(), ctx.end)
    first = _first_year(ctx)
    if last < first:
        return [Heading(text="Military spending and GDP"), para(f"SIPRI's data end in {sipri_last_year()}, before these years.")]
    args = {"alliance": ctx.oid, "years": f"{first}-{last}"}
    frame = ctx.frame("milex_gdp", **args)
    conc_args = dict(args)
    cites = ctx.cites.metric("milex_gdp")
    before = INVASION.year - 1
    nmc_last = min(data.last_year("cow_nmc"), last)
    rows = []
    for iso in sorted(frame["iso3"].unique(), key=lambda s: (s not in ctx.focus, s != ctx.leader, s)):
        v = [ctx.value("milex_gdp", args, "share_of_gdp", {"iso3": iso, "year": before}, unit="share", agg="max"),
             ctx.value("milex_gdp", args, "share_of_gdp", {"iso3": iso, "year": last}, unit="share", agg="max"),
             ctx.value("milex_gdp", args, "milex_share", {"iso3": iso, "year": last}, unit="share", agg="max"),
             ctx.value("milex_gdp", args, "gdp_share", {"iso3": iso, "year": last}, unit="share", agg="max"),
             ctx.value("milex_gdp", args, "cinc_share", {"iso3": iso, "year": nmc_last}, unit="share", agg="max")]
        rows.append([cell(ctx.name(iso), emphasis=iso in ctx.focus), *(cell(x) for x in v)])
        if iso in ctx.focus and ctx.leader and iso != ctx.leader:
            mine, lead = v[1], ctx.value("milex_gdp", args, "share_of_gdp", {"iso3": ctx.leader, "year": last}, unit="share", agg="max")
            ratio = ctx.derived("ratio", mine, lead, "ratio", label=f"{iso} ÷ {ctx.leader} military spending as share of GDP")
            ctx.indicator("milex_gdp_vs_leader", ratio, state=iso, support=[mine, lead], years=str(last))
            share = ctx.value("spending_concentration", conc_args, "leader_share", {"year": last, "leader": ctx.leader},
                              unit="share", label=f"{ctx.leader}'s share of members' spending", agg="max")
            ctx.indicator("leader_sipri_share", share, state=iso, years=str(last))
    table = Table(
        id="milex-gdp", caption=f"Military spending and GDP, {ctx.oid} members ({before} and {last})",
        columns=[Column(key="state", label="Member"),
                 Column(key="b", label=f"Spending, % of GDP, {before}", numeric=True),
                 Column(key="l", label=f"Spending, % of GDP, {last}", numeric=True),
                 Column(key="ms", label=f"Share of members' spending, {last}", numeric=True),
                 Column(key="gs", label=f"Share of members' GDP, {last}", numeric=True),
                 Column(key="cs", label=f"Share of members' CINC, {nmc_last}", numeric=True)],
        rows=rows,
        note=f"SIPRI military expenditure (share of GDP: SIPRI's own ratio; shares: current US$) to {sipri_last_year()}; "
        f"GDP: World Bank, current US$; CINC: COW NMC to {data.last_year('cow_nmc')}. Shares are over the members "
        "with both figures that year.",
    )
    lead = ctx.value("spending_concentration", conc_args, "leader_share", {"year": last}, unit="share", agg="max")
    hhi = ctx.value("spending_concentration", conc_args, "hhi", {"year": last}, unit="ratio", agg="max")
    gdp = ctx.value("spending_concentration", conc_args, "leader_gdp_share", {"year": last}, unit="share", agg="max")
    leader = ctx.frame("spending_concentration", **conc_args).filter(pl.col("year") == last)["leader"]
    cols = ["iso3", "year", "share_of_gdp"]
    spec = charts.line_chart(frame.select(cols), x="year", y="share_of_gdp", color="iso3", name="milex-gdp",
                             title=f"Military spending as a share of GDP, {fmt.span(first, last)} (SIPRI, data to {sipri_last_year()})",
                             y_title="share of GDP", color_title="Member", y_format=".1%",
                             names={s: ctx.name(s) for s in frame["iso3"].unique().sort()})
    chart = Chart(
        id="costs-milex-gdp", title=f"Military spending as a share of GDP (SIPRI, data to {sipri_last_year()})",
        description=f"SIPRI military expenditure as a share of GDP of each {ctx.oid} member by year, {fmt.span(first, last)}.",
        spec=charts.mark_data_ends(spec, {"SIPRI": sipri_last_year()}, (first, ctx.end)),
        data=[ChartData(name="milex-gdp", parts=[Provenance(metric="milex_gdp", args=args, column=cols, agg="rows")])],
        cites=cites,
    )
    who = ctx.name(leader[0]) if leader.len() else fmt.DASH
    return [Heading(text="Military spending and GDP"), table, chart, para(
        f"In {last} the largest spender among the members, {who}, made ", lead, " of the members' military spending "
        "(Herfindahl-Hirschman index ", hhi, ") and ", gdp, " of their GDP.", cites)]


# --- democracy ------------------------------------------------------------------------------------


def _democracy(ctx: Ctx) -> list:
    first, last = data.coverage("cw_democracy")
    span = (max(first, _first_year(ctx)), min(last, ctx.end))
    states = list(dict.fromkeys([*ctx.focus, *([ctx.leader] if ctx.leader else []), *ctx.comparisons]))
    args = {"states": states, "years": f"{span[0]}-{span[1]}"}
    frame = ctx.frame("democracy", **args)
    before = INVASION.year - 1
    rows = [[cell(ctx.name(iso), emphasis=iso in ctx.focus),
             *(cell(ctx.value("democracy", args, "v2x_polyarchy", {"iso3": iso, "year": y}, unit="ratio", agg="max")) for y in (before, span[1]))]
            for iso in states]  # fmt: skip
    cols = ["iso3", "year", "v2x_polyarchy"]
    spec = charts.line_chart(frame.select(cols), x="year", y="v2x_polyarchy", color="iso3", name="polyarchy",
                             title=f"V-Dem electoral democracy index, {fmt.span(*span)} (data to {last})",
                             y_title="polyarchy (0-1)", color_title="State", y_format=".2f", y_scale={"domain": [0, 1]},
                             names={s: ctx.name(s) for s in states})
    chart = Chart(
        id="costs-polyarchy", title=f"V-Dem electoral democracy index (data to {last})",
        description=f"V-Dem's polyarchy index (0 to 1) of each state by year, {fmt.span(*span)}.",
        spec=charts.mark_data_ends(spec, {"V-Dem": last}, (span[0], ctx.end)),
        data=[ChartData(name="polyarchy", parts=[Provenance(metric="democracy", args=args, column=cols, agg="rows")])],
        cites=ctx.cites.metric("democracy"),
    )
    return [Heading(text="Democracy scores"), para(
        "Critics say the alliance props up the governments of its members; the scores show how each state's electoral "
        "democracy has moved, not why.", ctx.cites.metric("democracy")), Table(
        id="polyarchy", caption=f"V-Dem electoral democracy (polyarchy) index, {before} and {span[1]}",
        columns=[Column(key="state", label="State"), Column(key="b", label=str(before), numeric=True),
                 Column(key="l", label=str(span[1]), numeric=True)],
        rows=rows, note="0 (least) to 1 (most democratic); V-Dem via isard's compilation."), chart]


def _when(day, precision) -> str:
    from pactscope.ledger.frames_footprint import shown_date

    return shown_date(day, precision) or fmt.DASH


def _footprint(ctx: Ctx) -> list:
    """Foreign military facilities on the states' territory and the alliance's collective forces (ledger)."""
    blocks: list = [Heading(text="Foreign military presence and the collective forces")]
    sites = ctx.frame("ledger.presence_frame", alliance=ctx.oid).filter(pl.col("host").is_in(ctx.states))
    rows = [[cell(ctx.name(r["host"]), emphasis=r["host"] in ctx.focus), cell(ctx.name(r["user"])), cell(r["name"]),
             cell(_when(r["start"], r["start_precision"])),
             cell(_when(r["end"], r["end_precision"]) if r["end"] else "in use"),
             cell(f"{r['agreement']} ({_when(r['signed'], r['signed_precision'])})" if r["agreement"] else fmt.DASH),
             cell(str(r["runs_to"]) if r["runs_to"] else fmt.DASH),
             cell(f"{r['personnel']:,} ({r['size_date'].isoformat()})" if r["personnel"] else fmt.DASH,
                  ctx.cites.ledger(*r["sources"]))]
            for r in sites.sort("host", "start", nulls_last=True).iter_rows(named=True)]  # fmt: skip
    if rows:
        blocks.append(Table(
            id="presence", caption="Foreign military facilities on the states' territory (ledger)",
            columns=[Column(key="host", label="Host"), Column(key="user", label="Used by"), Column(key="name", label="Facility"),
                     Column(key="from", label="From"), Column(key="until", label="Until"),
                     Column(key="agreement", label="Latest basis agreement (signed)"),
                     Column(key="runs", label="Agreed to"), Column(key="size", label="Personnel (as of)")],
            rows=rows,
            note="Each row cites the ledger sources of the facility, its agreements and its size figures; a dash where no "
            "sourced figure is recorded.",
        ))
    else:
        blocks.append(para("The ledger records no foreign military facility on these states' territory."))
    forces = ctx.frame("ledger.forces_frame", alliance=ctx.oid)
    if forces.height:
        items = []
        for r in forces.iter_rows(named=True):
            size = f", {r['personnel']:,} personnel declared ({r['size_date'].isoformat()})" if r["personnel"] else ", no declared size"
            used = f", deployed in ledger case {', '.join(r['deployments'])}" if r["deployments"] else ""
            items += [f"{'; ' if items else ''}{r['name']} (established {r['established'].isoformat()}{size}{used})",
                      ctx.cites.ledger(*r["sources"])]
        blocks.append(para(f"Collective forces of {fmt.org(ctx.oid)} in the ledger: ", *items, "."))
    return blocks


def build(ctx: Ctx) -> Section:
    section = Section(
        id="costs", title="What membership costs and what it brings since 2022",  # not-a-data-year
        question="Since Russia's full-scale invasion of Ukraine on 24 February 2022, how have the states voted on Ukraine, "  # not-a-data-year
        "has their UN alignment with the alliance's leader and with other powers changed, what do they spend on defence "
        "against their economies, how have their democracy scores moved, and which foreign forces are based on their territory?",
    )
    if ctx.end < INVASION.year or not ctx.focus:
        section.blocks = [para(f"The report's years end before {INVASION.year}.")]
        return section
    blocks: list = [para(
        "The section sets out evidence that cuts both ways and draws no conclusion. Critics say membership of a Russian-led alliance now costs the members their "
        "ties with the West, China and Turkey; defenders say the alliance still delivers. UN votes come from the UN "
        f"Digital Library's voting records to {_vote_end(ctx)}", ctx.cites.metric("resolution_votes"),
        f"; military spending from SIPRI to {sipri_last_year()} and GDP from the World Bank", ctx.cites.metric("milex_gdp"),
        f"; democracy scores from V-Dem to {data.last_year('cw_democracy')}", ctx.cites.metric("democracy"), ".",
    )]
    blocks += _ukraine_votes(ctx)
    blocks += _before_after(ctx)
    vote_last = int(_vote_end(ctx)[:4])
    blocks.append(_yearly_chart(ctx, min(vote_last, ctx.end)))
    blocks += _spending(ctx)
    blocks += _democracy(ctx)
    blocks += _footprint(ctx)
    section.blocks = blocks
    return section

