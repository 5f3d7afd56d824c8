"""Public functions: the case table, its summaries beside the published figures, one alliance's record."""

from __future__ import annotations

import functools

import polars as pl

from pactscope.data.cache import cached_object
from pactscope.errors import BadArgument
from pactscope.metrics.reliability_war import pledges
from pactscope.metrics.reliability_war.cases import HONOURED, NOT_APPLICABLE, VIOLATED, _all_cases, war_key
from pactscope.metrics.reliability_war.context import ERAS, OBLIGATIONS, org_atop_ids
from pactscope.metrics.reliability_war.published import war_published
from pactscope.metrics.reliability_war.rules import WarRules, resolve
from pactscope.metrics.stats import wilson

SILENCE = "nonagg-silence-kept"  # the separate, labelled non-aggression indicator
SUMMARY_SCHEMA = {**pledges.SUMMARY_SCHEMA, "published_n": pl.Int64, "published_rate": pl.Float64}
UNITS = ("alliance", "pledge")
BY = (None, "overall", "type", "era")


def war_cases(preset: str = "bf2018", *, compliance: str | None = None, conditions: str | None = None,
              wartime: bool | None = None, alliance: str | None = None) -> pl.DataFrame:
    """One row per COW inter-state war x ATOP alliance with a member in the war.

    Columns: cowwar, war (COW name), atopid, year (invoked), result (honoured, violated or
    not-applicable), reason (the rule that decided), obligation (the pledge tested; for other rows
    the alliance's strongest), era, wartime, members_at_war, obligated, helped (COW codes),
    detail, silence_kept. ``alliance`` (a ledger organization) keeps its ATOP ids only.
    """
    frame = _all_cases(resolve(preset, compliance=compliance, conditions=conditions, wartime=wartime))
    if alliance is not None:
        frame = frame.filter(pl.col("atopid").is_in(org_atop_ids(alliance)[1]))
    return frame


def _row(group: str, level: str, honoured: int, n: int) -> dict:
    p = wilson(honoured, n)
    return {"group": group, "level": level, "n": p.trials, "fulfilled": p.successes,
            "rate": p.rate, "ci_low": p.low, "ci_high": p.high}


def summarise_war_cases(cases: pl.DataFrame, preset: str | None = None) -> pl.DataFrame:
    """Overall, per obligation tested and per era, from any subset of ``war_cases()`` rows; plus the
    separate non-aggression "silence = kept" indicator (never in the overall row). With ``preset``
    the published figures are joined beside each row."""
    tested = cases.filter(pl.col("result").is_in([HONOURED, VIOLATED]))

    def count(sub: pl.DataFrame) -> tuple[int, int]:
        return int((sub["result"] == HONOURED).sum()), sub.height

    rows = [_row("overall", "all", *count(tested))]
    rows += [_row("type", ob, *count(tested.filter(pl.col("obligation") == ob))) for ob in OBLIGATIONS]
    rows += [_row("era", e, *count(tested.filter(pl.col("era") == e))) for e in ERAS]
    nonagg = cases.filter(pl.col("obligation") == "nonagg")
    kept = int(((nonagg["result"] == HONOURED) | nonagg["silence_kept"]).sum())
    n = int(((nonagg["result"] != NOT_APPLICABLE) | nonagg["silence_kept"]).sum())
    rows.append(_row("separate", SILENCE, kept, n))
    table = pl.DataFrame(rows, schema={k: v for k, v in SUMMARY_SCHEMA.items() if not k.startswith("published")})
    pub = war_published(preset) if preset else war_published("none")
    return table.join(pub.select("group", "level", "published_n", "published_rate"), on=["group", "level"],
                      how="left", maintain_order="left")


@functools.cache
def _summary(rules: WarRules, alliance: str | None) -> pl.DataFrame:
    """The summary, from the disk cache while the war coding's inputs are unchanged (an alliance's
    ATOP ids come from the ledger, so they are part of the key)."""
    ids = org_atop_ids(alliance)[1] if alliance is not None else None
    return cached_object("war-summary", war_key(f"{rules!r}:{ids!r}"), lambda: _summarise(rules, alliance))


def _summarise(rules: WarRules, alliance: str | None) -> pl.DataFrame:
    cases = _all_cases(rules)
    if alliance is not None:
        cases = cases.filter(pl.col("atopid").is_in(org_atop_ids(alliance)[1]))
    return summarise_war_cases(cases, None if alliance else rules.preset)


def _pledge_summary(strict: bool, alliance: str | None) -> pl.DataFrame:
    table = pledges.pledge_reliability(strict, alliance)
    return table.with_columns(pl.lit(None, pl.Int64).alias("published_n"), pl.lit(None, pl.Float64).alias("published_rate"))


def war_reliability(by: str | None = None, *, preset: str = "bf2018", unit: str = "alliance",
                    compliance: str | None = None, conditions: str | None = None, wartime: bool | None = None,
                    strict: bool | None = None, alliance: str | None = None) -> pl.DataFrame:
    """Share of applicable war x alliance cases honoured, with Wilson 95% intervals and the published figure.

    Columns: group, level, n, fulfilled, rate, ci_low, ci_high, published_n, published_rate.
    ``by=None`` gives overall, one row per obligation tested, one per era and the separate
    non-aggression "silence = kept" indicator; ``by`` = overall, type or era gives that group.
    ``preset`` = bf2018 (default, the whole war list) or llm2000 (the first study's years);
    ``compliance``, ``conditions`` and ``wartime`` override the preset (see ``WarRules``);
    ``strict`` is the older spelling of ``conditions``. ``unit="pledge"`` gives the per-pledge
    coding (one row per war, member, ally and pledge; no published comparator, it is not their unit).
    ``alliance`` (a ledger organization) counts only its ATOP records, without comparators.
    """
    if by not in BY:
        raise BadArgument(f"by: must be overall, type or era, not {by!r}", suggestions=["overall", "type", "era"])
    if unit not in UNITS:
        raise BadArgument(f"unit: must be alliance or pledge, not {unit!r}", suggestions=list(UNITS))
    if strict is not None and conditions is None:
        conditions = "strict" if strict else "assume-met"
    key = None if alliance is None else org_atop_ids(alliance)[0]
    if unit == "pledge":
        resolve(preset, conditions=conditions)  # validates the options
        table = _pledge_summary(conditions == "strict", key)
    else:
        table = _summary(resolve(preset, compliance=compliance, conditions=conditions, wartime=wartime), key)
    return table if by is None else table.filter(pl.col("group") == by)


def alliance_war_record(alliance: str, preset: str = "bf2018", **options) -> pl.DataFrame:
    """Every war x alliance case of one organization's ATOP records under the same rules, with the
    war named (for the CSTO: COW war 216, the Azeri-Armenian war, 1993-94)."""
    return war_cases(preset, alliance=alliance, **options).select(
        "cowwar", "war", "atopid", "year", "result", "reason", "obligation", "members_at_war", "detail"
    )
