"""Balance-of-evidence rules on constructed inputs, boundaries included."""

from __future__ import annotations

import pytest

from pactscope.assess import indicators as I
from pactscope.assess.model import Value


@pytest.mark.parametrize(("rate", "low", "high", "expected"), [
    (0.32, 0.285, 0.359, "against"),   # war baseline for defence pledges: whole interval below half
    (1.0, 0.207, 1.0, "mixed"),        # one case out of one: the interval straddles half
    (0.8, 0.6, 0.9, "for"),
    (0.5, 0.5, 0.7, "for"),            # a lower bound of exactly 50% counts as at or above
    (0.4, 0.3, 0.5, "mixed"),          # an upper bound of exactly 50% is not below it
    (None, None, None, "no reading"),
])
def test_interval_rule(rate, low, high, expected):
    assert I.interval(rate, low, high)[0] == expected


@pytest.mark.parametrize(("fn", "value", "expected"), [
    (I.allied_adversaries, 0.5, "against"), (I.allied_adversaries, 0.499, "for"), (I.allied_adversaries, None, "no reading"),
    (I.assisted, 0.5, "for"), (I.assisted, 0.2, "mixed"), (I.assisted, 0.0, "against"), (I.assisted, None, "no reading"),
    (I.capability, 0.5, "against"), (I.capability, 0.061, "for"),
    (I.burden, 1.0, "for"), (I.burden, 1.01, "against"), (I.burden, None, "no reading"),
    (I.alignment_gap, 0.05, "for"), (I.alignment_gap, -0.05, "against"), (I.alignment_gap, 0.049, "mixed"),
    (I.returns, 1 / 6, "mixed"), (I.returns, 0.0, "against"), (I.returns, 0.5, "for"),
    (I.bloc_ratio, 1.0, "against"), (I.bloc_ratio, 0.99, "for"), (I.bloc_ratio, None, "no reading"),
    (I.at_least_one_for, 0, "against"), (I.at_least_one_for, 2, "for"),
    (I.at_least_one_against, 0, "for"), (I.at_least_one_against, 1, "against"),
])
def test_threshold_rules(fn, value, expected):
    assert fn(value)[0] == expected


def test_make_uses_interval_support():
    rate = Value(value=0.321, text="32.1%", unit="share")
    low, high = (Value(value=v, text="", unit="share") for v in (0.285, 0.359))
    ind = I.make("war_defence_baseline", rate, about="all alliances", support=[low, high])
    assert (ind.suggests, ind.section, ind.id) == ("against", "reliability", "war_defence_baseline")
    assert "28%–36%" in ind.reading
    per_state = I.make("burden_ratio", Value(value=0.45, text="0.45", unit="ratio"), about="Kazakhstan", state="KAZ")
    assert (per_state.id, per_state.suggests) == ("burden_ratio:KAZ", "for")


def test_every_rule_is_documented():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "assess.md").read_text(encoding="utf-8")
    for rule_id in I.RULES:
        assert f"`{rule_id}`" in doc


def test_default_report_readings(default_report):
    """Readings of the default report follow the rules from its own numbers."""
    for ind in default_report.indicators:
        support = [s.value for s in ind.support]
        assert (ind.suggests, ind.reading) == I.judge(ind.id.split(":")[0], ind.value.value, support)
    kinds = {i.suggests for i in default_report.indicators}
    assert {"for", "against", "mixed"} <= kinds  # evidence both ways is shown
