"""Democracy scores of states or of an alliance's members over time.

``v2x_polyarchy`` is V-Dem's electoral democracy index (0 to 1); ``euds``/``aeuds`` Marquez's
extended Unified Democracy Scores; ``polity2`` Polity5 (-10 to 10, none after Polity's last
year). Source: ``cw_democracy`` (isard's compilation; Coppedge et al., Marquez, Marshall).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from pactscope import data
from pactscope.codes import iso_state, state_iso3
from pactscope.errors import BadArgument
from pactscope.metrics.membership import alliance_years
from pactscope.panels.years import parse_years, year_span

SCORES = ["v2x_polyarchy", "euds", "aeuds", "polity2"]


def _span(years) -> tuple[int, int]:
    first, last = data.coverage("cw_democracy")
    if years is not None and parse_years(years, last=9999)[1] > last:
        raise BadArgument(f"years: the democracy scores (V-Dem via isard) end in {last}; ask for {last} or earlier")
    return year_span(years, (first, last), first=first)


def democracy(states: Iterable[str] | str | None = None, *, alliance: str | None = None, years=None) -> pl.DataFrame:
    """Scores by state and year: iso3, year, ccode, v2x_polyarchy, euds, aeuds, polity2 (and
    ``alliance`` when the states are an alliance's members, member or frozen on 31 December)."""
    start, end = _span(years)
    if alliance is not None:
        keys = alliance_years(alliance, (start, end)).filter(pl.col("member")).select("alliance", "year", "ccode", "iso3")
    elif states:
        picked = [states] if isinstance(states, str) else list(states)
        rows = [(iso, y, iso_state(iso, y)[0]) for iso in (state_iso3(s, "states") for s in picked)
                for y in range(start, end + 1)]  # fmt: skip
        keys = pl.DataFrame(rows, schema={"iso3": pl.String, "year": pl.Int32, "ccode": pl.Int32}, orient="row")
    else:
        raise BadArgument("name states or an alliance", suggestions=["states=['KAZ']", "alliance='CSTO'"])
    scores = data.load("cw_democracy").select(pl.col("ccode").cast(pl.Int32), pl.col("year").cast(pl.Int32), *SCORES)
    out = keys.join(scores, on=["ccode", "year"], how="left")
    return out.sort("iso3", "year") if alliance is None else out.sort("year", "iso3")
