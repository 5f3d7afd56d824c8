"""Evidence from the ledger for claims about an organization (no verdict is given).

Each topic of vocab.yaml names what is attached: the clauses of the type it concerns, exit
precedents from the membership spells, the case record tallied by response, the organs and
their meetings' chairs.  Topics that need the metrics (dominance, alignment) get a pointer
here; `pactscope.assess.claims_evidence` fills in the figures for the interfaces, since the
reader may not import the metrics layer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from pactscope.reader.claims.verdict import record_level
from pactscope.reader.evidence import Evidence

CLAUSE_TYPES = {
    "exit": ("withdrawal", "suspension"),
    "decision_rule": ("decision-rule",),
    "clauses": ("collective-defence", "consultation"),
    "mandate": ("peacekeeping", "collective-defence"),
}
METRIC_TOPICS = {
    "dominance": "dominance",
    "alignment": "alignment",
}


def _clauses(ev: Evidence, org: str, types: tuple[str, ...]) -> list[dict[str, Any]]:
    o = ev.organizations.get(org)
    if o is None:
        return []
    return [{"kind": "clause", "id": c.id, "type": c.type.value, "document": c.document, "article": c.article,
             "notice_months": c.notice_months, "paraphrase": c.paraphrase, "sources": list(c.sources)}
            for c in o.clauses if c.type.value in types]


def _tally(ev: Evidence, org: str, scale: tuple[str, ...]) -> dict[str, Any]:
    cases = [c for c in ev.cases.values() if c.organization == org]
    levels = Counter(record_level(c, scale) for c in cases)
    return {"kind": "case-record", "organization": org, "cases": len(cases),
            "requests_made": sum(c.request.made.value == "yes" for c in cases),
            "triggered": sum(c.obligation.triggered.value == "yes" for c in cases),
            "strongest_response": {lvl: levels[lvl] for lvl in scale if levels[lvl]},
            "note": "every case in the ledger for this organization, by its strongest response"}


def _exits(ev: Evidence, org: str) -> list[dict[str, Any]]:
    """Membership spells that ended by withdrawal, non-renewal or a change of status: the precedents."""
    spells = ev.spells.get(org, ())
    out = []
    for s in spells:
        if not (s.end and s.end_reason and s.end_reason.value in ("withdrawn", "not-renewed", "status-change")):
            continue
        after = next((n.status.value for n in spells if n.state == s.state and n.start == s.end), None)
        out.append({"kind": "exit", "state": s.state, "date": s.end.isoformat(),
                    "how": s.end_reason.value + (f" to {after}" if after else ""), "sources": list(s.sources)})
    return out


def _chairs(ev: Evidence, org: str) -> list[dict[str, Any]]:
    meetings = sorted(ev.meetings.get(org, ()), key=lambda m: m.date)[-3:]
    return [{"kind": "meeting", "id": m.id, "date": m.date.isoformat(), "place": m.place, "chair": m.chair}
            for m in meetings]


def _members(ev: Evidence, org: str, on: dt.date) -> dict[str, Any]:
    """Who held each status on `on`, from the membership spells (a member list to set beside the text's)."""
    held = [s for s in ev.spells.get(org, ()) if s.start <= on and (s.end is None or on < s.end)]
    by_status: dict[str, list[str]] = {}
    for s in sorted(held, key=lambda s: s.state):
        by_status.setdefault(s.status.value, []).append(s.state)
    return {"kind": "membership", "organization": org, "date": on.isoformat(), "members": by_status.get("member", []),
            "other": {k: v for k, v in by_status.items() if k != "member"},
            "sources": sorted({x for s in held for x in s.sources})}


def evidence(topic: str, org: str, ev: Evidence, scale: tuple[str, ...],
             on: dt.date | None = None) -> tuple[list[dict[str, Any]], str]:
    """Evidence items for a claim on `topic` about `org`, and a one-line description; `on`: the
    text's date (membership is read on it; today when it is not known)."""
    if topic == "membership":
        when = on or dt.date.today()
        return ([_members(ev, org, when)],
                f"claim about the organization (membership): evidence, not a verdict; the members on {when.isoformat()}")
    if topic in METRIC_TOPICS:
        metric = METRIC_TOPICS[topic]
        return ([{"kind": "metric", "metric": metric, "organization": org,
                  "command": f"pactscope metrics {metric} {org}"}],
                f"claim about the organization ({topic}): evidence, not a verdict; the figures come from the {metric} metric")
    if topic == "decision_rule":
        return (_clauses(ev, org, CLAUSE_TYPES[topic]) + _chairs(ev, org),
                "claim about the organization (decision rule): evidence, not a verdict")
    items = _clauses(ev, org, CLAUSE_TYPES.get(topic, ()))
    if topic == "exit":
        items += _exits(ev, org)
    if topic in ("effectiveness", "mandate", "clauses"):
        items.append(_tally(ev, org, scale))
    return items, f"claim about the organization ({topic}): evidence, not a verdict"
