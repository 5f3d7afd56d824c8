"""How numbers are written in the report (one place, so every renderer agrees)."""

from __future__ import annotations

DASH = "—"


def number(value, unit: str) -> str:
    if value is None:
        return DASH
    if unit == "share":
        return f"{value * 100:.1f}%"
    if unit == "difference":
        return f"{value * 100:+.1f} points"
    if unit == "ratio":
        return f"{value:.2f}"
    if unit == "index":
        return f"{value:.3g}" if value else "0"
    if unit == "usd_thousands":
        usd = value * 1000
        if usd >= 1e9:
            return f"${usd / 1e9:,.1f} bn"
        return f"${usd / 1e6:,.0f} m"
    if unit == "thousands":
        return f"{value / 1000:,.1f} m" if value >= 1000 else f"{value:,.0f} k"
    if unit == "year":
        return str(int(value))
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def span(a, b) -> str:
    return f"{a}–{b}" if a != b else str(a)


def listing(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def label(term: str | None) -> str:
    """A controlled-vocabulary term as words: 'military-deployment' -> 'military deployment'."""
    return DASH if term is None else term.replace("-", " ").replace("_", " ")


def org(oid: str) -> str:
    """An organization id as it reads in a sentence: 'the CSTO', but 'NATO'."""
    return oid if oid == "NATO" else f"the {oid}"


def the(name: str) -> str:
    """A state's name as the subject of a sentence: 'the United States', 'Russia'."""
    return f"the {name}" if name.startswith(("United ", "Netherlands", "Philippines", "Gambia", "Bahamas")) else name


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def years(values) -> str:
    """Sorted years with runs collapsed: [1992, 1993, 1994, 1997] -> '1992–1994, 1997'."""
    ys = sorted({int(v) for v in values})
    runs: list[list[int]] = []
    for y in ys:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(span(a, b) for a, b in runs)


def possessive(name: str) -> str:
    """'Russia' -> "Russia's", 'United States' -> "the United States'"."""
    name = the(name)
    return f"{name}'" if name.endswith("s") else f"{name}'s"
