"""Named regions (groups of ISO3 codes) for scenarios, shared by the metrics, reports and interfaces.

The regions are data, in ``regions.yaml`` beside this module; :func:`region` is the one reader.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from types import MappingProxyType

import yaml

from pactscope.codes import state_iso3
from pactscope.errors import BadArgument, close_matches


@cache
def regions() -> MappingProxyType[str, tuple[str, ...]]:
    """Every named region: name -> ISO3 codes, in file order."""
    raw = yaml.safe_load((files("pactscope.metrics") / "regions.yaml").read_text(encoding="utf-8"))
    return MappingProxyType({name: tuple(codes) for name, codes in raw.items()})


def region(name: str) -> list[str]:
    """The ISO3 codes of a named region; BadArgument with close names if unknown."""
    key = name.strip().lower()
    known = regions()
    if key not in known:
        close = close_matches(key, known, cutoff=40)
        raise BadArgument(f"region: no region {name!r}", suggestions=close or sorted(known))
    return list(known[key])


def states_of(states: list[str | int] | None = None, region_name: str | None = None, argument: str = "states") -> list[str]:
    """ISO3 codes from names/codes and/or a region, deduplicated in order given."""
    codes = region(region_name) if region_name else []
    codes += [state_iso3(s, argument) for s in states or []]
    out = list(dict.fromkeys(codes))
    if not out:
        raise BadArgument(f"{argument}: give at least one state or a region", suggestions=sorted(regions()))
    return out
