"""Alignment metrics: hand-computed vote sets, checks against the raw tables, properties."""

from __future__ import annotations

import math
import time
from collections import Counter

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactscope.data import load
from pactscope.errors import BadArgument, UnknownState
from pactscope.metrics.alignment import agreement, alignment_with, pair_scores, portfolio_similarity

CODE = {"yes": 1, "abstain": 2, "no": 3}
SCORES = ["n_common", "agree_share", "kappa", "s_score"]


def pairs(a: list[str], b: list[str], **extra) -> pl.DataFrame:
    strings = {"vote_a": pl.String, "vote_b": pl.String}
    return pl.DataFrame({"vote_a": a, "vote_b": b, **extra}, schema_overrides=strings)


def one(frame: pl.DataFrame) -> dict:
    assert frame.height == 1
    return frame.row(0, named=True)


# --- hand-computed vote sets -------------------------------------------------------------


def test_mixed_votes_by_hand():
    # pairs: (y,y) (y,n) (n,n) (a,y) (y,y); n = 5, identical in 3 -> agree_share = 3/5 = 0.6
    # counts a: yes 3, abstain 1, no 1; b: yes 3, abstain 0, no 2
    # p_e = (3*3 + 1*0 + 1*2) / 25 = 11/25 = 0.44; kappa = (0.6 - 0.44) / (1 - 0.44) = 0.16/0.56 = 2/7
    # distances on yes=1, abstain=2, no=3: 0 + 2 + 0 + 1 + 0 = 3; S = 1 - 2*3/(5*2) = 0.4
    r = one(pair_scores(pairs(["yes", "yes", "no", "abstain", "yes"], ["yes", "no", "no", "yes", "yes"])))
    assert r["n_common"] == 5
    assert r["agree_share"] == pytest.approx(0.6)
    assert r["kappa"] == pytest.approx(2 / 7)
    assert r["s_score"] == pytest.approx(0.4)


def test_opposite_votes_by_hand():
    # (y,n) (n,y): agree 0; p_e = (1*1 + 0 + 1*1)/4 = 0.5; kappa = (0 - 0.5)/(1 - 0.5) = -1
    # distances 2 + 2 = 4; S = 1 - 2*4/(2*2) = -1
    r = one(pair_scores(pairs(["yes", "no"], ["no", "yes"])))
    assert (r["agree_share"], r["kappa"], r["s_score"]) == (0.0, -1.0, -1.0)


def test_abstain_against_yes_is_half_a_split():
    # (a,y): distance 1 of a maximum 2 -> S = 1 - 2*1/(1*2) = 0; p_e = 0 -> kappa = (0 - 0)/(1 - 0) = 0
    r = one(pair_scores(pairs(["abstain"], ["yes"])))
    assert (r["agree_share"], r["kappa"], r["s_score"]) == (0.0, 0.0, 0.0)


def test_identical_voters():
    # with variation: p_o = 1, p_e = (1 + 1 + 1)/9 = 1/3 -> kappa = 1
    r = one(pair_scores(pairs(["yes", "no", "abstain"], ["yes", "no", "abstain"])))
    assert (r["agree_share"], r["kappa"], r["s_score"]) == (1.0, 1.0, 1.0)
    # all yes on both sides: p_e = 1, kappa undefined -> null; the other two are 1
    r = one(pair_scores(pairs(["yes"] * 4, ["yes"] * 4)))
    assert (r["agree_share"], r["kappa"], r["s_score"]) == (1.0, None, 1.0)


def test_grouped_scores():
    # group 1: (y,y) (n,y) -> agree 1/2; p_e = (1*2 + 0 + 1*0)/4 = 1/2 -> kappa 0; S = 1 - 2*2/(2*2) = 0
    # group 2: (a,a) -> agree 1, kappa null (p_e = 1), S = 1
    out = pair_scores(pairs(["yes", "no", "abstain"], ["yes", "yes", "abstain"], g=[1, 1, 2]), by="g")
    assert out["g"].to_list() == [1, 2]
    assert out["agree_share"].to_list() == [0.5, 1.0]
    assert out["kappa"].to_list() == [0.0, None]
    assert out["s_score"].to_list() == [0.0, 1.0]


def test_no_common_votes_gives_nulls():
    r = one(pair_scores(pairs([], [])))
    assert r == {"n_common": 0, "agree_share": None, "kappa": None, "s_score": None}
    # Kazakhstan did not exist in 1980: the year is there, with nothing shared
    r = one(agreement("KAZ", "RUS", years=1980))
    assert r["n_common"] == 0 and r["agree_share"] is None and r["kappa"] is None and r["s_score"] is None
    assert r["name_a"] is None and r["name_b"] == "Soviet Union"


