"""Per-pledge war reliability (``unit="pledge"``): one row per war, member at war, ally and pledge.

This is not the unit of the published studies (they count one case per war and alliance, see
``cases``); it keeps the finer record of who owed what to whom. A state taking part in a COW
inter-state war (the ally in need) is paired with every other member of an ATOP alliance that owed
it a defence, offence, neutrality or non-aggression obligation in force when the state entered the
war. Consultation pledges are left out: they promise talks, not conduct that a war record can show.

Coding rules (docs/reliability-war.md gives the reasons and the defaults):

* Participation comes from the directed dyad-year war table: a state's episode in a war is its
  (war, side) with the first and last year it has a dyad-year. A state found on two sides of one
  war has switched; its later episode is not a test (reason ``switched sides``).
* The initiating side is the side of the war's COW initiator. A state on the other side counts
  as attacked.
* An obligation is in force at entry in year Y if the state's and the ally's ATOP member records
  both cover Y: ``yrent < Y``, or ``yrent == Y`` when no member's record says it was formed during
  this war (``wartime``/``cowwar``); and ``yrexit`` is 0 (still in force) or ``>= Y``. Of several
  phases of the ally covering Y the latest is used. The ally must be a COW system member in Y.
* Triggers: defence applies only to a state on the attacked side; offence only to a state on
  the initiating side; neutrality marked ``neucoatt`` only to a state on the attacked side.
  When the state's side began the war and the ally fought it from the attacked side, a breach of
  neutrality or non-aggression cannot be laid on the ally, so the pair is not a test; nor when
  the two began fighting each other only after both were already in the war. A defence or
  offence pair is not a test when the state entered later against an ally already in the war.
* Conditions (the ally's member record): a named-adversary or specific-conflict condition is
  met when a state named in ``statthr1``/``statthr2`` fought against the state; with no named
  state it is assumed met. A location condition is met when an opponent active in the entry
  year is directly contiguous (land or up to 400 miles of water) with the state. A number
  condition needs two or more opponents active in the entry year. Non-compliance with demands
  cannot be coded and is assumed met. Non-provocation is read as "on the attacked side".
* Fulfilled: defence and offence when the ally fought on the state's side at any time in the
  war; neutrality and non-aggression when it has no war dyad-year with the state.

``strict=True`` treats every condition that had to be assumed met as not met instead.
"""

from __future__ import annotations

import functools

import polars as pl

from pactscope.data import load
from pactscope.metrics.reliability_war.conditions import conditions, trigger
from pactscope.metrics.reliability_war.context import (
    CONDITION_COLUMNS,
    ERA_SPLIT,
    ERAS,
    OBLIGATIONS,
    WarContext,
    context,
    org_atop_ids,
    participations,
)
from pactscope.metrics.stats import wilson

OBLIGATION_SCHEMA = {
    "warnum": pl.Int32,
    "year_entered": pl.Int32,
    "state": pl.Int32,
    "ally": pl.Int32,
    "atopid": pl.Int32,
    "obligation": pl.String,
    "applies": pl.Boolean,
    "applies_reason": pl.String,
    "ally_fought_with": pl.Boolean,
    "ally_fought_against": pl.Boolean,
    "fulfilled": pl.Boolean,
    "era": pl.String,
}
SUMMARY_SCHEMA = {
    "group": pl.String,
    "level": pl.String,
    "n": pl.Int64,
    "fulfilled": pl.Int64,
    "rate": pl.Float64,
    "ci_low": pl.Float64,
    "ci_high": pl.Float64,
}


def _in_force(year: str) -> pl.Expr:
    """Member record covers the entry year (see module rules); needs a ``formed_here`` column."""
    started = (pl.col("yrent") < pl.col(year)) | (
        (pl.col("yrent") == pl.col(year)) & ~pl.col("formed_here")
    )
    return started & ((pl.col("yrexit") == 0) | (pl.col("yrexit") >= pl.col(year)))


def _candidates() -> pl.DataFrame:
    """(episode, ally, atopid, obligation) pairs with an obligation in force at entry."""
    mem = load("atop4_01_member").unique(subset=["atopid", "member", "phase"], keep="first")
    formed = (
        mem.filter(pl.col("wartime") == 1, pl.col("cowwar") > 0)
        .select("atopid", pl.col("cowwar").alias("warnum"))
        .unique()
        .with_columns(pl.lit(True).alias("formed_here"))
    )
    eps = participations().rename({"first_year": "year_entered"})
    own = (
        eps.join(mem.select("atopid", pl.col("member").alias("state"), "yrent", "yrexit"), on="state")
        .join(formed, on=["atopid", "warnum"], how="left")
        .with_columns(pl.col("formed_here").fill_null(False))
    )
    own = own.filter(_in_force("year_entered")).select(
        "warnum", "state", "side", "year_entered", "initiating_side", "switched", "atopid", "formed_here"
    ).unique()
    keep = ["atopid", "phase", "yrent", "yrexit", "statthr1", "statthr2", *OBLIGATIONS]
    keep += CONDITION_COLUMNS
    allies = own.join(mem.select(pl.col("member").alias("ally"), *keep), on="atopid").filter(
        pl.col("ally") != pl.col("state")
    )
    allies = allies.filter(_in_force("year_entered"))
    allies = allies.sort("phase").group_by("warnum", "state", "side", "ally", "atopid").last()
    return allies.unpivot(
        on=list(OBLIGATIONS),
        index=[c for c in allies.columns if c not in OBLIGATIONS],
        variable_name="obligation",
        value_name="pledged",
    ).filter(pl.col("pledged") == 1)


