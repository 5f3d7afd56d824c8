"""A self-contained HTML report: inline CSS, inline Vega JS and world map, no network needed."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from pactscope.assess import render_text
from pactscope.assess.charts import WORLD_URL
from pactscope.assess.keypoints import heading
from pactscope.assess.model import Report

HERE = Path(__file__).parent
VENDOR = HERE / "assets" / "vendor"
VENDOR_FILES = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")


@cache
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(prov_text=render_text.prov_text, suggests=render_text.SUGGESTS,
                       paragraph_cites=render_text.paragraph_cites, table_cites=render_text.table_cites)
    return env


@cache
def _asset(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _script_json(obj) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def render_html(report: Report) -> str:
    charts = {b.id: b.spec for s in report.sections for b in s.blocks if b.kind == "chart"}
    needs_world = any(WORLD_URL in json.dumps(spec) for spec in charts.values())
    return _env().get_template("report.html.j2").render(
        report=report, subtitle=render_text.subtitle(report),
        css=_asset(HERE / "templates" / "report.css"), script=_asset(HERE / "templates" / "report.js"),
        vendor=[_asset(VENDOR / f) for f in VENDOR_FILES],
        specs=_script_json(charts), world=_asset(HERE / "assets" / "countries-110m.json").replace("</", "<\\/") if needs_world else "null",
        world_url=WORLD_URL, states={s.iso3: s.name for s in report.states},
        sections={s.id: s.title for s in report.sections}, groups=render_text.indicator_groups(report),
        balance_cites=sorted({n for i in report.indicators for n in i.value.cites}),
        balance_counts=render_text.balance_counts(report), key_heading=heading, key_intro=render_text.KEY_INTRO,
        rule_labels={i.id.split(":")[0]: i.label for i in report.indicators},
    )
