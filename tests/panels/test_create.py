"""Base panels: row counts derived independently from the raw state lists."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from raw_tables import raw_rows

from pactscope.errors import BadArgument
from pactscope.panels import create_dyadyears, create_stateyears, last_complete_year


def _alive_by_year(system: str, last: int) -> dict[int, set[int]]:
    """year -> codes alive, from the raw spells with the standard library only."""
    if system == "cow":
        spells = [(int(float(r["ccode"])), int(float(r["styear"])), int(float(r["endyear"]))) for r in raw_rows("cow_states")]
    else:
        spells = [(int(float(r["gwcode"])), int(r["startdate"][:4]), int(r["enddate"][:4])) for r in raw_rows("gw_states")]
    final = max(end for _, _, end in spells)
    alive: dict[int, set[int]] = defaultdict(set)
    for code, start, end in spells:
        for year in range(start, (last if end == final else end) + 1):
            alive[year].add(code)
    return alive


def _false_dyads(system: str) -> set[tuple[int, int, int]]:
    key = "ccode" if system == "cow" else "gwcode"
    return {
        (int(float(r[f"{key}1"])), int(float(r[f"{key}2"])), int(float(r["year"])))
        for r in raw_rows(f"false_{system}_dyads")
    }


@pytest.mark.parametrize("system", ["cow", "gw"])
def test_state_year_rows_equal_the_expanded_spells(system):
    alive = _alive_by_year(system, last_complete_year())
    frame = create_stateyears(system).frame
    assert frame.height == sum(len(codes) for codes in alive.values())
    code = "ccode" if system == "cow" else "gwcode"
    assert frame.filter(pl.col("year") == 1992)[code].sort().to_list() == sorted(alive[1992])


@pytest.mark.parametrize("system", ["cow", "gw"])
def test_directed_dyad_year_rows_equal_n_times_n_minus_one_less_false_dyads(system, last_year):
    alive = _alive_by_year(system, last_year)
    false = {d for d in _false_dyads(system) if {d[0], d[1]} <= alive.get(d[2], set())}
    expected = sum(len(c) * (len(c) - 1) for c in alive.values()) - len(false)
    panel = create_dyadyears(system)
    assert panel.frame.height == expected


def test_readme_row_count_is_the_count_through_the_year_it_names():
    """README and docs quote the directed COW panel's rows "through <year>": recount for that year."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows, year = re.search(r"([\d,]+) rows through (\d{4})", readme).groups()
    alive = _alive_by_year("cow", int(year))
    false = {d for d in _false_dyads("cow") if {d[0], d[1]} <= alive.get(d[2], set())}
    assert sum(len(c) * (len(c) - 1) for c in alive.values()) - len(false) == int(rows.replace(",", ""))
    assert create_dyadyears("cow", years=f"1816-{year}").frame.height == int(rows.replace(",", ""))


def test_cow_dyads_are_sorted_unique_and_exclude_self_pairs():
    frame = create_dyadyears(years="1990-2000").frame
    keys = frame.select("ccode1", "ccode2", "year")
    assert keys.equals(keys.sort("ccode1", "ccode2", "year"))
    assert keys.n_unique() == keys.height
    assert frame.filter(pl.col("ccode1") == pl.col("ccode2")).height == 0


def test_non_directed_is_exactly_half_of_directed():
    directed = create_dyadyears(years="1946-1950").frame
    undirected = create_dyadyears(directed=False, years="1946-1950").frame
    assert undirected.height * 2 == directed.height
    assert undirected.filter(pl.col("ccode1") >= pl.col("ccode2")).height == 0
    mirrored = undirected.select(ccode1="ccode2", ccode2="ccode1", year="year")
    both = pl.concat([undirected, mirrored]).sort("ccode1", "ccode2", "year")
    assert both.equals(directed.select("ccode1", "ccode2", "year"))


def test_false_dyads_are_removed_in_both_directions():
    # false_cow_dyads lists 210-255 and 255-210 in 1945 (Netherlands-Germany)
    frame = create_dyadyears(years=1945).frame
    pairs = set(zip(frame["ccode1"], frame["ccode2"], strict=True))
    assert (210, 255) not in pairs and (255, 210) not in pairs


def test_kazakhstan_enters_in_1991_and_continues_to_the_last_complete_year(last_year):
    years = create_stateyears().frame.filter(pl.col("ccode") == 705)["year"].to_list()
    assert years == list(range(1991, last_year + 1))
    assert last_year == dt.date.today().year - 1


@settings(max_examples=25, deadline=None)
@given(start=st.integers(1816, 2025), length=st.integers(0, 40))
def test_year_filter_equals_filtering_the_full_panel(start, length):
    end = min(start + length, last_complete_year())
    full = create_stateyears().frame
    subset = create_stateyears(years=(start, end)).frame
    assert subset.equals(full.filter(pl.col("year").is_between(start, end)))


@pytest.mark.parametrize(
    "years, message",
    [("1990-1980", "after end"), ("19x0", "cannot read"), ("1800-1900", "outside"), ("2000-2999", "last complete year")],
)
def test_bad_year_ranges_name_the_problem(years, message):
    with pytest.raises(BadArgument, match=message):
        create_dyadyears(years=years)


def test_unknown_system_is_refused():
    with pytest.raises(BadArgument, match="system"):
        create_stateyears("polity")  # type: ignore[arg-type]
