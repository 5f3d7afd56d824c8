"""The profile of two states by year: ATOP pledges, shared ledger organizations, capabilities,
militarized disputes and UN vote agreement (the dyad explorer of the web app)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from pactscope import panels
from pactscope.codes import State, resolve
from pactscope.errors import BadArgument
from pactscope.metrics.alignment import agreement
from pactscope.metrics.coalition import coalition_overlap

ATOP_PLEDGES = ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")
COLUMNS = ("year", *ATOP_PLEDGES, "cinc_a", "cinc_b", "milex_a", "milex_b",
           "gmlmidongoing", "gmlmidonset", "gmlmid_dispnum", "gmlmid_hostlev",
           "ledger_shared", "n_common", "agree_share", "s_score")


@dataclass(frozen=True)
class DyadProfile:
    """``table``: one row per year with the :data:`COLUMNS`; ``votes``: the UN agreement years;
    ``sources``: the data sets the panel used."""

    a: State
    b: State
    table: pl.DataFrame
    votes: pl.DataFrame
    sources: list


def dyad_states(a: str | int, b: str | int) -> tuple[State, State]:
    """The two states of a dyad, given by any code or name; each needs a COW code."""
    out = []
    for arg, x in (("a", a), ("b", b)):
        state = resolve(x)
        if state.ccode is None:
            raise BadArgument(f"{arg}: {state.name} has no Correlates of War code, so no dyad data")
        out.append(state)
    if out[0].ccode == out[1].ccode:
        raise BadArgument("pick two different states")
    return out[0], out[1]


def _oriented(frame: pl.DataFrame, a_is_first: bool) -> pl.DataFrame:
    """Rename the panel's ``...1``/``...2`` columns to ``..._a``/``..._b`` for the order asked for."""
    first, second = ("a", "b") if a_is_first else ("b", "a")
    names = {}
    for col in frame.columns:
        if col in ("ccode1", "ccode2") or col[-1:] not in ("1", "2"):
            continue
        names[col] = f"{col[:-1]}_{first if col.endswith('1') else second}"
    return frame.rename(names)


def dyad_profile(a: str | int, b: str | int) -> DyadProfile:
    """Alliances (ATOP and ledger), capabilities, disputes and UN vote agreement of two states by year."""
    state_a, state_b = dyad_states(a, b)
    ccode_a, ccode_b = int(state_a.ccode), int(state_b.ccode)  # type: ignore[arg-type]
    lo, hi = sorted((ccode_a, ccode_b))
    base = panels.create_dyadyears(directed=False)
    pair = base.with_frame(base.frame.filter((pl.col("ccode1") == lo) & (pl.col("ccode2") == hi)))
    panel = (
        pair.pipe(panels.add_atop_alliance)
        .pipe(panels.add_nmc)
        .pipe(panels.add_gml_mids, keep=["dispnum", "hostlev"])
    )
    frame = _oriented(panel.frame, ccode_a == lo).select(*COLUMNS[:COLUMNS.index("ledger_shared")])
    by_year: dict[int, list[set[str]]] = {}
    for row in coalition_overlap([ccode_a, ccode_b]).iter_rows(named=True):
        by_year.setdefault(row["year"], []).append(set(row["alliances"]))
    shared = pl.DataFrame(
        [{"year": y, "ledger_shared": sorted(set.intersection(*sets)) if len(sets) == 2 else []}
         for y, sets in by_year.items()],
        schema={"year": pl.Int32, "ledger_shared": pl.List(pl.String)},
    )
    votes = agreement(ccode_a, ccode_b).select("year", "n_common", "agree_share", "s_score")
    table = frame.join(shared, on="year", how="left").join(votes, on="year", how="left").sort("year")
    return DyadProfile(state_a, state_b, table, votes, list(panel.sources))
