"""A validation finding that names the file, line and field it is about."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the records root, with forward slashes
    line: int
    field: str  # dotted path such as "spells[3].end", or "(file)"
    message: str
    severity: Severity = Severity.error

    def __str__(self) -> str:
        tag = "" if self.severity is Severity.error else "warning: "
        return f"{self.file}:{self.line}: {self.field}: {tag}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error
