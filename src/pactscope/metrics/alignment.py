"""Foreign-policy alignment: UN General Assembly vote agreement and alliance-portfolio similarity.

Vote measures (per year or per session, for one pair of states) on the roll calls both
states voted on, each vote coded yes = 1, abstain = 2, no = 3:

* ``agree_share``: share of roll calls on which the two cast the same vote.
* ``kappa``: Cohen's kappa (``cohen1960cans``), ``(p_o - p_e) / (1 - p_e)``, where ``p_o`` is
  ``agree_share`` and ``p_e = sum_k p_a(k) p_b(k)`` the agreement expected from each
  state's own mix of yes/abstain/no; null when ``p_e = 1`` (both cast one and the same
  vote throughout, so chance explains all agreement; see Häge 2011).
* ``s_score``: Signorino and Ritter's (1999) S, unweighted, with the absolute distance on
  the ordinal scale above: ``S = 1 - 2 * sum|x_a - x_b| / (n * d_max)`` with ``d_max = 2``
  (yes against no), i.e. ``1 - mean|x_a - x_b|``; it runs from -1 (always yes against
  no) to 1 (identical votes), and an abstention against yes or no counts half a split.

Sources: Voeten, Strezhnev and Bailey's UN voting data (``voetenetal2009unga``; the copy
in the unvotes R package; years in ``pactscope data info un_votes``), ATOP (``leedsetal2002atop``) and the
COW state system (``cowstates2016``). BibTeX keys: ``cohen1960cans``,
``signorinoritter1999tbn``, ``haege2011cc``, ``kendall1938nmrc``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Literal

import polars as pl

from pactscope.codes import State, resolve
from pactscope.errors import BadArgument
from pactscope.metrics import _alignment_data as D
from pactscope.metrics._alignment_eu import EU_TOKENS, eu_members, members_in
from pactscope.metrics.votes import INVASION

__all__ = ["agreement", "alignment_with", "pair_scores", "portfolio_similarity", "vote_series_years"]

vote_series_years = D.vote_series_years

By = Literal["year", "session"]
Series = Literal["auto", "voeten", "undl"]
D_MAX_VOTE = 2  # |yes - no| on the 1..3 scale
_SCORES = ["n_common", "agree_share", "kappa", "s_score"]


# --- the scores themselves -------------------------------------------------------------


def _score_aggs(va: str = "va", vb: str = "vb") -> list[pl.Expr]:
    """Aggregations of paired vote codes (1 yes, 2 abstain, 3 no) into the four scores."""
    a, b = pl.col(va), pl.col(vb)
    n = pl.len().cast(pl.Int64)
    same = (a == b).sum().cast(pl.Int64)
    # sum over categories of (count for a) * (count for b) = n^2 * p_e, kept in integers
    cross = sum((a == k).sum().cast(pl.Int64) * (b == k).sum().cast(pl.Int64) for k in (1, 2, 3))
    dist = (a.cast(pl.Int64) - b.cast(pl.Int64)).abs().sum()
    some = n > 0
    return [
        n.alias("n_common"),
        pl.when(some).then(same / n).alias("agree_share"),
        pl.when(some & (n * n != cross)).then((n * same - cross) / (n * n - cross)).alias("kappa"),
        pl.when(some).then(1 - 2 * dist / (n * D_MAX_VOTE)).alias("s_score"),
    ]


def _scores(paired: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    if not keys:
        return paired.select(_score_aggs())
    return paired.group_by(keys).agg(_score_aggs())


def pair_scores(pairs: pl.DataFrame, by: str | list[str] | None = None) -> pl.DataFrame:
    """agree_share, kappa and s_score of paired votes, overall or per group.

    `pairs` has string columns ``vote_a`` and ``vote_b`` ("yes", "no" or "abstain"), one row
    per roll call both states voted on, plus any grouping columns named in `by`. With no
    rows and no `by`, returns one row with n_common 0 and null scores.
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    for col in ("vote_a", "vote_b", *keys):
        if col not in pairs.columns:
            raise BadArgument(f"pairs has no column {col!r}", suggestions=pairs.columns)
    codes = pairs.select(
        *keys,
        *(pl.col(c).replace_strict(D.VOTE_CODES, default=None, return_dtype=pl.Int8).alias(v)
          for c, v in (("vote_a", "va"), ("vote_b", "vb"))),
    )  # fmt: skip
    bad = pairs.filter(codes["va"].is_null() | codes["vb"].is_null())
    if bad.height:
        found = sorted(set(bad["vote_a"].to_list() + bad["vote_b"].to_list()) - set(D.VOTE_CODES), key=str)
        raise BadArgument(f"votes must be yes, no or abstain, got {found}", suggestions=list(D.VOTE_CODES))
    out = _scores(codes, keys)
    return out.sort(keys) if keys else out


