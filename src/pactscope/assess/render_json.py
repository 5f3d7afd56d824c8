"""The report as JSON, valid against ``report.schema.json``."""

from __future__ import annotations

from pactscope.assess.model import Report


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=1) + "\n"
