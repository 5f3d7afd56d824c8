"""Turn what a user pasted (bytes, text or HTML) into plain text, or say why not."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pactscope.errors import BadArgument

MAX_CHARS = 200_000
_TAG = re.compile(r"<\s*(?:/?\s*(?:p|div|br|span|a|b|i|em|strong|h[1-6]|li|ul|ol|table|tr|td|body|html|head|article|section)\b|!doctype)", re.I)
_BLOCK = frozenset(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "title", "ul", "ol", "table"])
_SKIP = frozenset({"script", "style", "noscript", "template"})
# C0 controls but tab and newlines, DEL, and C1 controls (U+0080-U+009F, e.g. U+009B, the 8-bit CSI
# of terminal escape sequences)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return len(_TAG.findall(text[:20_000])) >= 2


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment: tags dropped, entities decoded, scripts skipped."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0\n]*", "\n\n", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; BadArgument for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BadArgument(
            f"the input is not UTF-8 text (undecodable byte at offset {exc.start}); save it as UTF-8 and try again"
        ) from None


def prepare(text: str | bytes) -> tuple[str, list[str]]:
    """Plain text ready to read, and notes on what was done to it."""
    if isinstance(text, bytes):
        text = decode(text)
    if not isinstance(text, str):
        raise BadArgument(f"expected text or bytes, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise BadArgument(f"the text has {len(text):,} characters; the reader takes at most {MAX_CHARS:,}")
    notes = []
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 20):
        raise BadArgument(f"the input has {controls} control characters; it looks like binary data, not text")
    if controls:
        text = _CONTROL.sub(" ", text)
        notes.append(f"{controls} control character(s) replaced by spaces")
    if looks_like_html(text):
        text = _CONTROL.sub(" ", html_to_text(text))  # character references may decode to controls
        notes.append("HTML tags removed; offsets refer to the plain text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notes
