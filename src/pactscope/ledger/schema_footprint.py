"""Models of the military footprint: foreign presence, collective forces, joint exercises.

Three list files per organization folder (layout in :mod:`pactscope.ledger.schema`):

    records/<org>/presence.yaml   {"facilities": [Facility, ...]}  foreign military presence on
                                  members' territory, whoever the user is (Russia, the United States)
    records/<org>/forces.yaml     {"forces": [CollectiveForce, ...]}  the organization's joint forces
    records/<org>/exercises.yaml  {"exercises": [Exercise, ...]}  joint exercises, held or called off

Each record and each dated part of it (agreement, ratification, size report) carries sources.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from pactscope.ledger.schema import (
    Confidence,
    Document,
    Identifier,
    Iso3,
    Names,
    Precision,
    SourceIds,
    Strict,
)


class FacilityKind(StrEnum):
    military_base = "military-base"  # ground forces garrison
    air_base = "air-base"
    transit_center = "transit-center"  # logistics hub for operations elsewhere
    test_range = "test-range"
    space_launch = "space-launch"
    communications = "communications"
    naval_test_site = "naval-test-site"
    monitoring_station = "monitoring-station"  # seismic, radar or early-warning


class Ratification(Strict):
    """One state's ratification (or its parliament's vote) of a basis agreement."""

    state: Iso3
    date: dt.date
    date_precision: Precision = Precision.day
    body: str | None = Field(None, description="e.g. State Duma, Majlisi Namoyandagon, the president's signature")
    sources: SourceIds


class BasisAgreement(Strict):
    """The agreement (or protocol amending one) that a presence rests on."""

    id: Identifier
    title: str
    signed: dt.date | None = None
    signed_precision: Precision = Precision.day
    place: str | None = None
    in_force: dt.date | None = None
    term: str | None = Field(None, description="term and extension rule as written, in our own words")
    runs_to: int | None = Field(None, description="last year of the term as agreed (before automatic extensions)")
    ratifications: list[Ratification] = Field(default_factory=list)
    note: str | None = None
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> BasisAgreement:
        if self.signed and self.in_force and self.in_force < self.signed:
            raise ValueError(f"in_force {self.in_force} is before signed {self.signed}")
        for r in self.ratifications:
            if self.signed and r.date < self.signed:
                raise ValueError(f"{r.state} ratification {r.date} is before signed {self.signed}")
        return self


class SizeReport(Strict):
    """A published figure for a facility or force, as of a date."""

    date: dt.date = Field(description="the date the figure was published or refers to")
    date_precision: Precision = Precision.day
    personnel: int | None = Field(None, ge=0, description="troops or staff, as published")
    state: Iso3 | None = Field(None, description="the contributing state, for a force's national part")
    what: str | None = Field(None, description="units, equipment or area, in our own words")
    claimed_by: str | None = Field(None, description="who gave the figure, e.g. the Secretariat, a ministry")
    sources: SourceIds


class Facility(Strict):
    """A foreign military facility on a member's territory."""

    id: Identifier
    names: Names
    kind: FacilityKind
    host: Iso3
    user: Iso3 = Field(description="the state whose forces or agencies use the facility")
    location: str
    start: dt.date | None = Field(None, description="opening or first use under the present arrangement")
    start_precision: Precision = Precision.day
    end: dt.date | None = Field(None, description="closure or hand-over; empty while in use")
    end_precision: Precision | None = None
    end_reason: str | None = None
    collective: bool = Field(False, description="declared part of the organization's forces (e.g. Kant for the CSTO)")
    agreements: list[BasisAgreement] = Field(default_factory=list)
    sizes: list[SizeReport] = Field(default_factory=list)
    rent: str | None = Field(None, description="what the user pays, as published")
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> Facility:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.end is None and self.end_reason is not None:
            raise ValueError("end_reason given for a facility still in use")
        return self


class ForceKind(StrEnum):
    rapid_reaction = "rapid-reaction"
    rapid_deployment = "rapid-deployment"
    peacekeeping = "peacekeeping"
    air = "air"
    other = "other"


class FoundingAct(Document):
    """A decision or agreement that created or reshaped a force (a Document with its signers)."""

    parties: list[Iso3] = Field(default_factory=list, description="states that signed; empty when all members did")
    not_signed: list[Iso3] = Field(default_factory=list, description="members that did not sign at the time")

    @model_validator(mode="after")
    def _ordered(self) -> FoundingAct:
        if self.in_force and self.in_force < self.signed:
            raise ValueError(f"in_force {self.in_force} is before signed {self.signed}")
        return self


class CollectiveForce(Strict):
    id: Identifier
    names: Names
    abbreviations: list[str] = Field(default_factory=list)
    kind: ForceKind
    established: dt.date = Field(description="the founding decision")
    acts: list[FoundingAct] = Field(min_length=1)
    sizes: list[SizeReport] = Field(default_factory=list)
    deployments: list[str] = Field([], description="ids of crisis cases in which the force was deployed")
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds


class ExerciseStatus(StrEnum):
    held = "held"
    cancelled = "cancelled"
    postponed = "postponed"


class Exercise(Strict):
    id: Identifier
    series: str = Field(description="e.g. Interaction, Rubezh, Poisk, Eshelon, Unbreakable Brotherhood, Kanal")
    name: str = Field(description="as announced, e.g. Interaction-2021")
    name_ru: str | None = None
    start: dt.date
    end: dt.date | None = None
    date_precision: Precision = Precision.day
    status: ExerciseStatus = ExerciseStatus.held
    host: Iso3 | None = None
    places: list[str] = Field(default_factory=list)
    participants: list[Iso3] = Field([], description="states that sent troops or staff")
    force: Identifier | None = Field(None, description="the CollectiveForce id exercised, if any")
    personnel: int | None = Field(None, ge=0, description="declared number of troops and staff")
    size_note: str | None = None
    note: str | None = None
    confidence: Confidence = Confidence.high
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> Exercise:
        if self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Presence(Strict):
    facilities: list[Facility]


class Forces(Strict):
    forces: list[CollectiveForce]


class Exercises(Strict):
    exercises: list[Exercise]


class Departure(Strict):
    """A member leaving a structure of the organization without leaving the treaty
    (France 1966 and Greece 1974 from NATO's integrated command; Armenia and CSTO exercises 2023)."""

    id: Identifier
    state: Iso3
    structure: str = Field(description="e.g. integrated military command, CSTO exercises on its territory")
    announced: dt.date | None = None
    start: dt.date
    start_precision: Precision = Precision.day
    end: dt.date | None = Field(None, description="return, if the state came back")
    end_precision: Precision | None = None
    summary: str
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> Departure:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Departures(Strict):
    departures: list[Departure]
