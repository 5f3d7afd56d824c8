"""Loader, look-ups, frames and the cases JSON, checked against facts verified by hand."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import itertools
from pathlib import Path

import pytest
from ledger_helpers import edit

from pactscope.errors import LedgerError, UnknownAlliance
from pactscope.ledger import (
    cases_frame,
    cases_json,
    clauses_frame,
    get_organization,
    load_ledger,
    meetings_frame,
    membership_frame,
    organizations,
    sources_frame,
)

D = dt.date
REPO = Path(__file__).resolve().parents[2]


def test_load_is_cached():
    assert load_ledger() is load_ledger()


def test_csto_counts():
    ledger = load_ledger()
    csto = ledger.organizations["CSTO"]
    assert len(ledger.spells["CSTO"]) == 13
    assert len(ledger.organs["CSTO"]) == 11
    assert len(ledger.meetings["CSTO"]) == 15
    assert len(csto.clauses) == 16
    assert len(csto.documents) == 12
    assert len(csto.officials) == 7
    frame = sources_frame()
    # 81 + 7 second sources added when the membership dates and the suspension clause were rechecked
    assert frame.filter(frame["file"] == "sources/csto.yaml").height == 88


def test_get_organization_is_case_insensitive_and_knows_russian_abbreviation():
    assert get_organization("csto").id == "CSTO"
    assert get_organization("ОДКБ").id == "CSTO"
    assert "CSTO" in [o.id for o in organizations()]


def test_unknown_organization_suggests():
    with pytest.raises(UnknownAlliance) as info:
        get_organization("CTSO")
    assert "CSTO" in info.value.suggestions


def test_founding_documents():
    docs = {d.id: d for d in get_organization("CSTO").documents}
    treaty, charter = docs["collective-security-treaty"], docs["csto-charter"]
    assert (treaty.signed, treaty.place, treaty.in_force) == (D(1992, 5, 15), "Tashkent", D(1994, 4, 20))
    assert (charter.signed, charter.place, charter.in_force) == (D(2002, 10, 7), "Chisinau", D(2003, 9, 18))


def test_key_clauses():
    frame = clauses_frame("CSTO")
    art4 = frame.filter(frame["id"] == "treaty-art4-collective-defence").row(0, named=True)
    assert (art4["article"], art4["type"], art4["document"]) == ("4", "collective-defence", "collective-security-treaty")
    withdrawal = frame.filter(frame["type"] == "withdrawal")
    assert sorted(withdrawal["notice_months"].to_list()) == [6, 6]
    assert set(frame["type"]) >= {
        "collective-defence", "consultation", "no-other-alliances", "decision-rule",
        "withdrawal", "suspension", "foreign-bases-consent", "peacekeeping",
    }


def test_uzbekistan_spells():
    frame = membership_frame("CSTO")
    frame = frame.filter(frame["state"] == "UZB")
    rows = [(r["status"], r["start"], r["end"], r["end_reason"]) for r in frame.iter_rows(named=True)]
    assert rows == [
        ("member", D(1992, 5, 15), D(1999, 4, 20), "not-renewed"),
        ("member", D(2006, 8, 16), D(2012, 6, 28), "status-change"),
        ("frozen", D(2012, 6, 28), D(2012, 12, 19), "status-change"),
        ("suspended", D(2012, 12, 19), None, None),
    ]


def test_membership_on_dates():
    ledger = load_ledger()
    assert ledger.member_on("CSTO", "ARM", D(2022, 9, 13))
    assert ledger.member_on("CSTO", "ARM", D(2025, 1, 1))  # frozen still counts
    assert not ledger.member_on("CSTO", "UZB", D(2015, 1, 1))  # suspended does not
    assert not ledger.member_on("CSTO", "GEO", D(2008, 8, 8))
    assert ledger.member_on("CSTO", "GEO", D(1998, 1, 1))
    current = {s.state for s in ledger.spells["CSTO"] if s.end is None and s.status.value == "member"}
    assert current == {"BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_atop_id_matches_the_atop_member_file():
    with gzip.open(REPO / "data/raw/atop4_01_member.csv.gz", "rt") as fh:
        rows = [r for r in csv.DictReader(fh) if r["atopid"] in map(str, get_organization("CSTO").atop_ids)]
    members = {r["member"] for r in rows}
    assert members == {"365", "371", "702", "703", "704", "705", "373", "372", "370"}
    uzb = sorted((r["yrent"], r["yrexit"]) for r in rows if r["member"] == "704")
    assert uzb == [("1992", "1999"), ("2006", "2012")]


def test_meetings_2020_2025():
    frame = meetings_frame("CSTO")
    council = frame.filter(frame["organ"] == "collective-security-council")
    assert council["date"].to_list() == [
        D(2020, 12, 2), D(2021, 8, 23), D(2021, 9, 16), D(2022, 1, 10), D(2022, 5, 16),
        D(2022, 9, 13), D(2022, 10, 28), D(2022, 11, 23), D(2023, 11, 23), D(2024, 11, 28),
        D(2025, 11, 27),
    ]
    bishkek = frame.filter(frame["id"] == "cdm-2025-05-28").row(0, named=True)
    assert (bishkek["place"], bishkek["host"], bishkek["organ"]) == ("Bishkek", "KGZ", "council-of-defence-ministers")
    kaz = frame.filter(frame["date"] == D(2022, 1, 10)).row(0, named=True)
    assert kaz["extraordinary"] and kaz["online"] and kaz["chair"] == "Nikol Pashinyan"


def test_secretaries_general_in_order():
    officials = get_organization("CSTO").officials
    names = [o.names.en for o in officials if o.role == "Secretary General"]
    assert names == ["Nikolai Bordyuzha", "Yuri Khachaturov", "Stanislav Zas", "Imangali Tasmagambetov", "Taalatbek Masadykov"]
    for a, b in itertools.pairwise(officials):
        assert a.end is not None and a.end <= b.start


def test_cases_json_shape(root):
    [case] = cases_json("csto", root=root)
    assert {"id", "title", "start_date", "end_date", "states", "request", "response", "obligation_triggered", "sources"} <= set(case)
    assert case["start_date"] == "2010-06-10" and case["states"] == ["KGZ", "GEO"]
    assert case["request"] == {
        "made": "yes", "date": "2010-06-12", "article": "2", "by": "the interim government",
        "state": None, "met": None, "summary": None,
    }
    assert case["response"] == "consultation" and case["obligation_triggered"] == "no"
    assert case["response_actions"] == ["statement", "consultation"]
    assert [(s["term"], s["date"]) for s in case["response_steps"]] == [
        ("statement", "2010-06-13"), ("consultation", "2010-06-14")]
    assert case["sources"] == ["http://tass.com/archive/678014", "http://rt.com/politics/uzbekistan-quits-pro-russian-bloc-996/"]
    assert cases_json("CSTO", member="ARM", root=root) == []


def test_cases_frame(root):
    frame = cases_frame("CSTO", root=root)
    assert frame.height == 1 and frame["members"].to_list() == [["KGZ"]]


def test_load_raises_on_schema_error(root):
    edit(root / "csto/organization.yaml", "headquarters: Moscow", "headquarter: Moscow")
    with pytest.raises(LedgerError, match="headquarter"):
        load_ledger(root)


def test_membership_statuses_are_one_table_matching_the_schema():
    from pactscope.ledger import MEMBER_STATUSES, counted_statuses, departure_statuses, is_counted
    from pactscope.ledger.schema import MemberStatus
    from pactscope.ledger.statuses import _table

    assert set(_table()) == {s.value for s in MemberStatus}
    assert counted_statuses() == MEMBER_STATUSES == ("member", "frozen")
    assert departure_statuses() == ("frozen", "suspended", "observer", "partner")
    assert is_counted(MemberStatus.frozen) and not is_counted("suspended")
