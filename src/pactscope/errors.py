"""Exceptions raised by the library; interfaces turn them into messages or HTTP errors."""

from __future__ import annotations

from collections.abc import Iterable


class PactscopeError(Exception):
    """Base class: every error the library raises on bad input."""

    def __init__(self, message: str, *, suggestions: list[str] | None = None) -> None:
        self.suggestions = list(suggestions or [])
        if self.suggestions:
            message = f"{message} (did you mean: {', '.join(self.suggestions)}?)"
        super().__init__(message)


class UnknownDataset(PactscopeError, KeyError):
    """A table name that is not bundled."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0])


class UnknownState(PactscopeError, LookupError):
    """A state name or code the crosswalk cannot resolve."""


class UnknownAlliance(PactscopeError, LookupError):
    """An organization id that is not in the ledger."""


class WrongPanelKind(PactscopeError, TypeError):
    """A panel step applied to a frame of the wrong kind."""


class BadArgument(PactscopeError, ValueError):
    """An argument outside its allowed values."""


class DataIntegrityError(PactscopeError):
    """A bundled file is missing or does not match its recorded checksum."""


class OutputError(PactscopeError, OSError):
    """An output file that cannot be written (a directory, a read-only or full file system)."""


class LedgerError(PactscopeError):
    """The ledger does not validate."""


class UnknownCase(PactscopeError, LookupError):
    """A case id that the organization does not record."""


class UnknownTable(PactscopeError, LookupError):
    """A table id that a report does not hold."""


def close_matches(word: str, choices: Iterable[str], *, limit: int = 3, cutoff: int = 50) -> list[str]:
    """Up to ``limit`` of ``choices`` close to ``word`` (rapidfuzz score at least ``cutoff``), best first:
    the suggestions of an error's "did you mean"."""
    from rapidfuzz import process

    return [m[0] for m in process.extract(word, list(choices), limit=limit, score_cutoff=cutoff)]
