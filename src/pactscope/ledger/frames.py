"""Polars frames of the ledger, for the metrics layer."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pactscope.ledger.loader import load_ledger, resolve_org_id

Root = str | Path | None


def _orgs(alliance: str | None, root: Root) -> list[str]:
    ledger = load_ledger(root)
    return [resolve_org_id(alliance, root)] if alliance else sorted(ledger.organizations)


def cases_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per crisis case."""
    ledger = load_ledger(root)
    rows = []
    for oid in _orgs(alliance, root):
        for c in sorted(ledger.cases_of(oid), key=lambda c: (c.start_date, c.id)):
            rows.append({
                "org": oid,
                "id": c.id,
                "title": c.title,
                "start_date": c.start_date,
                "end_date": c.end_date,
                "threat_type": c.threat_type.value,
                "territory": c.territory.value,
                "states": [p.state for p in c.parties],
                "threatened": [p.state for p in c.parties if p.role.value in ("threatened", "both")],
                "members": [p.state for p in c.parties if p.member],
                "request_made": c.request.made.value,
                "request_date": c.request.date,
                "request_article": c.request.article,
                "response": c.response.term.value,
                "obligation_triggered": c.obligation.triggered.value,
                "confidence": c.confidence.value,
            })
    schema: dict[str, pl.DataType | type[pl.DataType]] = {
        "org": pl.String, "id": pl.String, "title": pl.String, "start_date": pl.Date,
        "end_date": pl.Date, "threat_type": pl.String, "territory": pl.String,
        "states": pl.List(pl.String), "threatened": pl.List(pl.String),
        "members": pl.List(pl.String), "request_made": pl.String, "request_date": pl.Date,
        "request_article": pl.String, "response": pl.String,
        "obligation_triggered": pl.String, "confidence": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def membership_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per membership spell; ``end`` is null for an open spell."""
    ledger = load_ledger(root)
    rows = [
        {
            "org": oid, "state": s.state, "status": s.status.value, "start": s.start,
            "start_precision": s.start_precision.value, "end": s.end,
            "end_precision": s.end_precision.value if s.end_precision else None,
            "end_reason": s.end_reason.value if s.end_reason else None,
            "confidence": s.confidence.value,
        }
        for oid in _orgs(alliance, root)
        for s in sorted(ledger.spells.get(oid, ()), key=lambda s: (s.state, s.start))
    ]
    schema = {
        "org": pl.String, "state": pl.String, "status": pl.String, "start": pl.Date,
        "start_precision": pl.String, "end": pl.Date, "end_precision": pl.String,
        "end_reason": pl.String, "confidence": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def meetings_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per meeting of an organ, in date order."""
    ledger = load_ledger(root)
    rows = []
    for oid in _orgs(alliance, root):
        names = {o.id: o.names.en for o in ledger.organs.get(oid, ())}
        for m in sorted(ledger.meetings.get(oid, ()), key=lambda m: (m.date, m.id)):
            rows.append({
                "org": oid, "id": m.id, "organ": m.organ, "organ_name": names.get(m.organ),
                "date": m.date, "end_date": m.end_date, "place": m.place, "host": m.host,
                "chair": m.chair, "extraordinary": m.extraordinary, "online": m.online,
                "n_decisions": len(m.decisions),
            })
    schema = {
        "org": pl.String, "id": pl.String, "organ": pl.String, "organ_name": pl.String,
        "date": pl.Date, "end_date": pl.Date, "place": pl.String, "host": pl.String,
        "chair": pl.String, "extraordinary": pl.Boolean, "online": pl.Boolean,
        "n_decisions": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema)


def clauses_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per key clause, with the title and dates of its document."""
    ledger = load_ledger(root)
    rows = []
    for oid in _orgs(alliance, root):
        o = ledger.organizations[oid]
        docs = {d.id: d for d in o.documents}
        for c in o.clauses:
            d = docs.get(c.document)
            rows.append({
                "org": oid, "id": c.id, "document": c.document,
                "document_title": d.title if d else None,
                "signed": d.signed if d else None, "in_force": d.in_force if d else None,
                "article": c.article, "type": c.type.value, "paraphrase": c.paraphrase,
                "notice_months": c.notice_months,
            })
    schema = {
        "org": pl.String, "id": pl.String, "document": pl.String, "document_title": pl.String,
        "signed": pl.Date, "in_force": pl.Date, "article": pl.String, "type": pl.String,
        "paraphrase": pl.String, "notice_months": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema)


def sources_frame(root: Root = None) -> pl.DataFrame:
    """One row per source, with the file that defines it."""
    ledger = load_ledger(root)
    rows = [
        {
            "id": s.id, "url": str(s.url), "publisher": s.publisher, "title": s.title,
            "date": s.date, "language": s.language, "kind": s.kind.value,
            "file": ledger.source_files[s.id],
        }
        for s in sorted(ledger.sources.values(), key=lambda s: s.id)
    ]
    schema = {
        "id": pl.String, "url": pl.String, "publisher": pl.String, "title": pl.String,
        "date": pl.Date, "language": pl.String, "kind": pl.String, "file": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)
