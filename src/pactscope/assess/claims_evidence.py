"""Figures from the metrics for claims about an organization (dominance, alignment).

The reader may not import the metrics layer, so it leaves a `metric` item on such claims and
the interfaces call `add_metric_evidence` to fill in the figures.  Each figure names its
years, and the call that produced it.  Figures are kept in a small JSON file in the reader's
cache folder, keyed by the data catalogue and the ledger, so a fresh process need not
recompute them.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
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


def _store() -> Path | None:
    """The cache file for these figures, named by the data catalogue, the ledger's checksum and the
    code that computes them (this module and the metrics package)."""
    from pactscope.cache_home import cache_dir
    from pactscope.data.cache import code_digest

    try:
        from pactscope.reader.cache import checksum

        catalogue = resources.files("pactscope.data").joinpath("datapackage.json").read_bytes()
    except (ImportError, OSError):
        return None
    import pactscope
    from pactscope import __version__

    code = code_digest([Path(__file__), Path(pactscope.__file__).parent / "metrics"])
    key = hashlib.sha256(catalogue + checksum().encode() + code.encode() + __version__.encode()).hexdigest()[:20]
    return cache_dir() / f"claims-figures-{key}.json"


def _load(path: Path | None) -> dict[str, dict[str, Any]]:
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return {}


def _save(path: Path | None, figures: dict[str, dict[str, Any]]) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # one per process: concurrent writers never share it
        tmp.write_text(json.dumps(figures, default=str), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache folder only costs time


def add_metric_evidence(claims: list) -> None:
    """Fill in the figures of every `metric` evidence item (in place); failures become a note."""
    wanted = {(i["metric"], i["organization"]) for c in claims for i in c.record
              if i.get("kind") == "metric" and i.get("metric") in _FIGURES}
    if not wanted:
        return
    path = _store()
    figures = _load(path)
    missing = [k for k in wanted if f"{k[0]}:{k[1]}" not in figures]
    for metric, org in missing:
        try:
            figures[f"{metric}:{org}"] = _FIGURES[metric](org)
        except PactscopeError as exc:
            figures[f"{metric}:{org}"] = {"figures": f"not available: {exc}"}
    if missing:
        _save(path, figures)
    for claim in claims:
        for item in claim.record:
            key = f"{item.get('metric')}:{item.get('organization')}"
            if item.get("kind") == "metric" and key in figures:
                item.update(figures[key])
