"""Vega-Lite 5 specifications as plain dicts, for the report and the web app alike.

Each builder takes rows (a polars DataFrame or a list of dicts with the named columns) and
returns a spec whose data sit inline under ``datasets``. The members map reads the world
geometry from ``world_url``; the HTML report swaps that URL for the inlined TopoJSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from functools import cache
from pathlib import Path

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
ASSETS = Path(__file__).parent / "assets"
WORLD_URL = "pactscope:countries-110m.json"
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
CONFIG = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelColor": "#222", "titleColor": "#222", "gridColor": "#e4e4e4", "labelFontSize": 12, "titleFontSize": 12},
    "legend": {"labelColor": "#222", "titleColor": "#222", "labelFontSize": 12, "titleFontSize": 12, "orient": "bottom",
               "direction": "horizontal", "columns": 2, "labelLimit": 240},
    "title": {"color": "#111", "fontSize": 14, "anchor": "start", "fontWeight": 600},
    "range": {"category": PALETTE},
}
STATUS_COLORS = {
    "member": "#0072B2", "frozen": "#56B4E9", "suspended": "#CC79A7", "observer": "#E69F00",
    "partner": "#F0E442", "not a member": "#f7f7f7",
}
ROLE_COLORS = {"focus member": "#000000", "comparison": "#D55E00", "other": "#ffffff"}
# the response scale, weakest first, in colours a colour-blind reader can tell apart (Okabe-Ito)
RESPONSE_COLORS = {
    "none": "#bdbdbd", "statement": "#E69F00", "consultation": "#0072B2", "fact finding mission": "#56B4E9",
    "material or logistical aid": "#009E73", "military deployment": "#D55E00", "request declined": "#000000",
}


def _rows(rows) -> list[dict]:
    if hasattr(rows, "to_dicts"):
        rows = rows.to_dicts()
    return [{k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in r.items()} for r in rows]


def _base(title: str, datasets: dict, **extra) -> dict:
    spec = {"$schema": SCHEMA, "title": title, "width": "container", "autosize": {"type": "fit-x", "contains": "padding"},
            "config": CONFIG, "datasets": datasets}
    spec.update(extra)
    return spec


def line_chart(
    rows, *, x: str, y: str, color: str, title: str, y_title: str, color_title: str, y_format: str = ".0%",
    y_scale: dict | None = None, name: str = "series", height: int = 260, tooltip: list[str] | None = None,
    rule: float | None = None, names: dict[str, str] | None = None,
) -> dict:
    """Lines of ``y`` over ``x`` (a year), one per ``color`` value; optional horizontal rule.
    ``names`` relabels the ``color`` values (legend order follows it)."""
    rows = _rows(rows)
    if names:
        for r in rows:
            r["label"] = names.get(r[color], r[color])
        tooltip = ["label" if f == color else f for f in (tooltip or [color, x, y])]
        present = {r["label"] for r in rows}
        color, order = "label", [v for v in dict.fromkeys(names.values()) if v in present]
    else:
        order = None
    scale = {**({} if (y_scale or {}).get("type") == "log" else {"zero": False}), **(y_scale or {})}
    encoding = {
        "x": {"field": x, "type": "quantitative", "title": None, "axis": {"format": "d", "tickMinStep": 1},
              "scale": {"nice": False, "zero": False}},
        "y": {"field": y, "type": "quantitative", "title": y_title, "axis": {"format": y_format}, "scale": scale},
        "color": {"field": color, "type": "nominal", "title": color_title, **({"sort": order} if order else {})},
        "tooltip": [{"field": f, "type": "quantitative" if f in (x, y) or f.endswith(("_share", "_ratio", "n_common")) else "nominal"}
                    for f in (tooltip or [color, x, y])],
    }
    layers = [{"mark": {"type": "line", "point": {"size": 18}, "strokeWidth": 2}, "encoding": encoding}]
    if rule is not None:
        layers.append({"mark": {"type": "rule", "strokeDash": [4, 4], "color": "#555"}, "encoding": {"y": {"datum": rule}}})
    return _base(title, {name: rows}, height=height, data={"name": name}, layer=layers)


def dominance_chart(rows, *, indicator: str = "cinc", title: str | None = None) -> dict:
    """Leader's share of the members' total ``indicator`` by year, one line per alliance
    (rows of :func:`pactscope.metrics.dominance`)."""
    picked = [r for r in _rows(rows) if r["indicator"] == indicator]
    return line_chart(
        picked, x="year", y="leader_share", color="alliance", name="dominance",
        title=title or f"Largest member's share of the alliance's {indicator.upper()}",
        y_title="leader's share", color_title="Alliance", tooltip=["alliance", "year", "leader_share"],
        y_scale={"domain": [0, 1]},
    )


def alignment_chart(
    rows, *, state: str, title: str | None = None, measure: str = "agree_share", names: dict[str, str] | None = None,
) -> dict:
    """UN General Assembly vote agreement of one state with each other state or group by year
    (rows of :func:`pactscope.metrics.alignment_with`; a ``series`` column is shown in the tooltip)."""
    rows = _rows(rows)
    series = ["series"] if rows and "series" in rows[0] else []
    return line_chart(
        rows, x="year", y=measure, color="other", name=f"alignment-{state}", title=title or f"{state}: UN vote agreement",
        y_title="share of common votes agreeing" if measure == "agree_share" else measure, color_title="Voting with",
        tooltip=["other", "year", measure, "n_common", *series], y_scale={"domain": [0, 1]} if measure == "agree_share" else None,
        height=220, names=names,
    )


def burden_chart(rows, *, states: list[str], title: str, names: dict[str, str] | None = None) -> dict:
    """Military-spending share over CINC share by year for the given members (rows of
    :func:`pactscope.metrics.burden`); the dashed line at 1 is spending in line with weight."""
    picked = [r for r in _rows(rows) if r["iso3"] in states]
    return line_chart(
        picked, x="year", y="ratio_cinc", color="iso3", name="burden", title=title, y_title="milex share ÷ CINC share",
        color_title="Member", y_format=".1f", tooltip=["iso3", "year", "ratio_cinc", "milex_share", "cinc_share"], rule=1.0,
        names=names,
    )


def coalition_chart(rows, *, title: str, names: dict[str, str] | None = None) -> dict:
    """Combined CINC by year of the bloc, the alliance and each compared state (rows of
    :func:`pactscope.metrics.coalition`), on a log scale."""
    picked = [{k: v for k, v in r.items() if k != "states"} for r in _rows(rows)]  # nulls are left out when drawn
    return line_chart(
        picked, x="year", y="cinc", color="group", name="coalition", title=title, y_title="combined CINC (log scale)",
        color_title="Group", y_format=".3~g", y_scale={"type": "log"}, tooltip=["group", "kind", "year", "cinc", "cinc_ratio"], names=names,
    )


def threat_timeline(
    rows, *, states: list[str], names: dict[str, str] | None = None, title: str, years: tuple[int, int] | None = None,
) -> dict:
    """Each conflict-year and dispute-year of the states, by adversary kind (rows of
    :func:`pactscope.metrics.threats`, stacked for several states)."""
    names = names or {}
    data = _rows(rows)
    for r in data:
        r["state_name"] = names.get(r["state"], r["state"])
    order = [names.get(s, s) for s in states]
    kind = (
        "datum.adversary == null ? 'non-state opponent' : "
        "(datum.adversary_ally ? 'state in the same alliance that year' : 'other state')"
    )
    source = ("datum.source == 'ucdp' ? (datum.role == 'primary' ? 'armed conflict (UCDP)' : "
              "'supporting a side elsewhere (UCDP)') : 'militarized dispute (MID)'")
    return _base(
        title, {"threats": data}, height=max(90, 64 * len(states)), data={"name": "threats"},
        transform=[{"calculate": kind, "as": "opponent"}, {"calculate": source, "as": "event"}],
        mark={"type": "point", "filled": True, "size": 70, "opacity": 0.85},
        encoding={
            "x": {"field": "year", "type": "quantitative", "title": None, "axis": {"format": "d"},
                  "scale": {"zero": False, **({"domain": list(years)} if years else {})}},
            "y": {"field": "state_name", "type": "nominal", "title": None, "sort": order},
            "yOffset": {"field": "opponent", "type": "nominal"},
            "color": {"field": "opponent", "type": "nominal", "title": "Opponent", "legend": {"columns": 1},
                      "scale": {"domain": ["state in the same alliance that year", "other state", "non-state opponent"],
                                "range": ["#D55E00", "#0072B2", "#777777"]}},
            "shape": {"field": "event", "type": "nominal", "title": "Event", "legend": {"columns": 1},
                      "scale": {"domain": ["armed conflict (UCDP)", "supporting a side elsewhere (UCDP)", "militarized dispute (MID)"],
                                "range": ["circle", "cross", "triangle-up"]}},
            "tooltip": [{"field": "state_name", "title": "state"}, {"field": "year"}, {"field": "event"},
                        {"field": "adversary_name", "title": "opponent"}, {"field": "conflict_id", "title": "conflict / dispute id"}],
        },
    )


def mark_data_ends(spec: dict, ends: dict[str, int], domain: tuple[int, int] | None = None) -> dict:
    """Add a dashed vertical rule, labelled, after the last year of each data set (``{"MIDs": year}``),
    so that a gap after it reads as missing data, not as calm; ``domain`` stretches the x axis over the
    report's years. The x axis must be quantitative years."""
    ends = {k: v for k, v in ends.items() if domain is None or v < domain[1]}
    if not ends:
        return spec
    marks = [{"year": year + 0.5, "label": f"{name} end {year}"} for name, year in sorted(ends.items(), key=lambda kv: kv[1])]
    for i, m in enumerate(marks):
        m["dy"] = 10 + 12 * i
    if "layer" not in spec:
        inner = {k: spec.pop(k) for k in ("mark", "encoding", "transform") if k in spec}
        spec["layer"] = [inner]
    if domain:
        first = spec["layer"][0]["encoding"]["x"]
        first["scale"] = {**first.get("scale", {}), "domain": [domain[0], domain[1] + 0.5]}
    x = {"field": "year", "type": "quantitative"}
    spec["layer"].append({"data": {"values": marks}, "mark": {"type": "rule", "strokeDash": [2, 3], "color": "#444"},
                          "encoding": {"x": x, "tooltip": [{"field": "label", "title": "data"}]}})
    for m in marks:
        spec["layer"].append({
            "data": {"values": [m]}, "mark": {"type": "text", "align": "right", "baseline": "top", "dx": -3, "dy": m["dy"] - 10,
                                              "fontSize": 10, "color": "#444"},
            "encoding": {"x": x, "y": {"value": 0}, "text": {"field": "label"}}})
    return spec


