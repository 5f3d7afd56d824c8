"""Build step: read the hand-written CSV tables that sit next to this module."""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).parent


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a bundled hand table, skipping '#' comment lines."""
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def split(field: str) -> list[str]:
    """A pipe-separated list without empty items."""
    return [part.strip() for part in field.split("|") if part.strip()]
