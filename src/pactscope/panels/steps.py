"""Named steps for the command line: ``--add atop,nmc,contiguity,...``."""

from __future__ import annotations

from collections.abc import Callable

from pactscope.errors import BadArgument
from pactscope.panels import add_alliances, add_capabilities, add_conflicts, add_contiguity, add_relations, filters, spells
from pactscope.panels.frame import Panel

STEPS: dict[str, Callable[[Panel], Panel]] = {
    "atop": add_alliances.add_atop_alliance,
    "nmc": add_capabilities.add_nmc,
    "majors": add_capabilities.add_cow_majors,
    "contiguity": add_contiguity.add_contiguity,
    "gml-mids": add_conflicts.add_gml_mids,
    "cow-mids": add_conflicts.add_cow_mids,
    "cow-wars": add_conflicts.add_cow_wars,
    "ucdp": add_conflicts.add_ucdp_acd,
    "igos": add_relations.add_igos,
    "rivalries": add_relations.add_rivalries,
    "prd": filters.filter_prd,
    "peace-years": spells.add_peace_years,
}


def parse_steps(spec: str | list[str]) -> list[str]:
    """Split 'atop,nmc' into step names, refusing unknown ones with suggestions."""
    names = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    for name in names:
        if name not in STEPS:
            from rapidfuzz import process

            close = [m[0] for m in process.extract(name, list(STEPS), limit=3, score_cutoff=50)]
            raise BadArgument(f"unknown step {name!r}; steps are: {', '.join(STEPS)}", suggestions=close)
    return names


def apply_steps(panel: Panel, names: list[str], on_step: Callable[[str], None] | None = None) -> Panel:
    for name in names:
        panel = STEPS[name](panel)
        if on_step:
            on_step(name)
    return panel