def test_bad_votes_and_columns():
    with pytest.raises(BadArgument, match="yes, no or abstain"):
        pair_scores(pairs(["yes", "absent"], ["yes", "no"]))
    with pytest.raises(BadArgument, match="no column"):
        pair_scores(pairs(["yes"], ["yes"]), by="year")


# --- real data, checked against the raw tables ------------------------------------------------


@pytest.fixture(scope="module")
def raw():
    """The raw tables as plain Python structures, for independent recomputation."""
    rc = load("un_roll_calls")
    meta = {r: (d.year, s) for r, d, s in rc.select("rcid", "date", "session").iter_rows()}
    votes: dict[str, dict[int, str]] = {}
    for rcid, country, vote in load("un_votes").select("rcid", "country", "vote").iter_rows():
        votes.setdefault(country, {})[rcid] = vote
    return meta, votes


def simple_scores(meta, votes, country_a, country_b, *, year=None, session=None):
    """Agreement of two UN country names, straight from the raw rows."""
    va, vb = votes[country_a], votes[country_b]
    common = [
        r for r in va
        if r in vb and (year is None or meta[r][0] == year) and (session is None or meta[r][1] == session)
    ]
    n = len(common)
    same = sum(va[r] == vb[r] for r in common)
    ca, cb = Counter(va[r] for r in common), Counter(vb[r] for r in common)
    p_o, p_e = same / n, sum(ca[k] * cb[k] for k in CODE) / n**2
    kappa = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
    s = 1 - 2 * sum(abs(CODE[va[r]] - CODE[vb[r]]) for r in common) / (n * 2)
    return {"n_common": n, "agree_share": p_o, "kappa": kappa, "s_score": s}


def assert_scores(row, expected):
    assert row["n_common"] == expected["n_common"]
    for col in ("agree_share", "kappa", "s_score"):
        assert row[col] == pytest.approx(expected[col], abs=1e-12)


@pytest.mark.parametrize(
    ("a", "b", "country_a", "country_b", "year"),
    [
        ("KAZ", "RUS", "Kazakhstan", "Russia", 2005),
        ("Kazakhstan", "China", "Kazakhstan", "China", 2015),
        ("KAZ", "USA", "Kazakhstan", "United States", 1995),
        ("USA", "USSR", "United States", "Russia", 1985),  # the Soviet seat is "Russia" in the data
        ("West Germany", "FRA", "Federal Republic of Germany", "France", 1980),
        ("ARM", "TUR", "Armenia", "Turkey", 2019),
    ],
)
def test_year_against_raw_rows(raw, a, b, country_a, country_b, year):
    meta, votes = raw
    assert_scores(one(agreement(a, b, years=year)), simple_scores(meta, votes, country_a, country_b, year=year))


def test_session_against_raw_rows(raw):
    meta, votes = raw
    row = one(agreement("USA", "RUS", by="session", years=[2019, 2020], series="voeten").filter(pl.col("session") == 74))
    assert row["year"] == 2019  # the 74th session opened in autumn 2019
    assert_scores(row, simple_scores(meta, votes, "United States", "Russia", session=74))


def test_session_sizes_from_raw_table():
    rc = load("un_roll_calls")
    # counted in the raw table: 91 roll calls in the 74th session, 1 in the 19th (the 1964-65
    # session of the Article 19 dispute; its one vote is dated 1965-02-06 in the data)
    sizes = dict(rc.group_by("session").len().iter_rows())
    assert sizes[74] == 91 and sizes[19] == 1
    # Kazakhstan and the USA voted on all 91 (counted in the raw votes), Russia on 87
    every = load("un_votes").join(rc.filter(pl.col("session") == 74).select("rcid"), on="rcid")
    counts = dict(every.group_by("country").len().iter_rows())
    assert (counts["Kazakhstan"], counts["United States"], counts["Russia"]) == (91, 91, 87)
    s74 = pl.col("session") == 74
    assert one(agreement("KAZ", "USA", by="session", years=[2019, 2020], series="voeten").filter(s74))["n_common"] == 91
    assert one(agreement("KAZ", "RUS", by="session", years=[2019, 2020], series="voeten").filter(s74))["n_common"] == 87
    assert one(agreement("USA", "FRA", by="session", years=1965).filter(pl.col("session") == 19))["n_common"] <= 1


