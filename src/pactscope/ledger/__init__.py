"""The curated alliance ledger: organizations, membership, organs, meetings, crisis cases, and the
military footprint (foreign facilities on members' territory, collective forces, joint exercises).

Records live as YAML under ``records/`` (layout in :mod:`pactscope.ledger.schema`).
"""

from pactscope.ledger.frames import (
    cases_frame,
    clauses_frame,
    meetings_frame,
    membership_frame,
    sources_frame,
)
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
