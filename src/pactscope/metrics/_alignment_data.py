"""Prepared, cached inputs of the alignment metrics: UN votes keyed by state lineage,
roll-call metadata, state spells by year, COW system membership and ATOP ties.

A *lineage* is the crosswalk's id for one state through its renamings and code changes
(the Soviet Union and Russia share one, so do West Germany and Germany, North Yemen and
Yemen, Yugoslavia and Serbia). UN seats are followed by lineage so that a series does not
break when a code changes; the COW code of each year's spell is reported beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import polars as pl

from pactscope.codes import State, resolve, states_table
from pactscope.data import coverage, last_year, load
from pactscope.data.cache import cached_object, checksum
from pactscope.errors import BadArgument

VOTE_CODES = {"yes": 1, "abstain": 2, "no": 3}


@cache
def _lineage_index() -> dict[tuple, int]:
    rows = states_table().select("ccode", "gwcode", "name_en", "start_year", "lineage").iter_rows()
    return {(cc, gw, name, start): lin for cc, gw, name, start, lin in rows}


def lineage_of(state: State) -> int:
    """The crosswalk lineage of a resolved state."""
    return _lineage_index()[(state.ccode, state.gwcode, state.name, state.start_year)]


def label_of(state: State) -> str:
    """Short label of a resolved state: ISO3, else COW letters, else its COW code."""
    return state.iso3 or state.cow_abb or str(state.ccode)


@cache
def _spell_rows(lineage: int) -> tuple[tuple[int, int, int, str], ...]:
    """(start ordinal, end ordinal, ccode, name) of the COW-coded rows of a lineage."""
    frame = states_table().filter((pl.col("lineage") == lineage) & pl.col("ccode").is_not_null())
    far = date(9999, 12, 31)
    return tuple(
        (s.toordinal(), (e or far).toordinal(), cc, name)
        for s, e, cc, name in frame.select("start_date", "end_date", "ccode", "name_en").iter_rows()
    )


@cache
def spell(lineage: int, year: int) -> tuple[int | None, str | None]:
    """(COW code, name) of the lineage's spell covering most of `year`; (None, None) if none."""
    lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    best, best_key = (None, None), None
    for start, end, ccode, name in _spell_rows(lineage):
        overlap = min(end, hi) - max(start, lo)
        if overlap >= 0 and (best_key is None or (overlap, start) > best_key):
            best, best_key = (ccode, name), (overlap, start)
    return best


# unvotes spellings the crosswalk does not know (besides "&" for "and")
_UN_NAMES = {"St. Vincent & Grenadines": "St. Vincent and the Grenadines"}


def _un_name_lineage(name: str) -> int:
    return lineage_of(resolve(_UN_NAMES.get(name, name).replace(" & ", " and ")))


SERIES = ("auto", "voeten", "undl")
SERIES_NAMES = {
    "voeten": "Voeten, Strezhnev and Bailey (un_votes)",
    "undl": "UN Digital Library (undl_ga_votes)",
    "3dl": "UN Digital Library via 3DL (unga_2025_3dl)",
}


@dataclass(frozen=True)
class UNData:
    """Votes as small integer codes, split by voter, plus roll-call metadata.

    ``roll_calls`` has rcid, date, year, session, important (null outside the Voeten series) and
    series: the table each roll call comes from ("voeten", "undl" or "3dl").
    """

    by_voter: dict[int, pl.DataFrame]  # lineage -> (rcid, vote)
    votes: pl.DataFrame  # rcid, voter, vote
    roll_calls: pl.DataFrame  # rcid, date, year, session, important, series
    issues: pl.DataFrame  # rcid, short_name, issue


def _voeten() -> tuple[pl.DataFrame, pl.DataFrame]:
    raw = load("un_votes")
    names = raw.get_column("country").unique().to_list()
    lineages = pl.DataFrame(
        {"country": names, "voter": [_un_name_lineage(n) for n in names]},
        schema={"country": pl.String, "voter": pl.Int32},
    )
    votes = raw.join(lineages, on="country", how="left").select(
        "rcid", "voter", pl.col("vote").replace_strict(VOTE_CODES, return_dtype=pl.Int8)
    )
    roll_calls = load("un_roll_calls").select(
        "rcid",
        "date",
        pl.col("date").dt.year().cast(pl.Int32).alias("year"),
        pl.col("session").cast(pl.Int32),
        (pl.col("importantvote") == 1).fill_null(False).alias("important"),
        pl.lit("voeten").alias("series"),
    )
    return votes, roll_calls


