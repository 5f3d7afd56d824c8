"""Assessment reports: does a state need an alliance? Evidence both ways, every number sourced.

``build_report(...)`` collects the evidence into a :class:`~pactscope.assess.model.Report`;
``render_html``, ``render_md`` and ``render_json`` write it out.
"""

from pactscope.assess.build import build_report
from pactscope.assess.model import Report

__all__ = ["Report", "build_report"]
