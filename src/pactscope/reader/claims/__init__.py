"""Claim check: what a commentary says about an alliance, set beside the coded record."""

from pactscope.reader.claims.check import find_claims
from pactscope.reader.claims.model import VERDICTS, Claim


def needs_metrics(claims: list[Claim] | None) -> bool:
    """Whether any claim carries evidence that only the metrics can fill in (dominance, alignment)."""
    return any(item.get("kind") == "metric" for c in claims or [] for item in c.record)


__all__ = ["VERDICTS", "Claim", "find_claims", "needs_metrics"]
