"""A claim found in a text, set beside what the ledger records."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

VERDICTS = ("consistent", "inconsistent", "partly", "not-checkable")


class Claim(BaseModel):
    """One claim; `span` are character offsets of its sentence in `ReadResult.text`."""

    span: tuple[int, int]
    sentence: str
    about: str = Field(description="case | group | organization")
    ids: list[str] = Field(description="ledger case ids, or the organization id")
    field: str = Field(description="request | trigger | response | structure")
    asserted: dict[str, Any] = Field(description="what the text says, on the ledger's terms, with the words that said it")
    record: list[dict[str, Any]] = Field(description="what the ledger records for each case, or the evidence on the organization")
    verdict: str | None = Field(description="consistent | inconsistent | partly | not-checkable; none for claims about the organization")
    rule: str = Field(description="the rule that decided, in one line")
    sources: list[dict[str, Any]] = Field(default_factory=list, description="the ledger's sources for the record")
