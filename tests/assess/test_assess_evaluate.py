"""Numbers picked in Python over a frame's columns equal those the polars filter picks."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from pactscope.assess.model import Provenance
from pactscope.assess.provenance import _mask, aggregate, evaluate, select
from pactscope.errors import BadArgument

FRAME = pl.DataFrame(
    {
        "state": ["KAZ", "KAZ", "KGZ", None, "TJK", "KAZ"],
        "year": [2019, 2020, 2020, 2021, None, 2021],
        "flag": [True, False, None, True, True, False],
        "share": [0.25, 0.5, None, 0.125, 0.75, 1 / 3],
        "day": [dt.date(2020, 1, d) for d in range(1, 7)],
    },
    schema={"state": pl.String, "year": pl.Int32, "flag": pl.Boolean, "share": pl.Float64, "day": pl.Date},
)

CASES = [
    ({"state": "KAZ"}, "share", "mean"),
    ({"state": "KAZ", "year": {"between": [2020, 2021]}}, "share", "sum"),
    ({"year": {"between": [2019, 2020]}}, "share", "max"),
    ({"state": {"in": ["KGZ", "TJK"]}}, "share", "min"),
    ({"state": None}, "share", "single"),
    ({"year": None}, "state", "single"),
    ({"state": {"not_null": True}}, None, "count"),
    ({"state": {"not_null": False}}, None, "count"),
    ({"flag": True}, "state", "n_unique"),
    ({"flag": False}, ["state", "year"], "n_unique"),
    ({}, "year", "mean"),
    ({"state": "UZB"}, "share", "mean"),  # no row: null
    ({"state": "KGZ"}, "share", "mean"),  # only a null
    ({"year": 2021, "state": "KAZ"}, "day", "single"),  # a date value, picked from an integer filter
]


@pytest.mark.parametrize(("row", "column", "agg"), CASES)
def test_python_match_equals_polars_filter(row, column, agg):
    prov = Provenance(metric="m", args={}, column=column, row=row, agg=agg)
    fast = evaluate(FRAME, prov, {})
    slow = aggregate(select(FRAME, row), column, agg)
    assert fast == slow and type(fast) is type(slow)
    assert _mask(FRAME, row, {}) is not None  # the Python path was taken


@pytest.mark.parametrize("row", [{"share": 0.5}, {"day": "2020-01-02"}, {"year": {"between": [2019.5, 2021]}},
                                 {"year": True}, {"state": {"in": ["KAZ", None]}}])
def test_other_filters_are_left_to_polars(row):
    assert _mask(FRAME, row, {}) is None


def test_single_still_refuses_several_rows():
    prov = Provenance(metric="m", args={}, column="share", row={"state": "KAZ"}, agg="single")
    with pytest.raises(BadArgument, match="picks 3 rows"):
        evaluate(FRAME, prov, {})