def test_pinned_figures():
    # regression values, each equal to the raw-row recomputation above (see test_year_against_raw_rows)
    r = one(agreement("KAZ", "RUS", years=2005))
    assert r["n_common"] == 94 and r["agree_share"] == pytest.approx(75 / 94)
    r = one(agreement("KAZ", "USA", years=2019))
    assert r["n_common"] == 90 and r["agree_share"] == pytest.approx(13 / 90)


def test_lineages_and_spells():
    ger = agreement("DEU", "FRA", years=[1980, 1995])
    assert ger["name_a"].to_list() == ["West Germany", "Germany"]
    assert ger["ccode_a"].to_list() == [260, 255]
    rus = agreement("RUS", "USA", years=[1985, 1995])
    assert rus["name_a"].to_list() == ["Soviet Union", "Russia"] and rus["ccode_a"].to_list() == [365, 365]
    # China's seat before 1971 is the Republic of China's (Taiwan) in the data
    assert one(agreement("CHN", "USA", years=1965))["n_common"] == 0
    assert one(agreement("TWN", "USA", years=1965))["n_common"] > 0


def test_important_and_issue_filters(raw):
    meta, votes = raw
    rc = load("un_roll_calls")
    important_1983 = rc.filter((pl.col("importantvote") == 1) & (pl.col("date").dt.year() == 1983)).height
    assert important_1983 == 8  # counted in the raw table
    r = one(agreement("USA", "ISR", important_only=True, years=1983))
    assert 0 < r["n_common"] <= important_1983
    # no important-vote lists before 1983: those years drop out of the grid
    assert agreement("USA", "ISR", important_only=True, years=range(1975, 1983)).height == 0
    nuclear = set(load("un_roll_call_issues").filter(pl.col("short_name") == "nu")["rcid"].to_list())
    va, vb = votes["Kazakhstan"], votes["Russia"]
    expected = sum(1 for r in va if r in vb and r in nuclear and meta[r][0] == 2010)
    assert one(agreement("KAZ", "RUS", issues=["NU"], years=2010))["n_common"] == expected


def test_unknown_issue_lists_the_valid_ones():
    with pytest.raises(BadArgument) as err:
        agreement("KAZ", "RUS", issues=["hr", "space"])
    assert "'space'" in str(err.value)
    assert [s.split()[0] for s in err.value.suggestions] == ["co", "di", "ec", "hr", "me", "nu"]
    assert "nu (Nuclear weapons and nuclear material)" in err.value.suggestions


def test_bad_arguments():
    with pytest.raises(BadArgument, match="by must be"):
        agreement("KAZ", "RUS", by="decade")
    with pytest.raises(BadArgument, match="no recorded UN"):
        agreement("Kosovo", "RUS")
    with pytest.raises(BadArgument, match="is a group"):
        agreement("KAZ", "EU")
    with pytest.raises(UnknownState):
        agreement("KAZ", "Narnia")
    with pytest.raises(BadArgument, match="years"):
        agreement("KAZ", "RUS", years=[])
    with pytest.raises(BadArgument, match="empty"):
        alignment_with("KAZ", [])


def test_speed_one_pair_all_years():
    agreement("KAZ", "RUS")  # builds the cached vote matrix
    start = time.perf_counter()
    out = agreement("ARM", "AZE")
    assert time.perf_counter() - start < 0.5
    last = max(load("undl_ga_votes")["vote_date"].max(), load("unga_2025_3dl")["Date"].max()).year
    assert out["year"].min() == 1946 and out["year"].max() == last


# --- alignment with several powers and the EU ---------------------------------------------------


def test_alignment_with_matches_agreement():
    out = alignment_with("KAZ", ["RUS", "CHN", "USA", "TUR"], years=range(1995, 2020))
    assert out.columns == ["state", "other", "year", *SCORES, "n_members", "series"]
    for other in ("RUS", "CHN", "USA", "TUR"):
        mine = out.filter(pl.col("other") == other).sort("year").select(SCORES)
        ref = agreement("KAZ", other, years=range(1995, 2020)).select(SCORES)
        assert mine.equals(ref)


