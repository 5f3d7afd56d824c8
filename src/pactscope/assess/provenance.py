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
    if agg in ("mean", "sum", "min", "max"):
        if series.drop_nulls().is_empty():
            return None
        return getattr(series, agg)()
    raise BadArgument(f"unknown agg {agg!r}")


def evaluate(frame: pl.DataFrame, prov: Provenance) -> Any:
    return aggregate(select(frame, prov.row), prov.column, prov.agg)


def key(metric: str, args: dict[str, Any]) -> str:
    return metric + json.dumps(args, sort_keys=True, default=str)
