"""The alignment section reads the UN vote series that covers each year: Voeten through its last
catalogued year, the UN Digital Library after it, and says which one each number comes from."""

from __future__ import annotations

import polars as pl
import pytest
from assess_helpers import walk

from pactscope.data import load
from pactscope.metrics.alignment import vote_series_years

FIRST, SWITCH, LAST = vote_series_years()


def _section(report, sid):
    return next(s for s in report.sections if s.id == sid)


def _table(report_json, tid):
    return next(node for _, node in walk(report_json["csto-central-asia"]) if node.get("id") == tid and "rows" in node)


def test_vote_table_runs_to_the_last_year_of_the_library_series(report_json):
    table = _table(report_json, "alignment")
    assert f"1992–{LAST}" in table["caption"]  # stopped at the Voeten series' end before
    assert f"Voeten series 1992–{SWITCH}, UN Digital Library {SWITCH + 1}–{LAST}" in table["caption"]
    assert f"Agreement, {LAST - 4}–{LAST}" in [c["label"] for c in table["columns"]]


def test_each_number_cites_the_series_behind_it(report_json):
    report = report_json["csto-central-asia"]
    sources = {s["n"]: s["id"] for s in report["sources"]}
    rows = _table(report_json, "alignment")["rows"]
    kaz_rus = next(r for r in rows if r[0]["text"] == "Kazakhstan" and r[1]["text"].startswith("Russia"))
    full, recent, kappa = (c["value"] for c in kaz_rus[2:5])
    assert {sources[n] for n in full["cites"]} == {"un_votes", "undl_ga_votes", "unga_2025_3dl"}
    assert {sources[n] for n in recent["cites"]} == {"undl_ga_votes", "unga_2025_3dl"}  # no Voeten year in it
    assert {sources[n] for n in kappa["cites"]} == {"undl_ga_votes", "unga_2025_3dl"}
    assert recent["prov"]["args"]["series"] == "auto" and recent["prov"]["row"]["year"] == {"between": [LAST - 4, LAST]}


def test_chart_data_name_the_series_of_every_year(default_report):
    from pactscope.assess.provenance import call

    chart = next(b for b in _section(default_report, "alignment").blocks if getattr(b, "id", "") == "alignment-kaz")
    part = chart.data[0].parts[0]
    assert "series" in part.column
    frame = call(part.metric, part.args)
    by_year = dict(frame.filter(pl.col("other") == "RUS").select("year", "series").iter_rows())
    assert by_year[SWITCH] == "voeten" and by_year[SWITCH + 1] == "undl" and by_year[LAST] in ("3dl+undl", "undl")
    assert "series" in str(chart.spec["encoding"]["tooltip"] if "encoding" in chart.spec else chart.spec)


def test_a_library_year_matches_a_count_from_the_raw_rows(default_report):
    """Kazakhstan and Russia in 2023, counted straight from undl_ga_votes: roll calls on which both
    voted yes, no or abstain, and the share on which they voted alike."""
    from pactscope.assess.provenance import call

    raw = load("undl_ga_votes").filter(pl.col("vote_date").dt.year() == 2023)  # not-a-data-year
    pick = raw.filter(pl.col("country").is_in(["KAZAKHSTAN", "RUSSIAN FEDERATION"]) & pl.col("vote").is_in(["Y", "N", "A"]))
    wide = pick.pivot(on="country", index="id_record", values="vote").drop_nulls()
    same = (wide["KAZAKHSTAN"] == wide["RUSSIAN FEDERATION"]).sum() / wide.height
    chart = next(b for b in _section(default_report, "alignment").blocks if getattr(b, "id", "") == "alignment-kaz")
    frame = call(chart.data[0].parts[0].metric, chart.data[0].parts[0].args)
    row = frame.filter((pl.col("other") == "RUS") & (pl.col("year") == 2023)).row(0, named=True)  # not-a-data-year
    assert row["n_common"] == wide.height
    assert row["agree_share"] == pytest.approx(same)
