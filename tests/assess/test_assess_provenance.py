"""Each number in the JSON equals what its metric gives when re-run with the stored arguments."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math

import polars as pl
import pytest
from assess_helpers import REPORTS, walk

from pactscope.assess import fmt

_CACHE: dict[str, pl.DataFrame] = {}


def rerun(metric: str, args: dict) -> pl.DataFrame:
    """Call the named function afresh (an independent reading of the provenance format)."""
    key = metric + json.dumps(args, sort_keys=True)
    if key not in _CACHE:
        module, _, name = metric.rpartition(".")
        fn = getattr(importlib.import_module("pactscope." + (module or "metrics")), name)
        _CACHE[key] = fn(**args)
    return _CACHE[key]


def pick(frame: pl.DataFrame, row: dict) -> pl.DataFrame:
    for col, want in row.items():
        if isinstance(want, dict) and "between" in want:
            frame = frame.filter(pl.col(col).is_between(*want["between"]))
        elif isinstance(want, dict) and "in" in want:
            frame = frame.filter(pl.col(col).is_in(want["in"]))
        elif isinstance(want, dict) and "not_null" in want:
            frame = frame.filter(pl.col(col).is_not_null() == want["not_null"])
        elif want is None:
            frame = frame.filter(pl.col(col).is_null())
        else:
            frame = frame.filter(pl.col(col) == want)
    return frame


def wilson_bound(k: float, n: float, low: bool) -> float:
    """Wilson score bound (Wilson 1927), written out here independently of pactscope.metrics.stats."""
    z = 1.959963984540054
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    if low:
        return 0.0 if k == 0 else centre - half
    return 1.0 if k == n else centre + half


def recompute(prov: dict):
    frame = pick(rerun(prov["metric"], prov["args"]), prov["row"])
    col, agg = prov["column"], prov["agg"]
    if agg == "count":
        return frame.height
    if agg == "n_unique":
        cols = [col] if isinstance(col, str) else col
        return len({tuple(r) for r in frame.select(cols).iter_rows() if None not in r})
    values = frame[col].to_list()
    if agg == "single":
        assert len(values) == 1, f"{prov} picks {len(values)} rows"
        return values[0]
    present = [v for v in values if v is not None]
    if not present:
        return None
    return {"mean": sum(present) / len(present), "sum": sum(present), "min": min(present), "max": max(present)}[agg]


def value_of(v: dict):
    if v.get("derived"):
        a, b = (value_of(x) for x in v["derived"]["inputs"])
        if a is None or b is None or (v["derived"]["op"] not in ("sum", "difference") and b == 0):
            return None
        op = v["derived"]["op"]
        if op in ("wilson_low", "wilson_high"):
            return wilson_bound(a, b, op == "wilson_low")
        return a + b if op == "sum" else a - b if op == "difference" else a / b
    return recompute(v["prov"])


def values(doc):
    return [(path, node) for path, node in walk(doc) if node.get("kind") == "value"]


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_number_equals_its_metric(report_json, name):
    checked = 0
    for path, v in values(report_json[name]):
        if v["prov"] is None and v["derived"] is None:
            assert v["value"] is None, f"{path}: a number without provenance"
            continue
        expected = value_of(v)
        if expected is None or v["value"] is None:
            assert v["value"] == expected, path
        else:
            assert math.isclose(v["value"], expected, rel_tol=1e-9, abs_tol=1e-12), (path, v["value"], expected)
        checked += 1
    assert checked > 150


@pytest.mark.parametrize("name", list(REPORTS))
def test_shown_text_matches_value(report_json, name):
    for path, v in values(report_json[name]):
        assert v["text"] == fmt.number(v["value"], v["unit"]), path


def _plain(x):
    return x.isoformat() if isinstance(x, dt.date) else x


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(
        a[k] == b[k] or (isinstance(a[k], float) and isinstance(b[k], float) and math.isclose(a[k], b[k]))
        for k in a)


@pytest.mark.parametrize("name", list(REPORTS))
def test_chart_data_equal_their_metric_rows(report_json, name):
    doc = report_json[name]
    charts = [node for _, node in walk(doc) if node.get("kind") == "chart"]
    assert len(charts) >= 6
    comparisons = {s["iso3"] for s in doc["states"] if s["role"] == "comparison"}
    for chart in charts:
        for data in chart["data"]:
            expected = []
            for part in data["parts"]:
                frame = pick(rerun(part["metric"], part["args"]), part["row"]).select(part["column"])
                expected += [{k: _plain(v) for k, v in r.items()} for r in frame.iter_rows(named=True)]
            cols = data["parts"][0]["column"]
            shown = [{k: r[k] for k in cols if k in r} for r in chart["spec"]["datasets"][data["name"]]]
            if chart["id"] == "members-map":  # every mapped state of the metric, plus the comparison states
                assert all(any(_same(e, s) for s in shown) for e in expected if e["iso3"] in {r["iso3"] for r in shown})
                assert {r["iso3"] for r in shown} - {e["iso3"] for e in expected} <= comparisons
                continue
            assert len(shown) == len(expected), chart["id"]
            assert all(_same(e, s) for e, s in zip(expected, shown, strict=True)), chart["id"]


def test_provenance_names_real_arguments(report_json):
    metrics = {v["prov"]["metric"] for _, v in values(report_json["csto-central-asia"]) if v["prov"]}
    assert {"dominance", "burden", "threats", "alignment_with", "case_reliability", "war_reliability",
            "coalition", "exit_precedents", "alliance_years", "ledger.clauses_frame"} <= metrics
