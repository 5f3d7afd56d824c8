"""UN General Assembly votes of the UN Digital Library series, prepared once per process.

Two bundled tables make the series: ``undl_ga_votes`` (records to its last crawl) and, for the GA
records of the last year that it lacks, ``unga_2025_3dl`` (same record numbers). Each vote row keeps the table
it came from in ``series`` ("undl" or "3dl"). Member-state names map to crosswalk lineages
through :func:`pactscope.codes.resolve_un_name`.

The Voeten, Strezhnev and Bailey tables (``un_votes``) are another series, with other ids and
rules (amendment and paragraph votes included); the two are never mixed within one roll call.
"""

from __future__ import annotations

import re
from functools import cache

import polars as pl

from pactscope.codes import resolve, resolve_un_name
from pactscope.data import load
from pactscope.data.cache import cached_object, checksum
from pactscope.metrics._alignment_data import VOTE_CODE, lineage_of

UNDL_VOTES = {"Y": "yes", "N": "no", "A": "abstain", "NV": "non-voting"}
THREEDL_VOTES = {"YES": "yes", "NO": "no", "ABSTAIN": "abstain"}
_TITLE_TAIL = r"(?i)\s*:\s*resolution\s*/\s*adopted by the General Assembly.*$"  # the Library's title tail
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total, prev = (total - value, prev) if value < prev else (total + value, value)
    return total or None


def session_of(symbol: str, year: int, month: int) -> int:
    """The regular GA session of a resolution: from its symbol (A/RES/77/..., A/RES/1536(XV)),
    else (emergency special sessions) the regular session under way on the vote date."""
    numbered = re.match(r"A/RES/(\d+)/", symbol)
    if numbered:
        return int(numbered.group(1))
    old = re.match(r"A/RES/\d+\s*\(([IVXL]+)\)", symbol)
    if old and (value := _roman(old.group(1))):
        return value
    return year - 1945 if month >= 9 else year - 1946  # the first session opened in 1946; not-a-data-year


@cache
def _name_lineages() -> pl.DataFrame:
    names = load("undl_ga_votes").get_column("country").unique().to_list()
    return pl.DataFrame(
        {"country": names, "voter": [lineage_of(resolve_un_name(n)) for n in names]},
        schema={"country": pl.String, "voter": pl.Int32},
    )


@cache
def _threedl() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(votes, records) of the 3DL GA resolutions that undl_ga_votes does not carry (resolutions
    only, as in undl_ga_votes: the one GA decision of the extract is left out)."""
    raw = load("unga_2025_3dl").filter(
        (pl.col("Council") == "General Assembly") & pl.col("Resolution").str.starts_with("A/RES/")
    )
    known = load("undl_ga_votes").get_column("id_record").unique()
    raw = raw.filter(~pl.col("token").is_in(known.implode()))
    # an empty cell is a member that cast no vote (AFG and VEN, with no column, are not listed)
    isos = [c for c in raw.columns if len(c) == 3 and c.isupper()]
    lineages = pl.DataFrame(
        {"iso3": isos, "voter": [lineage_of(resolve(c)) for c in isos]}, schema={"iso3": pl.String, "voter": pl.Int32}
    )
    long = (
        raw.select(pl.col("token").alias("id_record"), *isos)
        .unpivot(index="id_record", variable_name="iso3", value_name="vote")
        .with_columns(pl.col("vote").replace_strict(THREEDL_VOTES, default="non-voting", return_dtype=pl.String))
        .join(lineages, on="iso3")
        .select("id_record", "voter", "vote", pl.lit("3dl").alias("series"))
    )
    records = raw.select(
        pl.col("token").alias("id_record"),
        pl.col("Resolution").alias("symbol"),
        pl.col("Date").alias("date"),
        pl.col("Title").alias("title"),
        pl.lit("3dl").alias("series"),
    ).join(long.filter(pl.col("vote") != "non-voting").select("id_record").unique(), on="id_record", how="semi")
    return long, records


@cache
def undl_votes() -> pl.DataFrame:
    """One row per recorded vote: id_record, voter (lineage), vote (yes/no/abstain/non-voting), series
    (in the tables' order: by record, then as the record lists the states). Computed in memory: the
    disk cache keeps what is derived from it (the vote matrix, each topic's votes), not this large table."""
    return _votes()


@cache
def undl_records() -> pl.DataFrame:
    """One row per resolution with a recorded vote: id_record, symbol, date, year, session, title, series."""
    return cached_object("undl-records", cache_key(), _records)


TABLES = ("undl_ga_votes", "undl_ga_resolutions", "unga_2025_3dl")


@cache
def cache_key() -> str:
    """Checksum of what the series is computed from (its tables, this code, the crosswalk), for the disk cache."""
    return checksum(datasets=TABLES, code=VOTE_CODE)


def _votes() -> pl.DataFrame:
    lineages = dict(_name_lineages().iter_rows())
    main = load("undl_ga_votes").select(
        "id_record",
        pl.col("country").replace_strict(lineages, return_dtype=pl.Int32).alias("voter"),
        pl.col("vote").replace_strict(UNDL_VOTES, return_dtype=pl.String),
        pl.lit("undl").alias("series"),
    )
    extra, _ = _threedl()
    return pl.concat([main, extra])


def _records() -> pl.DataFrame:
    res = load("undl_ga_resolutions").select("id_record", "title")
    main = (
        load("undl_ga_votes")
        .select("id_record", pl.col("resolution_symbol").alias("symbol"), pl.col("vote_date").alias("date"))
        .unique("id_record")
        .join(res, on="id_record", how="left")
        .with_columns(pl.lit("undl").alias("series"))
    )
    _, extra = _threedl()
    both = pl.concat([main, extra.select(main.columns)])
    sessions = [session_of(s, d.year, d.month) for s, d in both.select("symbol", "date").iter_rows()]
    return both.with_columns(
        pl.col("date").dt.year().cast(pl.Int32).alias("year"),
        pl.Series("session", sessions, dtype=pl.Int32),
        pl.col("title").str.replace(_TITLE_TAIL, "").str.strip_chars(),
    ).sort("date", "id_record")
