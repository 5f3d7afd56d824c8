"""Leaving: the legal route out, the notice period, and what states that left did next."""

from __future__ import annotations

import polars as pl

from pactscope.assess import fmt
from pactscope.assess.context import Ctx, cell, para
from pactscope.assess.model import Column, Heading, Section, Table
from pactscope.ledger import load_ledger


def _clauses(ctx: Ctx) -> Table:
    frame = ctx.frame("exit_clauses", alliance=ctx.oid)
    sources = {c.id: c.sources for c in ctx.org.clauses}
    rows = []
    for r in frame.iter_rows(named=True):
        notice = (ctx.value("exit_clauses", {"alliance": ctx.oid}, "notice_months", {"clause": r["clause"]}, unit="months")
                  if r["notice_months"] is not None else None)
        rows.append([cell(fmt.label(r["type"])), cell(f"{r['document_title']}, art. {r['article']}"),
                     cell(r["paraphrase"], ctx.cites.ledger(*sources.get(r["clause"], []))),
                     cell(notice) if notice else cell(fmt.DASH)])
    return Table(
        id="exit-clauses", caption=f"How a state can leave {fmt.org(ctx.oid)}",
        columns=[Column(key="type", label="Clause"), Column(key="where", label="Document and article"),
                 Column(key="says", label="What it says (paraphrase)"), Column(key="notice", label="Notice (months)", numeric=True)],
        rows=rows, note=None if rows else "The ledger records no withdrawal, suspension or duration clause.",
    )


def _spell_sources(ctx: Ctx, iso: str, day) -> list[int]:
    spells = load_ledger().spells.get(ctx.oid, ())
    return ctx.spell_cites([s for s in spells if s.state == iso and (s.end == day or s.start == day)])


def _precedents(ctx: Ctx) -> Table:
    frame = ctx.frame("exit_precedents", alliance=ctx.oid)
    rows = []
    for r in frame.iter_rows(named=True):
        after = "; ".join(r["joined_after"]) or "nothing recorded"
        rows.append([cell(r["name"], emphasis=r["state"] in ctx.states), cell(r["left"].isoformat(), _spell_sources(ctx, r["state"], r["left"])),
                     cell(fmt.label(r["how"])), cell(r["returned"].isoformat() if r["returned"] else "not returned"),
                     cell(after, ctx.cites.metric("exit_precedents") if any(a.startswith("ATOP") for a in r["joined_after"]) else [])])
    return Table(
        id="exit-precedents", caption=f"States that stopped being full members of {fmt.org(ctx.oid)}",
        columns=[Column(key="state", label="State"), Column(key="left", label="Date"), Column(key="how", label="How"),
                 Column(key="returned", label="Returned as member"), Column(key="after", label="Joined afterwards")],
        rows=rows, note=None if rows else "The ledger records no state that stopped being a full member.",
    )


def _structure_departures(ctx: Ctx):
    """(departures, returns, table) of the ledger's departures from a structure of the organization
    without leaving the treaty (France 1966, Greece 1974), or None when the ledger has no such records."""
    import pactscope.ledger as ledger

    if not hasattr(ledger, "departures_frame"):
        return None
    args = {"alliance": ctx.oid}
    frame = ctx.frame("ledger.departures_frame", **args)
    events = ctx.value("ledger.departures_frame", args, "id", {}, agg="count", label="departures from a structure")
    back = ctx.value("ledger.departures_frame", args, "id", {"end": {"not_null": True}}, agg="count",
                     label="followed by a return")
    records = {d.id: d for d in getattr(load_ledger(), "departures", {}).get(ctx.oid, ())}
    rows = [[cell(ctx.name(r["state"]), emphasis=r["state"] in ctx.states), cell(r["structure"]),
             cell(r["start"].isoformat(), ctx.cites.ledger(*getattr(records.get(r["id"]), "sources", []))),
             cell(r["end"].isoformat() if r["end"] else "not returned"), cell(r["summary"])]
            for r in frame.iter_rows(named=True)]
    table = Table(
        id="structure-departures", caption=f"Members of {fmt.org(ctx.oid)} that left one of its structures but not the treaty",
        columns=[Column(key="state", label="State"), Column(key="structure", label="Structure"),
                 Column(key="from", label="From"), Column(key="until", label="Returned"), Column(key="summary", label="Summary")],
        rows=rows, note=None if rows else "The ledger records none.",
    )
    return events, back, table


def build(ctx: Ctx) -> Section:
    args = {"alliance": ctx.oid}
    clauses = ctx.frame("exit_clauses", **args)
    blocks = []
    withdrawal = clauses.filter((pl.col("type") == "withdrawal") & pl.col("notice_months").is_not_null())
    if withdrawal.height:
        shortest = ctx.value("exit_clauses", args, "notice_months", {"type": "withdrawal"}, agg="min", unit="months",
                             label="shortest notice")
        cites = [n for c in ctx.org.clauses if c.type.value == "withdrawal" for n in ctx.cites.ledger(*c.sources)]
        blocks.append(para("The documents in the ledger let a member withdraw after written notice of at least ", shortest,
                           " months", cites, "."))
    events = ctx.value("exit_precedents", args, "state", {}, agg="count", label="departures from membership")
    states = ctx.value("exit_precedents", args, "state", {}, agg="n_unique", label="states")
    back = ctx.value("exit_precedents", args, "state", {"returned": {"not_null": True}}, agg="count", label="returned")
    structures = _structure_departures(ctx)
    if structures is not None:  # departures from a structure short of leaving the treaty count alike, for every alliance
        s_events, s_back, table = structures
        events = ctx.derived("sum", events, s_events, "count", label="departures of every kind")
        back = ctx.derived("sum", back, s_back, "count", label="followed by a return")
        tables_after = [Heading(text="Departures from a structure without leaving the treaty"), table]
    else:
        tables_after = []
    share = ctx.derived("ratio", back, events, "share", label="departures followed by a return")
    low = ctx.derived("wilson_low", back, events, "share", label="95% low (Wilson)")
    high = ctx.derived("wilson_high", back, events, "share", label="95% high (Wilson)")
    ctx.indicator("exit_returns", share, support=[low, high, events])
    kinds = ("withdrawal, non-renewal, a frozen or suspended status, or leaving a structure such as an integrated "
             "command while staying in the treaty" if tables_after else "withdrawal, non-renewal, a frozen or suspended status")
    blocks.append(para(f"Departures recorded in the ledger ({kinds}): ", events, "; from membership, by ", states,
                       " states; of all departures, later followed by a return: ", back, "."))
    blocks += [_clauses(ctx), Heading(text="Precedents"), _precedents(ctx), *tables_after]
    return Section(
        id="leaving", title="Leaving",
        question=f"How can a state leave {fmt.org(ctx.oid)}, with how much notice, and what did the states that left do next?",
        blocks=blocks,
    )
