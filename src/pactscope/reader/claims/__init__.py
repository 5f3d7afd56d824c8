"""Claim check: what a commentary says about an alliance, set beside the coded record."""

from pactscope.reader.claims.check import find_claims
from pactscope.reader.claims.model import VERDICTS, Claim

__all__ = ["VERDICTS", "Claim", "find_claims"]
