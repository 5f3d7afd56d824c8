"""Every bundled table describes every one of its columns, and panels label every column."""

from __future__ import annotations

import polars as pl
import pytest

import pactscope.panels as ps
from pactscope.data import info, list_datasets, paths
from pactscope.errors import PactscopeError
from pactscope.panels.labels import column_labels
from pactscope.panels.steps import STEPS


@pytest.mark.parametrize("name", list_datasets())
def test_every_column_of_every_bundled_table_is_described(name):
    resource = info(name)
    fields = resource["schema"]["fields"]
    built = pl.read_parquet_schema(paths.DATAPACKAGE.parent / resource["path"])
    assert [f["name"] for f in fields] == list(built), "the descriptor's fields are the table's columns"
    undescribed = [f["name"] for f in fields if not str(f.get("description", "")).strip()]
    assert undescribed == [], f"{name}: no description for {', '.join(undescribed)}"


def test_atop_401_descriptions_follow_the_data():
    fields = {f["name"]: f["description"] for f in info("atop4_01_member")["schema"]["fields"]}
    assert "months" in fields["length"] and "0 if still in effect" in fields["yrexit"]
    alliance = {f["name"]: f["description"] for f in info("atop4_01_alliance")["schema"]["fields"]}
    assert alliance["mem12"].startswith("COW code of a member")
    assert alliance["defense"] == fields["defense"]


PANELS = {
    "cow-dyad": lambda: ps.create_dyadyears(years="1990"),
    "gw-state": lambda: ps.create_stateyears("gw", years="1990"),
    "cow-state": lambda: ps.create_stateyears(years="1990"),
    "leader-year": lambda: ps.create_leaderyears("cow", years="1990"),
    "leader-dyad-year": lambda: ps.create_leaderdyadyears("cow", years="1990"),
}


@pytest.mark.parametrize("kind", list(PANELS))
def test_stata_labels_cover_every_column_after_every_step(kind):
    panel = PANELS[kind]()
    for name, step in STEPS.items():
        if name in ("rivalries", "prd"):  # an alias, and a filter
            continue
        try:
            panel = step(panel)
        except PactscopeError:  # a step that does not apply to this kind of panel
            continue
    labels = column_labels(panel)
    assert [c for c in panel.columns if c not in labels] == []
