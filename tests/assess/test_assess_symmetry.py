"""NATO and the CSTO coded by the same rules: clauses that limit other engagements, the authentic-texts
article not read as a duration, and departures of every kind the ledger records."""

from __future__ import annotations

import polars as pl

from pactscope.assess.sections.membership import CLAUSE_LABEL, RESTRICTIVE
from pactscope.ledger import clauses_frame


def _ind(report, ind_id):
    return next(i for i in report.indicators if i.id == ind_id)


def test_nato_article_8_counts_as_a_limiting_clause(reports):
    nato = _ind(reports["nato-turkey"], "restrictive_clauses")
    assert nato.value.value >= 1 and nato.suggests == "against"
    articles = clauses_frame("NATO").filter(pl.col("type").is_in(RESTRICTIVE))["article"].to_list()
    assert "8" in articles
    csto = _ind(reports["csto-central-asia"], "restrictive_clauses")
    assert csto.suggests == nato.suggests  # one rule for both alliances


def test_article_14_is_not_a_duration_clause(reports):
    section = reports["nato-turkey"].sections[0]
    table = next(b for b in section.blocks if getattr(b, "id", "") == "clauses")
    rows = {(r[0].text, r[1].text.rsplit("art. ", 1)[-1]) for r in table.rows}
    assert ("Duration", "14") not in rows
    assert ("No conflicting engagements", "8") in rows
    assert set(RESTRICTIVE) <= set(CLAUSE_LABEL)
