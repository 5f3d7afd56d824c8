"""Vega-Lite specs for the pages, built by :mod:`pactscope.assess.charts`."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

import polars as pl

from pactscope import ledger, metrics
from pactscope.assess import charts as vl
from pactscope.web import views

WORLD_PATH = "/assets/countries-110m.json"  # where the app serves the chart module's world geometry


def localize(spec: dict) -> dict:
    """A spec whose world-geometry URL points at the copy this app serves."""
    text = json.dumps(spec)
    placeholder = json.dumps(vl.WORLD_URL)
    return json.loads(text.replace(placeholder, json.dumps(WORLD_PATH))) if placeholder in text else spec


def _compare_with(oid: str) -> str:
    """The second alliance on the dominance chart, as in the assessment reports."""
    from pactscope.assess import default_compare

    return default_compare(oid)


@lru_cache(maxsize=32)
def alliance_charts(oid: str) -> dict:
    """Specs for the alliance page, keyed by chart slot."""
    today = dt.date.today()
    members = views.current_members(oid)
    names = {m["iso3"]: m["name"] for m in members}
    spells = views.membership(oid)
    out = {
        "members_map": vl.members_map(
            metrics.alliance_years(oid, years=today.year), focus=[], comparisons=[],
            title=f"{oid} states in {today.year}", world_url=WORLD_PATH,
        ),
        "membership": vl.membership_timeline(
            spells, title=f"{oid} membership spells", today=today,
            names={r["state"]: views.state_name(r["state"]) for r in spells},
        ),
        "dominance": vl.dominance_chart(metrics.dominance([oid, _compare_with(oid)]), indicator="cinc"),
    }
    if members:
        out["burden"] = vl.burden_chart(
            views.burden(oid), states=list(names), names=names,
            title="Members' military-spending share over their capability share",
        )
    cases = ledger.cases_frame(oid)
    if cases.height:
        out["timeline"] = vl.case_timeline(cases, title=f"{oid} crisis cases by threatened member")
    return out


@lru_cache(maxsize=128)
def dyad_charts(ccode_a: int, ccode_b: int) -> dict:
    """Specs for the dyad explorer: UN vote agreement and capabilities by year."""
    a, b = views.state(str(ccode_a)), views.state(str(ccode_b))
    votes = metrics.alignment_with(ccode_a, [ccode_b]).filter(pl.col("n_common") > 0)
    out = {}
    if votes.height:
        out["agreement"] = vl.alignment_chart(
            votes, state=a["name"], names={votes["other"][0]: b["name"]},
            title=f"{a['name']}: UN vote agreement with {b['name']}",
        )
    cinc = views.dyad_capabilities(ccode_a, ccode_b)
    if cinc:
        out["capabilities"] = vl.line_chart(
            cinc, x="year", y="cinc", color="state", name="capabilities", title="Share of world capabilities (CINC)",
            y_title="CINC", color_title="State", y_format=".2%", tooltip=["state", "year", "cinc"],
        )
    return out
