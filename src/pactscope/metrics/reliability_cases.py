"""Case-based reliability: did the alliance come to a threatened member's aid?

Unit: a crisis case of the ledger (``records/<org>/cases``). Rows are split by the ledger's coding
of ``obligation.triggered`` (yes / no / disputed) and never pooled across it.

- A case is **assisted** when the organization's response (its strongest term or any listed
  action) includes ``military-deployment`` or ``material-or-logistical-aid``.
- A case is **fulfilled** when the obligation was triggered (``yes``) and it was assisted.
- The **fulfilment rate** is fulfilled / triggered cases, with a Wilson 95% interval
  (:func:`pactscope.metrics.stats.wilson`). Rows for ``no`` and ``disputed`` cases carry their
  counts (including how many were assisted anyway) but no rate.

Per member, a case counts for every party whose role is ``threatened`` or ``both``; a case
can therefore count for two members (e.g. a border clash between members).
"""

from __future__ import annotations

import polars as pl

from pactscope.codes import state_iso3
from pactscope.errors import BadArgument
from pactscope.ledger import load_ledger, org_id
from pactscope.ledger.schema import ResponseTerm
from pactscope.metrics.stats import wilson

ASSISTANCE = frozenset({"military-deployment", "material-or-logistical-aid"})
TRIGGERED = ("yes", "no", "disputed")
TERMS = [t.value for t in ResponseTerm]
ALL = "all"


def case_records(alliance: str) -> pl.DataFrame:
    """One row per case: alliance, id, start_date, threatened (ISO3 list), request_made,
    triggered, response (strongest term), actions (every term, strongest included), assisted."""
    oid = org_id(alliance)
    rows = []
    for c in sorted(load_ledger().cases_of(oid), key=lambda c: (c.start_date, c.id)):
        actions = sorted({c.response.term.value, *(a.term.value for a in c.response.actions)})
        rows.append({
            "alliance": oid, "id": c.id, "start_date": c.start_date,
            "threatened": [p.state for p in c.parties if p.role.value in ("threatened", "both")],
            "request_made": c.request.made.value, "triggered": c.obligation.triggered.value,
            "response": c.response.term.value, "actions": actions,
            "assisted": bool(ASSISTANCE & set(actions)),
        })
    schema = {
        "alliance": pl.String, "id": pl.String, "start_date": pl.Date,
        "threatened": pl.List(pl.String), "request_made": pl.String, "triggered": pl.String,
        "response": pl.String, "actions": pl.List(pl.String), "assisted": pl.Boolean,
    }
    return pl.DataFrame(rows, schema=schema)


def _column(term: str) -> str:
    return "response_" + term.replace("-", "_")


def summarise_cases(cases: pl.DataFrame, by_member: bool = False) -> pl.DataFrame:
    """Counts, response terms and fulfilment rate per (alliance, member, triggered) from
    :func:`case_records`-shaped rows. ``member`` is "all" unless ``by_member``. Every member
    block has the three triggered rows, with zero counts where there are no cases."""
    if by_member:
        cases = cases.explode("threatened").drop_nulls("threatened").rename({"threatened": "member"})
    else:
        cases = cases.with_columns(member=pl.lit(ALL))
    blocks = sorted(set(zip(cases["alliance"].to_list(), cases["member"].to_list(), strict=True)))
    rows = []
    for alliance, member in blocks:
        for triggered in TRIGGERED:
            group = cases.filter(
                (pl.col("alliance") == alliance) & (pl.col("member") == member) & (pl.col("triggered") == triggered)
            )
            n, assisted = group.height, int(group["assisted"].sum())
            row = {
                "alliance": alliance, "member": member, "triggered": triggered, "cases": n,
                "requests_made": int((group["request_made"] == "yes").sum()),
                "requests_disputed": int((group["request_made"] == "disputed").sum()),
                "assisted": assisted,
            }
            for term in TERMS:
                row[_column(term)] = int((group["response"] == term).sum())
            p = wilson(assisted, n) if triggered == "yes" else None
            row.update({
                "fulfilled": p.successes if p else None, "rate": p.rate if p else None,
                "low": p.low if p else None, "high": p.high if p else None,
                "case_ids": sorted(group["id"].to_list()),
            })
            rows.append(row)
    schema = {
        "alliance": pl.String, "member": pl.String, "triggered": pl.String, "cases": pl.Int64,
        "requests_made": pl.Int64, "requests_disputed": pl.Int64, "assisted": pl.Int64,
        **{_column(t): pl.Int64 for t in TERMS},
        "fulfilled": pl.Int64, "rate": pl.Float64, "low": pl.Float64, "high": pl.Float64,
        "case_ids": pl.List(pl.String),
    }
    out = pl.DataFrame(rows, schema=schema)
    return out.sort([pl.col("alliance"), pl.col("member") != ALL, pl.col("member")], maintain_order=True)


def case_reliability(alliance: str, member: str | None = None, *, by_member: bool = False) -> pl.DataFrame:
    """Reliability of ``alliance`` from its ledger cases, one row per member and triggered value.

    Columns: alliance, member ("all" or ISO3), triggered (yes/no/disputed), cases, requests_made,
    requests_disputed, assisted, response_<term> (cases whose strongest response was that term),
    fulfilled, rate, low, high (only on ``yes`` rows), case_ids. With ``member`` only that
    state's cases (as threatened party); with ``by_member`` one block per threatened member.
    """
    cases = case_records(alliance)
    if member is not None:
        iso = state_iso3(member, "member")
        cases = cases.filter(pl.col("threatened").list.contains(iso))
        out = summarise_cases(cases, by_member=True).filter(pl.col("member") == iso)
        if out.is_empty():
            raise BadArgument(f"member: {iso} is not a threatened party in any {org_id(alliance)} case")
        return out
    return summarise_cases(cases, by_member=by_member)
