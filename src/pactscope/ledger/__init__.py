"""The curated alliance ledger: organizations, membership, organs, meetings, crisis cases, and the
military footprint (foreign facilities on members' territory, collective forces, joint exercises).

Records live as YAML under ``records/`` (layout in :mod:`pactscope.ledger.schema`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pactscope.ledger.frames import cases_frame, clauses_frame, meetings_frame, membership_frame, sources_frame
    from pactscope.ledger.frames_footprint import (
        agreements_frame,
        departures_frame,
        exercises_frame,
        forces_frame,
        presence_frame,
        sizes_frame,
    )
    from pactscope.ledger.jsonio import cases_json, ledger_json_schema, write_schema
    from pactscope.ledger.loader import (
        MEMBER_STATUSES,
        Ledger,
        get_organization,
        load_ledger,
        org_id,
        organizations,
        resolve_org_id,
    )
    from pactscope.ledger.problems import Problem, Severity
    from pactscope.ledger.rules import expected_trigger
    from pactscope.ledger.sources import source_origin
    from pactscope.ledger.statuses import counted_statuses, departure_statuses, is_counted, status_meaning
    from pactscope.ledger.validate import validate

# Each public name and the module that defines it.  The modules load on first use, so that
# importing one part (the reader needs only the schema) does not load polars for the frames.
_WHERE = {
    "cases_frame": "pactscope.ledger.frames",
    "clauses_frame": "pactscope.ledger.frames",
    "meetings_frame": "pactscope.ledger.frames",
    "membership_frame": "pactscope.ledger.frames",
    "sources_frame": "pactscope.ledger.frames",
    "agreements_frame": "pactscope.ledger.frames_footprint",
    "departures_frame": "pactscope.ledger.frames_footprint",
    "exercises_frame": "pactscope.ledger.frames_footprint",
    "forces_frame": "pactscope.ledger.frames_footprint",
    "presence_frame": "pactscope.ledger.frames_footprint",
    "sizes_frame": "pactscope.ledger.frames_footprint",
    "cases_json": "pactscope.ledger.jsonio",
    "ledger_json_schema": "pactscope.ledger.jsonio",
    "write_schema": "pactscope.ledger.jsonio",
    "MEMBER_STATUSES": "pactscope.ledger.loader",
    "Ledger": "pactscope.ledger.loader",
    "get_organization": "pactscope.ledger.loader",
    "load_ledger": "pactscope.ledger.loader",
    "org_id": "pactscope.ledger.loader",
    "organizations": "pactscope.ledger.loader",
    "resolve_org_id": "pactscope.ledger.loader",
    "Problem": "pactscope.ledger.problems",
    "Severity": "pactscope.ledger.problems",
    "expected_trigger": "pactscope.ledger.rules",
    "source_origin": "pactscope.ledger.sources",
    "counted_statuses": "pactscope.ledger.statuses",
    "departure_statuses": "pactscope.ledger.statuses",
    "is_counted": "pactscope.ledger.statuses",
    "status_meaning": "pactscope.ledger.statuses",
    "validate": "pactscope.ledger.validate",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'pactscope.ledger' has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "MEMBER_STATUSES",
    "Ledger",
    "Problem",
    "Severity",
    "agreements_frame",
    "cases_frame",
    "cases_json",
    "clauses_frame",
    "counted_statuses",
    "departure_statuses",
    "departures_frame",
    "exercises_frame",
    "expected_trigger",
    "forces_frame",
    "get_organization",
    "is_counted",
    "ledger_json_schema",
    "load_ledger",
    "meetings_frame",
    "membership_frame",
    "org_id",
    "organizations",
    "presence_frame",
    "resolve_org_id",
    "sizes_frame",
    "source_origin",
    "sources_frame",
    "status_meaning",
    "validate",
    "write_schema",
]