def _judge(row: dict, ctx: WarContext, strict: bool) -> tuple[bool, str, bool, bool]:
    """Apply the coding rules to one candidate: (applies, reason, fought_with, fought_against)."""
    w, s, side, y = row["warnum"], row["state"], row["side"], row["year_entered"]
    ob, ally = row["obligation"], row["ally"]
    ally_eps = [(e.side, e.first_year) for e in ctx.episodes.get((w, ally), [])]
    rivals = ctx.opponents.get((w, s), {})
    fought_with = any(sd == side for sd, _ in ally_eps)
    fought_against = ally in rivals

    def out(applies: bool, reason: str):
        return applies, reason, fought_with, fought_against

    if not ctx.in_system(ally, y):
        return out(False, "ally not a COW system member in the entry year")
    if row["switched"]:
        return out(False, "switched sides: later episode of a state already in the war")
    if ob in ("defense", "offense") and any(sd != side and y0 < y for sd, y0 in ally_eps):
        return out(False, "state entered later against an ally already in the war; not a test of the ally")
    attacked = not row["initiating_side"]
    check = trigger(ob, row, attacked)
    if not check.met:
        return out(False, check.reason)
    if ob in ("neutral", "nonagg") and not attacked and fought_against:
        return out(False, "state's side initiated and the ally fought from the attacked side; breach not the ally's")
    if ob in ("neutral", "nonagg") and fought_against:
        started = rivals[ally][0]
        if started > y and started > min(y0 for _, y0 in ally_eps):
            return out(False, "state and ally began fighting after both were at war; who broke the pledge is unknown")
    check = conditions(ob, row, s, w, y, ctx, strict=strict)
    if not check.met:
        return out(False, "; ".join([check.reason, *check.assumed]))
    return out(True, "applies" + ("; assumed met: " + ", ".join(check.assumed) if check.assumed else ""))


@functools.cache
def _obligations(strict: bool) -> pl.DataFrame:
    ctx = context()
    rows = []
    for row in _candidates().iter_rows(named=True):
        applies, reason, with_, against = _judge(row, ctx, strict)
        if applies:
            fulfilled = with_ if row["obligation"] in ("defense", "offense") else not against
        else:
            fulfilled = None
        rows.append(
            (row["warnum"], row["year_entered"], row["state"], row["ally"], row["atopid"], row["obligation"],
             applies, reason, with_, against, fulfilled, ERAS[row["year_entered"] >= ERA_SPLIT])
        )
    frame = pl.DataFrame(rows, schema=OBLIGATION_SCHEMA, orient="row")
    return frame.sort("warnum", "year_entered", "state", "ally", "atopid", "obligation")


def war_obligations(*, strict: bool = False, alliance: str | None = None) -> pl.DataFrame:
    """Every (war, state in war, ally, alliance, obligation) with applicability and fulfilment.

    Columns: warnum, year_entered, state, ally (COW codes), atopid, obligation
    (defense/offense/neutral/nonagg), applies, applies_reason, ally_fought_with,
    ally_fought_against, fulfilled (null when the obligation does not apply), era.
    ``strict`` drops obligations whose applicability rests on an assumed condition;
    ``alliance`` (a ledger organization such as NATO) keeps the rows of its ATOP ids.
    """
    frame = _obligations(bool(strict))
    if alliance is not None:
        frame = frame.filter(pl.col("atopid").is_in(org_atop_ids(alliance)[1]))
    return frame


def _row(group: str, level: str, sub: pl.DataFrame) -> dict:
    p = wilson(int(sub["fulfilled"].sum()), sub.height)
    return {"group": group, "level": level, "n": p.trials, "fulfilled": p.successes,
            "rate": p.rate, "ci_low": p.low, "ci_high": p.high}


def summarise_pledges(obligations: pl.DataFrame) -> pl.DataFrame:
    """Summary table (overall, per type, per era) of any subset of ``war_obligations()`` rows."""
    tested = obligations.filter(pl.col("applies"))
    rows = [_row("overall", "all", tested)]
    rows += [_row("type", ob, tested.filter(pl.col("obligation") == ob)) for ob in OBLIGATIONS]
    rows += [_row("era", era, tested.filter(pl.col("era") == era)) for era in ERAS]
    return pl.DataFrame(rows, schema=SUMMARY_SCHEMA)


@functools.cache
def pledge_reliability(strict: bool = False, alliance: str | None = None) -> pl.DataFrame:
    """``summarise_pledges`` of every pledge row (optionally one organization's ATOP records)."""
    return summarise_pledges(war_obligations(strict=strict, alliance=alliance))
