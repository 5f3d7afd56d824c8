"""What every interface needs to serve a report: its formats, their media types, the one render
function, the states of a request and the default second alliance."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from pactscope.errors import BadArgument

if TYPE_CHECKING:  # kept light: the CLI imports the format enum while drawing its help
    from pactscope.assess.model import Report


class ReportFormat(StrEnum):
    html = "html"
    md = "md"
    json = "json"


MEDIA_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "json": "application/json"}


def render(report: Report, fmt: str | ReportFormat) -> str:
    """The report as text in one of :class:`ReportFormat`."""
    from pactscope.assess.render_html import render_html
    from pactscope.assess.render_json import render_json
    from pactscope.assess.render_md import render_md

    renderers = {"html": render_html, "md": render_md, "json": render_json}
    key = str(getattr(fmt, "value", fmt))
    if key not in renderers:
        raise BadArgument(f"format: {key!r} is not one of {', '.join(renderers)}", suggestions=list(renderers))
    return renderers[key](report)


def report_states(members: Iterable[str] | None = None, region: str | None = None) -> list[str]:
    """ISO3 codes of a report's states: a region's, else the members given (names or codes), in order.
    BadArgument when neither is given."""
    from pactscope.codes import state_iso3
    from pactscope.metrics.regions import region as region_states

    if region:
        return region_states(region)
    if members:
        return list(dict.fromkeys(state_iso3(m, "members") for m in members))
    raise BadArgument("give members or a region", suggestions=["a member such as KAZ", "a region such as central-asia"])


def default_compare(oid: str) -> str:
    """The second alliance shown beside ``oid``: NATO, or the CSTO when the alliance is NATO."""
    return "CSTO" if oid == "NATO" else "NATO"
