"""Every chart the report and the web app draw is a valid Vega-Lite v5 spec (the vendored major)."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from pactscope.assess import build_report
from pactscope.web import charts as web_charts


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(files("altair.vegalite.v5.schema").joinpath("vega-lite-schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def _specs(node):
    if isinstance(node, dict):
        if "vega-lite" in str(node.get("$schema", "")):
            yield node
        else:
            for value in node.values():
                yield from _specs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _specs(value)


def _check(validator, specs):
    specs = list(specs)
    assert specs, "no chart spec found"
    for spec in specs:
        errors = sorted(validator.iter_errors(spec), key=lambda e: list(e.path))
        assert not errors, f"{spec.get('title')}: {errors[0].message} at {list(errors[0].path)}"
    return len(specs)


def test_report_charts_validate(validator):
    for report in (build_report("CSTO", region="central-asia"), build_report("NATO", ["Turkey"], compare_with="CSTO")):
        assert _check(validator, _specs(report.model_dump(mode="json"))) >= 5


def test_web_charts_validate(validator):
    assert _check(validator, _specs([web_charts.alliance_charts("CSTO"), web_charts.dyad_charts(705, 365)])) >= 2


def test_an_invalid_spec_is_caught(validator):
    bad = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "mark": "lines", "data": {"values": []}}
    assert list(validator.iter_errors(bad))
