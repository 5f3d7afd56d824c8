"""State-code crosswalk: COW and Gleditsch-Ward codes, ISO3, and names in English, Russian and Arabic.

The crosswalk is a bundled CSV (``states.csv``, one row per code-spell) rebuilt by
``python -m pactscope.codes.build``; see ``overrides.csv`` for the documented cases
where the systems disagree.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal

from pactscope.codes._lookup import coded_state, iso_state, state_iso3
from pactscope.codes._model import State
from pactscope.codes._normalize import normalize
from pactscope.codes._resolve import System, resolve
from pactscope.codes._table import CAPITALS_CSV, LANGS, STATES_CSV, crosswalk
from pactscope.codes._un import resolve_un_name, un_name_key
from pactscope.errors import BadArgument

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "State",
    "capitals",
    "coded_state",
    "iso_state",
    "name_index",
    "normalize",
    "resolve",
    "resolve_un_name",
    "state_iso3",
    "states_table",
    "to_ccode",
    "to_gwcode",
    "to_iso3",
    "un_name_key",
]  # fmt: skip


def to_iso3(x: str | int, year: int | None = None, *, system: System | None = None) -> str | None:
    """ISO3 code of a state (None for states that never had one)."""
    return resolve(x, year=year, system=system).iso3


def to_ccode(x: str | int, year: int | None = None, *, system: System | None = None) -> int | None:
    """COW code of a state (None where only GW lists it)."""
    return resolve(x, year=year, system=system).ccode


def to_gwcode(x: str | int, year: int | None = None, *, system: System | None = None) -> int | None:
    """Gleditsch-Ward code of a state (None where only COW lists it)."""
    return resolve(x, year=year, system=system).gwcode


@cache
def _states_frame() -> pl.DataFrame:
    import polars as pl

    ints = ("ccode", "gwcode", "start_year", "end_year", "lineage")
    frame = pl.read_csv(STATES_CSV, infer_schema=False)
    return frame.with_columns(
        *(pl.col(c).cast(pl.Int64) for c in ints),
        *(pl.col(c).str.to_date() for c in ("start_date", "end_date")),
    )


def states_table() -> pl.DataFrame:
    """The whole crosswalk (list columns are pipe-separated strings)."""
    return _states_frame()


@cache
def _name_index(lang: str) -> dict[str, tuple[str, ...]]:
    cw = crosswalk()
    out: dict[str, tuple[str, ...]] = {}
    for key, rows in cw.by_lang[lang].items():
        codes = sorted({iso for i in rows if (iso := cw.states[i].iso3)})
        if codes:
            out[key] = tuple(codes)
    return out


def name_index(lang: Literal["en", "ru", "ar"]) -> dict[str, list[str]]:
    """Every normalised name, variant and demonym in `lang` -> ISO3 codes it may denote.

    Keys are folded with `normalize`; apply the same function to text before matching.
    """
    if lang not in LANGS:
        raise BadArgument(f"unknown language {lang!r}", suggestions=list(LANGS))
    return {k: list(v) for k, v in _name_index(lang).items()}


@cache
def _capitals_frame() -> pl.DataFrame:
    import polars as pl

    frame = pl.read_csv(CAPITALS_CSV, infer_schema=False)
    return frame.with_columns(
        pl.col("ccode").cast(pl.Int64),
        pl.col("lat").cast(pl.Float64),
        pl.col("lng").cast(pl.Float64),
        pl.col("start").str.to_date(),
        pl.col("end").str.to_date(),
    )


def capitals() -> pl.DataFrame:
    """COW capitals per crosswalk period: ccode, iso3, capital (+ _ru/_ar where known), lat, lng, start, end."""
    return _capitals_frame()
