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


def test_departures_from_a_structure_count_like_freezes(monkeypatch):
    """France (1966-2009) and Greece (1974-1980) left NATO's integrated command without leaving the
    treaty; where the ledger records such departures they count beside the CSTO's freezes and
    suspensions under the same rule (here two departures, both followed by a return)."""
    import datetime as dt

    import pactscope.ledger as ledger
    from pactscope.assess import build_report

    rows = [
        {"org": "NATO", "id": "fra-1966", "state": "FRA", "structure": "NATO integrated military command",
         "announced": dt.date(1966, 3, 1), "start": dt.date(1966, 3, 1), "start_precision": "month",
         "end": dt.date(2009, 4, 3), "end_precision": "day", "summary": "France left the integrated command.", "sources": []},
        {"org": "NATO", "id": "grc-1974", "state": "GRC", "structure": "NATO integrated military structure",
         "announced": None, "start": dt.date(1974, 8, 1), "start_precision": "month",
         "end": dt.date(1980, 10, 20), "end_precision": "month", "summary": "Greece left the military wing.", "sources": []},
    ]

    def departures_frame(alliance=None, root=None):
        return pl.DataFrame([r for r in rows if alliance in (None, r["org"])], schema={
            "org": pl.String, "id": pl.String, "state": pl.String, "structure": pl.String, "announced": pl.Date,
            "start": pl.Date, "start_precision": pl.String, "end": pl.Date, "end_precision": pl.String,
            "summary": pl.String, "sources": pl.List(pl.String)})

    monkeypatch.setattr(ledger, "departures_frame", departures_frame, raising=False)
    report = build_report("NATO", members=["Turkey"])
    returns = _ind(report, "exit_returns")
    assert returns.support[2].value == 2 and returns.value.value == 1.0 and returns.suggests == "mixed"
    table = next(b for s in report.sections for b in s.blocks if getattr(b, "id", "") == "structure-departures")
    assert [r[0].text for r in table.rows] == ["France", "Greece"]
