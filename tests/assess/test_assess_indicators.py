"""Balance-of-evidence rules on constructed inputs, boundaries included, and their symmetry."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactscope.assess import indicators as I
from pactscope.assess.model import Value

DOC = Path(__file__).parents[2] / "docs" / "assess.md"


@pytest.mark.parametrize(("rate", "low", "high", "expected"), [
    (0.32, 0.285, 0.359, "against"),   # war baseline for defence pledges: whole interval below half
    (1.0, 0.207, 1.0, "mixed"),        # one case out of one: the interval straddles half
    (0.8, 0.6, 0.9, "for"),
    (0.5, 0.5, 0.7, "mixed"),          # a bound exactly at 50% does not lie above it
    (0.4, 0.3, 0.5, "mixed"),          # nor below it
    (None, None, None, "no reading"),
])
def test_interval_rule(rate, low, high, expected):
    assert I.judge("case_fulfilment", rate, [low, high])[0] == expected


def test_a_rate_on_one_case_says_so():
    assert I.judge("case_fulfilment", 1.0, [0.207, 1.0, 1])[1].endswith("rests on one case")
    assert I.judge("case_fulfilment", 0.0, [0.0, 0.39, 6])[1].count("rests on") == 0


@pytest.mark.parametrize(("rule", "value", "expected"), [
    ("allied_adversary_share", 0.51, "against"), ("allied_adversary_share", 0.5, "mixed"),
    ("allied_adversary_share", 0.499, "for"), ("allied_adversary_share", None, "no reading"),
    ("capability_share", 0.5, "mixed"), ("capability_share", 0.061, "for"), ("capability_share", 0.88, "against"),
    ("leader_capability_share", 0.873, "against"), ("leader_capability_share", 0.3, "for"),
    ("leader_spending_share", 0.955, "against"), ("leader_spending_share", 0.2, "for"),
    ("burden_ratio", 1.0, "mixed"), ("burden_ratio", 1.01, "against"), ("burden_ratio", 0.45, "for"),
    ("burden_ratio", None, "no reading"),
    ("leader_vote_margin", 0.05, "for"), ("leader_vote_margin", -0.05, "against"), ("leader_vote_margin", 0.049, "mixed"),
    ("leader_vote_margin", -0.146, "against"),
    ("bloc_vs_adversary", 1.0, "mixed"), ("bloc_vs_adversary", 2.68, "against"), ("bloc_vs_adversary", 0.03, "for"),
    ("bloc_vs_adversary", None, "no reading"),
    ("defence_pledge", 0, "against"), ("defence_pledge", 2, "for"),
    ("restrictive_clauses", 0, "for"), ("restrictive_clauses", 1, "against"),
])
def test_threshold_rules(rule, value, expected):
    assert I.judge(rule, value)[0] == expected


GRID = [0.0, 0.01, 0.2, 0.33, 0.4999, 0.5, 0.5001, 0.7, 0.95, 1.0]


@pytest.mark.parametrize("rule_id", [r for r, rule in I.RULES.items() if rule.swap != "mirror-rule"])
def test_swapping_roles_flips_the_reading(rule_id):
    """Seen with the member's and the alliance's roles swapped, every reading turns over."""
    rule = I.RULES[rule_id]
    values = {"complement": GRID, "reciprocal": [0.03, 0.5, 0.99, 1.0, 1.01, 2.68, 40.0],
              "negate": [-0.3, -0.05, -0.049, 0.0, 0.049, 0.05, 0.2]}[rule.swap if rule.kind != "interval" else "complement"]
    for v in values:
        support = [max(0.0, v - 0.2), min(1.0, v + 0.2), 3] if rule.kind == "interval" else []
        before = rule.judge(v, support)[0]
        after = rule.judge(*rule.swapped(v, support))[0]
        assert after == I.FLIP[before], (rule_id, v, before, after)


def test_presence_rules_mirror_each_other():
    for n in (0, 1, 3):
        a, b = I.judge("defence_pledge", n)[0], I.judge("restrictive_clauses", n)[0]
        assert a == I.FLIP[b]


def test_every_rule_has_a_mirror_on_the_other_side():
    for rule in I.RULES.values():
        mirror = I.RULES[rule.mirror]
        assert mirror.mirror == rule.id
        if mirror.id != rule.id:
            assert {rule.side, mirror.side} == {"protection", "cost"}
    sides = {r.side for r in I.RULES.values()}
    assert sides == {"protection", "cost"}


def test_rule_texts_come_from_thresholds():
    rule = I.RULES["leader_vote_margin"]
    assert "+5 points or more → for" in rule.text and "-5 points or less → against" in rule.text
    moved = I.Rule(**{**rule.__dict__, "margin": 0.1})
    assert "+10 points or more → for" in moved.text


def test_make_uses_interval_support():
    rate = Value(value=0.321, text="32.1%", unit="share")
    low, high = (Value(value=v, text="", unit="share") for v in (0.285, 0.359))
    ind = I.make("war_defence_baseline", rate, about="all alliances", support=[low, high], years="1816-2007")
    assert (ind.suggests, ind.section, ind.id, ind.years) == ("against", "reliability", "war_defence_baseline", "1816-2007")
    assert "28%–36%" in ind.reading
    per_state = I.make("burden_ratio", Value(value=0.45, text="0.45", unit="ratio"), about="Kazakhstan", state="KAZ")
    assert (per_state.id, per_state.suggests, per_state.mirror) == ("burden_ratio:KAZ", "for", "leader_spending_share")


def test_docs_list_every_rule_with_its_mirror():
    assert I.rules_markdown() in DOC.read_text(encoding="utf-8")


def _cinc_2022() -> dict[int, float]:
    """CINC in 2022 from the raw NMC file, read with the standard library."""
    import csv
    import gzip
    from pathlib import Path

    raw = Path(__file__).resolve().parents[2] / "data" / "raw" / "cow_nmc.csv.gz"
    with gzip.open(raw, "rt", encoding="utf-8") as fh:
        return {int(float(r["ccode"])): float(r["cinc"]) for r in csv.DictReader(fh) if r["year"] in ("2022", "2022.0")}


def test_default_report_readings(default_report):
    """Two readings recomputed by hand from raw NMC 2022: the CSTO's six members (RUS 365, BLR 370,
    ARM 371, KAZ 705, KGZ 703, TJK 702) and the 50% thresholds in docs/assess.md."""
    cinc = _cinc_2022()
    total = sum(cinc[c] for c in (365, 370, 371, 705, 703, 702))
    by_id = {i.id: i for i in default_report.indicators}
    leader, own = by_id["leader_capability_share:KAZ"], by_id["capability_share:KAZ"]
    assert leader.value.value == pytest.approx(cinc[365] / total) and leader.value.value > 0.5
    assert leader.suggests == "against"  # one ally holds most of the capability: dependence
    assert own.value.value == pytest.approx(cinc[705] / total) and own.value.value < 0.5
    assert own.suggests == "for"  # the allies bring most of the capability
    assert all(ind.years for ind in default_report.indicators)
    kinds = {i.suggests for i in default_report.indicators}
    assert {"for", "against", "mixed"} <= kinds  # evidence both ways is shown
