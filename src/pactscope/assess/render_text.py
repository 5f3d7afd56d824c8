"""Wording shared by the HTML and Markdown renderers: provenance lines, labels, the subtitle."""

from __future__ import annotations

import json

from pactscope.assess import fmt
from pactscope.assess.model import Provenance, Report, Value

KEY_INTRO = ("The strongest readings on each side, by the rules of the balance section; each line gives its years "
             "and caveats and links to its evidence. The two lists are not weighed against each other.")
SUGGESTS = {"for": "for membership", "against": "against membership", "mixed": "mixed", "no reading": "no reading"}


def _arg(v) -> str:
    if isinstance(v, list) and len(v) > 6 and all(isinstance(x, int) for x in v):
        return f"[{v[0]}, …, {v[-1]}]"
    return json.dumps(v, ensure_ascii=False)


def call_text(prov: Provenance) -> str:
    args = ", ".join(f"{k}={_arg(v)}" for k, v in prov.args.items())
    return f"{prov.metric}({args})"


def prov_text(value: Value) -> str:
    """One line saying where a number comes from."""
    if value.derived:
        a, b = value.derived.inputs
        op = {"sum": "+", "difference": "−", "ratio": "÷"}.get(value.derived.op, value.derived.op)
        return f"({prov_text(a)}) {op} ({prov_text(b)})"
    p = value.prov
    if p is None:
        return "no data"
    rows = ", ".join(f"{k}={_arg(v)}" for k, v in p.row.items())
    column = p.column if isinstance(p.column, str) or p.column is None else "+".join(p.column)
    where = f" where {rows}" if rows else ""
    return f"{call_text(p)} → {p.agg} of {column or 'rows'}{where}"


def subtitle(report: Report) -> str:
    comps = [f"{s.name} ({s.status})" for s in report.states if s.role == "comparison"]
    text = f"Evidence from {report.years[0]} to {report.years[1]} on the {report.alliance_name}."
    if comps:
        text += f" Shown for comparison, as states that are not {report.alliance} members today: {fmt.listing(comps)}."
    return text + " The report sets out evidence on each side and draws no conclusion."


def paragraph_cites(runs) -> list[int]:
    """Data-set citations of a paragraph's numbers not already cited in its text (shown once, at its end)."""
    shown = {n for r in runs if r.kind == "cite" for n in r.refs}
    return sorted({n for r in runs if r.kind == "value" for n in r.cites} - shown)


def table_cites(table) -> list[int]:
    """Citations of a table's numbers (shown once, with its caption)."""
    return sorted({n for row in table.rows for c in row if c.value for n in c.value.cites})


def indicator_groups(report: Report) -> list[tuple[str, list]]:
    """Indicators grouped by rule, in report order: [(rule id, [indicator, ...]), ...]."""
    groups: dict[str, list] = {}
    for i in report.indicators:
        groups.setdefault(i.id.split(":")[0], []).append(i)
    return list(groups.items())


def indicator_note(ind) -> str:
    """The reading of an indicator with its caveat, as one line."""
    return ind.reading + (f" ({ind.caveat})" if ind.caveat else "")


def balance_counts(report: Report) -> str:
    """Why the counts are what they are: readings by side (protection or cost), in words."""
    sides: dict[str, dict[str, int]] = {"protection": {}, "cost": {}}
    for i in report.indicators:
        sides[i.side][i.suggests] = sides[i.side].get(i.suggests, 0) + 1
    parts = []
    for side, words in (("protection", "rules on what membership protects or brings"),
                        ("cost", "rules on its costs and dependence")):
        counts = sides[side]
        total = sum(counts.values())
        shown = ", ".join(f"{counts[k]} {SUGGESTS[k]}" for k in SUGGESTS if counts.get(k))
        parts.append(f"{total} readings of {words} ({shown or 'none'})")
    return ("Each protection rule has a mirror that reads the same question from the other side (named under each rule). "
            f"This report has {parts[0]} and {parts[1]}. Per-state rules give one row for each member state, so the "
            "counts grow with the number of states; they are not a score.")
