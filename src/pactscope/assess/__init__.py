"""Assessment reports: does a state need an alliance? Evidence both ways, every number sourced.

``build_report(...)`` collects the evidence into a :class:`~pactscope.assess.model.Report`;
``render_html``, ``render_md`` and ``render_json`` write it out.
"""

from pactscope.assess.build import build_report
from pactscope.assess.formats import MEDIA_TYPES, ReportFormat, default_compare, render, report_states
from pactscope.assess.model import Report

__all__ = ["MEDIA_TYPES", "Report", "ReportFormat", "build_report", "default_compare", "render", "report_states"]