def case_timeline(rows, *, title: str, order: list[str] | None = None) -> dict:
    """The alliance's ledger cases by start date and threatened member, coloured by the
    strongest response (rows of :func:`pactscope.ledger.cases_frame`)."""
    data = _rows(rows)
    who = {s for r in data for s in (r["threatened"] or ["none named"])}
    return _base(
        title, {"cases": data}, height=max(80, 34 * len(who)), data={"name": "cases"},
        transform=[
            {"calculate": "length(datum.threatened) ? datum.threatened : ['none named']", "as": "who"},
            {"flatten": ["who"]},
            {"calculate": "replace(datum.response, /-/g, ' ')", "as": "strongest response"},
            {"calculate": "'triggered: ' + datum.obligation_triggered", "as": "obligation"},
        ],
        mark={"type": "point", "filled": True, "size": 110, "opacity": 0.9},
        encoding={
            "x": {"field": "start_date", "type": "temporal", "title": None, "axis": {"format": "%Y"}},
            "y": {"field": "who", "type": "nominal", "title": "threatened member", "sort": order or "ascending"},
            "color": {"field": "strongest response", "type": "nominal", "title": "Strongest response", "legend": {"columns": 1},
                      "scale": {"domain": list(RESPONSE_COLORS), "range": list(RESPONSE_COLORS.values())}},
            "shape": {"field": "obligation", "type": "nominal", "title": "Obligation (ledger coding)", "legend": {"columns": 1},
                      "scale": {"domain": ["triggered: yes", "triggered: disputed", "triggered: no"],
                                "range": ["diamond", "square", "circle"]}},
            "tooltip": [{"field": "title"}, {"field": "start_date", "type": "temporal", "title": "start"},
                        {"field": "strongest response"}, {"field": "obligation"}],
        },
    )


