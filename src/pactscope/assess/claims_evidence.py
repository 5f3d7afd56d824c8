"""Figures from the metrics for claims about an organization (dominance, alignment).

The reader may not import the metrics layer, so it leaves a `metric` item on such claims and
the interfaces call `add_metric_evidence` to fill in the figures.  Each figure names its
years, and the call that produced it.
"""

from __future__ import annotations

from typing import Any

from pactscope.errors import PactscopeError

WAR_YEAR = 2022  # not-a-data-year: Russia's full-scale invasion of Ukraine, alignment is compared before and after


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 100:.0f}%"


def _dominance(org: str) -> dict[str, Any]:
    import polars as pl

    from pactscope.metrics import dominance

    frame = dominance(org).filter((pl.col("indicator") == "cinc") & pl.col("leader_share").is_not_null())
    if frame.is_empty():
        return {"figures": f"no capability data for {org}"}
    first, last = frame.row(0, named=True), frame.row(-1, named=True)
    return {"figures": (f"{last['leader']} held {_pct(last['leader_share'])} of {org} members' combined CINC "
                        f"in {last['year']} ({_pct(first['leader_share'])} in {first['year']})"),
            "leader": last["leader"], "share": last["leader_share"], "year": last["year"],
            "first_share": first["leader_share"], "first_year": first["year"],
            "call": f"dominance('{org}'), indicator cinc"}


def _alignment(org: str) -> dict[str, Any]:
    import polars as pl

    from pactscope.metrics import alignment_with, dominance

    dom = dominance(org).filter(pl.col("leader").is_not_null())
    if dom.is_empty():
        return {"figures": f"no leader known for {org}"}
    leader = dom.row(-1, named=True)["leader"]
    from pactscope.ledger import load_ledger

    spells = load_ledger().spells.get(org, ())
    current = sorted({s.state for s in spells if s.end is None and s.status.value == "member"} - {leader})
    rows, parts = [], []
    for state in current:
        try:
            f = alignment_with(state, [leader])
        except PactscopeError:
            continue
        before = f.filter((pl.col("year") < WAR_YEAR) & (pl.col("year") >= WAR_YEAR - 5))["agree_share"].mean()
        after = f.filter(pl.col("year") >= WAR_YEAR)["agree_share"].mean()
        last = f.filter(pl.col("n_common") > 0)["year"].max()
        rows.append({"state": state, "before": before, "after": after, "last_year": last})
        parts.append(f"{state} {_pct(before)} -> {_pct(after)}")
    note = "" if any(r["after"] is not None for r in rows) else f" (the vote data end before {WAR_YEAR})"
    return {"figures": (f"UN General Assembly vote agreement with {leader}, {WAR_YEAR - 5}-{WAR_YEAR - 1} "
                        f"against {WAR_YEAR} on: " + "; ".join(parts) + note),
            "leader": leader, "members": rows, "call": f"alignment_with(member, ['{leader}'])"}


_FIGURES = {"dominance": _dominance, "alignment": _alignment}


def add_metric_evidence(claims: list) -> None:
    """Fill in the figures of every `metric` evidence item (in place); failures become a note."""
    cache: dict[tuple[str, str], dict[str, Any]] = {}
    for claim in claims:
        for item in claim.record:
            if item.get("kind") != "metric" or item.get("metric") not in _FIGURES:
                continue
            key = (item["metric"], item["organization"])
            if key not in cache:
                try:
                    cache[key] = _FIGURES[key[0]](key[1])
                except PactscopeError as exc:
                    cache[key] = {"figures": f"not available: {exc}"}
            item.update(cache[key])
