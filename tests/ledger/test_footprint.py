"""The military footprint: facilities, collective forces, exercises; values checked against sources."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from ledger_helpers import edit, line_with
from typer.testing import CliRunner

from pactscope.cli import app
from pactscope.ledger import (
    agreements_frame,
    exercises_frame,
    forces_frame,
    ledger_json_schema,
    presence_frame,
    sizes_frame,
    validate,
)
from pactscope.ledger.frames_footprint import shown_date
from pactscope.ledger.parse import RECORDS


@pytest.fixture
def full(tmp_path: Path) -> Path:
    """A copy of the whole shipped records tree."""
    shutil.copytree(RECORDS, tmp_path / "records")
    return tmp_path / "records"


def _errors(root: Path) -> list:
    return [p for p in validate(root) if p.is_error]


def _index(path: Path, ident: str) -> int:
    """Position of the record ``ident`` in a list file."""
    ids = [line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- id:")]
    return ids.index(ident)


def _row(frame, ident: str) -> dict:
    [row] = frame.filter(frame["id"] == ident).to_dicts()
    return row


def test_201st_base_runs_to_2042_under_the_2012_agreement():
    # TASS 6 Feb 2014 and the Kremlin: signed in Dushanbe on 5 October 2012, 49 years from 1993 = 2042
    row = _row(presence_frame("CSTO"), "rus-201st-base-tajikistan")
    assert (row["host"], row["user"]) == ("TJK", "RUS")
    assert row["signed"] == dt.date(2012, 10, 5) and row["runs_to"] == 2042
    assert row["personnel"] == 7000 and row["in_use"]
    deal = _row(agreements_frame("CSTO"), "rus-tjk-2012-base-agreement")
    # State Duma 19 April 2013, Federation Council 27 April 2013 (Asia-Plus)
    assert deal["ratifications"][:2] == ["RUS 2013-04-19", "RUS 2013-04-27"]


def test_gyumri_kant_baikonur_terms():
    frame = presence_frame("CSTO")
    assert _row(frame, "rus-102nd-base-gyumri")["runs_to"] == 2044  # 2010 protocol No. 5
    assert _row(frame, "rus-102nd-base-gyumri")["signed"] == dt.date(2010, 8, 20)
    assert _row(frame, "rus-kant-air-base")["runs_to"] == 2032  # 2012 united base agreement
    assert _row(frame, "rus-kant-air-base")["signed"] == dt.date(2012, 9, 20)  # Bishkek (RIA, RFE/RL)
    assert _row(frame, "rus-kant-air-base")["collective"] is True
    assert _row(frame, "rus-baikonur-cosmodrome")["runs_to"] == 2050  # 9 January 2004, Astana


def test_us_presence_is_recorded_with_its_end():
    frame = presence_frame("CSTO")
    manas = _row(frame, "usa-manas-transit-center")
    assert (manas["host"], manas["user"], manas["end"]) == ("KGZ", "USA", dt.date(2014, 6, 3))
    k2 = _row(frame, "usa-karshi-khanabad-air-base")
    assert (k2["host"], k2["end"], k2["end_precision"]) == ("UZB", dt.date(2005, 11, 1), "month")
    assert not manas["in_use"] and not k2["in_use"]
    assert set(frame.filter(frame["in_use"])["user"]) == {"RUS"}
    # Germany at Termez to 11 Dec 2015, France at Dushanbe to 30 Oct 2014
    others = frame.filter(frame["user"].is_in(["DEU", "FRA"]))
    assert sorted(zip(others["user"], others["end"], strict=True)) == [
        ("DEU", dt.date(2015, 12, 11)), ("FRA", dt.date(2014, 10, 30))]


def test_every_facility_host_was_a_member():
    hosts = set(presence_frame("CSTO")["host"])
    assert hosts == {"ARM", "KAZ", "KGZ", "TJK", "UZB"}
    gyumri = _row(agreements_frame("CSTO"), "rus-arm-2010-protocol-5")
    assert gyumri["in_force"] == dt.date(2011, 7, 6)  # instruments exchanged (RTTNews)


def test_forces_founding_dates_and_non_signers():
    frame = forces_frame("CSTO")
    crrf = _row(frame, "crrf")
    assert crrf["established"] == dt.date(2009, 2, 4)
    assert crrf["not_signed"] == ["BLR", "UZB"]  # the June 2009 agreement (Belarus signed in October)
    assert _row(frame, "crdf-central-asia")["established"] == dt.date(2001, 5, 25)  # Yerevan
    assert _row(frame, "peacekeeping-forces")["deployments"] == ["kaz-2022-01-unrest"]


def test_declared_size_over_time():
    crdf = sizes_frame("CSTO").filter(id="crdf-central-asia")
    # Jamestown 2001: some 2,000 in four battalions; Interfax-AVN 2004: 5,500; ITAR-TASS via Asia-Plus
    # 2006: 1,500; 4,000 by 2013 (Nikitina); roughly 5,000 (Joint Staff, August 2021)
    assert crdf["personnel"].to_list() == [2000, 5500, 1500, 4000, 5000]
    assert crdf["date"].is_sorted()


def test_exercises_in_date_order_with_the_cancellation():
    frame = exercises_frame("CSTO")
    assert frame["start"].is_sorted()
    armenia = frame.filter(status="cancelled").to_dicts()
    assert [(r["host"], r["start"].year) for r in armenia] == [("ARM", 2023)]
    rubezh = _row(frame, "rubezh-2021")
    assert (rubezh["host"], rubezh["start"], rubezh["end"]) == ("KGZ", dt.date(2021, 9, 7), dt.date(2021, 9, 9))
    assert frame.filter(frame["force"].is_not_null())["force"].is_in(forces_frame("CSTO")["id"].to_list()).all()


def test_every_footprint_record_cites_known_sources():
    from pactscope.ledger import sources_frame

    known = set(sources_frame()["id"])
    for frame in (presence_frame(), forces_frame(), exercises_frame(), sizes_frame()):
        cited = {sid for ids in frame["sources"].to_list() for sid in ids}
        assert cited and cited <= known


def test_shown_date():
    day = dt.date(2012, 9, 1)
    assert [shown_date(day, p) for p in ("year", "month", "day", None)] == ["2012", "2012-09", "2012-09-01", "2012-09-01"]
    assert shown_date(None, "day") == ""


def test_json_schema_has_the_footprint_models():
    defs = ledger_json_schema()["$defs"]
    assert {"Presence", "Facility", "Forces", "CollectiveForce", "Exercises", "Exercise"} <= set(defs)


# -- broken copies -------------------------------------------------------------------------------


def test_unknown_source_id_in_a_facility(full):
    path = full / "csto/presence.yaml"
    edit(path, "  sources: [wapo-k2-senate-2005, rferl-k2-senate-2005, afmag-k2-last-flight-2005]",
         "  sources: [wapo-k2-senate-2005, no-such-source]")
    [p] = _errors(full)
    assert (p.file, p.line) == ("csto/presence.yaml", line_with(path, "no-such-source"))
    assert p.field.endswith(".sources[1]") and "unknown source id 'no-such-source'" in p.message


def test_unknown_host_and_participant_codes(full):
    edit(full / "csto/presence.yaml", "  host: UZB\n  user: USA\n", "  host: XXX\n  user: USA\n")
    edit(full / "csto/exercises.yaml", "  participants: [KAZ, KGZ, RUS]", "  participants: [KAZ, QQQ, RUS]")
    messages = sorted((p.file, p.field, p.message) for p in _errors(full))
    k2 = _index(full / "csto/presence.yaml", "usa-karshi-khanabad-air-base")
    rubezh = _index(full / "csto/exercises.yaml", "rubezh-2021")
    assert messages == [
        ("csto/exercises.yaml", f"exercises[{rubezh}].participants[1]", "unknown state code 'QQQ'"),
        ("csto/presence.yaml", f"facilities[{k2}].host", "unknown state code 'XXX'"),
    ]


def test_dates_out_of_order_are_schema_errors(full):
    path = full / "csto/exercises.yaml"
    edit(path, "  end: '2021-09-09'\n", "  end: '2021-09-01'\n")
    edit(full / "csto/presence.yaml", "      date: '2013-04-27'\n", "      date: '2012-04-27'\n")
    found = {(p.file, p.message.split(",")[0]) for p in _errors(full)}
    assert ("csto/exercises.yaml", "Value error") in found
    assert ("csto/presence.yaml", "Value error") in found
    [ex] = [p for p in _errors(full) if p.file == "csto/exercises.yaml"]
    assert "end 2021-09-01 is before start 2021-09-07" in ex.message
    assert ex.line == line_with(path, "id: rubezh-2021")


def test_exercise_naming_an_unknown_force(full):
    path = full / "csto/exercises.yaml"
    edit(path, "  force: crdf-central-asia\n  personnel: 1000\n  size_note: more", "  force: crdf-typo\n  personnel: 1000\n  size_note: more")
    [p] = _errors(full)
    field = f"exercises[{_index(path, 'rubezh-2021')}].force"
    assert (p.file, p.field, p.line) == ("csto/exercises.yaml", field, line_with(path, "crdf-typo"))


def test_show_lists_presence_forces_exercises_with_sources():
    result = CliRunner().invoke(app, ["ledger", "show", "CSTO"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    for text in ("Foreign military presence", "201st Russian military base", "2042", "Collective forces",
                 "2009-02-04", "Joint exercises", "Rubezh-2021", "cancelled", "tass-201st-base-instruments-2014"):
        assert text in result.output


def test_schema_command_includes_footprint():
    result = CliRunner().invoke(app, ["ledger", "schema"])
    assert "Facility" in json.loads(result.output)["$defs"]
