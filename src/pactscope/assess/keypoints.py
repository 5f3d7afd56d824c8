"""The first screen: the strongest evidence on each side, one quotable line per rule, with its years
and caveats and a link to its section. No verdict: the two lists are shown side by side.

A line's side is its reading (``for`` or ``against``). Rules whose reading is ``mixed`` but whose
number leans one way (a rate above or below one half whose interval includes it) follow, marked as
weak. Lines keep the order of the rules (section order); at most ``MOST`` per side.
"""

from __future__ import annotations

from pactscope.assess import fmt
from pactscope.assess.indicators import RULES
from pactscope.assess.model import Indicator, KeyPoint

MOST = 8


def _lean(ind: Indicator) -> str | None:
    """The side a mixed reading leans to, if its number is off the pivot."""
    rule = RULES[ind.id.split(":")[0]]
    if ind.suggests != "mixed" or ind.value.value is None or ind.value.value == rule.pivot:
        return None
    above = ind.value.value > rule.pivot
    return rule.high if above else rule.low


def _values(items: list[Indicator]) -> str:
    """The numbers of a line: one per state, or one for all when they are the same figure."""
    first = items[0]
    if len(items) == 1:
        return f"{first.about} {first.value.text}" if first.state else first.value.text
    tails = {i.about.split(": ", 1)[-1] for i in items}
    if len({i.value.text for i in items}) == 1 and len(tails) == 1 and ": " in first.about:
        states = fmt.listing([i.about.split(": ", 1)[0] for i in items])
        return f"{tails.pop()} {first.value.text} (for {states})"
    return "; ".join(f"{i.about} {i.value.text}" for i in items)


def _caveats(items: list[Indicator]) -> list[str]:
    """Caveats said once when they hold for every item, else with the state they belong to."""
    parts = []
    for i in items:
        own = [c for c in (i.caveat or "").split("; ") if c]
        if "; rests on" in i.reading:
            own.append(i.reading.rsplit("; ", 1)[1])
        parts.append((i, own))
    common = set.intersection(*(set(p) for _, p in parts)) if parts else set()
    out = [c for c in parts[0][1] if c in common]
    for i, own in parts:
        who = i.about.split(": ", 1)[0]
        out += [f"{who}: {c}" if len(items) > 1 else c for c in own if c not in common]
    if len(items) > 1 and any("agreement with each power" in c for c in out):
        out = [c for c in out if "agreement with each power" not in c] + ["each power's agreement is in the section"]
    return out


def _line(rule_id: str, items: list[Indicator], weak: bool) -> KeyPoint:
    first = items[0]
    years = sorted({i.years for i in items if i.years})
    why = first.reading.split(": ", 1)[1] if ": " in first.reading else first.reading
    text = f"{first.label}: {_values(items)}" + (f" — {why}" if not weak and len(items) == 1 else "")
    flag = ["weak: the interval includes 50%" if RULES[rule_id].kind == "interval" else "weak: near the threshold"]
    caveat = "; ".join((flag if weak else []) + _caveats(items)) or None
    return KeyPoint(text=text, years=", ".join(years), caveat=caveat, section=first.section,
                    indicators=[i.id for i in items], weak=weak)


def key_points(indicators: list[Indicator]) -> dict[str, list[KeyPoint]]:
    """{"for": [...], "against": [...]}: up to MOST lines per side, strong readings first."""
    out: dict[str, list[KeyPoint]] = {"for": [], "against": []}
    for weak in (False, True):
        for side in out:
            groups: dict[str, list[Indicator]] = {}
            for ind in indicators:
                lean = _lean(ind) if weak else (ind.suggests if ind.suggests in out else None)
                if lean == side:
                    groups.setdefault(ind.id.split(":")[0], []).append(ind)
            for rule_id, items in groups.items():
                if len(out[side]) < MOST:
                    out[side].append(_line(rule_id, items, weak))
    return out


def heading(side: str, alliance: str) -> str:
    return (f"Evidence that membership of {fmt.org(alliance)} protects or helps" if side == "for"
            else f"Evidence that membership of {fmt.org(alliance)} costs, binds or fails")
