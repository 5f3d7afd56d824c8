"""Polars frames of the military footprint: facilities, collective forces, exercises, sizes."""

from __future__ import annotations

import datetime as dt

import polars as pl

from pactscope.ledger.frames import Root, _orgs
from pactscope.ledger.loader import load_ledger
from pactscope.ledger.schema_footprint import BasisAgreement, Facility, SizeReport

Schema = dict[str, pl.DataType | type[pl.DataType]]
_S, _D, _I, _B = pl.String, pl.Date, pl.Int64, pl.Boolean
_LIST = pl.List(pl.String)


def _latest_agreement(f: Facility) -> BasisAgreement | None:
    """The agreement signed last (undated ones count as oldest)."""
    if not f.agreements:
        return None
    return max(f.agreements, key=lambda a: a.signed or dt.date.min)


def _latest_size(sizes: tuple[SizeReport, ...] | list[SizeReport]) -> SizeReport | None:
    """The newest report that gives a total (no state), else None."""
    totals = [s for s in sizes if s.personnel is not None and s.state is None]
    return max(totals, key=lambda s: s.date) if totals else None


def shown_date(day: dt.date | None, precision: str | None) -> str:
    """A date as precise as it is known: ``2004``, ``2012-09`` or ``2012-10-05``; empty if none."""
    if day is None:
        return ""
    return {"year": day.strftime("%Y"), "month": day.strftime("%Y-%m")}.get(precision or "day", day.isoformat())


def _source_ids(*groups: list[str]) -> list[str]:
    return list(dict.fromkeys(sid for g in groups for sid in g))


def presence_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per foreign facility on members' territory: host, user, dates, the latest basis
    agreement (title, signed, in force), the latest agreed end year of any of its agreements
    (``runs_to``), the newest published personnel figure, and every source id cited."""
    ledger = load_ledger(root)
    rows = []
    for oid in _orgs(alliance, root):
        for f in sorted(ledger.facilities.get(oid, ()), key=lambda f: (f.host, f.start or f.end or dt.date.min, f.id)):
            a, size = _latest_agreement(f), _latest_size(f.sizes)
            groups = [f.sources] + [x.sources for x in f.agreements] + [s.sources for s in f.sizes]
            rows.append({
                "org": oid, "id": f.id, "name": f.names.en, "kind": f.kind.value, "host": f.host,
                "user": f.user, "location": f.location, "start": f.start,
                "start_precision": f.start_precision.value, "end": f.end,
                "end_precision": (f.end_precision or "day") if f.end else None, "end_reason": f.end_reason,
                "in_use": f.end is None, "collective": f.collective,
                "agreement": a.title if a else None, "signed": a.signed if a else None,
                "signed_precision": a.signed_precision.value if a and a.signed else None,
                "in_force": a.in_force if a else None,
                "runs_to": max((x.runs_to for x in f.agreements if x.runs_to), default=None),
                "personnel": size.personnel if size else None, "size_date": size.date if size else None,
                "rent": f.rent, "confidence": f.confidence.value, "sources": _source_ids(*groups),
            })
    schema: Schema = {
        "org": _S, "id": _S, "name": _S, "kind": _S, "host": _S, "user": _S, "location": _S,
        "start": _D, "start_precision": _S, "end": _D, "end_precision": _S, "end_reason": _S, "in_use": _B,
        "collective": _B, "agreement": _S, "signed": _D, "signed_precision": _S,
        "in_force": _D, "runs_to": _I, "personnel": _I, "size_date": _D, "rent": _S,
        "confidence": _S, "sources": _LIST,
    }
    return pl.DataFrame(rows, schema=schema)


def agreements_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per basis agreement of a facility, with its ratifications as ``STATE date`` strings
    (the date as precise as it is known)."""
    ledger = load_ledger(root)
    rows = [
        {
            "org": oid, "facility": f.id, "host": f.host, "user": f.user, "id": a.id, "title": a.title,
            "signed": a.signed, "signed_precision": a.signed_precision.value if a.signed else None,
            "in_force": a.in_force, "term": a.term, "runs_to": a.runs_to,
            "ratifications": [f"{r.state} {shown_date(r.date, r.date_precision.value)}" for r in a.ratifications],
            "sources": _source_ids(a.sources, *(r.sources for r in a.ratifications)),
        }
        for oid in _orgs(alliance, root)
        for f in ledger.facilities.get(oid, ())
        for a in f.agreements
    ]
    schema: Schema = {
        "org": _S, "facility": _S, "host": _S, "user": _S, "id": _S, "title": _S, "signed": _D,
        "signed_precision": _S, "in_force": _D, "term": _S, "runs_to": _I, "ratifications": _LIST, "sources": _LIST,
    }
    return pl.DataFrame(rows, schema=schema).sort("org", "signed", "id", nulls_last=True)


