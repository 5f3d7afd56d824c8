"""Panels in the manner of peacesciencer: ``create_*`` builds a frame, ``add_*`` joins columns on."""

from pactscope.panels.add_alliances import add_atop_alliance
from pactscope.panels.add_capabilities import add_cow_majors, add_nmc
from pactscope.panels.add_conflicts import add_cow_mids, add_cow_wars, add_gml_mids, add_ucdp_acd, add_ucdp_onsets
from pactscope.panels.add_contiguity import add_contiguity
from pactscope.panels.add_relations import add_igos, add_rivalries, add_strategic_rivalries
from pactscope.panels.add_states import (
    add_capital_distance,
    add_cow_trade,
    add_creg_fractionalization,
    add_democracy,
    add_latent_territorial_threat,
    add_minimum_distance,
    add_rugged_terrain,
    add_sim_gdp_pop,
)
from pactscope.panels.create import create_dyadyears, create_statedays, create_stateyears
from pactscope.panels.crosswalk import add_ccode_to_gw, add_gwcode_to_cow
from pactscope.panels.filters import filter_prd, filter_years
from pactscope.panels.frame import Panel, PanelKind, declare_panel
from pactscope.panels.leaders import add_archigos, add_lead, add_lwuf, create_leaderdyadyears, create_leaderyears
from pactscope.panels.spells import add_peace_years, add_spells
from pactscope.panels.whittle import (
    DisputeYears,
    declare_dispute_years,
    dispute_years,
    wc_duration,
    wc_fatality,
    wc_hostility,
    wc_jds,
    wc_onsets,
    wc_recip,
    wc_stmon,
    whittle_conflicts_duration,
    whittle_conflicts_fatality,
    whittle_conflicts_hostility,
    whittle_conflicts_jds,
    whittle_conflicts_onsets,
    whittle_conflicts_reciprocation,
    whittle_conflicts_startmonth,
)
from pactscope.panels.years import last_complete_year

__all__ = [
    "DisputeYears",
    "Panel",
    "PanelKind",
    "add_archigos",
    "add_atop_alliance",
    "add_capital_distance",
    "add_ccode_to_gw",
    "add_contiguity",
    "add_cow_majors",
    "add_cow_mids",
    "add_cow_trade",
    "add_cow_wars",
    "add_creg_fractionalization",
    "add_democracy",
    "add_gml_mids",
    "add_gwcode_to_cow",
    "add_igos",
    "add_latent_territorial_threat",
    "add_lead",
    "add_lwuf",
    "add_minimum_distance",
    "add_nmc",
    "add_peace_years",
    "add_rivalries",
    "add_rugged_terrain",
    "add_sim_gdp_pop",
    "add_spells",
    "add_strategic_rivalries",
    "add_ucdp_acd",
    "add_ucdp_onsets",
    "create_dyadyears",
    "create_leaderdyadyears",
    "create_leaderyears",
    "create_statedays",
    "create_stateyears",
    "declare_dispute_years",
    "declare_panel",
    "dispute_years",
    "filter_prd",
    "filter_years",
    "last_complete_year",
    "wc_duration",
    "wc_fatality",
    "wc_hostility",
    "wc_jds",
    "wc_onsets",
    "wc_recip",
    "wc_stmon",
    "whittle_conflicts_duration",
    "whittle_conflicts_fatality",
    "whittle_conflicts_hostility",
    "whittle_conflicts_jds",
    "whittle_conflicts_onsets",
    "whittle_conflicts_reciprocation",
    "whittle_conflicts_startmonth",
]
