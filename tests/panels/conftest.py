"""Shared panels: built once per test session (the full directed panel is ~2.25 million rows)."""

from __future__ import annotations

import pytest

from pactscope.panels import (
    add_atop_alliance,
    add_contiguity,
    add_cow_majors,
    add_gml_mids,
    add_nmc,
    create_dyadyears,
    last_complete_year,
)


@pytest.fixture(scope="session")
def directed_full():
    panel = create_dyadyears()
    for step in (add_atop_alliance, add_nmc, add_contiguity, add_cow_majors, add_gml_mids):
        panel = step(panel)
    return panel


@pytest.fixture(scope="session")
def last_year() -> int:
    return last_complete_year()
