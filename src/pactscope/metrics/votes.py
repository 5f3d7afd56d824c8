"""How states voted on one set of UN General Assembly resolutions, beside the great powers.

A *topic* picks resolutions from the UN Digital Library series (``undl_ga_votes``, plus
``unga_2025_3dl`` for the GA records of the last year that it lacks) by symbol, date and title:

* ``ukraine``: A/RES/68/262 (territorial integrity of Ukraine, after Crimea) and, from the year of
  Russia's full-scale invasion (``INVASION``), every
  resolution of the eleventh emergency special session (A/RES/ES-11/...) and every other whose
  title names Ukraine or Crimea;
* ``ukraine-all``: every recorded vote from the year of A/RES/68/262 on whose title names Ukraine,
  Crimea or Sevastopol, plus the ES-11 resolutions (adds the annual Crimea resolutions before the invasion).

Votes are ``yes``, ``no``, ``abstain``, ``non-voting`` (listed on the record without a vote)
or null (not on the record: not a member, or not listed). Totals count the record's rows.
Source: UN Dag Hammarskjöld Library voting records (``undl2025gavotes``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from pactscope.codes import resolve
from pactscope.data.cache import cached_object, checksum
from pactscope.errors import BadArgument, UnknownState
from pactscope.metrics._alignment_data import SERIES_NAMES, VOTE_CODE, label_of, lineage_of
from pactscope.metrics._undl import TABLES, undl_records, undl_votes

POWERS = ("RUS", "USA", "CHN")
INVASION = dt.date(2022, 2, 24)  # Russia's full-scale invasion of Ukraine; not-a-data-year
CRIMEA = dt.date(2014, 1, 1)  # start of the year of A/RES/68/262 (27 March); not-a-data-year
_UKRAINE_TITLE = r"(?i)ukrain|crimea|sevastopol"


@dataclass(frozen=True)
class Topic:
    label: str
    rule: pl.Expr


TOPICS = {
    "ukraine": Topic(
        "Ukraine: A/RES/68/262 (2014) and the Ukraine-related resolutions from 2022",  # not-a-data-year
        (pl.col("symbol") == "A/RES/68/262")
        | (
            (pl.col("date") >= dt.date(INVASION.year, 1, 1))
            & (pl.col("symbol").str.starts_with("A/RES/ES-11/") | pl.col("title").str.contains(_UKRAINE_TITLE))
        ),
    ),
    "ukraine-all": Topic(
        "Ukraine: every Ukraine- or Crimea-related resolution from 2014",  # not-a-data-year
        (pl.col("date") >= CRIMEA)
        & (pl.col("symbol").str.starts_with("A/RES/ES-11/") | pl.col("title").str.contains(_UKRAINE_TITLE)),
    ),
}


def topic_resolutions(topic: str = "ukraine") -> pl.DataFrame:
    """The resolutions of a topic: id_record, symbol, date, year, session, title, series."""
    key = str(topic).strip().lower()
    if key not in TOPICS:
        raise BadArgument(f"unknown topic {topic!r}", suggestions=[f"{k} ({t.label})" for k, t in TOPICS.items()])
    return undl_records().filter(TOPICS[key].rule)


@functools.cache
def _topic_votes(topic: str) -> pl.DataFrame:
    """The rows of `undl_votes` for a topic's resolutions (from the disk cache: the report needs no other)."""
    key = checksum(datasets=TABLES, code=(*VOTE_CODE, "pactscope.metrics.votes"), extra=topic)
    return cached_object("undl-topic-votes", key, lambda: undl_votes().join(
        topic_resolutions(topic).select("id_record"), on="id_record", how="semi"))


def _labels(states: Iterable[str | int], powers: Iterable[str]) -> list[tuple[str, int]]:
    picked = [states] if isinstance(states, (str, int)) else list(states)
    if not picked:
        raise BadArgument("name at least one state, e.g. KAZ")
    out: dict[str, int] = {}
    for x in [*picked, *powers]:
        try:
            state = resolve(x)
        except UnknownState as exc:
            raise UnknownState(f"states: unknown state {x!r}", suggestions=exc.suggestions) from None
        out.setdefault(label_of(state), lineage_of(state))
    return list(out.items())


