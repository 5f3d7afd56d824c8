"""Raw tables read with the standard library only: an independent path to check panels against."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def raw_rows(name: str) -> list[dict[str, str]]:
    """Rows of a raw table read with the standard library only (an independent path)."""
    with gzip.open(RAW / f"{name}.csv.gz", "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))
