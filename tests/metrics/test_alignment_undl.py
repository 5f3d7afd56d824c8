"""UN Digital Library vote series: name mapping, hand checks against raw rows, before/after, votes table."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import polars as pl
import pytest

from pactscope.codes import resolve_un_name
from pactscope.data import load
from pactscope.errors import BadArgument, UnknownState
from pactscope.metrics._alignment_data import lineage_of
from pactscope.metrics.alignment import agreement, alignment_before_after, alignment_with
from pactscope.metrics.votes import TOPICS, resolution_votes

CODES = {"Y": 1, "A": 2, "N": 3}


def raw_rows(symbol: str) -> dict[str, str]:
    rows = load("undl_ga_votes").filter(pl.col("resolution_symbol") == symbol)
    return dict(zip(rows["country"].to_list(), rows["vote"].to_list(), strict=True))


def by_hand(a: str, b: str, lo: dt.date, hi: dt.date) -> tuple[int, float, float]:
    """(n, agreement, S) of two UNDL names over records dated lo..hi, from the raw rows only."""
    raw = load("undl_ga_votes").filter(pl.col("vote_date").is_between(lo, hi) & pl.col("country").is_in([a, b]))
    votes: dict[int, dict[str, str]] = defaultdict(dict)
    for rec, country, vote in raw.select("id_record", "country", "vote").iter_rows():
        votes[rec][country] = vote
    pairs = [(v[a], v[b]) for v in votes.values() if v.get(a) in CODES and v.get(b) in CODES]
    same = sum(x == y for x, y in pairs)
    dist = sum(abs(CODES[x] - CODES[y]) for x, y in pairs)
    return len(pairs), same / len(pairs), 1 - dist / len(pairs)


# --- names ---------------------------------------------------------------------------------------


def test_every_undl_name_maps_and_no_record_seats_a_state_twice():
    raw = load("undl_ga_votes").select("id_record", "country")
    names = raw["country"].unique().to_list()
    lineage = {n: lineage_of(resolve_un_name(n)) for n in names}  # raises on any unknown name
    assert len(lineage) == len(names) > 250
    seats = raw.with_columns(pl.col("country").replace_strict(lineage, return_dtype=pl.Int64).alias("lin"))
    doubled = seats.group_by("id_record", "lin").len().filter(pl.col("len") > 1)
    assert doubled.height == 0, doubled.head()


def test_each_name_maps_to_one_code_and_spellings_of_one_state_agree():
    for name in ("TURKEY", "TÜRKİYE", "TÜRKIYE", "TÜRKÝYE", "TURKIYE"):
        assert resolve_un_name(name).iso3 == "TUR"
    assert resolve_un_name("a AUSTRALIA").iso3 == "AUS"  # footnote mark of the record
    assert resolve_un_name("USSR").ccode == resolve_un_name("RUSSIAN FEDERATION").ccode == 365
    assert resolve_un_name("DEMOCRATIC YEMEN").ccode == 680 and resolve_un_name("YEMEN").ccode == 679
    assert resolve_un_name("ZAIRE").iso3 == resolve_un_name("CONGO (LEOPOLDVILLE)").iso3 == "COD"
    assert resolve_un_name("CONGO").iso3 == "COG"
    with pytest.raises(UnknownState, match=r"un_names\.csv"):
        resolve_un_name("NARNIA")


# --- hand checks against the raw rows ---------------------------------------------------------


def test_es_11_1_totals_and_central_asian_votes_from_raw_rows():
    rows = raw_rows("A/RES/ES-11/1")
    counts = Counter(rows.values())
    assert (counts["Y"], counts["N"], counts["A"]) == (141, 5, 35)
    assert rows["KAZAKHSTAN"] == "A" and rows["RUSSIAN FEDERATION"] == "N" and rows["KYRGYZSTAN"] == "A"
    es4 = raw_rows("A/RES/ES-11/4")
    counts4 = Counter(es4.values())
    assert (counts4["Y"], counts4["N"], counts4["A"]) == (143, 5, 35)
    assert es4["KAZAKHSTAN"] == "A" and es4["KYRGYZSTAN"] == "A"


def test_votes_table_matches_raw_rows():
    table = resolution_votes(["KAZ", "KGZ", "TJK", "UZB"], "ukraine")
    assert table.columns[:7] == ["resolution", "date", "title", "yes", "no", "abstain", "non_voting"]
    assert table.columns[7:14] == ["KAZ", "KGZ", "TJK", "UZB", "RUS", "USA", "CHN"]
    es1 = table.filter(pl.col("resolution") == "A/RES/ES-11/1").row(0, named=True)
    assert (es1["yes"], es1["no"], es1["abstain"]) == (141, 5, 35)
    assert (es1["KAZ"], es1["KGZ"], es1["RUS"], es1["USA"]) == ("abstain", "abstain", "no", "yes")
    assert es1["UZB"] == "non-voting" and es1["date"] == dt.date(2022, 3, 2)
    assert es1["title"] == "Aggression against Ukraine"
    symbols = table["resolution"].to_list()
    for sym in ("A/RES/68/262", "A/RES/ES-11/4", "A/RES/ES-11/6", "A/RES/ES-11/7"):
        assert sym in symbols
    r68 = table.filter(pl.col("resolution") == "A/RES/68/262").row(0, named=True)
    assert (r68["yes"], r68["no"], r68["abstain"]) == (100, 11, 58)
    es7 = table.filter(pl.col("resolution") == "A/RES/ES-11/7").row(0, named=True)
    assert (es7["yes"], es7["no"], es7["abstain"]) == (93, 18, 65)
    # ES-11/9 (December 2025) is only in the 3DL extract, which records the official counts
    es9 = load("unga_2025_3dl").filter(pl.col("Resolution") == "A/RES/ES-11/9").row(0, named=True)
    mine = table.filter(pl.col("resolution") == "A/RES/ES-11/9").row(0, named=True)
    assert (mine["yes"], mine["no"], mine["abstain"]) == (es9["YES COUNT"], es9["NO COUNT"], es9["ABSTAIN COUNT"])
    assert mine["KAZ"] == es9["KAZ"].lower() and "3DL" in mine["source"]


def test_undl_agreement_matches_raw_rows():
    n, agree, s = by_hand("KAZAKHSTAN", "RUSSIAN FEDERATION", dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    row = agreement("KAZ", "RUS", years=2023).row(0, named=True)
    assert row["n_common"] == n and row["agree_share"] == pytest.approx(agree) and row["s_score"] == pytest.approx(s)
    assert row["series"] == "undl"


def test_auto_series_switches_after_the_voeten_years():
    out = alignment_with("KAZ", ["RUS", "CHN", "USA", "EU", "TUR"], years=range(2018, 2026))
    assert set(out["other"]) == {"RUS", "CHN", "USA", "EU", "TUR"}
    by_year = dict(out.filter(pl.col("other") == "RUS").select("year", "series").iter_rows())
    assert by_year[2019] == "voeten" and by_year[2021] == "undl" and "3dl" in by_year[2025]
    eu = out.filter((pl.col("other") == "EU") & (pl.col("year") == 2022)).row(0, named=True)
    assert eu["n_members"] == 27  # the UK left in 2020
    # the Voeten series alone is still there, with its own years
    assert agreement("KAZ", "RUS", years=2015, series="voeten")["series"].to_list() == ["voeten"]


def test_before_after_pools_the_roll_calls_of_each_window():
    out = alignment_before_after("KAZ", ["RUS", "CHN", "EU"])
    rus = out.filter(pl.col("other") == "RUS").row(0, named=True)
    assert rus["after_from"] == dt.date(2022, 2, 24) and rus["before_to"] == dt.date(2022, 2, 23)
    assert (rus["after_to"] - rus["after_from"]) == (rus["before_to"] - rus["before_from"])
    # the raw table ends in 2025-10; the 3DL extract adds later 2025 records, so check "before" by hand
    n, agree, s = by_hand("KAZAKHSTAN", "RUSSIAN FEDERATION", rus["before_from"], rus["before_to"])
    assert rus["n_before"] == n and rus["agree_before"] == pytest.approx(agree) and rus["s_before"] == pytest.approx(s)
    assert rus["agree_change"] == pytest.approx(rus["agree_after"] - rus["agree_before"])


# --- bad input -----------------------------------------------------------------------------------


def test_errors_name_the_problem_and_the_last_year():
    with pytest.raises(BadArgument, match="end in 2025"):
        alignment_with("KAZ", ["RUS"], years=[2024, 2026])
    with pytest.raises(BadArgument, match="unknown topic 'crimea'"):
        resolution_votes(["KAZ"], "crimea")
    with pytest.raises(UnknownState, match="states: unknown state 'Narnia'"):
        resolution_votes(["Narnia"])
    with pytest.raises(BadArgument, match="unknown UN vote series"):
        agreement("KAZ", "RUS", series="unvotes")  # type: ignore[arg-type]
    assert set(TOPICS) == {"ukraine", "ukraine-all"}
