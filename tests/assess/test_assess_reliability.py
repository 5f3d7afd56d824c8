"""Reliability: the war baseline beside the published figures with the alliance's own war named; each
case's summary, coding and disputed points; a rate on one case says so in words."""

from __future__ import annotations


def _table(report, table_id):
    return next(b for s in report.sections for b in s.blocks if getattr(b, "id", "") == table_id)


def test_baseline_shows_the_published_figures_beside_ours(default_report):
    table = _table(default_report, "war-baseline")
    published = [r[6].value.value for r in table.rows]
    assert published == [0.5, 0.66, 0.22, 0.745]  # Berkemeier & Fuhrmann 2018 (overall, before/after 1945); LLM 2000
    assert "Leeds, Long and Mitchell (2000)" in table.rows[3][7].text
    assert table.rows[0][3].value.value != 0.321  # no longer the per-pledge defence rate
    baseline = next(i for i in default_report.indicators if i.id == "war_defence_baseline")
    assert baseline.about == "all ATOP alliances, cases after 1945" and "published figure 22.0%" in baseline.caveat


def test_the_alliances_own_war_is_named(default_report):
    record = _table(default_report, "own-war-record")
    assert [r[0].text for r in record.rows] == ["Azeri-Armenian (COW war 216)"]
    assert record.rows[0][5].text == "Armenia and Azerbaijan"


def test_kazakhstan_2022_shows_its_disputed_points(default_report, default_html):
    """The one case coded as triggered carries its summary, territory coding, confidence and the
    ledger's disputed points (Article 4's aggression condition, troop numbers, the force's role)."""
    section = next(s for s in default_report.sections if s.id == "reliability")
    case = next(b for b in section.blocks if b.kind == "details" and b.id == "case-kaz-2022-01-unrest")
    text = ["".join(r.text for r in p.runs if r.kind == "text") for p in case.items]
    assert text[0].startswith("Summary: Protests over fuel prices")
    assert text[1].startswith("Territory: recognised")
    disputed = [t for t in text if t.startswith("Disputed: ")]
    assert len(disputed) == 3 and "aggression by a state or group of states" in disputed[0]
    assert any("2,500" in t for t in disputed)
    assert "confidence high, 3 disputed points" in case.title
    assert '<details class="case" id="case-kaz-2022-01-unrest"><summary>' in default_html


def test_a_rate_on_one_case_says_so_in_words(default_report):
    section = next(s for s in default_report.sections if s.id == "reliability")
    intro = " ".join(r.text for r in section.blocks[0].runs if r.kind == "text")
    assert "This rate rests on one case." in intro
    fulfil = next(i for i in default_report.indicators if i.id == "case_fulfilment")
    assert fulfil.reading.endswith("rests on one case")
