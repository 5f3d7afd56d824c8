"""The ledger records the reader links to, decoupled from how the ledger is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from pactscope.errors import PactscopeError
from pactscope.ledger.schema import CrisisCase, Meeting, MembershipSpell, Organ, Organization, Source


def response_terms(case: CrisisCase) -> set[str]:
    """The case's response term and the terms of its actions, as ledger values."""
    return {case.response.term.value, *(t.value for t in case.response.terms)}


@dataclass(frozen=True)
class Evidence:
    """Organizations, organs and meetings keyed by organization id; cases and sources by id."""

    organizations: dict[str, Organization] = field(default_factory=dict)
    organs: dict[str, tuple[Organ, ...]] = field(default_factory=dict)
    meetings: dict[str, tuple[Meeting, ...]] = field(default_factory=dict)
    cases: dict[str, CrisisCase] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    spells: dict[str, tuple[MembershipSpell, ...]] = field(default_factory=dict)  # for exit precedents
    note: str | None = None  # why the evidence is empty, when it is

    @cached_property
    def ever_members(self) -> dict[str, frozenset[str]]:
        """Every state that was ever a member (or held another status) of each organization."""
        return {org: frozenset(sp.state for sp in spells) for org, spells in self.spells.items()}

    @cached_property
    def meeting_organizations(self) -> frozenset[str]:
        """The organizations whose meetings the ledger records."""
        return frozenset(org for org, meetings in self.meetings.items() if meetings)

    @cached_property
    def case_organizations(self) -> frozenset[str]:
        """The organizations with crisis cases in the ledger."""
        return frozenset(case.organization for case in self.cases.values())

    def organ(self, organ_id: str) -> Organ | None:
        for organs in self.organs.values():
            for organ in organs:
                if organ.id == organ_id:
                    return organ
        return None


def load_evidence() -> Evidence:
    """The bundled ledger; an empty Evidence with a note if no loader is installed."""
    try:
        from pactscope.ledger import load_ledger
    except ImportError:
        try:
            from pactscope.ledger.loader import load_ledger
        except ImportError:
            return Evidence(note="the ledger loader is not available; nothing can be linked")
    try:
        ledger = load_ledger()
    except PactscopeError as exc:  # a broken record must not stop the reader
        return Evidence(note=f"the ledger did not load ({exc}); nothing can be linked")
    return Evidence(
        organizations=dict(ledger.organizations),
        organs=dict(ledger.organs),
        meetings=dict(ledger.meetings),
        cases=dict(ledger.cases),
        sources=dict(ledger.sources),
        spells=dict(ledger.spells),
    )
