"""Membership and obligations: when each state joined, its status now, the clauses that bind it."""

from __future__ import annotations

from pactscope.assess import charts, fmt
from pactscope.assess.context import Ctx, cell, para, status_today
from pactscope.assess.model import (
    Chart,
    ChartData,
    Column,
    Heading,
    Provenance,
    Section,
    Table,
)
from pactscope.ledger import counted_statuses, load_ledger

CLAUSE_ORDER = [
    "collective-defence", "consultation", "decision-rule", "no-other-alliances", "no-conflicting-engagements",
    "foreign-bases-consent", "withdrawal", "suspension", "duration",
]
CLAUSE_LABEL = {
    "collective-defence": "Collective defence", "consultation": "Consultation", "decision-rule": "Decision rule",
    "no-other-alliances": "Ban on other alliances", "no-conflicting-engagements": "No conflicting engagements",
    "foreign-bases-consent": "Consent for foreign bases", "withdrawal": "Withdrawal", "suspension": "Suspension",
    "duration": "Duration",
}
# one rule for every alliance: a clause that limits a member's other engagements, alliances or foreign bases
RESTRICTIVE = ["no-other-alliances", "no-conflicting-engagements", "foreign-bases-consent"]
COUNTED = counted_statuses()


def _history(spells) -> str:
    parts = []
    for s in spells:
        end = f"until {s.end.isoformat()}" if s.end else "to date"
        why = f" ({fmt.label(s.end_reason.value)})" if s.end_reason else ""
        parts.append(f"{s.status.value} from {s.start.isoformat()} {end}{why}")
    return "; ".join(parts) or "no spell in the ledger"


def _status_table(ctx: Ctx) -> Table:
    rows = []
    for iso in ctx.states:
        status, spells = status_today(ctx.oid, iso, ctx.today)
        cites = ctx.spell_cites(spells)
        first = next((s.start.isoformat() for s in spells if s.status.value == "member"), fmt.DASH)
        years = ctx.value(
            "alliance_years", {"alliance": ctx.oid, "years": ctx.years}, "year",
            {"iso3": iso, "ledger_status": {"in": list(COUNTED)}, "year": {"between": [ctx.start, _last_full_year(ctx)]}},
            agg="count", label=f"{iso} member years", cites=cites, metric_cites=False,
        )
        role = "focus member" if iso in ctx.focus else "comparison (not a member now)"
        rows.append([
            cell(ctx.name(iso), emphasis=iso in ctx.focus), cell(role), cell(status), cell(first),
            cell(years), cell(_history(spells), cites),
        ])
    return Table(
        id="status", caption=f"The states in this report and their {ctx.oid} membership",
        columns=[
            Column(key="state", label="State"), Column(key="role", label="Role in this report"),
            Column(key="status", label=f"Status on {ctx.today.isoformat()}"), Column(key="joined", label="First joined"),
            Column(key="years", label=f"Years counted as member, {fmt.span(ctx.start, _last_full_year(ctx))}", numeric=True),
            Column(key="history", label="Ledger spells"),
        ],
        rows=rows,
        note="A year counts when the ledger records the state as a member (or as having frozen its own participation) "
        "on 31 December" + (f", so {ctx.today.year} counts only once it is over" if ctx.end >= ctx.today.year else "")
        + ". ATOP member records, used elsewhere for the years they cover, can date an accession differently (ATOP "
        "counts Turkey in NATO from its accession protocol, the ledger from its accession).",
    )


def _last_full_year(ctx: Ctx) -> int:
    """The report's last year that is over on the report date (31 December has passed)."""
    return min(ctx.end, ctx.today.year - (0 if (ctx.today.month, ctx.today.day) == (12, 31) else 1))


def _founding(ctx: Ctx) -> list:
    """The founding treaty and, where there is one, the charter: signed and in force, with their sources."""
    docs = sorted(ctx.org.documents, key=lambda d: d.signed)
    picked = [d for d in docs if d.kind.value == "treaty"][:1] + [d for d in docs if d.kind.value == "charter"][:1]
    parts: list = []
    for i, d in enumerate(picked):
        force = f", in force since {d.in_force.isoformat()}" if d.in_force else ""
        title = d.title if d.title.startswith("The ") else f"the {d.title}"
        lead = f"; {title}" if i else fmt.capital(title)
        parts += [f"{lead} was signed on {d.signed.isoformat()}{force}",
                  ctx.cites.ledger(*d.sources)]
    if not picked:
        parts = [f"The {ctx.org.names.en} ({ctx.oid}) dates from {ctx.org.founded.isoformat()}", ctx.cites.ledger(*ctx.org.sources)]
    return [*parts, ". "]