def test_eu_is_the_mean_over_members_of_that_year():
    out = alignment_with("FRA", ["EU", "EU-members"], years=1995)
    eu = one(out.filter(pl.col("other") == "EU"))
    members = out.filter(pl.col("other") != "EU")
    # 15 members in 1995 (1958 six + 1973 three + GRC + PRT, ESP + 1995 three), France left out
    assert sorted(members["other"].to_list()) == sorted(
        ["BEL", "DEU", "ITA", "LUX", "NLD", "DNK", "IRL", "GBR", "GRC", "PRT", "ESP", "AUT", "FIN", "SWE"]
    )
    assert eu["n_members"] == 14
    for col in ("agree_share", "kappa", "s_score"):
        by_hand = [one(agreement("FRA", m, years=1995))[col] for m in members["other"].to_list()]
        assert eu[col] == pytest.approx(sum(by_hand) / len(by_hand))
    assert eu["n_common"] == max(members["n_common"].to_list())  # every member voted on France's roll calls


def test_eu_membership_follows_accessions():
    out = alignment_with("KAZ", ["EU", "EU-members"], years=[2003, 2004, 2013, 2019])
    eu = out.filter(pl.col("other") == "EU").sort("year")
    assert eu["n_members"].to_list() == [15, 25, 28, 28]
    assert "POL" not in out.filter(pl.col("year") == 2003)["other"].to_list()
    assert "HRV" in out.filter(pl.col("year") == 2013)["other"].to_list()
    # before 1958 there is no EU: no members, null scores
    early = one(alignment_with("USA", ["EU"], years=1950))
    assert early["n_members"] == 0 and early["agree_share"] is None


def test_alignment_by_session():
    # 2018's roll calls all fall in the 73rd session, 2019's in the 74th
    out = alignment_with("KAZ", ["RUS", "EU"], by="session", years=[2018, 2019])
    assert out.columns[:4] == ["state", "other", "session", "year"]
    assert set(out["session"].to_list()) == {73, 74}


