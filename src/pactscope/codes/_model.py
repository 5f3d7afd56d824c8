"""The public record type of the crosswalk."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class State:
    """One code-spell of a state: its codes in each system and its names, valid start_year..end_year."""

    ccode: int | None
    gwcode: int | None
    iso3: str | None
    cow_abb: str | None
    name: str
    name_ru: str
    name_ar: str
    start_year: int
    end_year: int | None

    def __str__(self) -> str:
        codes = ", ".join(f"{k} {v}" for k, v in (("COW", self.ccode), ("GW", self.gwcode), ("ISO", self.iso3)) if v)
        return f"{self.name} ({codes}; {self.start_year}-{self.end_year or ''})"
