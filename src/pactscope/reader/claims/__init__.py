"""Claim check: what a commentary says about an alliance, set beside the coded record.

`find_claims` loads on first use, so that reading without claims (which imports `Claim`
for the result model) does not load the vocabulary and the matcher.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pactscope.reader.claims.model import VERDICTS, Claim

if TYPE_CHECKING:
    from pactscope.reader.claims.check import find_claims


def needs_metrics(claims: list[Claim] | None) -> bool:
    """Whether any claim carries evidence that only the metrics can fill in (dominance, alignment)."""
    return any(item.get("kind") == "metric" for c in claims or [] for item in c.record)


def __getattr__(name: str) -> Any:
    if name == "find_claims":
        from pactscope.reader.claims.check import find_claims

        return find_claims
    raise AttributeError(f"module 'pactscope.reader.claims' has no attribute {name!r}")


__all__ = ["VERDICTS", "Claim", "find_claims", "needs_metrics"]