def resolution_votes(
    states: Iterable[str | int] | str,
    topic: str = "ukraine",
    *,
    powers: Iterable[str] = POWERS,
    years: Iterable[int] | None = None,
) -> pl.DataFrame:
    """One row per resolution of ``topic``: each state's vote beside Russia's, the US's and China's.

    Columns: ``resolution, date, title, yes, no, abstain, non_voting`` (totals of the record),
    one column per state and power (ISO3 label; the states first, then ``powers``), and
    ``source`` (the table the record comes from). ``years`` keeps resolutions voted in those years.
    """
    wanted = _labels(states, powers)
    records = topic_resolutions(topic)
    if years is not None:
        records = records.filter(pl.col("year").is_in(list(years)))
    votes = _topic_votes(str(topic).strip().lower()).join(records.select("id_record"), on="id_record", how="semi")
    totals = votes.group_by("id_record").agg(
        *((pl.col("vote") == v).sum().cast(pl.Int32).alias(v.replace("-", "_")) for v in ("yes", "no", "abstain", "non-voting"))
    )
    lineages = pl.DataFrame(
        {"label": [w[0] for w in wanted], "voter": [w[1] for w in wanted]}, schema={"label": pl.String, "voter": pl.Int32}
    )
    cast = votes.join(lineages, on="voter").pivot(on="label", index="id_record", values="vote")
    for label, _ in wanted:
        if label not in cast.columns:
            cast = cast.with_columns(pl.lit(None, pl.String).alias(label))
    out = records.join(totals, on="id_record", how="left").join(cast, on="id_record", how="left")
    return out.sort("date", "symbol").select(
        pl.col("symbol").alias("resolution"), "date", "title", "yes", "no", "abstain", "non_voting",
        *(label for label, _ in wanted),
        pl.col("series").replace_strict(SERIES_NAMES, return_dtype=pl.String).alias("source"),
    )  # fmt: skip


def vote_match(
    states: Iterable[str | int] | str, other: str | int = "RUS", topic: str = "ukraine", *, years: Iterable[int] | None = None
) -> pl.DataFrame:
    """How often each state voted as ``other`` did on a topic's resolutions.

    Columns: ``state, other, n_resolutions`` (of the topic), ``n_votes`` (resolutions on which
    both cast yes, no or abstain), ``n_same`` and ``share_same = n_same / n_votes`` (null when
    n_votes is 0), ``n_yes, n_no, n_abstain, n_non_voting`` (the state's own votes) and ``source``.
    """
    picked = [states] if isinstance(states, (str, int)) else list(states)
    other_label = _labels([other], [])[0][0]
    table = resolution_votes(picked, topic, powers=[other], years=years)
    cast = ("yes", "no", "abstain")
    rows = []
    for label, _ in _labels(picked, []):
        if label == other_label:
            continue
        mine, theirs = table[label], table[other_label]
        both = mine.is_in(cast) & theirs.is_in(cast)
        n_votes, n_same = int(both.sum()), int((both & (mine == theirs)).sum())
        counts = {v: int((mine == v).sum()) for v in (*cast, "non-voting")}
        rows.append({
            "state": label, "other": other_label, "n_resolutions": table.height, "n_votes": n_votes, "n_same": n_same,
            "share_same": n_same / n_votes if n_votes else None, "n_yes": counts["yes"], "n_no": counts["no"],
            "n_abstain": counts["abstain"], "n_non_voting": counts["non-voting"],
            "source": "; ".join(sorted(table["source"].unique())),
        })  # fmt: skip
    schema = {"state": pl.String, "other": pl.String, "n_resolutions": pl.Int32, "n_votes": pl.Int32, "n_same": pl.Int32,
              "share_same": pl.Float64, "n_yes": pl.Int32, "n_no": pl.Int32, "n_abstain": pl.Int32,
              "n_non_voting": pl.Int32, "source": pl.String}  # fmt: skip
    return pl.DataFrame(rows, schema=schema)