# --- arguments -------------------------------------------------------------------------


def _state(x: str | int) -> tuple[State, int]:
    if isinstance(x, str) and x.strip().upper() in EU_TOKENS:
        raise BadArgument(f"{x!r} is a group, not a state: only alignment_with(state, others) accepts it")
    state = resolve(x)
    return state, D.lineage_of(state)


def _voter(x: str | int, series: Series = "auto") -> tuple[State, int]:
    state, lineage = _state(x)
    if lineage not in D.un_data(series).by_voter:
        raise BadArgument(f"{state.name} cast no recorded UN General Assembly vote in the {series!r} series")
    return state, lineage


def _years(years: int | Iterable[int] | None) -> list[int] | None:
    if years is None:
        return None
    picked = [years] if isinstance(years, int) else list(years)
    if not picked or not all(isinstance(y, int) and not isinstance(y, bool) for y in picked):
        raise BadArgument(f"years must be a year or an iterable of years, got {years!r}")
    return sorted(set(picked))


def _resolve_series(series: Series, years) -> Series:
    """"auto" over years all on one side of the switch is that one series (the other is never built)."""
    picked = _years(years)
    if series != "auto" or not picked:
        return series
    cut = D.voeten_last_year()
    if max(picked) <= cut:
        return "voeten"
    return "undl" if min(picked) > cut else series


def check_vote_years(years: list[int] | None, series: Series) -> None:
    """Refuse years after the last roll call of the series, naming that year."""
    last = D.last_vote_year(series)
    if years and max(years) > last:
        where = "Voeten series" if series == "voeten" else "UN Digital Library series"
        raise BadArgument(f"years: the UN vote data ({where}) end in {last}; ask for {last} or earlier")


def _keys(by: str) -> list[str]:
    if by not in ("year", "session"):
        raise BadArgument(f"by must be 'year' or 'session', got {by!r}", suggestions=["year", "session"])
    return ["year"] if by == "year" else ["session", "year"]


def _roll_calls(by: str, important_only: bool, issues: Iterable[str] | None, years, series: Series = "auto") -> pl.DataFrame:
    """rcid plus the row keys of the roll calls that pass the filters.

    The `years` filter applies to each roll call's date. With by="session", ``year`` is the
    calendar year of the session's first roll call (in the whole data).
    """
    keys = _keys(by)
    picked_years = _years(years)
    check_vote_years(picked_years, series)
    rc = D.un_data(series).roll_calls
    if by == "session":
        opened = rc.group_by("session").agg(pl.col("year").min().alias("session_year"))
        rc = rc.join(opened, on="session")
    if picked_years is not None:
        rc = rc.filter(pl.col("year").is_in(picked_years))
    if important_only:
        rc = rc.filter(pl.col("important"))
    if issues is not None:
        wanted = D.check_issues([issues] if isinstance(issues, str) else list(issues))
        tagged = D.un_data(series).issues.filter(pl.col("short_name").is_in(wanted)).select("rcid").unique()
        rc = rc.join(tagged, on="rcid", how="semi")
    if by == "session":
        rc = rc.drop("year").rename({"session_year": "year"})
    return rc.select("rcid", *keys, "series")


def _paired(focal: int, others: Iterable[int], rc: pl.DataFrame, series: Series = "auto") -> pl.DataFrame:
    """One row per roll call in `rc` on which `focal` and an `other` both voted."""
    data = D.un_data(series).by_voter
    wanted = tuple(o for o in dict.fromkeys(others) if o in data)
    mine = data[focal].join(rc, on="rcid").rename({"vote": "va"})
    if not wanted:
        return mine.with_columns(pl.lit(None, pl.Int32).alias("other"), pl.lit(None, pl.Int8).alias("vb")).clear()
    return mine.join(_votes_of(series, wanted), on="rcid")


@functools.lru_cache(maxsize=32)
def _votes_of(series: Series, voters: tuple[int, ...]) -> pl.DataFrame:
    """(rcid, vb, other) of the given voters, in their order (kept: a report asks for the same set many times)."""
    data = D.un_data(series).by_voter
    return pl.concat([data[o].with_columns(pl.lit(o, pl.Int32).alias("other")) for o in voters]).rename({"vote": "vb"})


