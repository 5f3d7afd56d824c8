"""Named groups of states (ISO3) for scenarios, shared by the metrics, reports and interfaces."""

from __future__ import annotations

from rapidfuzz import process

from pactscope.codes import state_iso3
from pactscope.errors import BadArgument

PRESETS: dict[str, list[str]] = {
    "central-asia": ["KAZ", "KGZ", "TJK", "UZB", "TKM"],
    "south-caucasus": ["ARM", "AZE", "GEO"],
    "csto-without-russia": ["ARM", "BLR", "KAZ", "KGZ", "TJK"],
    "csto-central-asia": ["KAZ", "KGZ", "TJK"],
    "turkic-states": ["TUR", "AZE", "KAZ", "KGZ", "UZB"],
    "caspian": ["RUS", "KAZ", "TKM", "IRN", "AZE"],
}


def preset(name: str) -> list[str]:
    """The ISO3 codes of a named preset; BadArgument with close names if unknown."""
    key = name.strip().lower()
    if key not in PRESETS:
        close = [m[0] for m in process.extract(key, list(PRESETS), limit=3, score_cutoff=40)]
        raise BadArgument(f"preset: no preset {name!r}", suggestions=close or sorted(PRESETS))
    return list(PRESETS[key])


def states_of(states: list[str | int] | None = None, preset_name: str | None = None, argument: str = "states") -> list[str]:
    """ISO3 codes from names/codes and/or a preset, deduplicated in order given."""
    codes = preset(preset_name) if preset_name else []
    codes += [state_iso3(s, argument) for s in states or []]
    out = list(dict.fromkeys(codes))
    if not out:
        raise BadArgument(f"{argument}: give at least one state or a preset", suggestions=sorted(PRESETS))
    return out
