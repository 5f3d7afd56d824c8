"""Vega-Lite specs for the pages, built by :mod:`pactscope.assess.charts` (no chart logic here)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=32)
def alliance_charts(oid: str) -> dict:
    """Specs for the alliance page, keyed by chart slot; empty until the builders exist."""
    return {}


@lru_cache(maxsize=128)
def dyad_charts(ccode_a: int, ccode_b: int) -> dict:
    """Specs for the dyad explorer."""
    return {}