def _clause_table(ctx: Ctx) -> Table:
    clauses = [c for c in ctx.org.clauses if c.type.value in CLAUSE_ORDER]
    clauses.sort(key=lambda c: (CLAUSE_ORDER.index(c.type.value), c.id))
    docs = {d.id: d for d in ctx.org.documents}
    rows = []
    for c in clauses:
        conditions = "; ".join(([f"trigger: {c.trigger}"] if c.trigger else []) + c.conditions)
        notice = (
            ctx.value("ledger.clauses_frame", {"alliance": ctx.oid}, "notice_months", {"id": c.id}, unit="months")
            if c.notice_months is not None else None
        )
        doc = docs.get(c.document)
        rows.append([
            cell(CLAUSE_LABEL[c.type.value]), cell(f"{doc.title if doc else c.document}, art. {c.article}"),
            cell(c.paraphrase, ctx.cites.ledger(*c.sources)), cell(conditions or fmt.DASH),
            cell(notice) if notice else cell(fmt.DASH),
        ])
    return Table(
        id="clauses", caption=f"Clauses of {fmt.org(ctx.oid)} documents that bind every member",
        columns=[
            Column(key="type", label="Clause"), Column(key="where", label="Document and article"),
            Column(key="says", label="What it says (paraphrase)"), Column(key="conditions", label="Trigger and conditions"),
            Column(key="notice", label="Notice (months)", numeric=True),
        ],
        rows=rows,
        note=None if rows else "The ledger records no such clause for this organization.",
    )


def _map(ctx: Ctx) -> Chart:
    year = ctx.today.year
    args = {"alliance": ctx.oid, "years": str(year)}
    frame = ctx.frame("alliance_years", **args)
    rows = frame.select("iso3", "name", "status", "member").to_dicts()
    spec = charts.members_map(rows, focus=ctx.focus, comparisons=ctx.comparisons, title=f"{ctx.oid} in {year}")
    return Chart(
        id="members-map", title=f"{ctx.oid} members and the states in this report, {year}",
        description=(
            f"Map of {fmt.org(ctx.oid)} states in {year} by status; the report's focus members are outlined in black"
            + (f" and the comparison states ({fmt.listing([ctx.name(s) for s in ctx.comparisons])}) in orange."
               if ctx.comparisons else ".")
        ),
        spec=spec,
        data=[ChartData(name="members", parts=[Provenance(metric="alliance_years", args=args,
                                                           column=["iso3", "name", "status", "member"], agg="rows")])],
        cites=ctx.cites.metric("alliance_years"),
    )


def build(ctx: Ctx) -> Section:
    org = ctx.org
    founded = para(*_founding(ctx))
    spells = sorted((s for s in load_ledger().spells.get(ctx.oid, ()) if s.status.value in COUNTED
                     and s.start <= ctx.today and (s.end is None or ctx.today < s.end)),
                    key=lambda s: s.start, reverse=True)[:1]  # the latest change fixes today's count
    count = ctx.value(
        "alliance_years", {"alliance": ctx.oid, "years": str(ctx.today.year)}, "iso3",
        {"ledger_status": {"in": list(COUNTED)}}, agg="count", label="members on the report date",
        cites=ctx.spell_cites(spells, limit=3), metric_cites=False,
    )
    founded.runs += para("The ledger's membership records count ", count, f" member states on {ctx.today.isoformat()} "
                         "(full members and states that froze their own participation).").runs
    clauses_args = {"alliance": ctx.oid}
    frame = ctx.frame("ledger.clauses_frame", **clauses_args)
    defence = ctx.value("ledger.clauses_frame", clauses_args, "id", {"type": "collective-defence"}, agg="count",
                        label="collective-defence clauses")
    restrictive = ctx.value("ledger.clauses_frame", clauses_args, "id", {"type": {"in": RESTRICTIVE}}, agg="count",
                            label="clauses limiting other engagements, alliances or foreign bases")
    ctx.indicator("defence_pledge", defence)
    ctx.indicator("restrictive_clauses", restrictive)
    counted = [c for c in org.clauses if c.type.value in ("collective-defence", *RESTRICTIVE)]
    clause_sources = ctx.cites.ledger(*(s for c in counted for s in c.sources))
    summary = para(
        "The ledger records ", defence, " collective-defence clause(s) and ", restrictive,
        " clause(s) that limit a member's other engagements, alliances or foreign military bases in the organization's documents",
        clause_sources if frame.height else [], ".",
    )
    return Section(
        id="membership", title="Membership and obligations",
        question=f"When did each state join {fmt.org(ctx.oid)}, where does it stand now, and what does membership commit it to?",
        blocks=[founded, _status_table(ctx), _map(ctx), Heading(text="What the documents commit members to"), summary,
                _clause_table(ctx)],
    )