def _undl() -> tuple[pl.DataFrame, pl.DataFrame]:
    from pactscope.metrics._undl import undl_records, undl_votes

    votes = undl_votes().filter(pl.col("vote") != "non-voting").select(
        pl.col("id_record").alias("rcid"), "voter", pl.col("vote").replace_strict(VOTE_CODES, return_dtype=pl.Int8)
    )
    roll_calls = undl_records().select(
        pl.col("id_record").alias("rcid"), "date", "year", "session", pl.lit(None, pl.Boolean).alias("important"), "series"
    )
    return votes, roll_calls


SERIES_TABLES = {
    "voeten": ("un_votes", "un_roll_calls", "un_roll_call_issues"),
    "undl": ("undl_ga_votes", "undl_ga_resolutions", "unga_2025_3dl", "un_roll_call_issues"),
}
SERIES_TABLES["auto"] = tuple(dict.fromkeys(SERIES_TABLES["voeten"] + SERIES_TABLES["undl"]))
# the code every cached UN vote table is computed by (here and in `_undl`), part of its cache key
VOTE_CODE = ("pactscope.metrics._alignment_data", "pactscope.metrics._undl", "pactscope.codes", "pactscope.data.registry")


def _series(series: str) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(votes, roll calls, issues) of one series, computed from the bundled tables; votes sorted by voter."""
    if series == "auto":
        return _auto()
    votes, rc = _voeten() if series == "voeten" else _undl()
    # grouped by voter, so that each voter's votes are one slice; UNDL rows keep their record order within a voter
    votes = votes.sort("voter", "rcid") if series == "voeten" else votes.sort("voter", maintain_order=True)
    issues = load("un_roll_call_issues") if series == "voeten" else load("un_roll_call_issues").clear()
    return votes, rc, issues


def _cache_key(series: str) -> str:
    """Checksum of what a series' vote matrix is computed from: its tables, this code, the crosswalk."""
    return checksum(datasets=SERIES_TABLES[series], code=VOTE_CODE, extra=series)


def vote_series_years() -> tuple[int, int, int]:
    """(first, switch, last) years of the "auto" series, as catalogued: Voeten from its first year
    through ``switch``, the UN Digital Library (with the 3DL extract for its last year) to ``last``."""
    last = max(last_year("undl_ga_votes"), last_year("unga_2025_3dl"))
    return coverage("un_votes")[0], voeten_last_year(), last


def voeten_last_year() -> int:
    """Last full year of the Voeten series as catalogued; "auto" switches to the UN Digital Library after it."""
    return last_year("un_votes")


@cache
def un_data(series: str = "voeten") -> UNData:
    """Build (once) the vote matrix of one series: "voeten", "undl" or "auto".

    "auto" takes the Voeten roll calls through the last year its catalogue entry covers and the
    UN Digital Library's after it. Absences and non-membership have no rows (only yes, no and
    abstain count), so a roll call counts for a pair only when both states cast one of those votes.
    """
    if series not in SERIES:
        raise BadArgument(f"unknown UN vote series {series!r}", suggestions=list(SERIES))
    votes, rc, issues = cached_object("un-votes", _cache_key(series), lambda: _series(series))
    return UNData(_parts(votes), votes, rc, issues)


def _auto() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Voeten's roll calls through its last catalogued year, the UN Digital Library's after; votes
    grouped by voter, each voter's Voeten votes before its Library votes."""
    old, new = un_data("voeten"), un_data("undl")
    cut = voeten_last_year()
    old_rc, new_rc = old.roll_calls.filter(pl.col("year") <= cut), new.roll_calls.filter(pl.col("year") > cut)
    kept = [d.votes.join(r.select("rcid"), on="rcid", how="semi", maintain_order="left") for d, r in ((old, old_rc), (new, new_rc))]
    rc = pl.concat([old_rc, new_rc])
    issues = old.issues.join(rc.select("rcid"), on="rcid", how="semi")
    return pl.concat(kept).sort("voter", maintain_order=True), rc, issues


