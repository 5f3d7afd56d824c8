"""Templates and responses: a Jinja2 environment with autoescape, and JSON that is safe to embed."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from fastapi.responses import JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from pactscope.assess import render_text
from pactscope.ledger.frames_footprint import shown_date
from pactscope.web import charts, views

TEMPLATES = files("pactscope.web") / "templates"


def dumps(value: Any) -> str:
    """Compact JSON with <, > and & escaped, so it can sit inside HTML or a script element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class SafeJSONResponse(JSONResponse):
    """A JSON response whose text never holds a raw angle bracket or ampersand."""

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


def attachment(body: str | bytes, media_type: str, filename: str) -> Response:
    """A download: the body with a Content-Disposition naming the file."""
    return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _number(value, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def _percent(value) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _words(value: str | None) -> str:
    """A controlled term such as ``fact-finding-mission`` as words."""
    return "–" if value in (None, "") else str(value).replace("-", " ").replace("_", " ")


def _day(day, precision: str | None) -> Markup:
    """A ledger date as precise as it is known, in a ``<time>`` element that does not wrap."""
    text = escape(shown_date(day, precision))
    return Markup(f'<time datetime="{text}">{text}</time>') if text else Markup("")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=_number, percent=_percent, words=_words, state_name=views.state_name,
                       day=_day)
    env.globals.update(prov_text=render_text.prov_text, paragraph_cites=render_text.paragraph_cites,
                       table_cites=render_text.table_cites, suggests=render_text.SUGGESTS, localize=charts.localize)
    env.policies["json.dumps_function"] = lambda value, **_: dumps(value)
    return env


def render(name: str, **context: Any) -> str:
    """Render a template to a string."""
    return environment().get_template(name).render(**context)
