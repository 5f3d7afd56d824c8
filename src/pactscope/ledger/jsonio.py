"""The stable JSON form of cases, and the JSON Schema of the ledger files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from pactscope.codes import resolve
from pactscope.ledger.loader import load_ledger, resolve_org_id
from pactscope.ledger.schema import CrisisCase, Membership, Organization, Organs, SourceList
from pactscope.ledger.schema_footprint import Departures, Exercises, Forces, Presence

SCHEMA_PATH = Path(__file__).resolve().parent / "ledger.schema.json"
CASES_JSON_VERSION = 1  # bump only on a breaking change; new keys may be added freely


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _case_json(case: CrisisCase, sources: dict) -> dict[str, Any]:
    cited: list[str] = []
    groups = [case.sources, case.request.sources, case.response.sources, case.obligation.sources]
    groups += [a.sources for a in case.response.actions]
    for group in groups:
        for sid in group:
            url = str(sources[sid].url) if sid in sources else None
            if url and url not in cited:
                cited.append(url)
    return {
        "id": case.id,
        "organization": case.organization,
        "title": case.title,
        "start_date": _iso(case.start_date),
        "end_date": _iso(case.end_date),
        "date_precision": case.date_precision.value,
        "states": [p.state for p in case.parties],
        "parties": [
            {"state": p.state, "role": p.role.value, "member": p.member} for p in case.parties
        ],
        "threat_type": case.threat_type.value,
        "territory": case.territory.value,
        "territory_note": case.territory_note,
        "summary": case.summary,
        "request": {
            "made": case.request.made.value,
            "date": _iso(case.request.date),
            "article": case.request.article,
            "by": case.request.by,
            "state": case.request.state,
            "met": case.request.met.value if case.request.met else None,
            "summary": case.request.summary,
        },
        "response": case.response.term.value,
        "response_actions": [t.value for t in case.response.terms],
        "response_steps": [
            {"term": a.term.value, "date": _iso(a.date), "what": a.what, "sources": list(a.sources)}
            for a in case.response.actions
        ],
        "response_date": _iso(case.response.date),
        "response_summary": case.response.summary,
        "response_acted_through": case.response.acted_through,
        "obligation_triggered": case.obligation.triggered.value,
        "obligation_reason": case.obligation.reason,
        "obligation_organ_invoked": case.obligation.organ_invoked,
        "obligation_rule_exception": case.obligation.rule_exception,
        "outcome": case.outcome,
        "disputed_points": list(case.disputed_points),
        "confidence": case.confidence.value,
        "places": list(case.places),
        "revisions": [r.model_dump(mode="json") for r in case.revisions],
        "source_ids": list(case.sources),
        "sources": cited,
    }


def cases_json(alliance: str, member: str | None = None, root: str | Path | None = None) -> list[dict]:
    """Cases of ``alliance`` as plain JSON-ready dicts (see docs/ledger.md), oldest first.

    ``member`` (any code or name the crosswalk resolves) keeps only cases in which that state is
    a party; an unknown state raises UnknownState.
    """
    ledger = load_ledger(root)
    oid = resolve_org_id(alliance, root)
    cases = sorted(ledger.cases_of(oid), key=lambda c: (c.start_date, c.id))
    if member:
        iso3 = resolve(member).iso3
        cases = [c for c in cases if iso3 in c.states]
    return [_case_json(c, ledger.sources) for c in cases]


def ledger_json_schema() -> dict[str, Any]:
    """JSON Schema for each kind of ledger file, under one ``$defs``."""
    models: list[type[BaseModel]] = [
        Organization, Membership, Organs, CrisisCase, SourceList, Presence, Forces, Exercises, Departures,
    ]
    _, schema = models_json_schema(
        [(m, "validation") for m in models], title="pactscope alliance ledger"
    )
    schema["description"] = (
        "organization.yaml: Organization; membership.yaml: Membership; organs.yaml: Organs; "
        "cases/<id>.yaml: CrisisCase; sources/<name>.yaml: SourceList; presence.yaml: Presence; "
        "forces.yaml: Forces; exercises.yaml: Exercises; departures.yaml: Departures"
    )
    return schema


def schema_text() -> str:
    return json.dumps(ledger_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schema(path: str | Path | None = None) -> Path:
    """Write the JSON Schema (default: the packaged ``ledger.schema.json``)."""
    target = Path(path) if path is not None else SCHEMA_PATH
    target.write_text(schema_text(), encoding="utf-8")
    return target