def _parts(votes: pl.DataFrame) -> dict[int, pl.DataFrame]:
    """(rcid, vote) of each voter, as slices of a frame sorted by voter (see :func:`_series`)."""
    body, out, offset = votes.select("rcid", "vote"), {}, 0
    for run in votes["voter"].rle().to_list():
        if run["value"] in out:
            raise ValueError("votes are not sorted by voter")
        out[run["value"]] = body.slice(offset, run["len"])
        offset += run["len"]
    return out


def last_vote_year(series: str) -> int:
    """Last calendar year with a roll call in a series (from the data)."""
    return int(un_data(series).roll_calls["year"].max())


@cache
def issue_names() -> dict[str, str]:
    """Issue short name -> label, e.g. 'nu' -> 'Nuclear weapons and nuclear material'."""
    pairs = un_data().issues.select("short_name", "issue").unique().sort("short_name").iter_rows()
    return dict(pairs)


def check_issues(issues: list[str]) -> list[str]:
    """Validate issue short names (case-insensitive); raise BadArgument listing the valid ones."""
    valid = issue_names()
    picked = [str(x).strip().lower() for x in issues]
    unknown = [x for x in picked if x not in valid]
    if unknown or not picked:
        listing = [f"{k} ({v})" for k, v in valid.items()]
        what = f"unknown issue(s) {', '.join(map(repr, unknown))}" if unknown else "empty issue list"
        raise BadArgument(f"{what}: issues are UN roll-call tags", suggestions=listing)
    return picked


# --- alliance portfolios -------------------------------------------------------------


@cache
def system_members() -> pl.DataFrame:
    """(year, ccode) of COW state-system members, from the first year of the state system to ATOP's last.

    Spells still open when COW's list ends are carried to the last ATOP year (both from the catalogue).
    """
    cow_last, atop_last = last_year("cow_states"), last_year("atop_alliance")
    spells = load("cow_states").select(
        "ccode",
        "styear",
        pl.when(pl.col("endyear") >= cow_last).then(atop_last).otherwise(pl.col("endyear")).alias("endyear"),
    )
    return (
        spells.with_columns(pl.int_ranges("styear", pl.col("endyear") + 1, dtype=pl.Int32).alias("year"))
        .explode("year")
        .select("year", pl.col("ccode").cast(pl.Int32))
        .unique()
        .sort("year", "ccode")
    )


TIE_CODINGS = {
    # coding -> (level expression on one ATOP row, maximum level)
    "ordinal": (
        pl.when((pl.col("atop_defense") == 1) | (pl.col("atop_offense") == 1))
        .then(3)
        .when((pl.col("atop_neutral") == 1) | (pl.col("atop_nonagg") == 1))
        .then(2)
        .when(pl.col("atop_consul") == 1)
        .then(1)
        .otherwise(0),
        3,
    ),
    "defence": (
        pl.when(pl.col("atop_defense") == 1)
        .then(2)
        .when(pl.max_horizontal("atop_offense", "atop_neutral", "atop_nonagg", "atop_consul") == 1)
        .then(1)
        .otherwise(0),
        2,
    ),
    "any": (
        pl.max_horizontal("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"),
        1,
    ),
}


@cache
def ties(coding: str) -> pl.DataFrame:
    """Undirected tie levels (year, i, j, level > 0), both orientations listed.

    ATOP dyads are directed (i's obligations to j); a pair's tie is the higher of the two
    directions, so a one-sided guarantee still links the pair.
    """
    level, _ = TIE_CODINGS[coding]
    raw = load("atop_alliance").select("year", "ccode1", "ccode2", level.cast(pl.Int8).alias("level"))
    flipped = raw.select("year", pl.col("ccode2").alias("ccode1"), pl.col("ccode1").alias("ccode2"), "level")
    both = pl.concat([raw, flipped])
    return (
        both.group_by("year", "ccode1", "ccode2")
        .agg(pl.col("level").max())
        .filter(pl.col("level") > 0)
        .rename({"ccode1": "i", "ccode2": "j"})
        .sort("year", "i", "j")
    )
