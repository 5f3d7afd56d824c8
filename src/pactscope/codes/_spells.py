"""Build step: read COW and GW state-system spells and cut them into crosswalk rows."""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pactscope import data


def censor(table: str) -> date:
    """The last day a release covers (31 December of its last catalogued year): spells ending there still run."""
    return date(data.last_year(table), 12, 31)


@dataclass(frozen=True)
class Spell:
    """One continuous membership spell of a code in one state system."""

    system: str
    code: int
    abb: str
    name: str
    start: date
    end: date | None


@dataclass(frozen=True)
class Period:
    """A dated slice of a lineage with its ISO3 code and name overrides."""

    start: date | None
    end: date | None
    iso3: str | None
    extra: dict

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Row:
    """A stretch of time in which (ccode, gwcode, period) stays the same."""

    lineage: int
    cow: Spell | None
    gw: Spell | None
    period: Period
    start: date
    end: date | None


def _rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_cow(path: Path) -> list[Spell]:
    """COW spells; the float-formatted numbers of the raw file become ints."""
    out = []
    for r in _rows(path):
        num = {k: int(float(r[k])) for k in ("ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")}
        end = date(num["endyear"], num["endmonth"], num["endday"])
        out.append(
            Spell("cow", num["ccode"], r["stateabb"], r["statenme"],
                  date(num["styear"], num["stmonth"], num["stday"]), None if end >= censor("cow_states") else end)
        )
    return out


def read_gw(path: Path) -> list[Spell]:
    """GW spells."""
    out = []
    for r in _rows(path):
        end = date.fromisoformat(r["enddate"])
        out.append(
            Spell("gw", int(float(r["gwcode"])), r["stateabb"], r["statename"],
                  date.fromisoformat(r["startdate"]), None if end >= censor("gw_states") else end)
        )
    return out


def read_capitals(path: Path, code_col: str) -> list[dict]:
    """Capital spells with parsed dates and coordinates."""
    return [
        {
            "code": int(float(r[code_col])),
            "capital": r["capital"],
            "start": date.fromisoformat(r["stdate"]),
            "end": date.fromisoformat(r["enddate"]),
            "lat": float(r["lat"]),
            "lng": float(r["lng"]),
        }
        for r in _rows(path)
    ]


def _active(items: list[Any], day: date) -> Any:
    hits = [s for s in items if s.start <= day and (s.end is None or day <= s.end)]
    if len(hits) > 1:
        raise ValueError(f"overlapping spells on {day}: {hits}")
    return hits[0] if hits else None


def cut_lineage(lineage: int, spells: list[Spell], periods: list[Period]) -> list[Row]:
    """Split a lineage's COW and GW spells at every change of code or ISO period."""
    cuts = set()
    for s in spells:
        cuts.add(s.start)
        if s.end is not None:
            cuts.add(s.end + timedelta(days=1))
    for p in periods:
        for edge in (p.start, p.end and p.end + timedelta(days=1)):
            if edge is not None:
                cuts.add(edge)
    cow = [s for s in spells if s.system == "cow"]
    gw = [s for s in spells if s.system == "gw"]
    bounds = sorted(cuts)
    rows: list[Row] = []
    for i, day in enumerate(bounds):
        c, g = _active(cow, day), _active(gw, day)
        if c is None and g is None:
            continue
        period = next((p for p in periods if p.covers(day)), None)
        if period is None:
            raise ValueError(f"lineage {lineage}: no ISO period covers {day}")
        end = bounds[i + 1] - timedelta(days=1) if i + 1 < len(bounds) else None
        last = rows[-1] if rows else None
        if last and last.cow == c and last.gw == g and last.period == period and last.end == day - timedelta(days=1):
            last.end = end
        else:
            rows.append(Row(lineage, c, g, period, day, end))
    return rows
