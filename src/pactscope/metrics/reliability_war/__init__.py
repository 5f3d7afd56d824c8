"""War-based alliance reliability: were ATOP pledges honoured when a member went to war?

The default unit is the one of the studies the presets follow (``llm2000``, ``bf2018``): one
case per COW inter-state war and ATOP alliance with a member in it (``war_cases``; rules in
``cases``). ``war_obligations`` keeps the finer per-pledge coding (rules in ``pledges``).
docs/reliability-war.md gives every rule, the presets and the comparison with the publications.
"""

from pactscope.metrics.reliability_war.cases import CASE_SCHEMA, RESULTS
from pactscope.metrics.reliability_war.pledges import OBLIGATION_SCHEMA, summarise_pledges, war_obligations
from pactscope.metrics.reliability_war.published import war_published
from pactscope.metrics.reliability_war.rules import PRESETS, WarRules
from pactscope.metrics.reliability_war.summary import (
    SILENCE,
    SUMMARY_SCHEMA,
    alliance_war_record,
    summarise_war_cases,
    war_cases,
    war_reliability,
)

__all__ = [
    "CASE_SCHEMA", "OBLIGATION_SCHEMA", "PRESETS", "RESULTS", "SILENCE", "SUMMARY_SCHEMA", "WarRules",
    "alliance_war_record", "summarise_pledges", "summarise_war_cases", "war_cases", "war_obligations", "war_published",
    "war_reliability",
]
