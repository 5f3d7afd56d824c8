"""The first screen: five to eight quotable lines on each side, with years and caveats, linked to their
sections, and no verdict."""

from __future__ import annotations

import re

import pytest
from assess_helpers import REPORTS


@pytest.mark.parametrize("name", list(REPORTS))
def test_each_side_has_five_to_eight_lines(reports, name):
    report = reports[name]
    sections = {s.id for s in report.sections}
    for side in ("for", "against"):
        lines = report.key_points[side]
        assert 5 <= len(lines) <= 8, (name, side, len(lines))
        for k in lines:
            assert k.section in sections and k.years and k.indicators
            ids = {i.id for i in report.indicators}
            assert set(k.indicators) <= ids
            assert all(next(i for i in report.indicators if i.id == x).suggests in (side, "mixed") for x in k.indicators)


def test_weak_lines_say_so_and_the_single_case_is_flagged(default_report):
    fulfil = next(k for k in default_report.key_points["for"] if "case_fulfilment" in k.indicators)
    assert fulfil.weak and "rests on one case" in fulfil.caveat and "3 disputed points" in fulfil.caveat


def test_no_verdict(default_html, default_md):
    for text in (default_html, default_md):
        head = text[: text.find("Membership and obligations")]
        assert not re.search(r"\b(should|must|recommend|verdict|overall,|on balance|conclude[sd]?)\b", head, re.I)
        assert "not weighed against each other" in head
