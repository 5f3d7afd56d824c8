"""Code look-ups that the upper layers share: a state's ISO3, and the state behind a code in a year."""

from __future__ import annotations

from functools import lru_cache

from pactscope.codes._model import State
from pactscope.codes._resolve import System, resolve
from pactscope.errors import UnknownState


def _lookup(x: str | int, year: int | None, system: System | None) -> State:
    """The crosswalk row of ``x`` in ``year``, else its latest row (codes outlive some spells,
    e.g. ATOP lists West Germany, COW 260, in NATO from 1954 while COW starts it in 1955)."""
    try:
        return resolve(x, year=year, system=system)
    except UnknownState:
        if year is None:
            raise
        return resolve(x, system=system)


@lru_cache(maxsize=16384)
def coded_state(code: int, year: int, system: System) -> tuple[str | None, str]:
    """(ISO3, name) of a COW (``system="cow"``) or GW code in a year; (None, "COW 999") if unknown."""
    try:
        s = _lookup(int(code), year, system)
    except UnknownState:
        return None, f"{system.upper()} {code}"
    return s.iso3, s.name


@lru_cache(maxsize=8192)
def iso_state(iso3: str, year: int | None = None) -> tuple[int | None, int | None, str]:
    """(COW code, GW code, name) of an ISO3 code, as of ``year`` when given."""
    s = _lookup(iso3, year, None)
    return s.ccode, s.gwcode, s.name


def state_iso3(x: str | int, argument: str = "state") -> str:
    """ISO3 of a state given by name or code; UnknownState names the argument."""
    try:
        s = resolve(x)
    except UnknownState as exc:
        raise UnknownState(f"{argument}: unknown state {x!r}", suggestions=exc.suggestions) from None
    if s.iso3 is None:
        raise UnknownState(f"{argument}: {s.name} has no ISO3 code")
    return s.iso3
