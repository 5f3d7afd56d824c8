"""The report as Markdown: the same sections, tables, indicators and numbered sources."""

from __future__ import annotations

from pactscope.assess import render_text
from pactscope.assess.keypoints import heading
from pactscope.assess.model import Chart, Paragraph, Report, Table, Value


def _cites(refs: list[int]) -> str:
    return "".join(f"[[{n}]](#src-{n})" for n in refs)


def _value(v: Value) -> str:
    return v.text


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _paragraph(p: Paragraph) -> str:
    out = []
    for r in p.runs:
        out.append(r.text if r.kind == "text" else _value(r) if r.kind == "value" else _cites(r.refs))
    return "".join(out) + _cites(render_text.paragraph_cites(p.runs))


def _table(t: Table) -> list[str]:
    lines = [f"**{t.caption}**{_cites(render_text.table_cites(t))}", "", "| " + " | ".join(_esc(c.label) for c in t.columns) + " |",
             "|" + "|".join("---:" if c.numeric else "---" for c in t.columns) + "|"]
    for row in t.rows:
        cells = []
        for c in row:
            text = _value(c.value) if c.value else _esc(c.text) + _cites(c.cites)
            if c.value and c.cites:
                text += _cites(c.cites)
            cells.append(f"**{text}**" if c.emphasis and text else text)
        lines.append("| " + " | ".join(cells) + " |")
    if t.note:
        lines += ["", f"*{t.note}*"]
    return lines + [""]


def _chart(c: Chart) -> list[str]:
    return [f"*Chart — {c.title}:* {c.description}{_cites(c.cites)} (drawn in the HTML version; its data are in the JSON "
            "version.)", ""]


def _balance(report: Report) -> list[str]:
    titles = {s.id: s.title for s in report.sections}
    cited = sorted({n for i in report.indicators for n in i.value.cites})
    labels = {i.id.split(":")[0]: i.label for i in report.indicators}
    lines = [f"Numbers from the data sets cited in the sections above{_cites(cited)}. {render_text.balance_counts(report)}", ""]
    for _, items in render_text.indicator_groups(report):
        first = items[0]
        mirror = labels.get(first.mirror, first.mirror)
        lines += [f"**{first.label}** ({titles.get(first.section, first.section)}; {first.side}). Rule: {first.rule} "
                  f"Mirror: {'itself, read from the other side' if first.mirror == first.id.split(':')[0] else mirror}.", "",
                  "| About | Years | Value | Suggests | Reading |", "|---|---|---:|---|---|"]
        lines += [f"| {_esc(i.about)} | {i.years} | {i.value.text} | {render_text.SUGGESTS[i.suggests]} | "
                  f"{_esc(render_text.indicator_note(i))} |" for i in items]
        lines.append("")
    return lines


def render_md(report: Report) -> str:
    lines = [f"# {report.title}", "", render_text.subtitle(report), "", render_text.KEY_INTRO, ""]
    titles = {s.id: s.title for s in report.sections}
    for side in ("for", "against"):
        lines += [f"**{heading(side, report.alliance)}**", ""]
        for k in report.key_points.get(side, []) or []:
            lines.append(f"- {k.text}" + (f" ({k.years})" if k.years else "") + (f". Caveat: {k.caveat}" if k.caveat else "")
                         + f". [{titles.get(k.section, k.section)}](#{k.section})")
        lines.append("")
    for s in report.sections:
        lines += [f"## {s.title}", "", f"*{s.question}*", ""]
        for b in s.blocks:
            if b.kind == "paragraph":
                lines += [_paragraph(b), ""]
            elif b.kind == "heading":
                lines += [f"### {b.text}", ""]
            elif b.kind == "details":
                lines += [f"**{b.title}**", ""] + [line for p in b.items for line in (f"- {_paragraph(p)}",)] + [""]
            elif b.kind == "table":
                lines += _table(b)
            else:
                lines += _chart(b)
        if s.id == "balance":
            lines += _balance(report)
    lines += ["## Sources", ""]
    for src in report.sources:
        if src.kind == "dataset":
            text = f"**{src.title}**{', version ' + src.version if src.version else ''} (data set `{src.id}`). {src.reference}"
            text += f" <{src.url}>" if src.url else ""
        else:
            text = f"{src.publisher}{f' ({src.date})' if src.date else ''}. [{_esc(src.title)}]({src.url})."
        lines.append(f"{src.n}. <a id=\"src-{src.n}\"></a>{text}")
    f = report.footer
    lines += ["", "---", "", f"Command: `{f.command}`  ", f"Generated {f.generated} with pactscope {f.pactscope_version}; "
              f"ledger version `{f.ledger_version}`.  ",
              "Data versions: " + "; ".join(f"`{d.name}` {d.version or ''}".strip() for d in f.data_versions) + ".", ""]
    return "\n".join(lines)
