"""Show a ReadResult: the text with its references marked, as HTML or as rich markup."""

from __future__ import annotations

from html import escape as _escape

from rich.markup import escape as rich_escape

from pactscope.reader.model import Mention, ReadResult

RICH_STYLES = {
    "state": "bold cyan",
    "organization": "bold magenta",
    "organ": "magenta",
    "place": "green",
    "person": "yellow",
    "date": "bold blue",
    "event": "bold red",
}


# Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in pasted text
# they could reverse or reorder what the page shows, so they are dropped from the display.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def escape(text: str) -> str:
    """HTML-escaped text without explicit bidi controls."""
    return _escape(text.translate(BIDI_CONTROLS))


def _segments(result: ReadResult) -> list[tuple[str, Mention | None]]:
    """The text cut into plain runs and marked mentions (overlaps keep the earlier one)."""
    out: list[tuple[str, Mention | None]] = []
    pos = 0
    for m in sorted(result.mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue
        if m.start > pos:
            out.append((result.text[pos:m.start], None))
        out.append((result.text[m.start:m.end], m))
        pos = m.end
    if pos < len(result.text):
        out.append((result.text[pos:], None))
    return out


def render_html(result: ReadResult) -> str:
    """An HTML fragment: the marked text, then the linked records and the unplaced references."""
    parts = ['<div class="pactscope-reader">', '<div class="reader-text" dir="auto" style="white-space: pre-wrap">']
    for text, m in _segments(result):
        if m is None:
            parts.append(escape(text))
        else:
            parts.append(
                f'<mark class="ref ref-{m.type}" data-type="{m.type}" data-target="{escape(m.target)}"'
                f' title="{m.type}: {escape(m.target)}"><bdi>{escape(text)}</bdi></mark>'
            )
    parts.append("</div>")
    if result.linked:
        parts.append('<h3>Linked to the ledger</h3><ul class="reader-linked">')
        for link in result.linked:
            reasons = "; ".join(f"<bdi>{escape(r)}</bdi>" for r in link.reasons)
            parts.append(
                f'<li data-id="{escape(link.id)}"><strong><bdi>{escape(link.title)}</bdi></strong>'
                f" ({link.kind} <code>{escape(link.id)}</code>, score {link.score:.2f})"
                f"<br><small>{reasons}</small></li>"
            )
        parts.append("</ul>")
    if result.unlinked:
        parts.append('<h3>Event references not placed in the ledger</h3><ul class="reader-unlinked">')
        for ref in result.unlinked:
            best = f" (closest: {escape(ref.best)}, {ref.best_score:.2f})" if ref.best else ""
            parts.append(f"<li><bdi>{escape(ref.text)}</bdi>{best}</li>")
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def render_rich(result: ReadResult) -> str:
    """Rich console markup: the marked text and a short summary."""
    body = []
    for text, m in _segments(result):
        if m is None:
            body.append(rich_escape(text))
        else:
            body.append(f"[{RICH_STYLES[m.type]}]{rich_escape(text)}[/]")
    lines = ["".join(body), ""]
    lang = result.language
    lines.append(f"[bold]language[/]: {lang.primary}" + (" (mixed)" if lang.mixed else ""))
    for label, values in (("states", result.states), ("organizations", result.organizations),
                          ("organs", result.organs), ("places", result.places),
                          ("persons", result.persons), ("dates", result.dates)):
        if values:
            lines.append(f"[bold]{label}[/]: {rich_escape(', '.join(values))}")
    for link in result.linked:
        lines.append(f"[bold green]linked[/] {link.kind} {rich_escape(link.id)} ({link.score:.2f}): {rich_escape(link.title)}")
        for reason in link.reasons:
            lines.append(f"    {rich_escape(reason)}")
    for ref in result.unlinked:
        best = f" closest {ref.best} ({ref.best_score:.2f})" if ref.best else ""
        lines.append(f"[bold yellow]unlinked[/] {rich_escape(ref.text[:120])}{rich_escape(best)}")
    for note in result.notes:
        lines.append(f"[dim]note: {rich_escape(note)}[/]")
    return "\n".join(lines)
