"""Named steps for the command line: ``--add atop,nmc,contiguity,...``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pactscope.errors import BadArgument, close_matches
from pactscope.panels.add_alliances import add_atop_alliance
from pactscope.panels.add_capabilities import add_cow_majors, add_nmc
from pactscope.panels.add_conflicts import add_cow_mids, add_cow_wars, add_gml_mids, add_ucdp_acd
from pactscope.panels.add_contiguity import add_contiguity
from pactscope.panels.add_relations import add_igos, add_strategic_rivalries
from pactscope.panels.filters import filter_prd
from pactscope.panels.frame import Panel
from pactscope.panels.spells import add_peace_years

STEPS: dict[str, Callable[[Panel], Panel]] = {
    "atop": add_atop_alliance,
    "nmc": add_nmc,
    "majors": add_cow_majors,
    "contiguity": add_contiguity,
    "gml-mids": add_gml_mids,
    "cow-mids": add_cow_mids,
    "cow-wars": add_cow_wars,
    "cow-civil-wars": partial(add_cow_wars, type="intra"),
    "ucdp": add_ucdp_acd,
    "igos": add_igos,
    "strategic-rivalries": add_strategic_rivalries,
    "rivalries": add_strategic_rivalries,
    "prd": filter_prd,
    "peace-years": add_peace_years,
}


def parse_steps(spec: str | list[str]) -> list[str]:
    """Split 'atop,nmc' into step names, refusing unknown ones with suggestions."""
    names = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    for name in names:
        if name not in STEPS:
            close = close_matches(name, STEPS)
            raise BadArgument(f"unknown step {name!r}; steps are: {', '.join(STEPS)}", suggestions=close)
    return names


def apply_steps(panel: Panel, names: list[str], on_step: Callable[[str], None] | None = None) -> Panel:
    for name in names:
        panel = STEPS[name](panel)
        if on_step:
            on_step(name)
    return panel
