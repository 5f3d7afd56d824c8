"""The ``whittle_conflicts_*`` verbs: dispute-years with several disputes in one dyad-year cut to
fewer, by peacesciencer's rules, so they can be merged onto a panel.

``dispute_years("gml")`` (or ``"cow-mid"``, or ``leaders=True`` for leader-dyad dispute-years)
gives every dispute of every directed dyad-year; each verb keeps, within every dyad-year (or
leader-dyad-year), the rows that its rule prefers and leaves unit-years with one dispute alone:

    disputes = dispute_years("gml").pipe(whittle_conflicts_onsets).pipe(whittle_conflicts_fatality)

Every rule is total and keeps the source's row order, so results never depend on threads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Concatenate, Literal, ParamSpec, TypeVar

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument, WrongPanelKind, close_matches

ConflictType = Literal["gml", "cow-mid"]
P = ParamSpec("P")
Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

# (conflict type, leader level) -> bundled dispute-year table, its onset and ongoing columns
_TABLES = {
    ("gml", False): ("gml_dirdisp", "midonset", "midongoing"),
    ("cow-mid", False): ("cow_mid_dirdisps", "disponset", "dispongoing"),
    ("gml", True): ("gml_mid_dirleaderdisps", "gmlmidonset", "gmlmidongoing"),
}
_DISPUTE_TABLE = {"gml": "gml_mid_disps", "cow-mid": "cow_mid_disps"}
DYAD_KEYS = ["ccode1", "ccode2", "year"]
LEADER_KEYS = ["ccode1", "obsid1", "ccode2", "obsid2", "year"]


@dataclass(frozen=True)
class DisputeYears:
    """Directed dispute-years (one row per dispute, dyad and year) and what they are."""

    frame: pl.DataFrame
    conflict_type: ConflictType
    leaders: bool = False
    sources: tuple[str, ...] = ()

    @property
    def keys(self) -> list[str]:
        """The unit-year a whittled frame has one row for."""
        return LEADER_KEYS if self.leaders else DYAD_KEYS

    @property
    def onset(self) -> str:
        return _TABLES[(self.conflict_type, self.leaders)][1]

    @property
    def ongoing(self) -> str:
        return _TABLES[(self.conflict_type, self.leaders)][2]

    def duplicates(self) -> int:
        """How many unit-years still hold more than one dispute."""
        return int(self.frame.group_by(self.keys).len().filter(pl.col("len") > 1).height)

    def pipe(self, verb: Callable[Concatenate[DisputeYears, P], DisputeYears], *args: P.args, **kwargs: P.kwargs) -> DisputeYears:
        return verb(self, *args, **kwargs)

    def with_frame(self, frame: pl.DataFrame, *sources: str) -> DisputeYears:
        added = tuple(s for s in sources if s not in self.sources)
        return replace(self, frame=frame.sort(self.keys, nulls_last=True, maintain_order=True), sources=self.sources + added)


def _check_type(conflict_type: str, leaders: bool) -> None:
    if (conflict_type, leaders) not in _TABLES:
        if leaders and conflict_type == "cow-mid":
            raise BadArgument("dispute_years('cow-mid', leaders=True): leader-dyad dispute-years exist for 'gml' only")
        raise BadArgument(f"dispute_years({conflict_type!r}): choose 'gml' or 'cow-mid'")


def dispute_years(conflict_type: ConflictType = "gml", leaders: bool = False) -> DisputeYears:
    """Every dispute of every directed dyad-year: ``gml_dirdisp`` (GML MIDs 2.2.1),
    ``cow_mid_dirdisps`` (COW MIDs 5.0) or, with ``leaders=True``, ``gml_mid_dirleaderdisps``
    (GML MIDs by pairs of leaders in office)."""
    _check_type(conflict_type, leaders)
    table = _TABLES[(conflict_type, leaders)][0]
    return DisputeYears(load(table), conflict_type, leaders).with_frame(load(table), table)


def declare_dispute_years(frame: pl.DataFrame | pl.LazyFrame, conflict_type: ConflictType = "gml", leaders: bool = False) -> DisputeYears:
    """Wrap dispute-years built elsewhere (columns as in the bundled table of that type)."""
    _check_type(conflict_type, leaders)
    table, onset, ongoing = _TABLES[(conflict_type, leaders)]
    frame = frame.lazy().collect()
    keys = LEADER_KEYS if leaders else DYAD_KEYS
    missing = [c for c in (*keys, "dispnum", onset, ongoing) if c not in frame.columns]
    if missing:
        raise BadArgument(f"declare_dispute_years(): no column {', '.join(missing)}; the frame needs the columns of {table}")
    return DisputeYears(frame, conflict_type, leaders).with_frame(frame)


def _require(disputes: object, verb: str) -> DisputeYears:
    if not isinstance(disputes, DisputeYears):
        raise WrongPanelKind(
            f"{verb}() takes dispute-years from dispute_years('gml'|'cow-mid') (or declare_dispute_years()), "
            f"not {type(disputes).__name__}"
        )
    return disputes


def _with_dispute_column(disputes: DisputeYears, column: str) -> DisputeYears:
    """The dispute-level ``column`` (fatality, hostlev, ...) beside each row, from the dispute table
    (``gml_mid_disps``, ``cow_mid_disps``) when the frame lacks it."""
    if column in disputes.frame.columns:
        return disputes
    table = _DISPUTE_TABLE[disputes.conflict_type]
    values = load(table).select("dispnum", column)
    frame = disputes.frame.join(values, on="dispnum", how="left", maintain_order="left")
    return disputes.with_frame(frame, table)


# --- the rules, on any frame: shared with the war whittling in add_cow_wars ----------------------

def drop_ongoing_beside_onsets(frame: Frame, keys: list[str], onset: str) -> Frame:
    """Where a unit-year holds both onsets and ongoing disputes, the ongoing rows go.
    A unit-year with a missing onset value is left as it is (as peacesciencer's rule does)."""
    varies = (pl.col(onset).max().over(keys) > pl.col(onset).min().over(keys)) & ~pl.col(onset).is_null().any().over(keys)
    return frame.filter(~(varies & (pl.col(onset) == 0)).fill_null(False))


def keep_extreme(frame: Frame, keys: list[str], value: pl.Expr, largest: bool = True) -> Frame:
    """Keep the rows whose ``value`` is the largest (or smallest) of their unit-year; ties all stay.
    A missing value never beats a known one, and a unit-year with no known value keeps its rows."""
    best = (value.max() if largest else value.min()).over(keys)
    return frame.filter((value == best).fill_null(False) | best.is_null())


def keep_first(frame: Frame, keys: list[str]) -> Frame:
    """Keep each unit-year's first row in the frame's order."""
    return frame.filter(pl.int_range(pl.len()).over(keys) == 0)


# --- the public verbs ---------------------------------------------------------------------------

def _keep(disputes: DisputeYears, verb: str, column: str, value: pl.Expr | None = None, largest: bool = True) -> DisputeYears:
    disputes = _with_dispute_column(_require(disputes, verb), column)
    kept = keep_extreme(disputes.frame, disputes.keys, pl.col(column) if value is None else value, largest)
    return disputes.with_frame(kept)


def whittle_conflicts_onsets(disputes: DisputeYears) -> DisputeYears:
    """Where a unit-year holds a dispute onset and a dispute that continues from an earlier year,
    drop the continuing one (peacesciencer's first rule)."""
    disputes = _require(disputes, "whittle_conflicts_onsets")
    return disputes.with_frame(drop_ongoing_beside_onsets(disputes.frame, disputes.keys, disputes.onset))


def whittle_conflicts_fatality(disputes: DisputeYears) -> DisputeYears:
    """Keep the disputes of the highest fatality level; unknown fatality (-9) ranks as fatal but
    below any known level of deaths (peacesciencer counts it 0.5 for the comparison)."""
    fatality = pl.when(pl.col("fatality") == -9).then(0.5).otherwise(pl.col("fatality").cast(pl.Float64))
    return _keep(disputes, "whittle_conflicts_fatality", "fatality", fatality)


def whittle_conflicts_hostility(disputes: DisputeYears) -> DisputeYears:
    """Keep the disputes of the highest hostility level (``hostlev``, 1 none ... 5 war)."""
    return _keep(disputes, "whittle_conflicts_hostility", "hostlev")


DURATION_TYPES = ("mindur", "maxdur")


def whittle_conflicts_duration(disputes: DisputeYears, durtype: str = "mindur") -> DisputeYears:
    """Keep the longest disputes by their minimum (``"mindur"``) or maximum (``"maxdur"``)
    estimated duration in days."""
    if durtype not in DURATION_TYPES:
        raise BadArgument(f"whittle_conflicts_duration(durtype={durtype!r}): choose 'mindur' or 'maxdur'")
    return _keep(disputes, "whittle_conflicts_duration", durtype)


def whittle_conflicts_reciprocation(disputes: DisputeYears) -> DisputeYears:
    """Keep reciprocated disputes (``recip`` 1: militarized actions on both sides) where a
    unit-year has any."""
    return _keep(disputes, "whittle_conflicts_reciprocation", "recip")


def whittle_conflicts_startmonth(disputes: DisputeYears) -> DisputeYears:
    """Keep the disputes that began earliest in the year (lowest ``stmon``)."""
    return _keep(disputes, "whittle_conflicts_startmonth", "stmon", largest=False)


def whittle_conflicts_jds(disputes: DisputeYears) -> DisputeYears:
    """"Just drop something": keep each unit-year's first remaining dispute in the source's order."""
    disputes = _require(disputes, "whittle_conflicts_jds")
    return disputes.with_frame(keep_first(disputes.frame, disputes.keys))


# peacesciencer's short names
wc_onsets = whittle_conflicts_onsets
wc_fatality = whittle_conflicts_fatality
wc_hostility = whittle_conflicts_hostility
wc_duration = whittle_conflicts_duration
wc_recip = whittle_conflicts_reciprocation
wc_stmon = whittle_conflicts_startmonth
wc_jds = whittle_conflicts_jds

# names the command line takes (``--whittle onsets,fatality,...``)
WHITTLE_RULES: dict[str, Callable[[DisputeYears], DisputeYears]] = {
    "onsets": whittle_conflicts_onsets,
    "fatality": whittle_conflicts_fatality,
    "hostility": whittle_conflicts_hostility,
    "mindur": whittle_conflicts_duration,
    "maxdur": lambda d: whittle_conflicts_duration(d, "maxdur"),
    "recip": whittle_conflicts_reciprocation,
    "stmon": whittle_conflicts_startmonth,
    "jds": whittle_conflicts_jds,
}
DEFAULT_RULES = ("onsets", "fatality", "hostility", "mindur", "maxdur", "recip", "stmon", "jds")


def parse_rules(spec: str | list[str] | tuple[str, ...]) -> list[str]:
    """Split 'onsets,fatality' into rule names, refusing unknown ones with suggestions."""
    names = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    for name in names:
        if name not in WHITTLE_RULES:
            raise BadArgument(f"unknown whittle rule {name!r}; rules are: {', '.join(WHITTLE_RULES)}",
                              suggestions=close_matches(name, WHITTLE_RULES))
    return names


def whittle(disputes: DisputeYears, rules: str | list[str] | tuple[str, ...] = DEFAULT_RULES) -> DisputeYears:
    """Apply named rules in order (``"onsets,fatality,jds"`` or a list); the default is
    peacesciencer's own order for its bundled one-dispute-per-dyad-year tables."""
    for rule in parse_rules(rules):
        disputes = WHITTLE_RULES[rule](disputes)
    return disputes
