"""Threat environment of a state: the armed conflicts and disputes it took part in, year by year,
and whether its adversary was an alliance partner at the time.

Sources and rules (coverage years from ``pactscope.data.coverage``):

- UCDP/PRIO Armed Conflict Dataset (``ucdp_acd``, GW codes). A state is in a conflict-year as a
  primary party (``gwno_a``/``gwno_b``, ``role`` primary: a conflict on its territory or against
  its government or state) or as a secondary supporter of a side (``gwno_a_2nd``/``gwno_b_2nd``,
  role secondary: mostly deployments abroad, e.g. Kazakhstan in Iraq). Adversary pairs are derived
  once for the whole table (:func:`ucdp_dyads`), symmetrically: every state on one side faces every
  state on the other; a state listed on both sides of a conflict-year faces no one in it. Where the
  other side has no state (a rebel group) the row has a null adversary. ``counted`` says whether a
  row is part of the state's own threat environment (see :func:`_counted`); ``source_row`` gives
  the data row behind it. ``intensity`` is UCDP's level (1: 25-999 battle deaths, 2: 1000+).
- Militarized interstate disputes, directed dispute-years: Gibler-Miller-Little (``gml_dirdisp``)
  and COW MID (``cow_mid_dirdisps``). By default GML is used through its last year and COW after
  it (``mids="gml-then-cow"``), so a dispute is not counted twice. Directed dyads list both
  directions, so the pairs are symmetric. ``hostility`` is the higher of the two sides' hostility
  levels (1 no militarized action ... 5 war); ``role`` is originator or joiner.
- ``shared_alliances``: the ledger organizations (or only ``alliance``) in which both the state
  and the adversary counted as members that year (:mod:`pactscope.metrics.membership`);
  ``adversary_ally`` is true when there is at least one, i.e. a conflict inside the alliance.
"""

from __future__ import annotations

from functools import cache

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
    "adversary_role": pl.String, "counted": pl.Boolean, "source_row": pl.String,
}


def _codes(iso: str, start: int, end: int, which: int) -> pl.DataFrame:
    """year -> code of the state (which=0 COW, 1 GW) in each year of the span."""
    rows = [(y, iso_state(iso, y)[which]) for y in range(start, end + 1)]
    return pl.DataFrame(
        [(y, c) for y, c in rows if c is not None], schema={"year": pl.Int32, "code": pl.Int32}, orient="row"
    )


