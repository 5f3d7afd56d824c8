"""Reports built once per test run: the default CSTO Central Asia report, NATO-Turkey, CSTO-Armenia."""

from __future__ import annotations

import json

import pytest
from assess_helpers import REPORTS

from pactscope.assess import build_report
from pactscope.assess.render_html import render_html
from pactscope.assess.render_json import render_json
from pactscope.assess.render_md import render_md


@pytest.fixture(scope="session")
def reports():
    return {name: build_report(**kwargs) for name, kwargs in REPORTS.items()}


@pytest.fixture(scope="session")
def default_report(reports):
    return reports["csto-central-asia"]


@pytest.fixture(scope="session")
def report_json(reports):
    return {name: json.loads(render_json(r)) for name, r in reports.items()}


@pytest.fixture(scope="session")
def default_html(default_report):
    return render_html(default_report)


@pytest.fixture(scope="session")
def default_md(default_report):
    return render_md(default_report)
