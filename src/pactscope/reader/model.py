"""The reader's result: what a text refers to and which ledger records it points at."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from pactscope.reader.claims.model import Claim
from pactscope.reader.detect import Language

MENTION_TYPES = ("state", "organization", "organ", "place", "person", "date", "event", "record")


class Mention(BaseModel):
    """A recognised span: `start`/`end` are character offsets into `ReadResult.text`."""

    start: int
    end: int
    text: str
    type: str = Field(description="one of " + ", ".join(MENTION_TYPES))
    target: str = Field(description="ISO3, organization id, organ id, place, person, ISO date or event category")
    state: str | None = Field(None, description="ISO3 of the state a place or person belongs to")
    ccode: int | None = Field(None, description="states: Correlates of War code, for joining the data tables")
    organization: str | None = Field(None, description="organization id an organ belongs to")
    first: dt.date | None = Field(None, description="dates: first day covered")
    last: dt.date | None = Field(None, description="dates: last day covered")
    negated: bool | None = Field(None, description="events: a negator stands just before the word")


class Link(BaseModel):
    """A ledger case or meeting that the text refers to, with why we think so."""

    id: str
    kind: str = Field(description="case | meeting | group")
    organization: str | None = None
    title: str
    score: float
    reasons: list[str]
    references: list[tuple[int, int]] = Field(description="spans of the sentences that point at it")
    record: dict = Field(description="what the ledger records: dates, request, trigger, response, sources")
    members: list[str] = Field(default_factory=list, description="groups: the member cases")


class Candidate(BaseModel):
    id: str
    score: float


class _Reference(BaseModel):
    """An event reference in the text: its span, its words and the kind of record it is about."""

    start: int
    end: int
    text: str
    kind: str = Field(description="case | meeting: what kind of record it was compared with")


class Ambiguous(_Reference):
    """An event reference that fits several records too evenly to pick one."""

    candidates: list[Candidate] = Field(description="the records within the margin of the best, best first")


class Unlinked(_Reference):
    """An event reference the reader found but could not place in the ledger."""

    words: list[str] = Field(description="the event words that made it a reference")
    best: str | None = Field(None, description="closest ledger record, below the threshold")
    best_score: float = 0.0
    reasons: list[str] = []


class ReadResult(BaseModel):
    """Everything `read_text` found; offsets refer to `text` (the input after HTML was stripped)."""

    text: str
    language: Language
    states: list[str] = Field(description="ISO3 codes, in order of first mention")
    organizations: list[str]
    organs: list[str]
    places: list[str]
    persons: list[str]
    dates: list[str] = Field(description="ISO dates, months (YYYY-MM), years or ranges (YYYY/YYYY)")
    article_date: dt.date | None = Field(None, description="the article's own date, if known")
    article_date_source: str | None = Field(None, description="given | html metadata | date line | dateline")
    linked: list[Link]
    unlinked: list[Unlinked]
    ambiguous: list[Ambiguous] = []
    mentions: list[Mention]
    threshold: float
    notes: list[str] = []
    claims: list[Claim] | None = Field(None, description="with claims=True: each claim beside the record (docs/reader.md)")

    def to_json(self, *, indent: int | None = 2, include_text: bool = True) -> str:
        """The documented JSON object (see docs/reader.md)."""
        exclude = None if include_text else {"text"}
        return self.model_dump_json(indent=indent, exclude=exclude)

    def to_html(self) -> str:
        from pactscope.reader.render import render_html

        return render_html(self)

    def to_rich(self) -> str:
        from pactscope.reader.render import render_rich

        return render_rich(self)