def forces_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per collective force: founding decision, acts, the newest declared total size."""
    ledger = load_ledger(root)
    rows = []
    for oid in _orgs(alliance, root):
        for c in sorted(ledger.forces.get(oid, ()), key=lambda c: (c.established, c.id)):
            size = _latest_size(c.sizes)
            groups = [c.sources] + [a.sources for a in c.acts] + [s.sources for s in c.sizes]
            rows.append({
                "org": oid, "id": c.id, "name": c.names.en, "abbreviations": list(c.abbreviations),
                "kind": c.kind.value, "established": c.established, "n_acts": len(c.acts),
                "not_signed": sorted({s for a in c.acts for s in a.not_signed}),
                "personnel": size.personnel if size else None, "size_date": size.date if size else None,
                "deployments": list(c.deployments), "confidence": c.confidence.value,
                "sources": _source_ids(*groups),
            })
    schema: Schema = {
        "org": _S, "id": _S, "name": _S, "abbreviations": _LIST, "kind": _S, "established": _D,
        "n_acts": _I, "not_signed": _LIST, "personnel": _I, "size_date": _D, "deployments": _LIST,
        "confidence": _S, "sources": _LIST,
    }
    return pl.DataFrame(rows, schema=schema)


def sizes_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """Every published size figure of a facility or force, oldest first: the declared size over time."""
    ledger = load_ledger(root)
    rows = []
    for oid in _orgs(alliance, root):
        owners = [("facility", f.id, f.sizes) for f in ledger.facilities.get(oid, ())]
        owners += [("force", c.id, c.sizes) for c in ledger.forces.get(oid, ())]
        for what, ident, sizes in owners:
            for s in sizes:
                rows.append({
                    "org": oid, "of": what, "id": ident, "date": s.date, "precision": s.date_precision.value,
                    "personnel": s.personnel, "state": s.state, "what": s.what, "claimed_by": s.claimed_by,
                    "sources": list(s.sources),
                })
    schema: Schema = {
        "org": _S, "of": _S, "id": _S, "date": _D, "precision": _S, "personnel": _I, "state": _S,
        "what": _S, "claimed_by": _S, "sources": _LIST,
    }
    return pl.DataFrame(rows, schema=schema).sort("org", "id", "date")


def exercises_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per joint exercise (held, postponed or cancelled), in date order."""
    ledger = load_ledger(root)
    rows = [
        {
            "org": oid, "id": e.id, "series": e.series, "name": e.name, "start": e.start, "end": e.end,
            "precision": e.date_precision.value, "status": e.status.value, "host": e.host,
            "places": list(e.places), "participants": list(e.participants),
            "n_participants": len(e.participants) or None, "force": e.force, "personnel": e.personnel, "size_note": e.size_note,
            "confidence": e.confidence.value, "sources": list(e.sources),
        }
        for oid in _orgs(alliance, root)
        for e in ledger.exercises.get(oid, ())
    ]
    schema: Schema = {
        "org": _S, "id": _S, "series": _S, "name": _S, "start": _D, "end": _D, "precision": _S,
        "status": _S, "host": _S, "places": _LIST, "participants": _LIST, "n_participants": _I,
        "force": _S, "personnel": _I, "size_note": _S, "confidence": _S, "sources": _LIST,
    }
    return pl.DataFrame(rows, schema=schema).sort("org", "start", "id")


def departures_frame(alliance: str | None = None, root: Root = None) -> pl.DataFrame:
    """One row per departure from an alliance structure short of leaving the treaty: org, id, state,
    structure, announced, start, start_precision, end (the return, or null), end_precision, summary,
    sources (ids)."""
    ledger = load_ledger(root)
    rows = [
        {
            "org": oid, "id": d.id, "state": d.state, "structure": d.structure, "announced": d.announced,
            "start": d.start, "start_precision": d.start_precision.value, "end": d.end,
            "end_precision": d.end_precision.value if d.end_precision else None, "summary": d.summary,
            "sources": list(d.sources),
        }
        for oid in _orgs(alliance, root)
        for d in sorted(ledger.departures.get(oid, ()), key=lambda d: (d.start, d.id))
    ]
    schema: Schema = {
        "org": _S, "id": _S, "state": _S, "structure": _S, "announced": _D, "start": _D,
        "start_precision": _S, "end": _D, "end_precision": _S, "summary": _S, "sources": _LIST,
    }
    return pl.DataFrame(rows, schema=schema)
