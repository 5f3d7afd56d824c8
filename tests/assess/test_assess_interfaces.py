"""What the CLI and the web app share, from the library: formats, one render function, the states of a
request, the default second alliance, regions as data; the report reads no file of the web app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pactscope.assess as assess
from pactscope.errors import BadArgument
from pactscope.metrics.regions import region, regions

ASSESS = Path(assess.__file__).parent


def test_render_covers_every_format(default_report):
    assert [f.value for f in assess.ReportFormat] == ["html", "md", "json"] == list(assess.MEDIA_TYPES)
    assert assess.render(default_report, "json") == assess.render(default_report, assess.ReportFormat.json)
    assert json.loads(assess.render(default_report, "json"))["alliance"] == "CSTO"
    assert assess.render(default_report, "md").startswith("# Do Kazakhstan")
    with pytest.raises(BadArgument, match="format"):
        assess.render(default_report, "pdf")


def test_report_states_is_the_one_members_or_region_check():
    assert assess.report_states(region="central-asia") == ["KAZ", "KGZ", "TJK", "UZB", "TKM"]
    assert assess.report_states(["Armenia", "ARM"]) == ["ARM"]
    with pytest.raises(BadArgument, match="give members or a region"):
        assess.report_states()


def test_default_compare():
    assert (assess.default_compare("CSTO"), assess.default_compare("NATO"), assess.default_compare("SCO")) == (
        "NATO", "CSTO", "NATO")


def test_regions_are_data_read_by_one_function():
    text = (Path(region.__code__.co_filename).parent / "regions.yaml").read_text(encoding="utf-8")
    assert "central-asia: [KAZ, KGZ, TJK, UZB, TKM]" in text
    assert set(regions()) >= {"central-asia", "south-caucasus"}
    assert "central-asia" not in Path(region.__code__.co_filename).read_text(encoding="utf-8")  # not written in code
    with pytest.raises(BadArgument, match="no region 'central-asi'"):
        region("central-asi")


def test_assess_reads_no_file_of_the_web_app():
    for path in ASSESS.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert '"web"' not in text and "pactscope.web" not in text, path
