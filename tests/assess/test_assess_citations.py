"""Every citation number resolves to a source; sources carry what a reader needs to find them."""

from __future__ import annotations

import re

import pytest
from assess_helpers import REPORTS, walk

from pactscope import data
from pactscope.ledger import load_ledger


def cited_numbers(doc) -> set[int]:
    found = set()
    for _, node in walk(doc):
        found.update(node.get("cites", []))
        if node.get("kind") == "cite":
            found.update(node["refs"])
    return found


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_citation_resolves(report_json, name):
    doc = report_json[name]
    numbers = [s["n"] for s in doc["sources"]]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = cited_numbers(doc)
    assert cited and cited <= set(numbers)
    assert set(numbers) <= cited, "a source is listed but never cited"


@pytest.mark.parametrize("name", list(REPORTS))
def test_sources_match_the_ledger_and_the_data(report_json, name):
    ledger = load_ledger()
    for s in report_json[name]["sources"]:
        if s["kind"] == "ledger":
            src = ledger.sources[s["id"]]
            assert (s["url"], s["title"], s["publisher"]) == (str(src.url), src.title, src.publisher)
        else:
            info = data.info(s["id"])
            assert s["version"] == info.get("pactscope:version")
            assert s["reference"] and "(" in s["reference"]


def test_every_table_fact_cell_from_the_ledger_is_cited(default_report):
    membership = next(s for s in default_report.sections if s.id == "membership")
    clauses = next(b for b in membership.blocks if b.kind == "table" and b.id == "clauses")
    assert clauses.rows and all(row[2].cites for row in clauses.rows)  # every paraphrase cites its sources


def test_html_citation_links_have_targets(default_html):
    targets = set(re.findall(r'<li id="(src-\d+)"', default_html))
    links = set(re.findall(r'href="#(src-\d+)"', default_html))
    assert links and links <= targets


def test_dataset_reference_comes_from_bibtex(default_report):
    nmc = next(s for s in default_report.sources if s.id == "cow_nmc")
    assert nmc.version == "7.0"
    assert "Singer" in nmc.reference and "(1972)" in nmc.reference
