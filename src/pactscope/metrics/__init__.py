"""Alliance metrics: pure functions returning polars frames (definitions in docs/metrics.md)."""

from pactscope.metrics.alignment import (
    agreement,
    alignment_before_after,
    alignment_with,
    portfolio_similarity,
    portfolio_similarity_with,
)
from pactscope.metrics.burden import burden
from pactscope.metrics.coalition import coalition, coalition_overlap
from pactscope.metrics.democracy import democracy
from pactscope.metrics.dominance import dominance, dominance_side_by_side
from pactscope.metrics.dyad import DyadProfile, dyad_profile, dyad_states
from pactscope.metrics.exit_terms import exit_clauses, exit_precedents
from pactscope.metrics.membership import alliance_years, members
from pactscope.metrics.regions import region, regions
from pactscope.metrics.reliability_cases import case_reliability
from pactscope.metrics.reliability_war import (
    alliance_war_record,
    war_cases,
    war_obligations,
    war_published,
    war_reliability,
)
from pactscope.metrics.spending import milex_gdp, spending_concentration
from pactscope.metrics.stats import Proportion, wilson
from pactscope.metrics.threats import threats
from pactscope.metrics.votes import resolution_votes, topic_resolutions, vote_match

__all__ = [
    "DyadProfile",
    "Proportion",
    "agreement",
    "alignment_before_after",
    "alignment_with",
    "alliance_war_record",
    "alliance_years",
    "burden",
    "case_reliability",
    "coalition",
    "coalition_overlap",
    "democracy",
    "dominance",
    "dominance_side_by_side",
    "dyad_profile",
    "dyad_states",
    "exit_clauses",
    "exit_precedents",
    "members",
    "milex_gdp",
    "portfolio_similarity",
    "portfolio_similarity_with",
    "region",
    "regions",
    "resolution_votes",
    "spending_concentration",
    "threats",
    "topic_resolutions",
    "vote_match",
    "war_cases",
    "war_obligations",
    "war_published",
    "war_reliability",
    "wilson",
]