@cache
def countries() -> dict[str, dict]:
    """ISO3 -> ISO numeric id and bounding box of the vendored world geometry."""
    with (ASSETS / "countries.csv").open(encoding="utf-8") as f:
        return {r["iso3"]: {**r, **{k: float(r[k]) for k in ("west", "south", "east", "north")}} for r in csv.DictReader(f)}


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit(isos: list[str], height: int) -> dict:
    """A Mercator projection centred on the states' bounding boxes, scaled to the chart width."""
    boxes = [countries()[i] for i in isos if i in countries()]
    if not boxes:
        return {"type": "equalEarth"}
    west, east = min(b["west"] for b in boxes), max(b["east"] for b in boxes)
    south, north = max(min(b["south"] for b in boxes), -60.0), min(max(b["north"] for b in boxes), 75.0)
    pad_x, pad_y = max(2.0, (east - west) * 0.04), max(2.0, (north - south) * 0.06)
    west, east, south, north = west - pad_x, east + pad_x, max(south - pad_y, -70), min(north + pad_y, 80)
    dx = math.radians(east - west)
    y0, y1 = _mercator_y(south), _mercator_y(north)
    lat_c = math.degrees(2 * math.atan(math.exp((y0 + y1) / 2)) - math.pi / 2)
    return {
        "type": "mercator", "rotate": [-(west + east) / 2, 0, 0], "center": [0, round(lat_c, 3)],
        "scale": {"expr": f"min(width / {dx:.4f}, {height} / {y1 - y0:.4f})"},
    }


