"""Panels in the manner of peacesciencer: ``create_*`` builds a frame, ``add_*`` joins columns on."""

from pactscope.panels.add_alliances import add_atop_alliance
from pactscope.panels.add_capabilities import add_cow_majors, add_nmc
from pactscope.panels.add_conflicts import add_cow_mids, add_cow_wars, add_gml_mids, add_ucdp_acd
from pactscope.panels.add_contiguity import add_contiguity
from pactscope.panels.add_relations import add_igos, add_rivalries, add_strategic_rivalries
from pactscope.panels.create import create_dyadyears, create_stateyears
from pactscope.panels.filters import filter_prd, filter_years
from pactscope.panels.frame import Panel, PanelKind, declare_panel
from pactscope.panels.spells import add_peace_years
from pactscope.panels.years import last_complete_year

__all__ = [
    "Panel", "PanelKind", "add_atop_alliance", "add_contiguity", "add_cow_majors", "add_cow_mids",
    "add_cow_wars", "add_gml_mids", "add_igos", "add_nmc", "add_peace_years", "add_rivalries", "add_strategic_rivalries",
    "add_ucdp_acd", "create_dyadyears", "create_stateyears", "declare_panel", "filter_prd",
    "filter_years", "last_complete_year",
]
