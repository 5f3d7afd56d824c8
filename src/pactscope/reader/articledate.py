"""The article's own date: HTML metadata, a `Date:` line, or a dateline near the top.

Years for year-less dates and every relative date ("last year", "أيلول الماضي") are read
from it.  A date given by the caller (`--date`) wins over all of these.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?"
_HTML = [
    re.compile(r"<meta[^>]+(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|og:published_time|"
               r"datePublished|pubdate|publishdate|publish-date|date|dc\.date(?:\.issued)?|sailthru\.date)[\"'][^>]*?"
               rf"content\s*=\s*[\"']\s*{_ISO}", re.I),
    re.compile(rf"<meta[^>]+content\s*=\s*[\"']\s*{_ISO}[^>]*(?:property|name|itemprop)\s*=\s*[\"']"
               r"(?:article:published_time|datePublished|pubdate|date)[\"']", re.I),
    re.compile(rf"[\"']datePublished[\"']\s*:\s*[\"']\s*{_ISO}", re.I),
    re.compile(rf"<time[^>]+datetime\s*=\s*[\"']\s*{_ISO}", re.I),
]
_LINE = re.compile(
    r"^\s*(?:date|published|posted|updated|dated|дата(?: публикации)?|опубликовано|التاريخ|تاريخ النشر|نشر في)"
    r"\s*[:：]\s*(?P<rest>.{4,60})$", re.I | re.M)
HEAD_LINES = 12  # a Date: line must stand among the first lines of the text


def _from_match(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"] or 1))
    except ValueError:
        return None


def from_html(raw: str) -> dt.date | None:
    """`article:published_time`, `datePublished`, `<time datetime>` and kindred metadata."""
    head = raw[:200_000]
    for pattern in _HTML:
        if (m := pattern.search(head)) and (found := _from_match(m)):
            return found
    return None


def from_date_line(plain: str) -> dt.date | None:
    """A `Date: ...` (or `Published:`, `Дата:`, `التاريخ:`) line among the first lines."""
    from pactscope.reader.dates import find_dates
    from pactscope.reader.normalize import fold

    head = "\n".join(plain.splitlines()[:HEAD_LINES])
    for m in _LINE.finditer(head):
        rest = fold(m["rest"])
        iso = re.match(_ISO, rest.strip())
        if iso and (found := _from_match(iso)):
            return found
        for hit in find_dates(rest, None):
            if hit.precision in ("day", "month"):
                return hit.first
    return None
