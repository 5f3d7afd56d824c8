"""War x alliance reliability (the default unit): hand-checked cases, recounts, options and presets."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import polars as pl
import pytest
from typer.testing import CliRunner

from pactscope.cli import app
from pactscope.errors import BadArgument
from pactscope.metrics.reliability_war import (
    CASE_SCHEMA,
    RESULTS,
    SILENCE,
    alliance_war_record,
    summarise_war_cases,
    war_cases,
    war_obligations,
    war_published,
    war_reliability,
)

OBS = ("defense", "offense", "neutral", "nonagg")


def case(cowwar: int, atopid: int, **options) -> dict:
    frame = war_cases(**options).filter(pl.col("cowwar") == cowwar, pl.col("atopid") == atopid)
    assert frame.height == 1, frame
    return frame.row(0, named=True)


# --- rows checked by hand against the ATOP member records and the COW war participants ------


def test_honoured_defence_pledge_anglo_polish_1939():
    # ATOP 2440, phase 2 (August 1939): mutual defence between Britain (200) and Poland (290),
    # adversary condition naming Germany (statthr1 = 255). COW war 139: Germany (255) is the
    # initiator on side 2; Poland and Britain are on side 1 from 1939.
    r = case(139, 2440)
    assert (r["war"], r["year"], r["result"], r["obligation"]) == ("World War II", 1939, "honoured", "defense")
    assert r["reason"] == "every obligated ally fought alongside" and not r["wartime"]
    assert r["members_at_war"] == "200 290" and r["era"] == "pre-1945"


def test_violated_defence_pledge_arab_league_in_sinai_1956():
    # ATOP 3205 (1950 Joint Defence treaty): defence pledges by every member, no condition code.
    # COW war 155: Israel (666) initiated against Egypt (651) with Britain and France; no other
    # member (645, 652, 660, 663, 670, 678 in 1956) fought.
    r = case(155, 3205)
    assert (r["year"], r["result"], r["reason"]) == (1956, "violated", "obligated ally stayed out")
    assert r["members_at_war"] == "651" and r["obligated"] == "645 652 660 663 670 678" and r["helped"] == ""
    assert r["era"] == "post-1945"


def test_non_aggression_pact_whose_members_stayed_apart():
    # ATOP 3850 (Egypt-Israel, 1979): non-aggression only. COW war 205 (1982): Israel (666)
    # against Syria (652); Egypt (651) took no part, so the pledge was never at stake.
    r = case(205, 3850)
    assert (r["war"], r["result"], r["reason"]) == ("War over Lebanon", "not-applicable",
                                                    "non-aggression: members stayed apart")
    assert r["obligation"] == "nonagg" and r["silence_kept"] is True


def test_condition_not_met_nato_in_korea():
    # ATOP 3180 (NATO): defence limited to the treaty area (defcoloc = 1). COW war 151: the
    # members that fought (United States, Canada, Britain, Netherlands, Belgium, France, Greece)
    # faced North Korea and China, contiguous with none of them.
    r = case(151, 3180)
    assert (r["result"], r["reason"]) == ("not-applicable", "condition not met: location")
    assert "defense to 2: no opponent of 2 contiguous in 1950" in r["detail"]


def test_wartime_alliance_anglo_soviet_1941():
    # ATOP 2535 (July 1941): defence and offence pledges, wartime = 1 and cowwar = 139 on both
    # records. COW war 139: Britain (200) at war from 1939, the USSR (365) from 1941, same side.
    r = case(139, 2535)
    assert (r["year"], r["wartime"], r["result"]) == (1941, True, "honoured")
    assert case(139, 2535, wartime=False)["reason"] == "wartime alliance left out"


def test_csto_record_is_the_azeri_armenian_war():
    # ATOP 4220: Armenia (371) a party from 1992, Azerbaijan (373) from September 1993 (cowwar
    # 216 on its record). COW war 216: Armenia initiated against Azerbaijan, 1993-1994.
    rows = alliance_war_record("CSTO")
    assert rows.select("cowwar", "war", "atopid", "year", "result", "reason").rows() == [
        (216, "Azeri-Armenian", 4220, 1993, "violated", "members fought each other")]
    assert rows["detail"][0] == "371 v 373 from 1993"
    table = war_reliability(alliance="csto")
    overall = table.filter(pl.col("group") == "overall").row(0, named=True)
    assert (overall["n"], overall["fulfilled"], overall["published_n"]) == (1, 0, None)
    with pytest.raises(BadArgument, match="no ATOP record"):
        war_reliability(alliance="OTS")


# --- every summary is a recount of the case table --------------------------------------------


def _recount(rows: list[dict]) -> dict[tuple[str, str], tuple[int, int]]:
    """Plain counting over case rows: (honoured, n) per summary row."""
    tally: Counter = Counter()
    for r in rows:
        if r["result"] in ("honoured", "violated"):
            for key in (("overall", "all"), ("type", r["obligation"]), ("era", r["era"])):
                tally[key + ("n",)] += 1
                tally[key + ("k",)] += r["result"] == "honoured"
        if r["obligation"] == "nonagg" and (r["result"] != "not-applicable" or r["silence_kept"]):
            tally[("separate", SILENCE, "n")] += 1
            tally[("separate", SILENCE, "k")] += r["result"] == "honoured" or r["silence_kept"]
    keys = [("overall", "all"), *(("type", ob) for ob in OBS), ("era", "pre-1945"), ("era", "post-1945"),
            ("separate", SILENCE)]
    return {k: (tally[k + ("k",)], tally[k + ("n",)]) for k in keys}


@pytest.mark.parametrize("options", [
    {}, {"compliance": "sabrosky"}, {"conditions": "assume-met"}, {"wartime": False}, {"preset": "llm2000"},
])
def test_summary_equals_recount_of_case_table(options):
    summary = {(r["group"], r["level"]): (r["fulfilled"], r["n"]) for r in war_reliability(**options).iter_rows(named=True)}
    assert summary == _recount(war_cases(**options).to_dicts())


def test_cli_csv_recount_matches_cli_json():
    runner = CliRunner()
    out = runner.invoke(app, ["metrics", "reliability", "--method", "war", "--cases", "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0])[:6] == ["cowwar", "war", "atopid", "year", "result", "reason"]
    assert {r["result"] for r in rows} == set(RESULTS)
    for r in rows:
        r["silence_kept"] = r["silence_kept"] == "true"
    js = runner.invoke(app, ["metrics", "reliability", "--method", "war", "--format", "json"])
    summary = {(r["group"], r["level"]): (r["fulfilled"], r["n"]) for r in json.loads(js.stdout)}
    assert summary == _recount(rows)


# --- options and presets -----------------------------------------------------------------------


def test_case_table_shape():
    frame = war_cases()
    assert dict(frame.schema) == CASE_SCHEMA
    assert frame.select("cowwar", "atopid").is_duplicated().sum() == 0
    assert set(frame["result"]) <= set(RESULTS)
    assert (frame.filter(pl.col("year") < 1945)["era"] == "pre-1945").all()
    assert frame.filter(pl.col("result") == "not-applicable")["reason"].null_count() == 0


def test_sabrosky_only_turns_all_comply_violations_into_honoured():
    both = war_cases().join(war_cases(compliance="sabrosky"), on=["cowwar", "atopid"], suffix="_s")
    changed = both.filter(pl.col("result") != pl.col("result_s"))
    assert changed.height > 0
    assert set(zip(changed["result"], changed["result_s"])) == {("violated", "honoured")}
    assert set(changed["reason"]) == {"obligated ally stayed out"}
    assert (changed["helped"] != "").all()  # at least one obligated ally fought


def test_strict_cases_are_a_subset_of_assume_met_cases():
    strict = war_cases().filter(pl.col("result") != "not-applicable").select("cowwar", "atopid")
    loose = war_cases(conditions="assume-met").filter(pl.col("result") != "not-applicable").select("cowwar", "atopid")
    assert strict.join(loose, on=["cowwar", "atopid"], how="anti").height == 0
    assert loose.height > strict.height


def test_wartime_option_drops_exactly_the_wartime_cases():
    full, without = war_cases(), war_cases(wartime=False)
    assert full.height == without.height
    moved = full.join(without, on=["cowwar", "atopid"], suffix="_w").filter(pl.col("result") != pl.col("result_w"))
    assert moved["wartime"].all() and set(moved["reason_w"]) == {"wartime alliance left out"}


def test_llm2000_is_bf2018_up_to_1944():
    llm, bf = war_cases(preset="llm2000"), war_cases()
    assert llm["year"].max() <= 1944
    assert llm.equals(bf.filter(pl.col("year") <= 1944))
    assert war_published("llm2000").filter(pl.col("level") == "all")["published_rate"][0] == 0.745


def test_published_figures_beside_results():
    table = war_reliability()
    pub = {(r["group"], r["level"]): (r["published_n"], r["published_rate"]) for r in table.iter_rows(named=True)}
    assert pub[("overall", "all")] == (146, 0.50)
    assert pub[("era", "pre-1945")] == (92, 0.66) and pub[("era", "post-1945")] == (54, 0.22)
    assert pub[("separate", SILENCE)] == (None, None)


def test_headline_within_five_points_of_berkemeier_fuhrmann():
    for r in war_reliability().filter(pl.col("group").is_in(["overall", "era"])).iter_rows(named=True):
        assert abs(r["rate"] - r["published_rate"]) <= 0.05, r
        assert r["published_n"] / 2 <= r["n"] <= r["published_n"] * 2, r


def test_silence_indicator_never_in_the_headline():
    table = war_reliability()
    overall = table.filter(pl.col("group") == "overall")["n"][0]
    assert overall == table.filter(pl.col("group") == "type")["n"].sum()
    assert overall == table.filter(pl.col("group") == "era")["n"].sum()
    silence = war_cases().filter(pl.col("silence_kept"))
    assert (silence["result"] == "not-applicable").all()


def test_pledge_unit_is_kept_as_an_option():
    pledge = war_reliability(unit="pledge")
    assert pledge["group"].to_list() == ["overall", *["type"] * 4, *["era"] * 2]
    assert pledge["published_rate"].null_count() == pledge.height
    with pytest.raises(BadArgument, match="alliance or pledge"):
        war_reliability(unit="dyad")
    with pytest.raises(BadArgument, match="bf2018"):
        war_reliability(preset="bf2019")
    with pytest.raises(BadArgument, match="all or sabrosky"):
        war_cases(compliance="some")


def test_summarise_cases_of_a_subset():
    ww2 = war_cases().filter(pl.col("cowwar") == 139)
    table = summarise_war_cases(ww2)
    assert table.filter(pl.col("level") == "all")["n"][0] == ww2.filter(pl.col("result") != "not-applicable").height
    assert table["published_rate"].null_count() == table.height


def test_cli_options_reach_the_library():
    runner = CliRunner()

    def records(*extra: str) -> list[dict]:
        out = runner.invoke(app, ["metrics", "reliability", "--method", "war", "--format", "json", *extra])
        assert out.exit_code == 0, out.output
        return json.loads(out.stdout)

    def first(table: pl.DataFrame) -> dict:
        return table.row(0, named=True)

    got = records("--preset", "llm2000", "--compliance", "sabrosky", "--no-wartime", "--by", "overall")
    want = first(war_reliability("overall", preset="llm2000", compliance="sabrosky", wartime=False))
    assert (got[0]["n"], got[0]["fulfilled"], got[0]["published_rate"]) == (want["n"], want["fulfilled"], 0.745)
    got = records("--conditions", "assume-met", "--by", "era")
    assert [r["n"] for r in got] == war_reliability("era", conditions="assume-met")["n"].to_list()
    pledge_rows = records("--unit", "pledge", "--cases")
    assert len(pledge_rows) == war_obligations().height
    bad = runner.invoke(app, ["metrics", "reliability", "--method", "war", "--by", "decade"])
    assert bad.exit_code == 2 and "overall, type or era" in bad.output
