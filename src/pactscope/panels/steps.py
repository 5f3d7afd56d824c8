"""Named steps for the command line: ``--add atop,nmc,contiguity,...``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pactscope.panels as ps
from pactscope.errors import BadArgument, close_matches
from pactscope.panels.frame import Panel, PanelKind
from pactscope.panels.whittle import dispute_years, whittle

STEPS: dict[str, Callable[[Panel], Panel]] = {
    "atop": ps.add_atop_alliance,
    "nmc": ps.add_nmc,
    "majors": ps.add_cow_majors,
    "contiguity": ps.add_contiguity,
    "gml-mids": ps.add_gml_mids,
    "cow-mids": ps.add_cow_mids,
    "cow-wars": ps.add_cow_wars,
    "cow-civil-wars": partial(ps.add_cow_wars, type="intra"),
    "ucdp": ps.add_ucdp_acd,
    "ucdp-onsets": ps.add_ucdp_onsets,
    "igos": ps.add_igos,
    "strategic-rivalries": ps.add_strategic_rivalries,
    "rivalries": ps.add_strategic_rivalries,
    "democracy": ps.add_democracy,
    "gdppop": ps.add_sim_gdp_pop,
    "capital-distance": ps.add_capital_distance,
    "minimum-distance": ps.add_minimum_distance,
    "territorial-threat": ps.add_latent_territorial_threat,
    "creg": ps.add_creg_fractionalization,
    "rugged": ps.add_rugged_terrain,
    "cow-trade": ps.add_cow_trade,
    "ccode": ps.add_ccode_to_gw,
    "gwcode": ps.add_gwcode_to_cow,
    "archigos": ps.add_archigos,
    "lead": ps.add_lead,
    "lwuf": ps.add_lwuf,
    "prd": ps.filter_prd,
    "peace-years": ps.add_peace_years,
    "spells": ps.add_spells,
}


def parse_steps(spec: str | list[str]) -> list[str]:
    """Split 'atop,nmc' into step names, refusing unknown ones with suggestions."""
    names = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    for name in names:
        if name not in STEPS:
            close = close_matches(name, STEPS)
            raise BadArgument(f"unknown step {name!r}; steps are: {', '.join(STEPS)}", suggestions=close)
    return names


MID_STEPS = {"gml-mids": "gml", "cow-mids": "cow-mid"}


def apply_steps(
    panel: Panel, names: list[str], on_step: Callable[[str], None] | None = None, whittle_rules: list[str] | None = None
) -> Panel:
    """Run the named steps in order; with ``whittle_rules`` the MID steps merge dispute-years
    whittled by those rules (``whittle_conflicts_*``) instead of peacesciencer's bundled choice."""
    if whittle_rules and not MID_STEPS.keys() & set(names):
        raise BadArgument("--whittle chooses among the disputes of gml-mids or cow-mids; add one of them to --add")
    for name in names:
        if whittle_rules and name in MID_STEPS:
            leaders = panel.kind is PanelKind.leader_dyad_year
            disputes = whittle(dispute_years(MID_STEPS[name], leaders=leaders), whittle_rules)  # type: ignore[arg-type]
            panel = STEPS[name](panel, disputes=disputes)  # type: ignore[call-arg]
        else:
            panel = STEPS[name](panel)
        if on_step:
            on_step(name)
    return panel
