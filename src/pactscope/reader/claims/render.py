"""Claims as HTML (escaped, right-to-left sentences isolated in <bdi>) and as terminal text."""

from __future__ import annotations

from html import escape

from pactscope.reader.claims.model import Claim


def verdict_label(claim: Claim) -> str:
    return _LABEL.get(claim.verdict, "evidence")


_LABEL = {"consistent": "consistent", "inconsistent": "inconsistent", "partly": "partly",
          "not-checkable": "not checkable", None: "evidence"}


def record_text(claim: Claim, record: dict) -> str:
    """One line for one record (a case's value, or an item of evidence on the organization)."""
    if claim.field == "response":
        return f"{record.get('level')} ({', '.join(record.get('actions') or []) or 'no action'})"
    if claim.field == "request":
        article = f", Art. {record['article']}" if record.get("article") else ""
        return f"request made: {record.get('made')}{article}"
    if claim.field == "trigger":
        return f"triggered: {record.get('triggered')}"
    kind = record.get("kind")
    if kind == "clause":
        notice = f"; notice {record['notice_months']} months" if record.get("notice_months") else ""
        return f"{record.get('document')} Art. {record.get('article')}: {record.get('paraphrase')}{notice}"
    if kind == "exit":
        return f"{record.get('state')} left on {record.get('date')} ({record.get('how')})"
    if kind == "case-record":
        levels = ", ".join(f"{k} {v}" for k, v in (record.get("strongest_response") or {}).items())
        return (f"{record.get('cases')} recorded cases; requests made in {record.get('requests_made')}; "
                f"obligation triggered in {record.get('triggered')}; strongest responses: {levels}")
    if kind == "metric":
        figures = record.get("figures")
        return figures if isinstance(figures, str) else f"see {record.get('command')}"
    if kind == "meeting":
        return f"{record.get('date')} {record.get('place')}: chair {record.get('chair')}"
    if kind == "membership":
        others = "; ".join(f"{status}: {', '.join(states)}" for status, states in (record.get("other") or {}).items())
        return (f"members on {record.get('date')}: {', '.join(record.get('members') or []) or 'none'}"
                + (f"; {others}" if others else ""))
    return ", ".join(f"{k}: {v}" for k, v in record.items() if k != "sources")


def asserted_text(claim: Claim) -> str:
    """What the claim says, on the ledger's terms, in one line."""
    a = claim.asserted
    if claim.field == "response":
        said = a["min"] if a["min"] == a["max"] else f"{a['min']} .. {a['max']}"
        return f"response {said}" + (f" (judgement: {', '.join(a['judgement'])})" if a.get("judgement") else "")
    if claim.field == "request":
        return f"request made: {a['made']}" + (f", Art. {a['article']}" if a.get("article") else "")
    if claim.field == "trigger":
        return f"triggered: {a['triggered']} (Art. {a['article']})"
    return f"about the organization: {a.get('topic')}"


def claims_html(claims: list[Claim]) -> str:
    """A section listing each claim beside its evidence."""
    if not claims:
        return '<section class="claims"><h2>Claims</h2><p>No claim about a recorded case or organization was found.</p></section>'
    rows = []
    for c in claims:
        verdict = c.verdict or "evidence"
        record = "".join(f"<li>{('<b>' + escape(r['id']) + '</b>: ') if r.get('id') and c.field != 'structure' else ''}"
                         f"{escape(record_text(c, r))}</li>" for r in c.record) or "<li>nothing recorded</li>"
        sources = "".join(f'<li><a href="{escape(s["url"])}" rel="noopener">{escape(s.get("publisher") or s["id"])}: '
                          f'{escape(s.get("title") or "")}</a></li>' for s in c.sources if s.get("url"))
        words = ", ".join(escape(w) for w in c.asserted.get("words", []))
        said = escape(asserted_text(c)) + (f' — <bdi dir="auto">{words}</bdi>' if words else "")
        rows.append(
            f'<article class="claim verdict-{escape(verdict)}">'
            f'<p class="claim-sentence"><bdi dir="auto">{escape(c.sentence)}</bdi></p>'
            f'<dl><dt>Says</dt><dd>{said}</dd>'
            f'<dt>About</dt><dd>{escape(c.about)}: {escape(", ".join(c.ids) or "no recorded case")}</dd>'
            f'<dt>Record</dt><dd><ul>{record}</ul></dd>'
            f'<dt>Verdict</dt><dd><strong>{escape(_LABEL.get(c.verdict, verdict))}</strong>: {escape(c.rule)}</dd>'
            + (f'<dt>Sources</dt><dd><ul>{sources}</ul></dd>' if sources else "") + "</dl></article>")
    return '<section class="claims"><h2>Claims</h2>' + "".join(rows) + "</section>"


def claims_text(claims: list[Claim]) -> str:
    """Plain lines for the terminal (rich markup escaped by the caller's console)."""
    if not claims:
        return "Claims: none found."
    lines = ["Claims:"]
    for c in claims:
        lines.append(f"- [{verdict_label(c)}] {c.sentence}")
        lines.append(f"  says {asserted_text(c)}; about {c.about} {', '.join(c.ids) or '(no recorded case)'}")
        for r in c.record:
            lines.append(f"  record {r.get('id', '')}: {record_text(c, r)}".rstrip())
        lines.append(f"  rule: {c.rule}")
    return "\n".join(lines)
