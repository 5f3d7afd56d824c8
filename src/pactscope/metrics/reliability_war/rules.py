"""Coding options of the war x alliance unit and the presets that follow the published studies."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from pactscope.errors import BadArgument

Compliance = Literal["all", "sabrosky"]
ConditionMode = Literal["strict", "assume-met"]
COMPLIANCE = ("all", "sabrosky")
CONDITION_MODES = ("strict", "assume-met")


@dataclass(frozen=True)
class WarRules:
    """How a war x alliance case is coded.

    ``compliance``: ``all`` (honoured only if every obligated member complies) or ``sabrosky``
    (honoured if at least one obligated member fought alongside and no member fought another).
    ``conditions``: ``strict`` (a condition the data cannot check counts as not met) or
    ``assume-met``. ``wartime``: include alliances formed during the war. ``last_year``: keep
    cases invoked up to this year (None: to the end of the war data).
    """

    preset: str = "bf2018"
    compliance: Compliance = "all"
    conditions: ConditionMode = "strict"
    wartime: bool = True
    last_year: int | None = None

    @property
    def strict(self) -> bool:
        return self.conditions == "strict"


# The studies' own periods (not-a-data-year): LLM 2000 covers 1816-1944; BF 2018 runs to the end of the war list.
PRESETS: dict[str, WarRules] = {
    "bf2018": WarRules(preset="bf2018"),
    "llm2000": WarRules(preset="llm2000", last_year=1944),  # not-a-data-year
}


def resolve(preset: str = "bf2018", *, compliance: str | None = None, conditions: str | None = None,
            wartime: bool | None = None) -> WarRules:
    """The preset's rules with any option given explicitly overriding it."""
    key = (preset or "bf2018").lower()
    if key not in PRESETS:
        raise BadArgument(f"preset: must be one of {', '.join(PRESETS)}, not {preset!r}", suggestions=list(PRESETS))
    if compliance is not None and compliance not in COMPLIANCE:
        raise BadArgument(f"compliance: must be all or sabrosky, not {compliance!r}", suggestions=list(COMPLIANCE))
    if conditions is not None and conditions not in CONDITION_MODES:
        raise BadArgument(f"conditions: must be strict or assume-met, not {conditions!r}",
                          suggestions=list(CONDITION_MODES))
    rules = PRESETS[key]
    changes: dict = {}
    if compliance is not None:
        changes["compliance"] = compliance
    if conditions is not None:
        changes["conditions"] = conditions
    if wartime is not None:
        changes["wartime"] = bool(wartime)
    return replace(rules, **changes) if changes else rules
