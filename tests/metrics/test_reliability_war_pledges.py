"""Per-pledge war reliability (``unit="pledge"``): hand-checked rows, an independent recount, Wilson bounds."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactscope.data import load
from pactscope.metrics.reliability_war import OBLIGATION_SCHEMA, summarise_pledges, war_obligations
from pactscope.metrics.reliability_war import war_reliability as _war_reliability


def war_reliability(by=None, **options):
    return _war_reliability(by, unit="pledge", **options).drop("published_n", "published_rate")

OBS = ("defense", "offense", "neutral", "nonagg")


def row(warnum, state, ally, atopid, obligation, year=None) -> dict:
    frame = war_obligations().filter(
        pl.col("warnum") == warnum,
        pl.col("state") == state,
        pl.col("ally") == ally,
        pl.col("atopid") == atopid,
        pl.col("obligation") == obligation,
    )
    if year is not None:
        frame = frame.filter(pl.col("year_entered") == year)
    assert frame.height == 1, frame
    return frame.row(0, named=True)


# --- hand-checked cases -------------------------------------------------------------------


def test_franco_russian_alliance_honoured_in_1914():
    # Russia (365) fought beside France (220) in the First World War (war 106).
    r = row(106, 220, 365, 1385, "defense")
    assert r["applies"] and r["ally_fought_with"] and r["fulfilled"] is True
    assert r["year_entered"] == 1914 and r["era"] == "pre-1945"


def test_dual_alliance_not_a_defence_test_for_the_initiating_side():
    # Austria-Hungary (300) began the war; Germany's defence pledge to it is not invoked.
    r = row(106, 300, 255, 1335, "defense")
    assert not r["applies"] and r["fulfilled"] is None
    assert "began the war" in r["applies_reason"]


def test_italian_neutrality_towards_france_kept_in_1914():
    # The 1902 Franco-Italian neutrality agreement: Italy never fought France.
    r = row(106, 220, 325, 1420, "neutral")
    assert r["applies"] and not r["ally_fought_against"] and r["fulfilled"] is True


def test_triple_alliance_adversary_clause_not_met_for_italy():
    # ATOP names France as the threat; Italy entered in 1915 against Austria-Hungary and Germany,
    # so the German neutrality pledge to Italy was never invoked.
    r = row(106, 325, 255, 1350, "neutral")
    assert not r["applies"] and r["applies_reason"].startswith("condition not met: adversary")
    assert r["ally_fought_against"] and r["fulfilled"] is None


def test_late_entry_against_an_ally_is_not_a_test_of_that_ally():
    # Italy (1915) and Romania (1916) joined the war against partners of the 1883 treaty.
    assert not row(106, 325, 300, 1355, "defense")["applies"]
    assert not row(106, 360, 255, 1355, "defense")["applies"]


def test_anglo_japanese_alliance_location_limit():
    # Limited to East Asia and India: Japan's war with Germany in 1914 falls outside it
    # (no opponent contiguous with Japan), while Britain's does not.
    jp = row(106, 740, 200, 1415, "defense")
    assert not jp["applies"] and jp["applies_reason"].startswith("condition not met: location")
    uk = row(106, 200, 740, 1415, "defense")
    assert uk["applies"] and uk["fulfilled"] is True


def test_britain_defended_poland_1939():
    r = row(139, 290, 200, 2440, "defense")
    assert r["applies"] and r["fulfilled"] is True


def test_turkey_did_not_fight_for_france_1939():
    # The Anglo-French-Turkish treaty of October 1939: Turkey stayed out of the war.
    r = row(139, 220, 640, 2465, "defense")
    assert r["applies"] and not r["ally_fought_with"] and r["fulfilled"] is False


def test_german_pledges_broken_by_invasion():
    # German-Polish non-aggression (1934) and the Nazi-Soviet pact (1939).
    pol = row(139, 290, 255, 2325, "nonagg")
    assert pol["applies"] and pol["ally_fought_against"] and pol["fulfilled"] is False
    sov = row(139, 365, 255, 2470, "neutral")
    assert sov["applies"] and sov["fulfilled"] is False
    # Seen from Germany, the USSR fighting back is not its breach.
    back = row(139, 255, 365, 2470, "nonagg")
    assert not back["applies"] and "breach not the ally's" in back["applies_reason"]


def test_side_switch_episode_is_not_a_test():
    r = row(139, 325, 255, 2445, "defense", year=1943)
    assert not r["applies"] and r["applies_reason"].startswith("switched sides")


def test_nato_not_invoked_by_korea_but_arab_league_by_kuwait():
    korea = row(151, 2, 200, 3180, "defense")
    assert not korea["applies"] and korea["applies_reason"].startswith("condition not met: location")
    iraq = row(211, 690, 645, 3205, "defense")
    assert iraq["applies"] and iraq["ally_fought_against"] and iraq["fulfilled"] is False
    saudi = row(211, 690, 670, 3205, "defense")
    assert saudi["applies"] and saudi["fulfilled"] is True
    assert saudi["era"] == "post-1945"


# --- frame shape and invariants ------------------------------------------------------------


def test_schema_and_key():
    frame = war_obligations()
    assert dict(frame.schema) == OBLIGATION_SCHEMA
    key = ["warnum", "year_entered", "state", "ally", "atopid", "obligation"]
    assert frame.select(key).is_duplicated().sum() == 0
    assert set(frame["obligation"].unique()) <= set(OBS)
    assert (frame["state"] != frame["ally"]).all()


def test_fulfilled_matches_rule():
    frame = war_obligations()
    assert frame.filter(~pl.col("applies"))["fulfilled"].null_count() == frame.filter(~pl.col("applies")).height
    tested = frame.filter("applies")
    assert tested["fulfilled"].null_count() == 0
    military = tested.filter(pl.col("obligation").is_in(["defense", "offense"]))
    assert (military["fulfilled"] == military["ally_fought_with"]).all()
    pledges = tested.filter(pl.col("obligation").is_in(["neutral", "nonagg"]))
    assert (pledges["fulfilled"] == ~pledges["ally_fought_against"]).all()


def test_era_split():
    frame = war_obligations()
    assert (frame.filter(pl.col("year_entered") < 1945)["era"] == "pre-1945").all()
    assert (frame.filter(pl.col("year_entered") >= 1945)["era"] == "post-1945").all()


# --- independent recount -------------------------------------------------------------------


def _spans_cover(spans, year):
    return any(a <= year <= b for a, b in spans)


def _recount():
    """The coding rules again, as plain loops over the raw tables (no shared code)."""
    epis, dyad = {}, {}
    init_side = {}
    for r in load("cow_war_inter").iter_rows(named=True):
        k = (r["warnum"], r["ccode1"], r["sidea1"])
        lo, hi = epis.get(k, (r["year"], r["year"]))
        epis[k] = (min(lo, r["year"]), max(hi, r["year"]))
        if r["initiator1"] == 1:
            init_side[r["warnum"]] = r["sidea1"]
        d = (r["warnum"], r["ccode1"], r["ccode2"])
        lo, hi = dyad.get(d, (r["year"], r["year"]))
        dyad[d] = (min(lo, r["year"]), max(hi, r["year"]))
    rivals = defaultdict(dict)
    for (w, a, b), span in dyad.items():
        rivals[(w, a)][b] = span
    sides_of = defaultdict(list)
    for (w, s, side), (lo, _) in epis.items():
        sides_of[(w, s)].append((side, lo))

    seen, recs = set(), defaultdict(list)
    formed = set()
    for r in load("atop4_01_member").iter_rows(named=True):
        if (r["atopid"], r["member"], r["phase"]) in seen:
            continue
        seen.add((r["atopid"], r["member"], r["phase"]))
        recs[r["atopid"]].append(r)
        if r["wartime"] == 1 and (r["cowwar"] or 0) > 0:
            formed.add((r["atopid"], r["cowwar"]))
    member_of = defaultdict(set)
    for atopid, rs in recs.items():
        for r in rs:
            member_of[r["member"]].add(atopid)

    near = defaultdict(list)
    for r in load("cow_contdir").iter_rows(named=True):
        span = (r["stdate"].year, r["enddate"].year)
        near[(r["ccode1"], r["ccode2"])].append(span)
        near[(r["ccode2"], r["ccode1"])].append(span)
    system = defaultdict(list)
    for r in load("cow_states").iter_rows(named=True):
        system[r["ccode"]].append((r["styear"], r["endyear"]))

    conds = {
        "defense": ("defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr", None),
        "offense": ("offcoadv", "offcoloc", "offcocon", "offconum", "offcodem", None, None),
        "neutral": ("neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt"),
        "nonagg": (None,) * 7,
    }
    tally = Counter()
    for (w, s, side), (y, _) in epis.items():
        if any(lo < y for sd, lo in sides_of[(w, s)] if sd != side):
            switched = True
        else:
            switched = False
        attacked = init_side[w] != side
        foes = rivals[(w, s)]
        active = [c for c, (a, b) in foes.items() if a <= y <= b]
        for atopid in member_of[s]:
            here = (atopid, w) in formed

            def live(r):
                start = r["yrent"] < y or (r["yrent"] == y and not here)
                return start and (r["yrexit"] == 0 or r["yrexit"] >= y)

            if not any(live(r) for r in recs[atopid] if r["member"] == s):
                continue
            for ally in {r["member"] for r in recs[atopid]} - {s}:
                live_recs = [r for r in recs[atopid] if r["member"] == ally and live(r)]
                if not live_recs:
                    continue
                rec = max(live_recs, key=lambda r: r["phase"])
                ally_eps = sides_of.get((w, ally), [])
                with_ = any(sd == side for sd, _ in ally_eps)
                against = ally in foes
                for ob in OBS:
                    if rec[ob] != 1:
                        continue
                    if not _spans_cover(system[ally], y) or switched:
                        continue
                    if ob in ("defense", "offense") and any(sd != side and lo < y for sd, lo in ally_eps):
                        continue
                    if (ob == "defense" and not attacked) or (ob == "offense" and attacked):
                        continue
                    c = {k: (rec[col] == 1 if col else False) for k, col in zip(
                        ("adv", "loc", "con", "num", "dem", "npr", "att"), conds[ob])}
                    if ob == "neutral" and (c["att"] or c["npr"]) and not attacked:
                        continue
                    if ob in ("neutral", "nonagg") and against:
                        if not attacked:
                            continue
                        start = foes[ally][0]
                        if start > y and start > min(lo for _, lo in ally_eps):
                            continue
                    named = {rec["statthr1"], rec["statthr2"]} - {None, 0, s}
                    if (c["adv"] or c["con"]) and named and not named & set(foes):
                        continue
                    if c["loc"] and not any(_spans_cover(near[(s, f)], y) for f in active):
                        continue
                    if c["num"] and len(active) < 2:
                        continue
                    ok = with_ if ob in ("defense", "offense") else not against
                    era = "pre-1945" if y < 1945 else "post-1945"
                    tally[(ob, era, "n")] += 1
                    tally[(ob, era, "k")] += ok
    return tally


def test_independent_recount_matches_summary():
    tally = _recount()
    summary = {(r["group"], r["level"]): r for r in war_reliability().iter_rows(named=True)}
    for ob in OBS:
        n = tally[(ob, "pre-1945", "n")] + tally[(ob, "post-1945", "n")]
        k = tally[(ob, "pre-1945", "k")] + tally[(ob, "post-1945", "k")]
        assert (summary[("type", ob)]["n"], summary[("type", ob)]["fulfilled"]) == (n, k), ob
    for era in ("pre-1945", "post-1945"):
        n = sum(tally[(ob, era, "n")] for ob in OBS)
        k = sum(tally[(ob, era, "k")] for ob in OBS)
        assert (summary[("era", era)]["n"], summary[("era", era)]["fulfilled"]) == (n, k), era


def test_headline_counts_pinned():
    got = {r["level"]: (r["n"], r["fulfilled"]) for r in war_reliability().iter_rows(named=True)}
    assert got == {
        "all": (4394, 3906),
        "defense": (611, 196),
        "offense": (26, 16),
        "neutral": (93, 86),
        "nonagg": (3664, 3608),
        "pre-1945": (559, 426),
        "post-1945": (3835, 3480),
    }


# --- summary table and Wilson intervals ----------------------------------------------------


def _wilson_by_hand(k, n, z=1.959963984540054):
    p = k / n
    centre = (2 * n * p + z * z) / (2 * (n + z * z))
    half = z * math.sqrt(z * z + 4 * n * p * (1 - p)) / (2 * (n + z * z))
    return centre - half, centre + half


def test_wilson_intervals_numerically():
    for r in war_reliability().iter_rows(named=True):
        low, high = _wilson_by_hand(r["fulfilled"], r["n"])
        assert r["rate"] == pytest.approx(r["fulfilled"] / r["n"])
        if 0 < r["fulfilled"] < r["n"]:
            assert (r["ci_low"], r["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    # A textbook value: 8 of 10 gives about (0.490, 0.943).
    low, high = _wilson_by_hand(8, 10)
    assert (round(low, 3), round(high, 3)) == (0.49, 0.943)
    defence = war_reliability("type").filter(pl.col("level") == "defense").row(0, named=True)
    assert (round(defence["ci_low"], 4), round(defence["ci_high"], 4)) == (0.285, 0.3588)


def test_by_argument():
    full = war_reliability()
    assert full["group"].to_list() == ["overall"] + ["type"] * 4 + ["era"] * 2
    assert war_reliability("type")["level"].to_list() == list(OBS)
    assert war_reliability("era")["level"].to_list() == ["pre-1945", "post-1945"]
    with pytest.raises(ValueError):
        war_reliability("decade")


def test_strict_only_removes_cases():
    loose, strict = war_obligations(), war_obligations(strict=True)
    assert loose.height == strict.height
    assert strict["applies"].sum() <= loose["applies"].sum()
    assert (strict.filter("applies")["applies_reason"] == "applies").all()


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=6443), max_size=400))
def test_summary_properties_on_subsets(picked):
    frame = war_obligations()[sorted(i for i in picked if i < war_obligations().height)]
    table = summarise_pledges(frame)
    by = {(r["group"], r["level"]): r for r in table.iter_rows(named=True)}
    overall = by[("overall", "all")]
    assert overall["n"] == frame["applies"].sum()
    assert sum(by[("type", ob)]["n"] for ob in OBS) == overall["n"]
    assert sum(by[("era", e)]["fulfilled"] for e in ("pre-1945", "post-1945")) == overall["fulfilled"]
    for r in table.iter_rows(named=True):
        if r["n"] == 0:
            assert r["rate"] is None and r["ci_low"] is None
        else:
            assert 0 <= r["ci_low"] <= r["rate"] <= r["ci_high"] <= 1
