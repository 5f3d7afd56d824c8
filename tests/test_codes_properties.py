"""Property tests over the whole crosswalk, and build reproducibility."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pactscope.codes import normalize, resolve
from pactscope.codes._table import STATES_CSV, crosswalk
from pactscope.errors import UnknownState

CW = crosswalk()


def _full_years(i: int) -> list[int]:
    """Years that row i covers from 1 January to 31 December."""
    first = date.fromordinal(CW.start[i])
    last = date.fromordinal(min(CW.end[i], date(2016, 12, 31).toordinal()))
    lo = first.year if (first.month, first.day) == (1, 1) else first.year + 1
    hi = last.year if (last.month, last.day) == (12, 31) else last.year - 1
    return list(range(lo, hi + 1))


WHOLE = [(i, y) for i in range(len(CW.states)) for y in _full_years(i)]
row_year = st.sampled_from(WHOLE)


@given(row_year)
def test_name_with_year_gives_row(pair):
    i, year = pair
    assert resolve(CW.states[i].name, year=year) == CW.states[i]


@given(row_year, st.sampled_from(["ru", "ar"]))
def test_translated_name_with_year_gives_row(pair, lang):
    i, year = pair
    name = CW.rows[i][f"name_{lang}"]
    assume(name)
    assert resolve(name, year=year) == CW.states[i]


@given(row_year)
def test_codes_with_year_give_row(pair):
    i, year = pair
    s = CW.states[i]
    if s.iso3:
        assert resolve(s.iso3.lower(), year=year) == s
    if s.ccode is not None:
        assert resolve(s.ccode, year=year) == s
    if s.gwcode is not None:
        assert resolve(str(s.gwcode), year=year, system="gw") == s


@given(st.integers(0, len(CW.states) - 1))
def test_name_without_year_gives_latest_row_of_that_name(i):
    s = resolve(CW.states[i].name)
    assert s.name == CW.states[i].name
    assert s.start_year >= CW.states[i].start_year


@given(st.sampled_from(list(CW.by_name)), st.sampled_from(["", " ", "  "]))
def test_every_index_key_resolves_with_padding_and_case(key, pad):
    try:
        state = resolve(pad + key.upper() + pad)
    except UnknownState as err:  # only the deliberately shared demonyms may be ambiguous
        assert "ambiguous" in str(err)
    else:
        assert CW.lineage[CW.states.index(state)] in {CW.lineage[j] for j in CW.by_name[key]}


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(st.text(min_size=0, max_size=30))
def test_junk_raises_unknown_state(text):
    key = normalize(text)
    stripped = text.strip()
    assume(key not in CW.by_name and not (stripped.isascii() and (stripped.isdigit() or len(stripped) == 3)))
    with pytest.raises(UnknownState):
        resolve(text)


@given(st.one_of(st.text(max_size=12), st.integers(-10, 2000)), st.one_of(st.none(), st.integers(1700, 2100)))
def test_any_input_returns_state_or_unknown_state(x, year):
    try:
        resolve(x, year=year)
    except UnknownState:
        pass


def test_codes_never_overlap_within_a_system():
    for index in (CW.by_ccode, CW.by_gwcode, CW.by_iso3):
        for code, rows in index.items():
            spans = sorted((CW.start[i], CW.end[i]) for i in rows)
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end < start, code


def test_build_is_reproducible(tmp_path):
    import pycountry  # noqa: F401  (the build extra, installed by make test)

    from pactscope.codes.build import main

    main(["--out", str(tmp_path)])
    assert (tmp_path / "states.csv").read_bytes() == STATES_CSV.read_bytes()
    assert (tmp_path / "capitals.csv").read_bytes() == STATES_CSV.with_name("capitals.csv").read_bytes()