# --- alliance portfolios ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def atop_raw():
    levels = {}
    cols = ["ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
    for i, j, y, de, of, ne, na, co in load("atop_alliance").select(cols).iter_rows():
        level = 3 if de or of else 2 if ne or na else 1 if co else 0
        for key in ((y, i, j), (y, j, i)):
            levels[key] = max(levels.get(key, 0), level)
    spells = load("cow_states").select("ccode", "styear", "endyear").iter_rows()
    system = {}
    for cc, start, end in spells:
        for y in range(start, (2018 if end >= 2016 else end) + 1):
            system.setdefault(y, set()).add(cc)
    return levels, system


def simple_vectors(atop_raw, ca, cb, year):
    levels, system = atop_raw
    states = sorted(system[year])
    vec = [[3 if k == c else levels.get((year, c, k), 0) for k in states] for c in (ca, cb)]
    return vec[0], vec[1]


def tau_b_by_hand(x, y):
    concordant = discordant = ties_x = ties_y = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            dx, dy = x[i] - x[j], y[i] - y[j]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                ties_x += 1
            elif dy == 0:
                ties_y += 1
            elif dx * dy > 0:
                concordant += 1
            else:
                discordant += 1
    untied = concordant + discordant
    return (concordant - discordant) / math.sqrt((untied + ties_x) * (untied + ties_y))


@pytest.mark.parametrize(
    ("a", "b", "ca", "cb", "year"),
    [("KAZ", "RUS", 705, 365, 2015), ("USA", "GBR", 2, 200, 1990), ("DEU", "FRA", 260, 220, 1975)],
)
def test_portfolio_s_against_raw_rows(atop_raw, a, b, ca, cb, year):
    x, y = simple_vectors(atop_raw, ca, cb, year)
    expected = 1 - 2 * sum(abs(p - q) for p, q in zip(x, y, strict=True)) / (len(x) * 3)
    r = one(portfolio_similarity(a, b, years=year))
    assert (r["ccode_a"], r["ccode_b"], r["n_states"]) == (ca, cb, len(x))
    assert r["s_score"] == pytest.approx(expected, abs=1e-12)


def test_portfolio_tau_b_against_hand_formula(atop_raw):
    x, y = simple_vectors(atop_raw, 705, 365, 2015)
    r = one(portfolio_similarity("KAZ", "RUS", years=2015, method="tau_b"))
    assert r["tau_b"] == pytest.approx(tau_b_by_hand(x, y), abs=1e-12)


def test_portfolio_edges():
    same = portfolio_similarity("USA", "USA", years=range(1950, 1960))
    assert same["s_score"].to_list() == [1.0] * 10
    # Kazakhstan enters the system in 1991: earlier years are left out
    assert portfolio_similarity("KAZ", "RUS", years=[1985, 2000])["year"].to_list() == [2000]
    # COW's list ends in 2016; spells open then are carried to ATOP's last year
    assert portfolio_similarity("KAZ", "RUS")["year"].max() == 2018
    any_tie = one(portfolio_similarity("KAZ", "RUS", years=2015, coding="any"))
    assert -1 <= any_tie["s_score"] <= 1
    with pytest.raises(BadArgument, match="method"):
        portfolio_similarity("KAZ", "RUS", method="cosine")
    with pytest.raises(BadArgument, match="coding"):
        portfolio_similarity("KAZ", "RUS", coding="weighted")


# --- properties -------------------------------------------------------------------------------

votes_st = st.lists(st.tuples(st.sampled_from(list(CODE)), st.sampled_from(list(CODE))), min_size=1, max_size=40)


@given(votes_st)
def test_scores_are_symmetric_and_bounded(rows):
    a, b = [r[0] for r in rows], [r[1] for r in rows]
    ab, ba = one(pair_scores(pairs(a, b))), one(pair_scores(pairs(b, a)))
    assert ab == ba
    assert 0 <= ab["agree_share"] <= 1 and -1 <= ab["s_score"] <= 1
    assert ab["kappa"] is None or -1 - 1e-12 <= ab["kappa"] <= 1
    # a split costs S between one and two half-steps: 2*agree - 1 <= S <= agree
    assert 2 * ab["agree_share"] - 1 - 1e-12 <= ab["s_score"] <= ab["agree_share"] + 1e-12


@given(votes_st)
def test_kappa_is_one_iff_identical_with_variation(rows):
    a, b = [r[0] for r in rows], [r[1] for r in rows]
    kappa = one(pair_scores(pairs(a, b)))["kappa"]
    assert (kappa == 1) == (a == b and len(set(a)) > 1)
    if a == b and len(set(a)) == 1:
        assert kappa is None


@given(votes_st)
def test_kappa_matches_textbook_formula(rows):
    a, b = [r[0] for r in rows], [r[1] for r in rows]
    n = len(rows)
    p_o = sum(x == y for x, y in rows) / n
    p_e = sum((a.count(k) / n) * (b.count(k) / n) for k in CODE)
    kappa = one(pair_scores(pairs(a, b)))["kappa"]
    if p_e < 1:
        assert kappa == pytest.approx((p_o - p_e) / (1 - p_e), abs=1e-12)


STATES = ["KAZ", "RUS", "USA", "CHN", "TUR", "ARM", "BLR", "KGZ", "TJK", "GBR", "IND", "CUB"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(STATES), st.sampled_from(STATES), st.integers(1946, 2020))
def test_real_agreement_is_symmetric(a, b, year):
    ab = agreement(a, b, years=range(year - 2, year + 1)).select("year", *SCORES)
    ba = agreement(b, a, years=range(year - 2, year + 1)).select("year", *SCORES)
    assert ab.equals(ba)
    valid = ab.drop_nulls("agree_share")
    assert valid["agree_share"].is_between(0, 1).all() and valid["s_score"].is_between(-1, 1).all()
    if a == b:
        assert (valid["agree_share"] == 1).all()


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(STATES), st.sampled_from(STATES), st.integers(1992, 2018))
def test_portfolio_is_symmetric(a, b, year):
    ab, ba = portfolio_similarity(a, b, years=year), portfolio_similarity(b, a, years=year)
    assert ab["s_score"].to_list() == ba["s_score"].to_list()
    assert all(-1 <= s <= 1 for s in ab["s_score"].to_list())


def test_eu_membership_comes_from_the_bundled_dated_table():
    """Dates checked against the European Commission's "From 6 to 27 members" page and the German
    Foreign Office's enlargement timeline (UK withdrawal 31 January 2020)."""
    import datetime as dt

    from pactscope import data
    from pactscope.metrics._alignment_eu import members_in

    rows = {r["iso3"]: r for r in data.load("eu_members").iter_rows(named=True)}
    assert rows["HRV"]["accession"] == dt.date(2013, 7, 1)
    assert rows["GBR"]["withdrawal"] == dt.date(2020, 1, 31)
    assert all(r["source"].startswith("https://") for r in rows.values())
    assert len(members_in(2003)) == 15 and len(members_in(2004)) == 25 and len(members_in(2013)) == 28
    assert "GBR" in members_in(2020) and "GBR" not in members_in(2021)
