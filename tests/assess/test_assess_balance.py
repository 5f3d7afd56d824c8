"""The balance table: alternatives include the main adversaries, non-state threats get no CINC reading,
dependence beside protection, UN agreement with each power, and swapped roles flip the readings."""

from __future__ import annotations

import pytest

from pactscope.assess import build_report


def _ind(report, ind_id):
    return next(i for i in report.indicators if i.id == ind_id)


def test_armenia_alternatives_include_azerbaijan(reports):
    """Azerbaijan, Armenia's adversary in 30 years of the data, was a treaty party in 1993-1999; it is compared."""
    arm = reports["csto-armenia"]
    assert arm.versus[:2] == ["RUS", "AZE"]


def test_a_non_state_threat_gets_no_cinc_reading(default_report):
    bloc = _ind(default_report, "bloc_vs_adversary")
    assert bloc.suggests == "no reading" and "Afghanistan" in bloc.caveat and "non-state" in bloc.caveat
    assert "Afghanistan" not in bloc.about


def test_un_agreement_is_read_against_the_closest_power(default_report):
    """Kazakhstan, Kyrgyzstan and Tajikistan agreed more often with China than with Russia in 2015-2019."""
    for iso in ("KAZ", "KGZ", "TJK"):
        ind = _ind(default_report, f"leader_vote_margin:{iso}")
        assert ind.about.endswith("Russia against China") and ind.value.value < -0.05 and ind.suggests == "against"
        assert len(ind.support) == 5 and "China" in ind.caveat and "United States" in ind.caveat


def test_dependence_stands_beside_each_protection(reports):
    for report in reports.values():
        ids = {i.id.split(":")[0] for i in report.indicators}
        for rule in ("capability_share", "burden_ratio", "defence_pledge"):
            mirror = next(i.mirror for i in report.indicators if i.id.startswith(rule))
            assert mirror in ids, (report.title, rule)


@pytest.fixture(scope="module")
def russia():
    return build_report("CSTO", members=["Russia"])


def test_swapping_member_and_alliance_roles_flips_the_reading(default_report, russia):
    """Kazakhstan holds 6% of the CSTO's CINC and its largest ally 87%; seen from Russia, the member holds 87%
    and its largest ally (Kazakhstan) 6%: each reading turns over."""
    kaz = {r: _ind(default_report, f"{r}:KAZ") for r in ("capability_share", "leader_capability_share")}
    rus = {r: _ind(russia, f"{r}:RUS") for r in ("capability_share", "leader_capability_share")}
    assert (kaz["capability_share"].suggests, rus["capability_share"].suggests) == ("for", "against")
    assert (kaz["leader_capability_share"].suggests, rus["leader_capability_share"].suggests) == ("against", "for")
    assert kaz["leader_capability_share"].value.value == pytest.approx(rus["capability_share"].value.value)
    assert rus["leader_capability_share"].value.value == pytest.approx(kaz["capability_share"].value.value)
    assert (_ind(default_report, "burden_ratio:KAZ").suggests, _ind(russia, "burden_ratio:RUS").suggests) == ("for", "against")


def test_the_counts_are_explained(default_md):
    assert "readings of rules on what membership protects or brings" in default_md
    assert "Mirror: " in default_md
