"""Threat environment of a state: the armed conflicts and disputes it took part in, year by year,
and whether its adversary was an alliance partner at the time.

Sources and rules:

- UCDP/PRIO Armed Conflict Dataset v25.1 (``ucdp_acd``, 1946-2024, GW codes). A state is in a
  conflict-year when it is ``gwno_a`` or ``gwno_b`` (``role`` primary) or a secondary supporter
  (``gwno_a_2nd``/``gwno_b_2nd``, role secondary). Its adversaries are every state on the other
  side (a state listed on both sides is left out); where the other side has no state (a rebel
  group) the row has a null adversary.
  ``intensity`` is UCDP's intensity level (1: 25-999 battle deaths in the year, 2: 1000+).
- Militarized interstate disputes, directed dispute-years: Gibler-Miller-Little v2.2.1
  (``gml_dirdisp``, to 2010) and COW MID v5.0 (``cow_mid_dirdisps``, to 2014). By default GML is
  used through 2010 and COW for 2011-2014 (``mids="gml-then-cow"``), so a dispute is not counted
  twice. ``hostility`` is the higher of the two sides' hostility levels (1 no militarized action
  ... 5 war); ``role`` is originator or joiner.
- ``shared_alliances``: the ledger organizations (or only ``alliance``) in which both the state
  and the adversary counted as members that year (:mod:`pactscope.metrics.membership`);
  ``adversary_ally`` is true when there is at least one, i.e. a conflict inside the alliance.
"""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.codes import coded_state, iso_state, state_iso3
from pactscope.data import coverage
from pactscope.errors import BadArgument
from pactscope.ledger import org_id
from pactscope.metrics.membership import alliance_years, first_year, member_years
from pactscope.panels.years import current_year, year_span

MID_CHOICES = ("gml-then-cow", "gml", "cow", "both", "none")
SCHEMA = {
    "state": pl.String, "year": pl.Int32, "source": pl.String, "conflict_id": pl.Int64,
    "side": pl.String, "role": pl.String, "adversary": pl.String, "adversary_name": pl.String,
    "adversary_ally": pl.Boolean, "shared_alliances": pl.List(pl.String),
    "intensity": pl.Int32, "hostility": pl.Int32, "conflict_type": pl.String,
}


def _codes(iso: str, start: int, end: int, which: int) -> pl.DataFrame:
    """year -> code of the state (which=0 COW, 1 GW) in each year of the span."""
    rows = [(y, iso_state(iso, y)[which]) for y in range(start, end + 1)]
    return pl.DataFrame(
        [(y, c) for y, c in rows if c is not None], schema={"year": pl.Int32, "code": pl.Int32}, orient="row"
    )


def ucdp_rows(iso: str, start: int, end: int) -> list[dict]:
    """One row per conflict-year and adversary of the state in UCDP (null adversary: non-state)."""
    codes = _codes(iso, start, end, 1)
    acd = data.load("ucdp_acd").filter(pl.col("year").is_between(start, end))
    sides = acd.group_by("conflict_id", "year").agg(
        a=pl.col("gwno_a").append(pl.col("gwno_a_2nd")).drop_nulls().unique(),
        b=pl.col("gwno_b").append(pl.col("gwno_b_2nd")).drop_nulls().unique(),
        a1=pl.col("gwno_a").drop_nulls().unique(), b1=pl.col("gwno_b").drop_nulls().unique(),
        intensity=pl.col("intensity_level").max(), conflict_type=pl.col("type_of_conflict").first(),
    )
    sides = sides.join(codes, on="year")
    rows = []
    for r in sides.sort("year", "conflict_id").iter_rows(named=True):
        for side, own, other, primary in (("A", r["a"], r["b"], r["a1"]), ("B", r["b"], r["a"], r["b1"])):
            if r["code"] not in own:
                continue
            base = {
                "year": r["year"], "source": "ucdp", "conflict_id": r["conflict_id"], "side": side,
                "role": "primary" if r["code"] in primary else "secondary",
                "intensity": r["intensity"], "hostility": None, "conflict_type": r["conflict_type"],
            }
            for adv in sorted(set(other) - set(own)) or [None]:  # a state listed on both sides is no adversary
                iso_adv, name = coded_state(adv, r["year"], "gw") if adv is not None else (None, "non-state actor")
                rows.append({**base, "adversary": iso_adv, "adversary_name": name})
    return rows


