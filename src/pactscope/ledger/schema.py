"""Pydantic models of the alliance ledger.

The ledger is stored as YAML, one folder per organization under ``records/``:

    records/<org>/organization.yaml   Organization (names, documents, clauses, officials)
    records/<org>/membership.yaml     {"spells": [MembershipSpell, ...]}
    records/<org>/organs.yaml         {"organs": [Organ, ...], "meetings": [Meeting, ...]}
    records/<org>/cases/<id>.yaml     CrisisCase, one file per case
    records/sources/<name>.yaml       {"sources": [Source, ...]}; ids are unique across all files

Every record that states a fact lists the ids of its sources in ``sources``; the models
refuse a fact with an empty source list.  States are ISO 3166 alpha-3 codes (historical
codes such as ``SUN`` are allowed where ISO has them).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints, model_validator

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
SourceIds = Annotated[list[Identifier], Field(min_length=1)]


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in a YAML key is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first validation: a cached ledger needs none


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class Confidence(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class SourceKind(StrEnum):
    official = "official"  # the organization's or a government's own document or statement
    news = "news"  # news agency or newspaper
    academic = "academic"  # journal, book, research institute
    reference = "reference"  # treaty database, encyclopedia, data set
    ngo = "ngo"


class Source(Strict):
    id: Identifier
    url: AnyHttpUrl
    publisher: str
    title: str
    date: dt.date | None = Field(None, description="publication date")
    accessed: dt.date | None = None
    language: str = Field("en", pattern=r"^[a-z]{2}$")
    kind: SourceKind


class Names(Strict):
    en: str
    ru: str | None = None
    ar: str | None = None


class NameVariants(Strict):
    """Abbreviations and other spellings, per language."""

    en: list[str] = []
    ru: list[str] = []
    ar: list[str] = []


class DocumentKind(StrEnum):
    treaty = "treaty"
    charter = "charter"
    protocol = "protocol"
    agreement = "agreement"
    declaration = "declaration"
    decision = "decision"


class Document(Strict):
    id: Identifier
    title: str
    kind: DocumentKind
    signed: dt.date
    place: str | None = None
    in_force: dt.date | None = None
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds


class ClauseType(StrEnum):
    collective_defence = "collective-defence"
    consultation = "consultation"
    decision_rule = "decision-rule"
    withdrawal = "withdrawal"
    no_other_alliances = "no-other-alliances"
    foreign_bases_consent = "foreign-bases-consent"
    peacekeeping = "peacekeeping"
    non_aggression = "non-aggression"
    dispute_settlement = "dispute-settlement"
    military_cooperation = "military-cooperation"
    suspension = "suspension"
    membership = "membership"
    duration = "duration"
    no_conflicting_engagements = "no-conflicting-engagements"
    authentic_texts = "authentic-texts"


class Clause(Strict):
    id: Identifier
    document: Identifier = Field(description="id of a Document of the same organization")
    article: str = Field(description='article number as written, e.g. "4" or "5(2)"')
    type: ClauseType
    paraphrase: str = Field(description="one line, in our own words")
    trigger: str | None = Field(None, description="for collective defence: what sets it off")
    conditions: list[str] = []
    notice_months: int | None = Field(None, ge=0, description="for withdrawal: notice period")
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds


class Official(Strict):
    names: Names
    role: str
    state: Iso3 | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds


class Organization(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]*$")] = Field(
        description="short upper-case id, e.g. CSTO"
    )
    names: Names
    abbreviations: NameVariants
    kind: str = Field(description="e.g. collective defence alliance, security organization")
    founded: dt.date
    headquarters: str | None = None
    collective_defence: bool = Field(description="does any founding document promise it")
    atop_ids: list[int] = []
    summary: str
    website: AnyHttpUrl | None = None
    documents: list[Document]
    clauses: list[Clause] = []
    officials: list[Official] = []
    sources: SourceIds


class MemberStatus(StrEnum):
    member = "member"
    suspended = "suspended"  # the organization suspended the state
    frozen = "frozen"  # the state froze its own participation
    observer = "observer"
    partner = "partner"


class SpellEnd(StrEnum):
    withdrawn = "withdrawn"  # formal notice of withdrawal
    not_renewed = "not-renewed"  # did not sign a renewal protocol
    status_change = "status-change"  # e.g. member -> frozen
    dissolved = "dissolved"
    succeeded = "succeeded"  # state ceased to exist / successor took over


class MembershipSpell(Strict):
    state: Iso3
    status: MemberStatus
    start: dt.date
    start_precision: Precision = Precision.day
    end: dt.date | None = None
    end_precision: Precision | None = None
    end_reason: SpellEnd | None = None
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> MembershipSpell:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.end is None and self.end_reason is not None:
            raise ValueError("end_reason given for an open spell")
        return self


class Membership(Strict):
    spells: list[MembershipSpell]


class Organ(Strict):
    id: Identifier
    names: Names
    kind: str = Field(description="e.g. summit, ministerial council, secretariat, force")
    established: dt.date | None = None
    description: str
    sources: SourceIds


class Meeting(Strict):
    id: Identifier
    organ: Identifier
    date: dt.date
    end_date: dt.date | None = None
    place: str
    host: Iso3 | None = None
    chair: str | None = None
    decisions: list[str] = []
    note: str | None = None
    extraordinary: bool = Field(False, description="an extraordinary (unscheduled) session")
    online: bool = Field(False, description="held by videoconference")
    confidence: Confidence = Confidence.high
    sources: SourceIds


class Organs(Strict):
    organs: list[Organ]
    meetings: list[Meeting] = []


class ThreatType(StrEnum):
    interstate_attack = "interstate-attack"
    border_clash_members = "border-clash-between-members"
    insurgency_terrorism = "insurgency-or-terrorism"
    domestic_unrest = "domestic-unrest"
    spillover = "spill-over"


class PartyRole(StrEnum):
    threatened = "threatened"  # the member whose security was at stake
    adversary = "adversary"
    both = "both"  # each side threatened by the other (e.g. two members clash)
    other = "other"


class Party(Strict):
    state: Iso3
    role: PartyRole
    member: bool = Field(description="was it a member of the organization at the time")


class Territory(StrEnum):
    recognised = "recognised"  # internationally recognised territory of the threatened member
    not_recognised = "not-recognised"  # e.g. fighting outside the member's recognised borders
    disputed = "disputed"  # undemarcated or contested border
    mixed = "mixed"


class Ternary(StrEnum):
    yes = "yes"
    no = "no"
    disputed = "disputed"


class Request(Strict):
    made: Ternary = Field(description="yes, no, or disputed (sources disagree)")
    date: dt.date | None = None
    by: str | None = Field(None, description="who asked, e.g. 'Prime Minister Nikol Pashinyan'")
    state: Iso3 | None = None
    article: str | None = Field(None, description="treaty article invoked, e.g. '4'")
    met: Ternary | None = Field(
        None, description="was what was asked for given: yes, no, disputed; empty when not assessed"
    )
    summary: str | None = None
    sources: SourceIds


class ResponseTerm(StrEnum):
    none = "none"
    statement = "statement"
    consultation = "consultation"
    fact_finding = "fact-finding-mission"
    material_aid = "material-or-logistical-aid"
    military_deployment = "military-deployment"
    request_declined = "request-declined"


# the response scale, weakest first; ``request-declined`` marks an action but is not a rung
RESPONSE_SCALE: tuple[ResponseTerm, ...] = (
    ResponseTerm.none,
    ResponseTerm.statement,
    ResponseTerm.consultation,
    ResponseTerm.fact_finding,
    ResponseTerm.material_aid,
    ResponseTerm.military_deployment,
)


class ResponseAction(Strict):
    """One dated thing the organization (or its organs) did in the case."""

    term: ResponseTerm
    date: dt.date | None = Field(None, description="the day the action was taken or announced")
    what: str | None = Field(None, description="one line: which organ did what")
    sources: SourceIds


class Response(Strict):
    term: ResponseTerm = Field(description="the strongest response on the scale that the organization gave")
    actions: list[ResponseAction] = Field([], description="every response action, dated, with sources")
    date: dt.date | None = Field(None, description="the day of the first response action")
    acted_through: str | None = Field(
        None,
        description="the body or framework the response came through when it was not the organization's "
        "own organs, e.g. the CIS Council of Heads of State, or Russia bilaterally",
    )
    summary: str
    sources: SourceIds

    @property
    def terms(self) -> list[ResponseTerm]:
        """The distinct kinds of action, in the order first given."""
        return list(dict.fromkeys(a.term for a in self.actions))


class Obligation(Strict):
    triggered: Ternary
    organ_invoked: bool = Field(
        False, description="an organ decided to act under the collective-defence clause"
    )
    reason: str
    rule_exception: str | None = Field(
        None, description="why `triggered` departs from the rule in docs/ledger.md, if it does"
    )
    sources: SourceIds


class Revision(Strict):
    """A change to a coding after review, with its reason."""

    date: dt.date
    field: str = Field(description="dotted field path, e.g. obligation.triggered")
    old: str
    new: str
    reason: str


class CrisisCase(Strict):
    id: Identifier
    organization: str = Field(description="Organization id, e.g. CSTO")
    title: str
    start_date: dt.date
    end_date: dt.date | None = None
    date_precision: Precision = Precision.day
    parties: Annotated[list[Party], Field(min_length=1)]
    threat_type: ThreatType
    territory: Territory
    territory_note: str | None = None
    summary: str
    request: Request
    response: Response
    obligation: Obligation
    outcome: str
    disputed_points: list[str] = []
    confidence: Confidence = Confidence.high
    places: list[str] = Field([], description="places named in reports of the case, for linking")
    revisions: list[Revision] = Field([], description="codings changed after review")
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> CrisisCase:
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self

    @property
    def states(self) -> list[str]:
        return [p.state for p in self.parties]


class SourceList(Strict):
    sources: list[Source]
