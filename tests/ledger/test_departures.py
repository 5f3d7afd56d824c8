"""Departures from alliance structures short of leaving the treaty, and source origins."""

from __future__ import annotations

import datetime as dt
import shutil

from ledger_helpers import edit, line_with

from pactscope.ledger import departures_frame, load_ledger, source_origin, validate
from pactscope.ledger.parse import RECORDS


def _row(frame, **eq):
    [row] = [r for r in frame.iter_rows(named=True) if all(r[k] == v for k, v in eq.items())]
    return row


def test_nato_precedents():
    # de Gaulle's decision of March 1966, France's return at Strasbourg-Kehl on 3 April 2009; Greece 1974-1980
    frame = departures_frame("NATO")
    fra = _row(frame, state="FRA")
    assert (fra["start"], fra["start_precision"], fra["end"]) == (dt.date(1966, 3, 1), "month", dt.date(2009, 4, 3))
    grc = _row(frame, state="GRC")
    assert (grc["start"].year, grc["end"].year) == (1974, 1980)


def test_armenia_stops_hosting_csto_exercises():
    arm = _row(departures_frame("CSTO"), state="ARM")
    assert arm["announced"] == dt.date(2023, 1, 10) and arm["end"] is None


def test_departure_by_a_non_member_is_an_error(tmp_path):
    for rel in ["nato/organization.yaml", "nato/membership.yaml", "nato/organs.yaml", "nato/departures.yaml",
                "sources/nato.yaml", "sources/departures.yaml", "sources/footprint.yaml"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RECORDS / rel, tmp_path / rel)
    path = tmp_path / "nato/departures.yaml"
    edit(path, "  state: GRC\n", "  state: SWE\n")
    errors = [p for p in validate(tmp_path) if p.is_error]
    assert [(p.file, p.field, p.line) for p in errors] == [
        ("nato/departures.yaml", "departures[1].state", line_with(path, "state: SWE"))]
    assert errors[0].message == "SWE was not a member on 1974-08-14"


def test_source_origin():
    sources = load_ledger().sources
    assert source_origin(sources["tass-2020-08-15-belarus-no-request"]) == "agency"
    assert source_origin(sources["reuters-2020-08-19-kremlin-no-need-belarus"]) == "repost"  # via Daily Maverick
    assert source_origin(sources["csto-2008-09-05-moscow-declaration"]) == "primary"
    assert source_origin(sources["independent-1993-07-14-russia-may-seal-tajik-border"]) == "repost"  # AFP report


def test_exercises_2022_to_2025():
    # Kazakhstan 26 Sep - 13 Oct 2022, over 6,500 planned (Russian MoD via Euro Weekly); Balykchy 2024 without
    # Armenia, over 1,500 (Trend via MENAFN); Belarus 31 Aug - 6 Sep 2025 (TASS)
    from pactscope.ledger import exercises_frame

    frame = exercises_frame("CSTO")
    i22 = _row(frame, id="interaction-2022")
    assert (i22["host"], i22["start"], i22["end"], i22["personnel"]) == (
        "KAZ", dt.date(2022, 9, 26), dt.date(2022, 10, 13), 6500)
    i24 = _row(frame, id="interaction-2024")
    assert i24["host"] == "KGZ" and "ARM" not in i24["participants"] and i24["personnel"] == 1500
    assert _row(frame, id="interaction-2025")["end"] == dt.date(2025, 9, 6)
