"""Alliance membership by year, checked against ATOP 4.01 member records and the ledger spells."""

from __future__ import annotations

import polars as pl
import pytest

from pactscope.errors import BadArgument, UnknownAlliance
from pactscope.metrics import alliance_years, members
from pactscope.metrics.membership import atop_last_year, member_years


def _codes(alliance, year, **kw):
    return sorted(members(alliance, year, **kw)["iso3"])


def test_csto_1995_nine_parties_from_atop():
    # ATOP 4220 phase 1: the six 1992 signatories, Azerbaijan (1993-09-24), Georgia (1993-12-09)
    # and Belarus (1994-01-03); none had left by 31 December 1995.
    rows = members("CSTO", 1995).to_dicts()
    assert sorted(r["iso3"] for r in rows) == ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert {r["source"] for r in rows} == {"atop"}


def test_csto_2000_after_the_1999_exits():
    # Azerbaijan, Georgia and Uzbekistan left on 20 April 1999 (ATOP yrexit 1999).
    assert _codes("CSTO", 2000) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def test_csto_2010_with_uzbekistan_back():
    # Uzbekistan's second spell: ATOP 2006-08-17 to 2012-06-28.
    assert _codes("CSTO", 2010) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


def test_csto_2024_from_the_ledger_with_statuses_marked():
    rows = {r["iso3"]: r for r in members("CSTO", 2024, include_inactive=True).iter_rows(named=True)}
    assert sorted(rows) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert rows["ARM"]["status"] == "frozen"  # froze participation 22 Feb 2024: still counted
    assert rows["UZB"]["status"] == "suspended"  # suspended since 19 Dec 2012: marked, not counted
    assert {r["source"] for r in rows.values()} == {"ledger"}
    assert _codes("CSTO", 2024) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def test_status_on_31_december_rule():
    frame = alliance_years("CSTO", "1992-2013")
    def status(iso, year):
        row = frame.filter((pl.col("iso3") == iso) & (pl.col("year") == year))
        return row["status"][0] if row.height else None
    assert status("UZB", 1998) == "member" and status("UZB", 1999) is None  # left 20 April 1999
    assert status("UZB", 2006) == "member"  # back on 16/17 August 2006
    assert status("UZB", 2012) == "suspended"  # frozen in June, suspended on 19 December
    # Belarus: the ledger dates accession 31 Dec 1993, ATOP 3 Jan 1994; the ledger fills 1993
    blr = frame.filter((pl.col("iso3") == "BLR") & (pl.col("year") == 1993)).row(0, named=True)
    assert (blr["source"], blr["atop"], blr["ledger_status"]) == ("ledger", False, "member")


def test_atop_decides_until_it_ends_then_the_ledger():
    assert atop_last_year() == 2016
    nato = alliance_years("NATO", "2016-2017")
    mne = nato.filter(pl.col("iso3") == "MNE").sort("year")
    # ATOP enters Montenegro at the 2016 signature; the ledger at accession, 5 June 2017
    assert mne.select("year", "source").rows() == [(2016, "atop"), (2017, "ledger")]
    assert nato.filter(pl.col("year") == 2017)["atop"].null_count() == nato.filter(pl.col("year") == 2017).height


def test_west_germany_maps_to_deu():
    nato = alliance_years("NATO", "1954-1955").filter(pl.col("iso3") == "DEU")
    assert nato.select("year", "ccode").rows() == [(1954, 260), (1955, 260)]


def test_alliance_without_atop_ids_uses_the_ledger():
    ots = alliance_years("OTS", 2020)
    assert set(ots["source"]) == {"ledger"}
    assert sorted(ots.filter(pl.col("member"))["iso3"]) == ["AZE", "KAZ", "KGZ", "TUR", "UZB"]
    assert sorted(ots.filter(~pl.col("member"))["iso3"]) == ["HUN"]  # observer since 2018


def test_member_years_all_organizations():
    frame = member_years((2013, 2013))
    assert sorted(frame.filter(pl.col("iso3") == "UZB")["alliance"]) == ["CIS", "SCO"]


def test_bad_arguments():
    with pytest.raises(UnknownAlliance, match=r"alliance: .*CSTO"):
        alliance_years("CTSO")
    with pytest.raises(BadArgument, match="years"):
        alliance_years("CSTO", "2020-1990")
    with pytest.raises(BadArgument, match="years"):
        alliance_years("CSTO", "1700-1800")
