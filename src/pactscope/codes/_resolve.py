"""Turn a code or a name into one crosswalk row."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pactscope.codes._model import State
from pactscope.codes._normalize import normalize
from pactscope.codes._table import Crosswalk, crosswalk
from pactscope.errors import UnknownState

System = Literal["cow", "gw"]


def _overlap(cw: Crosswalk, i: int, year: int) -> int:
    """Days of `year` covered by row i (negative when it misses the year)."""
    lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    return min(cw.end[i], hi) - max(cw.start[i], lo)


def _in_year(cw: Crosswalk, rows: list[int], year: int) -> list[int]:
    return [i for i in rows if _overlap(cw, i, year) >= 0]


def _best(cw: Crosswalk, rows: list[int], year: int | None) -> int:
    """The row covering most of `year`, or the most recent row when year is None."""
    if year is None:
        return max(rows, key=lambda i: cw.start[i])
    return max(rows, key=lambda i: (_overlap(cw, i, year), cw.start[i]))


def _spells(cw: Crosswalk, rows: list[int]) -> list[str]:
    return [str(cw.states[i]) for i in sorted(rows, key=lambda i: cw.start[i])]


def _by_code(cw: Crosswalk, rows: list[int], year: int | None, label: str) -> State:
    """Code lookups are strict: the code itself must be valid in `year`."""
    if year is not None:
        hits = _in_year(cw, rows, year)
        if not hits:
            raise UnknownState(f"{label} has no spell in {year}", suggestions=_spells(cw, rows)[-3:])
        rows = hits
    return cw.states[_best(cw, rows, year)]


def _by_name(cw: Crosswalk, rows: list[int], year: int | None, text: str) -> State:
    """Name lookups pick the state (lineage) first, then its row for `year`.

    Without a year, rows that carry the name as their display name win over rows
    that only list it as a variant (so "Yugoslavia" is not post-2006 Serbia).
    """
    key = normalize(text)
    if year is None:
        rows = [i for i in rows if key in cw.primary[i]] or rows
    lineages = list(dict.fromkeys(cw.lineage[i] for i in rows))
    if year is not None:
        found = {lin: _in_year(cw, cw.by_lineage[lin], year) for lin in lineages}
        found = {lin: hits for lin, hits in found.items() if hits}
        if len(found) == 1:
            return cw.states[_best(cw, next(iter(found.values())), year)]
        if not found:
            raise UnknownState(f"{text!r} names no state that existed in {year}", suggestions=_spells(cw, rows)[-3:])
        options = [str(cw.states[_best(cw, hits, year)]) for hits in found.values()]
        raise UnknownState(f"{text!r} is ambiguous in {year}", suggestions=options)
    if len(lineages) > 1:
        current = [lin for lin in lineages if cw.end[_best(cw, cw.by_lineage[lin], None)] == max(cw.end)]
        if len(current) != 1:
            options = [str(cw.states[_best(cw, [i for i in rows if cw.lineage[i] == lin], None)]) for lin in lineages]
            raise UnknownState(f"{text!r} is ambiguous", suggestions=options)
        rows = [i for i in rows if cw.lineage[i] == current[0]]
    return cw.states[_best(cw, rows, None)]


def suggest(cw: Crosswalk, key: str, limit: int = 3) -> list[str]:
    """Up to `limit` names of distinct states closest to a normalised key."""
    from rapidfuzz import fuzz, process  # only needed on the error path

    out: list[str] = []
    seen: set[int] = set()
    for match, _score, _ in process.extract(key, cw.display.keys(), scorer=fuzz.WRatio, limit=limit * 6):
        lin = cw.lineage[cw.by_name[match][0]]
        if lin not in seen:
            seen.add(lin)
            out.append(cw.display[match])
        if len(out) == limit:
            break
    return out


def _code(cw: Crosswalk, code: int, year: int | None, system: System | None) -> State:
    cow, gw = cw.by_ccode.get(code), cw.by_gwcode.get(code)
    if system == "gw" or (system is None and cow is None and gw is not None):
        if gw is None:
            raise UnknownState(f"no GW state has code {code}")
        return _by_code(cw, gw, year, f"GW code {code}")
    if cow is None:
        raise UnknownState(f"no COW state has code {code}" + ("" if gw is None else " (it is a GW code: use system='gw')"))
    return _by_code(cw, cow, year, f"COW code {code}")


def resolve(x: str | int, *, year: int | None = None, system: System | None = None) -> State:
    """Find the crosswalk row for a code (COW/GW number, ISO3, COW letters) or a name.

    With `year`, the row valid in that year (the one covering most of it where two
    meet); without, the most recent one. Numbers are COW codes unless `system="gw"`
    or no COW state uses them. Three-letter codes are ISO3 first, COW letters second
    (the other way round with `system="cow"`). Raises UnknownState.
    """
    if system not in (None, "cow", "gw"):
        raise UnknownState(f"unknown code system {system!r}", suggestions=["cow", "gw"])
    cw = crosswalk()
    if isinstance(x, int) and not isinstance(x, bool):
        return _code(cw, x, year, system)
    if not isinstance(x, str):
        raise UnknownState(f"cannot resolve a {type(x).__name__}: {x!r}")
    text = x.strip()
    if text.isascii() and text.isdigit():
        return _code(cw, int(text), year, system)
    if len(text) == 3 and text.isascii() and text.isalpha():
        indexes = [(cw.by_iso3, "ISO3"), (cw.by_abb, "COW abbreviation")]
        for index, label in indexes[::-1] if system == "cow" else indexes:
            if text.upper() in index:
                return _by_code(cw, index[text.upper()], year, f"{label} {text.upper()}")
    key = normalize(text)
    if key in cw.by_name:
        return _by_name(cw, cw.by_name[key], year, x)
    raise UnknownState(f"unknown state {x!r}", suggestions=suggest(cw, key) if key else [])