def mid_rows(iso: str, start: int, end: int, table: str, source: str) -> list[dict]:
    """One row per dispute-year and opponent of the state in a directed dispute-year MID table."""
    codes = _codes(iso, start, end, 0).rename({"code": "ccode1"})
    mids = data.load(table).filter(pl.col("year").is_between(start, end)).join(codes, on=["year", "ccode1"])
    mids = mids.unique(["dispnum", "ccode2", "year"], keep="first").sort("year", "dispnum", "ccode2")
    rows = []
    for r in mids.iter_rows(named=True):
        iso_adv, name = coded_state(r["ccode2"], r["year"], "cow")
        levels = [v for v in (r["hostlev1"], r["hostlev2"]) if v is not None]
        rows.append({
            "year": r["year"], "source": source, "conflict_id": r["dispnum"],
            "side": "A" if r["sidea1"] == 1 else "B", "role": "originator" if r["orig1"] == 1 else "joiner",
            "adversary": iso_adv, "adversary_name": name, "intensity": None,
            "hostility": max(levels) if levels else None, "conflict_type": None,
        })
    return rows


def _mid_spans(mids: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    gml_last, cow_last = coverage("gml_dirdisp")[1], coverage("cow_mid_dirdisps")[1]
    gml = ("gml_dirdisp", "gml", start, min(end, gml_last))
    cow = ("cow_mid_dirdisps", "cow", start, min(end, cow_last))
    spans = {
        "gml-then-cow": [gml, ("cow_mid_dirdisps", "cow", max(start, gml_last + 1), min(end, cow_last))],
        "gml": [gml], "cow": [cow], "both": [gml, cow], "none": [],
    }[mids]
    return [s for s in spans if s[2] <= s[3]]


def threats(state: str | int, alliance: str | None = None, years=None, *, mids: str = "gml-then-cow") -> pl.DataFrame:
    """The state's conflicts and disputes by year, one row per conflict-year and adversary.

    Columns: state, year, source (ucdp, gml, cow), conflict_id (UCDP conflict id or MID dispute
    number), side, role, adversary (ISO3; null for a non-state opponent), adversary_name,
    adversary_ally, shared_alliances, intensity (UCDP), hostility (MIDs), conflict_type (UCDP).
    ``alliance`` limits the ally check to one organization (default: every ledger organization).
    ``years`` defaults to 1816 through the current year.
    """
    iso = state_iso3(state)
    if mids not in MID_CHOICES:
        raise BadArgument(f"mids: {mids!r} is not one of {', '.join(MID_CHOICES)}", suggestions=list(MID_CHOICES))
    start, end = year_span(years, (1816, current_year()))
    rows = ucdp_rows(iso, max(start, 1946), end)
    for table, source, a, b in _mid_spans(mids, start, end):
        rows += mid_rows(iso, a, b, table, source)
    frame = pl.DataFrame(
        [{**r, "state": iso, "adversary_ally": None, "shared_alliances": []} for r in rows], schema=SCHEMA
    )
    if alliance is not None:
        oid = org_id(alliance)
        first = max(start, first_year(oid))
        memberships = alliance_years(oid, (first, end)) if first <= end else alliance_years(oid, end).clear()
        memberships = memberships.filter(pl.col("member"))
    else:
        memberships = member_years((start, end))
    memberships = memberships.select("alliance", "year", "iso3")
    own = memberships.filter(pl.col("iso3") == iso).select("year", "alliance")
    shared = (
        memberships.rename({"iso3": "adversary"}).join(own, on=["year", "alliance"])
        .group_by("year", "adversary").agg(shared=pl.col("alliance").sort())
    )
    frame = frame.drop("shared_alliances").join(shared, on=["year", "adversary"], how="left")
    frame = frame.with_columns(
        shared_alliances=pl.col("shared").fill_null([]),
        adversary_ally=pl.when(pl.col("adversary").is_not_null()).then(pl.col("shared").is_not_null()),
    )
    return frame.select(list(SCHEMA)).sort("year", "source", "conflict_id", "adversary", nulls_last=True)
