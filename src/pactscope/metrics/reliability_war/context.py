"""Look-ups shared by both codings: war episodes, opponents, contiguity, system membership, ATOP records."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument

OBLIGATIONS = ("defense", "offense", "neutral", "nonagg")
ERA_SPLIT = 1945  # Berkemeier and Fuhrmann's era split, a year of history: not-a-data-year
ERAS = ("pre-1945", "post-1945")  # not-a-data-year

# ATOP condition columns per obligation: (adversary, location, conflict, number, demands,
# non-provocation, only-if-attacked); None where ATOP has no such code.
CONDITIONS = {
    "defense": ("defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr", None),
    "offense": ("offcoadv", "offcoloc", "offcocon", "offconum", "offcodem", None, None),
    "neutral": ("neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt"),
    "nonagg": (None, None, None, None, None, None, None),
}
CONDITION_COLUMNS = sorted({c for conds in CONDITIONS.values() for c in conds if c})


def era(year: int) -> str:
    return ERAS[year >= ERA_SPLIT]


def covers(spans, year: int) -> bool:
    return any(y0 <= year <= y1 for y0, y1 in spans)


@functools.cache
def participations() -> pl.DataFrame:
    """One row per (warnum, state, side): first/last year, initiator, side began the war, switched."""
    war = load("cow_war_inter")
    eps = war.group_by("warnum", pl.col("ccode1").alias("state"), pl.col("sidea1").alias("side")).agg(
        pl.col("year").min().alias("first_year"),
        pl.col("year").max().alias("last_year"),
        (pl.col("initiator1").max() == 1).alias("initiator"),
    )
    init_side = (
        war.filter(pl.col("initiator1") == 1)
        .group_by("warnum")
        .agg(pl.col("sidea1").min().alias("init_side"))
    )
    return (
        eps.join(init_side, on="warnum", how="left")
        .with_columns(
            (pl.col("side") == pl.col("init_side")).fill_null(False).alias("initiating_side"),
            (pl.col("first_year") > pl.col("first_year").min().over("warnum", "state")).alias("switched"),
        )
        .drop("init_side")
        .sort("warnum", "first_year", "state", "side")
    )


def last_war_year() -> int:
    """The last year with an inter-state war in the bundled war table (its coverage runs on past it)."""
    return int(participations().select(pl.col("last_year").max()).item())


@dataclass(frozen=True)
class Episode:
    side: int
    first_year: int
    last_year: int
    initiating_side: bool


@dataclass
class WarContext:
    """Dictionaries the rules read; built once per process."""

    episodes: dict[tuple[int, int], list[Episode]] = field(default_factory=dict)  # (war, state) -> by entry
    opponents: dict[tuple[int, int], dict[int, tuple[int, int]]] = field(default_factory=dict)  # first/last year
    contiguity: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    system: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def first_episode(self, war: int, state: int) -> Episode | None:
        eps = self.episodes.get((war, state))
        return eps[0] if eps else None

    def in_system(self, state: int, year: int) -> bool:
        return covers(self.system.get(state, []), year)

    def contiguous(self, a: int, b: int, year: int) -> bool:
        return covers(self.contiguity.get((a, b), []), year)


@functools.cache
def context() -> WarContext:
    ctx = WarContext()
    episodes: dict[tuple[int, int], list[Episode]] = defaultdict(list)
    cols = ("warnum", "state", "side", "first_year", "last_year", "initiating_side")
    for w, s, side, y0, y1, init in participations().select(cols).iter_rows():
        episodes[(w, s)].append(Episode(side, y0, y1, init))
    ctx.episodes = {k: sorted(v, key=lambda e: (e.first_year, e.side)) for k, v in episodes.items()}
    opponents: dict[tuple[int, int], dict[int, tuple[int, int]]] = defaultdict(dict)
    dyads = load("cow_war_inter").group_by("warnum", "ccode1", "ccode2").agg(
        pl.col("year").min().alias("y0"), pl.col("year").max().alias("y1")
    )
    for w, a, b, y0, y1 in dyads.iter_rows():
        opponents[(w, a)][b] = (y0, y1)
    ctx.opponents = dict(opponents)
    contig: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    cont = load("cow_contdir").select(
        "ccode1", "ccode2", pl.col("stdate").dt.year().alias("y0"), pl.col("enddate").dt.year().alias("y1")
    )
    for a, b, y0, y1 in cont.iter_rows():
        contig[(a, b)].append((y0, y1))
        contig[(b, a)].append((y0, y1))
    ctx.contiguity = dict(contig)
    system: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for c, y0, y1 in load("cow_states").select("ccode", "styear", "endyear").iter_rows():
        system[c].append((y0, y1))
    ctx.system = dict(system)
    return ctx


@functools.cache
def member_records() -> pl.DataFrame:
    """ATOP 4.01 member records (one per alliance, member and phase) with ``formed_in``: the COW war
    during which the alliance was formed according to any of its member records (0 if none)."""
    mem = load("atop4_01_member").unique(subset=["atopid", "member", "phase"], keep="first")
    formed = (
        mem.filter(pl.col("wartime") == 1, pl.col("cowwar") > 0)
        .group_by("atopid")
        .agg(pl.col("cowwar").min().alias("formed_in"))
    )
    keep = ["atopid", "member", "phase", "yrent", "yrexit", "statthr1", "statthr2", "consul", *OBLIGATIONS]
    return (
        mem.select(*keep, *CONDITION_COLUMNS)
        .join(formed, on="atopid", how="left")
        .with_columns(pl.col("formed_in").fill_null(0))
        .sort("atopid", "member", "phase")
    )


def org_atop_ids(alliance: str) -> tuple[str, list[int]]:
    """A ledger organization's id and the ATOP alliance ids it records."""
    from pactscope.ledger import get_organization

    org = get_organization(alliance)
    if not org.atop_ids:
        raise BadArgument(f"alliance: {org.id} has no ATOP record, so there is no war-based figure for it")
    return org.id, list(org.atop_ids)
