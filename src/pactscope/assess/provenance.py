"""Call a metric by name and pick a number out of its frame, as a :class:`Provenance` says."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from typing import Any

import polars as pl

from pactscope.assess.model import Provenance
from pactscope.errors import BadArgument


def function(metric: str):
    """The callable a provenance names: ``"dominance"`` -> pactscope.metrics.dominance,
    ``"ledger.cases_frame"`` -> pactscope.ledger.cases_frame."""
    module, _, name = metric.rpartition(".")
    mod = importlib.import_module(f"pactscope.{module or 'metrics'}")
    fn = getattr(mod, name, None)
    if fn is None:
        raise BadArgument(f"no function {metric!r} in pactscope.{module or 'metrics'}")
    return fn


def call(metric: str, args: dict[str, Any]) -> pl.DataFrame:
    return function(metric)(**args)


def _condition(column: str, spec: Any) -> pl.Expr:
    col = pl.col(column)
    if isinstance(spec, dict):
        if "between" in spec:
            lo, hi = spec["between"]
            return col.is_between(lo, hi)
        if "in" in spec:
            return col.is_in(list(spec["in"]))
        if "not_null" in spec:
            return col.is_not_null() if spec["not_null"] else col.is_null()
        raise BadArgument(f"row filter for {column!r}: unknown operator {sorted(spec)}")
    if spec is None:
        return col.is_null()
    return col == spec


def select(frame: pl.DataFrame, row: dict[str, Any]) -> pl.DataFrame:
    for column, spec in row.items():
        frame = frame.filter(_condition(column, spec))
    return frame


def plain(value: Any) -> Any:
    """A JSON-ready version of a frame value (dates as ISO strings, lists kept)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def aggregate(frame: pl.DataFrame, column: str | list[str] | None, agg: str) -> Any:
    if agg == "count":
        return frame.height
    if agg == "rows":
        cols = [column] if isinstance(column, str) else list(column or frame.columns)
        return [{k: plain(v) for k, v in r.items()} for r in frame.select(cols).iter_rows(named=True)]
    if agg == "n_unique":
        cols = [column] if isinstance(column, str) else list(column)
        return frame.select(cols).drop_nulls().unique().height
    if column is None or not isinstance(column, str):
        raise BadArgument(f"agg {agg!r} needs one column")
    series = frame[column]
    if agg == "single":
        if frame.height != 1:
            raise BadArgument(f"provenance picks {frame.height} rows of {column!r}, not one")
        return plain(series[0])
    return _reduce(series, agg)


def _reduce(series: pl.Series, agg: str) -> Any:
    if agg in ("mean", "sum", "min", "max"):
        if series.drop_nulls().is_empty():
            return None
        return getattr(series, agg)()
    raise BadArgument(f"unknown agg {agg!r}")


def evaluate(frame: pl.DataFrame, prov: Provenance, columns: dict[str, list] | None = None) -> Any:
    """The number ``prov`` picks from ``frame``. With ``columns`` (a per-frame dict the caller keeps),
    simple row filters are matched in Python over the frame's columns as lists, and the picked
    values are taken from the same rows, so a report that reads hundreds of numbers from one frame
    does not run a polars query for each; the result is the same as :func:`select` then
    :func:`aggregate`."""
    if columns is not None and prov.agg in _FAST_AGGS:
        mask = _mask(frame, prov.row, columns)
        if mask is not None:
            return _aggregate_masked(frame, mask, prov.column, prov.agg, columns)
    return aggregate(select(frame, prov.row), prov.column, prov.agg)


_FAST_AGGS = {"single", "count", "mean", "sum", "min", "max", "n_unique"}
_PLAIN_TYPES = {pl.String: (str,), pl.Boolean: (bool,)}


def _python_type(dtype: pl.DataType) -> tuple[type, ...] | None:
    if dtype.is_integer():
        return (int,)
    return _PLAIN_TYPES.get(dtype.base_type())  # type: ignore[call-overload]


def _kind_ok(value: Any, kinds: tuple[type, ...]) -> bool:
    """``value`` compares in Python as polars compares it with a column of this type (no casts)."""
    return isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool))


def _test(spec: Any, kinds: tuple[type, ...]):
    """A Python test of one value equal to :func:`_condition`, or None when the spec is not simple."""
    if spec is None:
        return lambda v: v is None
    if not isinstance(spec, dict):
        return (lambda v: v is not None and v == spec) if _kind_ok(spec, kinds) else None
    if set(spec) == {"between"} and len(spec["between"]) == 2 and all(_kind_ok(x, kinds) for x in spec["between"]):
        lo, hi = spec["between"]
        return lambda v: v is not None and lo <= v <= hi
    if set(spec) == {"in"} and all(_kind_ok(x, kinds) for x in spec["in"]):
        wanted = set(spec["in"])
        return lambda v: v is not None and v in wanted
    if set(spec) == {"not_null"} and isinstance(spec["not_null"], bool):
        return (lambda v: v is not None) if spec["not_null"] else (lambda v: v is None)
    return None


def _values(frame: pl.DataFrame, column: str, columns: dict[str, list]) -> list:
    if column not in columns:
        columns[column] = frame[column].to_list()
    return columns[column]


def _mask(frame: pl.DataFrame, row: dict[str, Any], columns: dict[str, list]) -> list[bool] | None:
    keep = [True] * frame.height
    for column, spec in row.items():
        if column not in frame.columns:
            return None
        kinds = _python_type(frame.schema[column])
        test = _test(spec, kinds) if kinds else None
        if test is None:
            return None
        keep = [k and test(v) for k, v in zip(keep, _values(frame, column, columns), strict=True)]
    return keep


def _aggregate_masked(frame: pl.DataFrame, mask: list[bool], column, agg: str, columns: dict[str, list]) -> Any:
    n = sum(mask)
    if agg == "count":
        return n
    if agg == "n_unique":
        cols = [column] if isinstance(column, str) else list(column)
        if not all(_python_type(frame.schema[c]) for c in cols):
            return aggregate(frame.filter(pl.Series(mask, dtype=pl.Boolean)), column, agg)
        rows = zip(*(_values(frame, c, columns) for c in cols), strict=True)
        return len({r for r, k in zip(rows, mask, strict=True) if k and None not in r})
    if column is None or not isinstance(column, str):
        raise BadArgument(f"agg {agg!r} needs one column")
    if agg == "single":
        if n != 1:
            raise BadArgument(f"provenance picks {n} rows of {column!r}, not one")
        return plain(frame[column][mask.index(True)])
    return _reduce(frame[column].filter(pl.Series(mask, dtype=pl.Boolean)), agg)


def key(metric: str, args: dict[str, Any]) -> str:
    return metric + json.dumps(args, sort_keys=True, default=str)
