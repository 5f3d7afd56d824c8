"""Assessment reports: does a state need an alliance? Evidence both ways, every number sourced.

``build_report(...)`` collects the evidence into a :class:`~pactscope.assess.model.Report`;
``render(report, fmt)`` writes it out as HTML, Markdown or JSON.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "build_report": "pactscope.assess.build",
    "MEDIA_TYPES": "pactscope.assess.formats",
    "ReportFormat": "pactscope.assess.formats",
    "default_compare": "pactscope.assess.formats",
    "render": "pactscope.assess.formats",
    "report_states": "pactscope.assess.formats",
    "Report": "pactscope.assess.model",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import on first use, so that the CLI's help never loads the data stack."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pactscope.assess' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
