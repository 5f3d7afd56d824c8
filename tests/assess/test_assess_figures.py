"""Figures and citations that were wrong or conflicting: member years, founding dates, data sets cited
for years they do not cover, off-topic and reposted sources, an empty journal volume."""

from __future__ import annotations

import datetime as dt

import pytest

from pactscope.assess import build_report
from pactscope.ledger import load_ledger

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def turkey():
    return build_report("NATO", members=["Turkey"], today=DAY)


def _table(report, table_id):
    return next(b for s in report.sections for b in s.blocks if getattr(b, "id", "") == table_id)


def test_member_years_follow_the_ledger_date_and_only_full_years(turkey):
    """Turkey joined on 1952-02-18 (ledger; ATOP starts it in 1951): 1952-2025 is 74 years on 1 December
    2026, and 75 once 2026 is over."""
    table = _table(turkey, "status")
    assert table.columns[4].label == "Years counted as member, 1949–2025"
    assert table.rows[0][3].text == "1952-02-18" and table.rows[0][4].value.value == 74
    later = build_report("NATO", members=["Turkey"], today=dt.date(2026, 12, 31))
    assert _table(later, "status").rows[0][4].value.value == 75


def test_founding_names_the_treaty_and_the_charter(default_report):
    first = default_report.sections[0].blocks[0]
    text = "".join(r.text for r in first.runs if r.kind == "text")
    assert "Collective Security Treaty (Tashkent Treaty) was signed on 1992-05-15, in force since 1994-04-20" in text
    assert "Charter of the Collective Security Treaty Organization was signed on 2002-10-07, in force since 2003-09-18" in text
    assert "founded on" not in text


def _atop_number(report):
    return next(s.n for s in report.sources if s.id == "atop4_01_member")


def test_years_after_atop_do_not_cite_atop(default_report):
    atop = _atop_number(default_report)
    first = default_report.sections[0].blocks[0]
    count = next(r for r in first.runs if r.kind == "value")
    assert count.value == 6 and atop not in count.cites
    for row in _table(default_report, "status").rows:
        assert atop not in row[4].value.cites and atop not in row[5].cites


def test_a_spell_cites_sources_about_its_own_state(default_report):
    numbers = {s.id: s.n for s in default_report.sources}
    georgia = numbers.get("cis-panarmenian-georgia-exit")
    kaz_cis = next(r for r in _table(default_report, "other-ties").rows if r[0].text == "Kazakhstan" and r[1].text == "CIS")
    assert kaz_cis[4].cites and georgia not in kaz_cis[4].cites
    assert "cis-panarmenian-georgia-exit" in next(
        s for s in load_ledger().spells["CIS"] if s.state == "KAZ").sources  # the ledger lists it; the report leaves it out


def test_reposts_give_way_to_originals(default_report):
    ledger = load_ledger()
    case = ledger.cases["csto-2022-kazakhstan-unrest"] if "csto-2022-kazakhstan-unrest" in ledger.cases else next(
        c for c in ledger.cases_of("CSTO") if c.start_date == dt.date(2022, 1, 2))
    reposts = [s for s in case.obligation.sources if "repost" in ledger.sources[s].publisher]
    assert reposts  # the ledger cites a reposted excerpt beside the originals
    cited = {s.id for s in default_report.sources}
    assert not set(reposts) & cited


def test_journal_volume_zero_is_not_printed(default_report):
    mid5 = next(s for s in default_report.sources if s.id == "cow_mid_dirdisps")
    assert ", 0, 0" not in mid5.reference and "Conflict Management and Peace Science." in mid5.reference