def _outline(geo: dict, role: str, color: str) -> dict:
    """A thick outline of the states with ``role``, drawn last on a white halo so it shows on any fill."""
    return {
        "data": geo,
        "transform": [
            {"lookup": "id", "from": {"data": {"name": "members"}, "key": "iso_num", "fields": ["role"]}},
            {"filter": f"datum.role == '{role}'"},
        ],
        "layer": [
            {"mark": {"type": "geoshape", "fill": None, "stroke": "#ffffff", "strokeWidth": 5, "clip": True}},
            {"mark": {"type": "geoshape", "fill": None, "stroke": color, "strokeWidth": 2.6, "clip": True}},
        ],
    }


def members_map(
    rows, *, focus: list[str], comparisons: list[str], title: str, world_url: str = WORLD_URL, height: int = 340,
) -> dict:
    """World map of an alliance's states by status (rows with iso3, name and status, e.g. of
    :func:`pactscope.metrics.alliance_years` for one year); focus members are outlined in black,
    comparison states in orange."""
    table = countries()
    by_iso = {r["iso3"]: dict(r) for r in _rows(rows)}
    for iso in comparisons:
        by_iso.setdefault(iso, {"iso3": iso, "name": iso, "status": "not a member", "member": False})
    values = []
    for iso, r in by_iso.items():
        if iso not in table:
            continue
        role = "focus member" if iso in focus else "comparison" if iso in comparisons else "other"
        if role == "comparison" and r.get("status") is None:
            r["status"] = "not a member"
        values.append({**r, "iso_num": table[iso]["iso_num"], "role": role})
    shown = list(focus) + list(comparisons)  # zoom to the report's states, not to every member
    geo = {"url": world_url, "format": {"type": "topojson", "feature": "countries"}}
    statuses = [s for s in STATUS_COLORS if any(r.get("status") == s for r in values)]
    roles = [r for r in ROLE_COLORS if r != "other" and any(v["role"] == r for v in values)]
    return _base(
        title, {"members": values}, height=height, projection=fit(shown, height),
        layer=[
            {"data": geo, "mark": {"type": "geoshape", "fill": "#e9e9e9", "stroke": "#ffffff", "strokeWidth": 0.6, "clip": True}},
            {
                "data": geo,
                "transform": [
                    {"lookup": "id", "from": {"data": {"name": "members"}, "key": "iso_num", "fields": ["name", "status", "role"]}},
                    {"filter": "datum.status != null"},
                ],
                "mark": {"type": "geoshape", "clip": True},
                "encoding": {
                    "color": {"field": "status", "type": "nominal", "title": "Status",
                              "scale": {"domain": statuses, "range": [STATUS_COLORS[s] for s in statuses]}},
                    "stroke": {"field": "role", "type": "nominal", "title": "In this report",
                               "scale": {"domain": [*roles, "other"], "range": [ROLE_COLORS[r] for r in [*roles, "other"]]},
                               "legend": {"values": roles} if roles else None},
                    "strokeWidth": {"condition": {"test": "datum.role != 'other'", "value": 0.8}, "value": 0.6},
                    "tooltip": [{"field": "name", "title": "state"}, {"field": "status"}, {"field": "role", "title": "in this report"}],
                },
            },
            *(_outline(geo, role, ROLE_COLORS[role]) for role in roles),
        ],
    )


def membership_timeline(rows, *, title: str, today, names: dict[str, str] | None = None) -> dict:
    """One bar per membership spell (rows of :func:`pactscope.ledger.membership_frame`: state,
    status, start, end), by state and status; open spells run to ``today``."""
    names = names or {}
    data = [
        {"state": names.get(r["state"], r["state"]), "status": r["status"], "start": r["start"],
         "end": r["end"] or today.isoformat(), "open": r["end"] is None}
        for r in _rows(rows)
    ]
    statuses = [s for s in STATUS_COLORS if any(d["status"] == s for d in data)]
    return _base(
        title, {"spells": data}, autosize={"type": "fit-x", "contains": "padding"}, height={"step": 22},
        data={"name": "spells"}, mark={"type": "bar", "cornerRadius": 2},
        encoding={
            "y": {"field": "state", "type": "nominal", "title": None, "sort": {"field": "start", "op": "min"}},
            "x": {"field": "start", "type": "temporal", "title": None, "axis": {"format": "%Y"}},
            "x2": {"field": "end"},
            "color": {"field": "status", "type": "nominal", "title": "Status",
                      "scale": {"domain": statuses, "range": [STATUS_COLORS[s] for s in statuses]}},
            "tooltip": [{"field": "state"}, {"field": "status"}, {"field": "start", "type": "temporal"},
                        {"field": "end", "type": "temporal", "title": "end (or today)"}],
        },
    )
