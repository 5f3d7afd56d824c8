"""Membership statuses as data (``statuses.yaml``): which count as membership, which are departures."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

STATUSES_YAML = Path(__file__).with_name("statuses.yaml")


@cache
def _table() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = yaml.safe_load(STATUSES_YAML.read_text(encoding="utf-8"))
    return table


@cache
def counted_statuses() -> tuple[str, ...]:
    """Statuses under which a state counts as a member on a day, in file order (member, frozen)."""
    return tuple(name for name, row in _table().items() if row["counted"])


@cache
def departure_statuses() -> tuple[str, ...]:
    """Statuses that mark a departure from full membership (frozen, suspended, observer, partner)."""
    return tuple(name for name, row in _table().items() if row["departure"])


def is_counted(status: str) -> bool:
    """Does a spell with ``status`` count as membership?"""
    return str(getattr(status, "value", status)) in counted_statuses()


def status_meaning(status: str) -> str:
    return str(_table()[str(getattr(status, "value", status))]["meaning"])