def _grid(rc: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Row keys with the series their roll calls come from ("voeten", "undl", "undl+3dl")."""
    return rc.group_by(keys).agg(pl.col("series").unique().sort().str.join("+")).sort(keys)


def _spell_columns(frame: pl.DataFrame, lineage: int, suffix: str) -> pl.DataFrame:
    """Add the COW code and name of the lineage's spell in each row's year."""
    years = frame["year"].unique().to_list()
    spells = pl.DataFrame(
        {
            "year": years,
            f"name_{suffix}": [D.spell(lineage, y)[1] for y in years],
            f"ccode_{suffix}": [D.spell(lineage, y)[0] for y in years],
        },
        schema={"year": pl.Int32, f"name_{suffix}": pl.String, f"ccode_{suffix}": pl.Int32},
    )
    return frame.join(spells, on="year", how="left")


# --- public functions ------------------------------------------------------------------


def agreement(
    a: str | int,
    b: str | int,
    *,
    by: By = "year",
    important_only: bool = False,
    issues: Iterable[str] | None = None,
    years: int | Iterable[int] | None = None,
    series: Series = "auto",
) -> pl.DataFrame:
    """UN General Assembly vote agreement of states `a` and `b` per year or session.

    One row per year (or session) with at least one roll call passing the filters:
    ``a, b`` (labels), ``[session,] year``, ``name_a, ccode_a, name_b, ccode_b`` (the COW
    spell of each state in that year, e.g. Soviet Union/365 before 1992), ``n_common``
    (roll calls both voted on) and ``agree_share, kappa, s_score`` (null when n_common = 0;
    definitions in the module docstring).

    States are any name or code ``pactscope.codes.resolve`` accepts and are followed through
    code changes (Russia includes the Soviet seat, Germany includes West Germany, Serbia
    includes Yugoslavia). ``important_only`` keeps the roll calls the US State Department
    listed as important (``importantvote == 1``; lists begin in 1983). ``issues`` keeps roll
    calls tagged with any of the given issue short names (``co, di, ec, hr, me, nu``).
    ``years``: a year or an iterable of years, matched against each roll call's date; a year
    after the series' last roll call raises BadArgument naming that year. ``series``: "auto"
    (Voeten through its last catalogued year, the UN Digital Library after), "voeten" or "undl";
    the ``series`` column names the table(s) each row's roll calls come from.
    """
    keys = _keys(by)
    series = _resolve_series(series, years)
    sa, la = _voter(a, series)
    sb, lb = _voter(b, series)
    rc = _roll_calls(by, important_only, issues, years, series)
    stats = _scores(_paired(la, [lb], rc, series), keys)
    out = _grid(rc, keys).join(stats, on=keys, how="left").with_columns(pl.col("n_common").fill_null(0))
    out = _spell_columns(_spell_columns(out, la, "a"), lb, "b")
    labels = [pl.lit(D.label_of(sa)).alias("a"), pl.lit(D.label_of(sb)).alias("b")]
    return out.select(*labels, *keys, "name_a", "ccode_a", "name_b", "ccode_b", *_SCORES, "series").sort(keys)


def _targets(others: Iterable[str | int] | str | int, series: Series = "auto") -> list[tuple[str, object]]:
    """Parse `others` into ("state", (label, lineage)) and ("eu", mode) items."""
    items = [others] if isinstance(others, (str, int)) else list(others)
    if not items:
        raise BadArgument("others is empty: name at least one state, 'EU' or 'EU-members'")
    out: list[tuple[str, object]] = []
    for x in items:
        token = x.strip().upper() if isinstance(x, str) else None
        if token in EU_TOKENS:
            out.append(("eu", EU_TOKENS[token]))
        else:
            state, lineage = _voter(x, series)
            out.append(("state", (D.label_of(state), lineage)))
    return list(dict.fromkeys(out))


def _eu_lineages() -> dict[str, int]:
    return {iso: D.lineage_of(resolve(iso)) for iso in eu_members()}


def _eu_membership(grid: pl.DataFrame, exclude: int) -> pl.DataFrame:
    """(year, other, other_label) for each EU member in each year of the grid, less `exclude`."""
    lineages = _eu_lineages()
    rows = [(y, lineages[iso], iso) for y in grid["year"].unique().to_list() for iso in members_in(y)]
    frame = pl.DataFrame(rows, schema={"year": pl.Int32, "other": pl.Int32, "other_label": pl.String}, orient="row")
    return frame.filter(pl.col("other") != exclude)


def alignment_with(
    state: str | int,
    others: Iterable[str | int] | str,
    *,
    by: By = "year",
    important_only: bool = False,
    issues: Iterable[str] | None = None,
    years: int | Iterable[int] | None = None,
    series: Series = "auto",
) -> pl.DataFrame:
    """Vote agreement of `state` with each of `others` over time, as one long frame.

    Columns: ``state, other, [session,] year, n_common, agree_share, kappa, s_score,
    n_members, series``; one row per other and per year (or session) with roll calls passing
    the filters (same filters, series and definitions as `agreement`).

    Besides states, `others` may hold two groups. ``"EU"``: the unweighted mean of the
    state's scores with each state that was a member of the EU (EEC/EC before 1993) in that
    year (for sessions: in the year the session opened) and shared votes with it, the
    state itself left out; ``n_members`` counts those states and ``n_common`` the roll calls
    shared with at least one of them. ``"EU-members"``: one row per such member state
    instead. For single states ``n_members`` is 1, or 0 with no common votes.
    """
    keys = _keys(by)
    series = _resolve_series(series, years)
    focal_state, focal = _voter(state, series)
    targets = _targets(others, series)
    rc = _roll_calls(by, important_only, issues, years, series)
    grid = _grid(rc, keys)
    members = _eu_membership(grid, focal) if any(kind == "eu" for kind, _ in targets) else None
    wanted = [lin for kind, v in targets if kind == "state" for lin in [v[1]]]
    wanted += members["other"].unique().to_list() if members is not None else []
    paired = _paired(focal, wanted, rc, series)
    per_other = _scores(paired, ["other", *keys])

    frames = []
    for kind, value in targets:
        if kind == "state":
            label, lineage = value
            stats = per_other.filter(pl.col("other") == lineage).drop("other")
            block = grid.join(stats, on=keys, how="left").with_columns(pl.lit(label).alias("other"))
        elif value == "each":
            stats = members.join(per_other, on=["year", "other"], how="inner")
            block = grid.join(members, on="year").join(stats, on=[*keys, "other", "other_label"], how="left")
            block = block.drop("other").rename({"other_label": "other"})
        else:
            block = _eu_mean(grid, keys, paired, per_other, members)
        block = block.with_columns(pl.col("n_common").fill_null(0))
        if "n_members" not in block.columns:
            block = block.with_columns((pl.col("n_common") > 0).cast(pl.Int32).alias("n_members"))
        members_col = pl.col("n_members").cast(pl.Int32)
        frames.append(block.select(pl.col("other").cast(pl.String), *keys, *_SCORES, members_col, "series"))
    out = pl.concat(frames).with_columns(pl.lit(D.label_of(focal_state)).alias("state"))
    return out.select("state", "other", *keys, *_SCORES, "n_members", "series")


def _eu_mean(grid, keys, paired, per_other, members) -> pl.DataFrame:
    """Unweighted mean of the scores over the EU members of each row's year."""
    on = ["year", "other"]
    # sorted first: a float mean depends on the order it adds, and group_by output order is not fixed
    stats = per_other.join(members.select(on), on=on, how="semi").sort([*keys, "other"])
    means = stats.group_by(keys, maintain_order=True).agg(
        pl.col("agree_share", "kappa", "s_score").mean(),
        pl.len().alias("n_members"),
    )
    union = paired.join(members.select(on), on=on, how="semi").group_by(keys).agg(
        pl.col("rcid").n_unique().cast(pl.Int64).alias("n_common")
    )
    out = grid.join(means, on=keys, how="left").join(union, on=keys, how="left")
    return out.with_columns(pl.lit("EU").alias("other"), pl.col("n_members").fill_null(0))


# --- before and after a date -----------------------------------------------------------

PERIOD_SERIES: Series = "undl"


def _as_date(x: dt.date | str | None, name: str) -> dt.date | None:
    if x is None or isinstance(x, dt.date):
        return x
    try:
        return dt.date.fromisoformat(str(x))
    except ValueError:
        raise BadArgument(f"{name}: {x!r} is not a date; write it as YYYY-MM-DD") from None


def _windows(cut: dt.date, start: dt.date | None, end: dt.date | None, rc: pl.DataFrame) -> tuple[dt.date, dt.date]:
    first, last = rc["date"].min(), rc["date"].max()
    end = end or last
    if end > last:
        raise BadArgument(f"end: the UN vote data end on {last.isoformat()} ({last.year}); ask for that date or earlier")
    if not (first < cut <= end):
        raise BadArgument(f"cut: {cut.isoformat()} must fall after {first.isoformat()} and on or before {end.isoformat()}")
    return start or cut - (end - cut) - dt.timedelta(days=1), end


def alignment_before_after(
    state: str | int,
    others: Iterable[str | int] | str,
    *,
    cut: dt.date | str = INVASION,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pl.DataFrame:
    """Vote agreement of `state` with each of `others` before `cut` and from `cut` on, side by side.

    Scores are pooled over the roll calls of each window (not averaged over years), all from the
    UN Digital Library series so that both windows follow one set of rules. By default the window
    after runs from `cut` (INVASION: Russia's full-scale invasion of Ukraine) to the last
    roll call, and the window before has the same length, ending the day before `cut`. Dates may
    be ISO strings.

    Columns: ``state, other``, then for ``before`` and ``after``: ``{p}_from, {p}_to, n_{p},
    agree_{p}, kappa_{p}, s_{p}``, then ``agree_change`` (after minus before) and ``series``
    (the tables the roll calls come from: "undl", or "3dl+undl" once the 3DL extract's records are included).
    ``other`` may be ``"EU"``: the unweighted mean over the states that were EU members on `cut`.
    """
    cut, start, end = _as_date(cut, "cut") or INVASION, _as_date(start, "start"), _as_date(end, "end")
    series = PERIOD_SERIES
    data = D.un_data(series)
    begin, finish = _windows(cut, start, end, data.roll_calls)
    rc = data.roll_calls.filter(pl.col("date").is_between(begin, finish)).with_columns(
        pl.when(pl.col("date") < cut).then(pl.lit("before")).otherwise(pl.lit("after")).alias("period")
    )
    focal_state, focal = _voter(state, series)
    targets = _targets(others, series)
    eu = {D.lineage_of(resolve(iso)): iso for iso in members_in(cut.year)} if any(k == "eu" for k, _ in targets) else {}
    eu.pop(focal, None)
    wanted = [v[1] for kind, v in targets if kind == "state"] + list(eu)
    per_other = _scores(_paired(focal, wanted, rc.select("rcid", "period"), series), ["other", "period"])
    rows = []
    for kind, value in targets:
        if kind == "state":
            label, lineage = value
            stats = per_other.filter(pl.col("other") == lineage)
        else:
            label = "EU"
            stats = per_other.filter(pl.col("other").is_in(list(eu))).sort("period", "other").group_by("period", maintain_order=True).agg(
                pl.col("n_common").max(), pl.col("agree_share", "kappa", "s_score").mean()
            )
        rows.append(stats.select(pl.lit(label).alias("other"), "period", *_SCORES))
    scores = pl.concat(rows, how="vertical_relaxed")
    bounds = {"before": (begin, cut - dt.timedelta(days=1)), "after": (cut, finish)}
    out = pl.DataFrame({"other": [v[0] if k == "state" else "EU" for k, v in targets]})
    for period, (lo, hi) in bounds.items():
        part = scores.filter(pl.col("period") == period).select(
            "other", pl.col("n_common").alias(f"n_{period}"), pl.col("agree_share").alias(f"agree_{period}"),
            pl.col("kappa").alias(f"kappa_{period}"), pl.col("s_score").alias(f"s_{period}"),
        )
        out = out.with_columns(pl.lit(lo).alias(f"{period}_from"), pl.lit(hi).alias(f"{period}_to")).join(
            part, on="other", how="left"
        )
    out = out.with_columns(
        pl.lit(D.label_of(focal_state)).alias("state"),
        (pl.col("agree_after") - pl.col("agree_before")).alias("agree_change"),
        pl.lit("+".join(sorted(rc["series"].unique()))).alias("series"),
    )
    cols = [f"{c}_{p}" for p in bounds for c in ("n", "agree", "kappa", "s")]
    lead = [f"{p}_{c}" for p in bounds for c in ("from", "to")]
    return out.select("state", "other", *lead, *cols, "agree_change", "series")


# --- alliance portfolios ---------------------------------------------------------------


def portfolio_similarity(
    a: str | int,
    b: str | int,
    *,
    years: int | Iterable[int] | None = None,
    method: Literal["s", "tau_b"] = "s",
    coding: Literal["ordinal", "defence", "any"] = "ordinal",
) -> pl.DataFrame:
    """Similarity of the ATOP alliance portfolios of `a` and `b`, per year (over ATOP's years).

    Each state's portfolio in a year is its vector of tie levels to every member of the
    COW state system that year (itself included, at the top level, as in Bueno de
    Mesquita 1975). A pair's tie is the stronger of its two ATOP directed pledges.
    ``coding`` sets the levels: "ordinal" 3 defence or offence pledge, 2 neutrality or
    non-aggression, 1 consultation only, 0 none; "defence" 2 defence pledge, 1 any other
    pledge, 0 none; "any" 1 any pledge, 0 none.

    ``method="s"``: Signorino and Ritter's S, unweighted, ``1 - 2 * sum|l_a - l_b| /
    (n_states * d_max)`` with ``d_max`` the top level. ``method="tau_b"``: Kendall's tau-b
    of the two vectors (Bueno de Mesquita 1975), via ``scipy.stats.kendalltau``; null
    where a vector is constant. Returns ``year, a, b, ccode_a, ccode_b, n_states`` and
    ``s_score`` or ``tau_b``; years in which either state is outside the system are left out.
    """
    if method not in ("s", "tau_b"):
        raise BadArgument(f"method must be 's' or 'tau_b', got {method!r}", suggestions=["s", "tau_b"])
    if coding not in D.TIE_CODINGS:
        raise BadArgument(f"unknown coding {coding!r}", suggestions=list(D.TIE_CODINGS))
    sa, la = _state(a)
    sb, lb = _state(b)
    picked = _years(years)
    members = D.system_members()
    span = range(members["year"].min(), members["year"].max() + 1)
    rows = [(y, D.spell(la, y)[0], D.spell(lb, y)[0]) for y in (picked if picked is not None else span)]
    pairs = pl.DataFrame(rows, schema={"year": pl.Int32, "ccode_a": pl.Int32, "ccode_b": pl.Int32}, orient="row")
    for col in ("ccode_a", "ccode_b"):
        pairs = pairs.join(members.rename({"ccode": col}), on=["year", col], how="semi")
    top = D.TIE_CODINGS[coding][1]
    vectors = pairs.join(members.rename({"ccode": "k"}), on="year")
    tie = D.ties(coding)
    for col, side in (("ccode_a", "la"), ("ccode_b", "lb")):
        found = tie.rename({"i": col, "j": "k", "level": side})
        vectors = vectors.join(found, on=["year", col, "k"], how="left").with_columns(
            pl.when(pl.col("k") == pl.col(col))
            .then(top)
            .otherwise(pl.col(side).fill_null(0))
            .cast(pl.Int64)
            .alias(side)
        )
    head = ["year", "ccode_a", "ccode_b"]
    if method == "s":
        out = vectors.group_by(head).agg(
            pl.len().cast(pl.Int64).alias("n_states"),
            (1 - 2 * (pl.col("la") - pl.col("lb")).abs().sum() / (pl.len() * top)).alias("s_score"),
        )
    else:
        out = _tau_b(vectors, head)
    labels = [pl.lit(D.label_of(sa)).alias("a"), pl.lit(D.label_of(sb)).alias("b")]
    return out.sort("year").select("year", *labels, *head[1:], "n_states", "s_score" if method == "s" else "tau_b")


def portfolio_similarity_with(
    a: str | int,
    others: Iterable[str | int],
    **options,
) -> pl.DataFrame:
    """:func:`portfolio_similarity` of ``a`` with each of ``others``, one frame (same ``options``)."""
    frames = [portfolio_similarity(a, other, **options) for other in others]
    if not frames:
        raise BadArgument("give at least one state to compare with")
    return pl.concat(frames)


def _tau_b(vectors: pl.DataFrame, head: list[str]) -> pl.DataFrame:
    try:
        from scipy.stats import kendalltau
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise BadArgument("method='tau_b' needs scipy (pip install scipy); method='s' does not") from err
    lists = vectors.group_by(head).agg(pl.len().cast(pl.Int64).alias("n_states"), "la", "lb")
    taus = []
    for x, y in zip(lists["la"].to_list(), lists["lb"].to_list(), strict=True):
        tau = kendalltau(x, y, variant="b").statistic if len(set(x)) > 1 and len(set(y)) > 1 else None
        taus.append(None if tau is None or tau != tau else float(tau))
    return lists.drop("la", "lb").with_columns(pl.Series("tau_b", taus, dtype=pl.Float64))