@cache
def ucdp_dyads() -> pl.DataFrame:
    """Every pair of states on opposite sides of a UCDP conflict-year, derived once and in both
    directions, so that A facing B implies B facing A.

    A side holds its primary party (``gwno_a``/``gwno_b``) and its secondary supporters
    (``gwno_a_2nd``/``gwno_b_2nd``); a state listed on both sides of the same conflict-year is
    dropped from both. Columns: conflict_id, year, code, role, side, adversary_code,
    adversary_role, source_row (the UCDP row in words: conflict, year, the states on each side).
    """
    acd = data.load("ucdp_acd")
    sides = acd.group_by("conflict_id", "year").agg(
        a1=pl.col("gwno_a").drop_nulls().unique().sort(), b1=pl.col("gwno_b").drop_nulls().unique().sort(),
        a2=pl.col("gwno_a_2nd").drop_nulls().unique().sort(), b2=pl.col("gwno_b_2nd").drop_nulls().unique().sort(),
    )
    rows = []
    for r in sides.iter_rows(named=True):
        a, b = set(r["a1"]) | set(r["a2"]), set(r["b1"]) | set(r["b2"])
        both = a & b
        source = _source_row(r, both)
        for x in sorted(a - both):
            for y in sorted(b - both):
                rx = "primary" if x in r["a1"] else "secondary"
                ry = "primary" if y in r["b1"] else "secondary"
                rows.append((r["conflict_id"], r["year"], x, rx, "A", y, ry, source))
                rows.append((r["conflict_id"], r["year"], y, ry, "B", x, rx, source))
    schema = {"conflict_id": pl.Int64, "year": pl.Int32, "code": pl.Int32, "role": pl.String, "side": pl.String,
              "adversary_code": pl.Int32, "adversary_role": pl.String, "source_row": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row").sort("conflict_id", "year", "code", "adversary_code")


def _source_row(r: dict, both: set[int]) -> str:
    def side(primary: list[int], secondary: list[int]) -> str:
        text = ", ".join(str(c) for c in primary) or "non-state"
        return text + (f" (supporters {', '.join(str(c) for c in secondary)})" if secondary else "")

    text = f"UCDP conflict {r['conflict_id']}, {r['year']}: side A {side(r['a1'], r['a2'])}; side B {side(r['b1'], r['b2'])}"
    return text + (f"; on both sides: {', '.join(str(c) for c in sorted(both))}" if both else "")


def ucdp_rows(iso: str, start: int, end: int) -> list[dict]:
    """One row per conflict-year and adversary of the state in UCDP (null adversary: none that is a state).

    ``role`` is primary (``gwno_a``/``gwno_b``) or secondary (a supporter of a side, usually a
    deployment abroad); a state listed on both sides is secondary on side ``both`` with no adversary.
    """
    codes = _codes(iso, start, end, 1)
    acd = data.load("ucdp_acd").filter(pl.col("year").is_between(start, end))
    sides = acd.group_by("conflict_id", "year").agg(
        a=pl.col("gwno_a").append(pl.col("gwno_a_2nd")).drop_nulls().unique(),
        b=pl.col("gwno_b").append(pl.col("gwno_b_2nd")).drop_nulls().unique(),
        a1=pl.col("gwno_a").drop_nulls().unique(), b1=pl.col("gwno_b").drop_nulls().unique(),
        a2=pl.col("gwno_a_2nd").drop_nulls().unique().sort(), b2=pl.col("gwno_b_2nd").drop_nulls().unique().sort(),
        intensity=pl.col("intensity_level").max(), conflict_type=pl.col("type_of_conflict").first(),
    ).join(codes, on="year")
    sides = sides.filter(pl.col("a").list.contains(pl.col("code")) | pl.col("b").list.contains(pl.col("code")))
    dyads = ucdp_dyads()
    rows = []
    for r in sides.sort("year", "conflict_id").iter_rows(named=True):
        code = r["code"]
        on_a, on_b = code in r["a"], code in r["b"]
        side = "both" if on_a and on_b else ("A" if on_a else "B")
        role = "primary" if code in (r["a1"] if side == "A" else r["b1"] if side == "B" else []) else "secondary"
        base = {
            "year": r["year"], "source": "ucdp", "conflict_id": r["conflict_id"], "side": side, "role": role,
            "intensity": r["intensity"], "hostility": None, "conflict_type": r["conflict_type"],
        }
        mine = dyads.filter((pl.col("conflict_id") == r["conflict_id"]) & (pl.col("year") == r["year"])
                            & (pl.col("code") == code))
        for d in mine.iter_rows(named=True):
            iso_adv, name = coded_state(d["adversary_code"], r["year"], "gw")
            rows.append({**base, "adversary": iso_adv, "adversary_name": name, "adversary_role": d["adversary_role"],
                         "source_row": d["source_row"]})
        if not mine.height:
            both = set(r["a"]) & set(r["b"])
            source = _source_row({**r, "a1": sorted(r["a1"]), "b1": sorted(r["b1"])}, both)
            rows.append({**base, "adversary": None, "adversary_name": "no state adversary (non-state side)"
                         if side != "both" else "none (listed on both sides)", "adversary_role": None,
                         "source_row": source})
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
            "hostility": max(levels) if levels else None, "conflict_type": None, "adversary_role": None,
            "source_row": f"{source.upper()} dispute {r['dispnum']}, {r['year']}: {r['ccode1']} against {r['ccode2']}",
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


def _counted(row: dict) -> bool:
    """Whether a row belongs to the state's own threat environment: every militarized dispute; a UCDP
    conflict in which the state is a primary party, or in which it faced a primary party as a supporter
    (Armenia against Azerbaijan over Nagorno-Karabakh). Support for another government against a
    non-state group, or two supporters on opposite sides of a third state's war, is participation only."""
    return row["source"] != "ucdp" or row["role"] == "primary" or row["adversary_role"] == "primary"


def threats(state: str | int, alliance: str | None = None, years=None, *, mids: str = "gml-then-cow") -> pl.DataFrame:
    """The state's conflicts and disputes by year, one row per conflict-year and adversary.

    Columns: state, year, source (ucdp, gml, cow), conflict_id (UCDP conflict id or MID dispute
    number), side, role, adversary (ISO3; null for a non-state opponent), adversary_name,
    adversary_ally, shared_alliances, intensity (UCDP), hostility (MIDs), conflict_type (UCDP).
    ``alliance`` limits the ally check to one organization (default: every ledger organization).
    ``years`` defaults to the first year of the MID data through the current year.
    """
    iso = state_iso3(state)
    if mids not in MID_CHOICES:
        raise BadArgument(f"mids: {mids!r} is not one of {', '.join(MID_CHOICES)}", suggestions=list(MID_CHOICES))
    start, end = year_span(years, (coverage("gml_dirdisp")[0], current_year()))
    rows = ucdp_rows(iso, max(start, coverage("ucdp_acd")[0]), end)
    for table, source, a, b in _mid_spans(mids, start, end):
        rows += mid_rows(iso, a, b, table, source)
    frame = pl.DataFrame(
        [{**r, "state": iso, "adversary_ally": None, "shared_alliances": [], "counted": _counted(r)} for r in rows],
        schema=SCHEMA,
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
