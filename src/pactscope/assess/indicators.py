"""Balance-of-evidence rules: what each indicator suggests about membership, by a stated rule.

Each rule is data: the number it reads, its threshold, which side of the threshold reads ``for``
(membership) or ``against``, the reason for each side, and its **mirror** (the rule that reads the
other side of the same question: a cost or dependence beside each protection). The rule text shown
in the report and in docs/assess.md is generated from these fields, so a threshold is written once.

Every rule is symmetric: seen with the member's and the alliance's roles swapped (a share ``s``
becomes ``1 - s``, a ratio ``r`` becomes ``1 / r``, a margin ``m`` becomes ``-m``, an interval
``[lo, hi]`` becomes ``[1 - hi, 1 - lo]``), the reading flips; a value exactly at the pivot reads
``mixed``. The report lists the readings side by side and never adds them up into a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pactscope.assess import fmt
from pactscope.assess.model import Indicator, Value

Kind = Literal["presence", "cut", "interval"]
Swap = Literal["complement", "reciprocal", "negate", "mirror-rule"]
FLIP = {"for": "against", "against": "for", "mixed": "mixed", "no reading": "no reading"}
FEW_CASES = 5  # a rate over fewer cases says in words how many it rests on


@dataclass(frozen=True)
class Rule:
    """One documented rule. ``high`` is the reading above the pivot (or, for presence, with at
    least one); the other side reads the opposite; ``margin`` widens the mixed band around it."""

    id: str
    label: str
    section: str
    side: Literal["protection", "cost"]
    mirror: str
    measure: str
    years: str
    kind: Kind
    unit: str
    high: Literal["for", "against"]
    why_high: str
    why_low: str
    pivot: float = 0.0
    margin: float = 0.0
    swap: Swap = "complement"
    missing: str = "no data"

    @property
    def low(self) -> str:
        return FLIP[self.high]

    def bound(self, x: float) -> str:
        if self.unit == "difference":
            return f"{x * 100:+.0f} points" if x else "0 points"
        if self.unit == "share":
            return f"{x:.0%}"
        return f"{x:g}"

    @property
    def text(self) -> str:
        """The rule in words, generated from its fields."""
        if self.kind == "presence":
            body = f"1 or more → {self.high} ({self.why_high}); none → {self.low} ({self.why_low})"
        elif self.kind == "interval":
            p = self.bound(self.pivot)
            body = (f"whole 95% Wilson interval above {p} → {self.high} ({self.why_high}); whole interval below {p} → "
                    f"{self.low} ({self.why_low}); interval including {p} → mixed")
        elif self.margin:
            hi, lo = self.bound(self.pivot + self.margin), self.bound(self.pivot - self.margin)
            body = (f"{hi} or more → {self.high} ({self.why_high}); {lo} or less → {self.low} ({self.why_low}); "
                    "in between → mixed")
        else:
            p = self.bound(self.pivot)
            body = (f"above {p} → {self.high} ({self.why_high}); below {p} → {self.low} ({self.why_low}); "
                    f"exactly {p} → mixed")
        return f"{fmt.capital(self.measure)} ({self.years}): {body}; {self.missing} → no reading."

    def judge(self, value: float | None, support: Sequence[float | None] = ()) -> tuple[str, str]:
        """(suggests, reading) for one number; interval rules take (low, high[, cases]) as support."""
        if value is None:
            return "no reading", self.missing
        shown = fmt.number(value, self.unit)
        if self.kind == "presence":
            return (self.high, f"{shown}: {self.why_high}") if value >= 1 else (self.low, f"none: {self.why_low}")
        if self.kind == "interval":
            lo, hi = (list(support) + [None, None])[:2]
            n = support[2] if len(support) > 2 else None
            if lo is None or hi is None:
                return "no reading", self.missing
            few = f"; rests on {_cases(n)}" if n is not None and n < FEW_CASES else ""
            p, band = self.bound(self.pivot), f"{lo:.0%}–{hi:.0%}"
            if lo > self.pivot:
                return self.high, f"{shown}, interval {band} lies above {p}: {self.why_high}{few}"
            if hi < self.pivot:
                return self.low, f"{shown}, interval {band} lies below {p}: {self.why_low}{few}"
            return "mixed", f"{shown}, interval {band} includes {p}{few}"
        top, bottom = self.pivot + self.margin, self.pivot - self.margin
        if (value >= top and self.margin) or (value > top and not self.margin):
            return self.high, f"{shown} is {'at or above' if self.margin else 'above'} {self.bound(top)}: {self.why_high}"
        if (value <= bottom and self.margin) or (value < bottom and not self.margin):
            return self.low, f"{shown} is {'at or below' if self.margin else 'below'} {self.bound(bottom)}: {self.why_low}"
        where = f"within {self.bound(self.margin).lstrip('+')} of {self.bound(self.pivot)}" if self.margin else f"exactly {self.bound(self.pivot)}"
        return "mixed", f"{shown} is {where}"

    def swapped(self, value: float, support: Sequence[float | None] = ()) -> tuple[float, list[float | None]]:
        """The number seen with the member's and the alliance's roles swapped."""
        if self.kind == "interval":
            lo, hi, *rest = list(support) + [None, None]
            return 1 - value, [None if hi is None else 1 - hi, None if lo is None else 1 - lo, *rest[:1]]
        if self.swap == "reciprocal":
            return (1 / value if value else float("inf")), list(support)
        if self.swap == "negate":
            return -value, list(support)
        return 1 - value, list(support)


def _cases(n: float) -> str:
    n = int(n)
    return "one case" if n == 1 else f"{n} cases"


SHARE = dict(unit="share", pivot=0.5)

RULES: dict[str, Rule] = {r.id: r for r in [
    Rule("defence_pledge", "Collective-defence clauses", "membership", "protection", "restrictive_clauses",
         "collective-defence clauses in the organization's documents", "documents in force on the report date",
         "presence", "count", "for", "a written pledge of help", "no written pledge of help", swap="mirror-rule"),
    Rule("restrictive_clauses", "Clauses limiting other engagements, alliances or foreign bases", "membership", "cost",
         "defence_pledge",
         "clauses banning conflicting engagements or other alliances, or requiring consent for foreign bases",
         "documents in force on the report date", "presence", "count", "against",
         "a limit on the member's other options", "no such limit", swap="mirror-rule"),
    Rule("allied_adversary_share", "Adversary-years against allies", "threats", "cost", "allied_adversary_share",
         "share of the state's adversary-years (state adversaries it met as a party) in which the adversary was a "
         "member of the same alliance that year", "the report's years with conflict data", "cut", **SHARE,
         high="against", why_high="most interstate threats came from inside the alliance, where its pledge does not apply",
         why_low="most came from outside, where the pledge applies", missing="no state adversary"),
    Rule("case_fulfilment", "Fulfilment rate over triggered cases", "reliability", "protection", "case_fulfilment",
         "fulfilled ÷ triggered ledger cases of the alliance", "all cases in the ledger", "interval", **SHARE,
         high="for", why_high="the alliance came in most cases that triggered its pledge",
         why_low="it failed most of them", missing="no triggered case"),
    Rule("member_cases_assisted", "Own cases with military or material help", "reliability", "protection",
         "member_cases_assisted",
         "share of the state's ledger cases (any trigger coding) with troops or material help from the organization",
         "all its cases in the ledger", "interval", **SHARE, high="for", why_high="help came in most of its cases",
         why_low="help was missing in most of its cases", missing="no case in the ledger"),
    Rule("war_defence_baseline", "Alliances that honoured their pledges in war (all alliances)", "reliability",
         "protection", "war_defence_baseline",
         "share of war × alliance cases, over all ATOP alliances, in which the alliance honoured its pledges when a member "
         "went to war, for the era the alliance was founded in (before or after 1945)", "years of the COW war data",  # not-a-data-year
         "interval", **SHARE, high="for", why_high="alliances of that era mostly honoured their pledges",
         why_low="alliances of that era mostly did not", missing="no applicable case"),
    Rule("capability_share", "Own share of the alliance's capability", "power", "protection", "leader_capability_share",
         "the state's CINC share among the members", "last year with capability data for it", "cut", **SHARE,
         high="against", why_high="the state is itself the main capability", why_low="the allies bring most of the capability",
         missing="no capability data"),
    Rule("leader_capability_share", "Largest other member's share of capability", "power", "cost", "capability_share",
         "the CINC share of the largest other member among the members", "last year with capability data", "cut",
         **SHARE, high="against", why_high="one ally holds most of the capability, a dependence on one power",
         why_low="no single ally holds most of it", missing="no capability data"),
    Rule("burden_ratio", "Spending share ÷ capability share", "power", "protection", "leader_spending_share",
         "mean of the state's military-spending share ÷ its CINC share", "last five years of capability data", "cut",
         unit="ratio", pivot=1.0, swap="reciprocal", high="against", why_high="it pays more than its weight",
         why_low="it pays less than its weight", missing="no spending or capability data"),
    Rule("leader_spending_share", "Largest other member's share of spending", "power", "cost", "burden_ratio",
         "the largest other member's share of the members' military spending", "last year with capability data",
         "cut", **SHARE, high="against", why_high="one ally pays for most of the alliance's defence, a dependence on one power",
         why_low="no single ally pays for most of it", missing="no spending data"),
    Rule("leader_vote_margin", "UN agreement with the leader against the closest other power", "alignment", "protection",
         "leader_vote_margin",
         "mean UN vote agreement with the alliance's leader minus that with the other power the state agrees with most",
         "last five years of UN votes", "cut", unit="difference", pivot=0.0, margin=0.05, swap="negate", high="for",
         why_high="it votes with the leader more than with any other power",
         why_low="it votes with another power more than with the leader", missing="no common votes"),
    Rule("ukraine_with_leader", "Votes on Ukraine cast as the leader's", "costs", "protection", "ukraine_with_leader",
         "share of the Ukraine-related UN General Assembly resolutions on which the state voted as the alliance's leader "
         "did (both casting yes, no or abstain)", "A/RES/68/262 of 2014 and the resolutions of 2022 on", "cut", **SHARE,  # not-a-data-year
         high="for", why_high="on the war it votes with the leader, the political cohesion the alliance claims",
         why_low="on the war it does not vote with the leader: membership does not carry its votes",
         missing="no resolution both voted on"),
    Rule("leader_agreement_change", "Change in UN agreement with the leader since 24 February 2022", "costs",  # not-a-data-year
         "protection", "leader_agreement_change",
         "UN vote agreement with the alliance's leader after 24 February 2022 minus before (equal windows, one series)",  # not-a-data-year
         "equal windows before and after 24 February 2022", "cut", unit="difference", pivot=0.0, margin=0.02,  # not-a-data-year
         swap="negate", high="for", why_high="it votes more with the leader since the invasion",
         why_low="it votes less with the leader since the invasion", missing="no common votes"),
    Rule("milex_gdp_vs_leader", "Own military spending share of GDP ÷ the leader's", "costs", "protection",
         "leader_sipri_share", "the state's military spending as a share of GDP ÷ the leader's (SIPRI)",
         "SIPRI's last year", "cut", unit="ratio", pivot=1.0, swap="reciprocal", high="against",
         why_high="its defence weighs on its economy more than the leader's does on the leader's",
         why_low="it spends a smaller part of its economy on defence than the leader, as a state relying on allies can",
         missing="no SIPRI figure"),
    Rule("leader_sipri_share", "Leader's share of the members' military spending (SIPRI)", "costs", "cost",
         "milex_gdp_vs_leader", "the leader's share of the members' military spending (SIPRI, current US$)",
         "SIPRI's last year", "cut", **SHARE, high="against",
         why_high="one ally pays for most of the alliance's defence, a dependence on one power",
         why_low="no single ally pays for most of it", missing="no SIPRI figure"),
    Rule("exit_returns", "Departures followed by a return", "leaving", "protection", "exit_returns",
         "share of departures from full membership later followed by a return", "all departures in the ledger",
         "interval", **SHARE, high="for", why_high="most states that left came back",
         why_low="most states that left stayed out", missing="no departure"),
    Rule("bloc_vs_adversary", "The states on their own against the strongest state adversary outside the alliance",
         "alternatives", "protection", "bloc_vs_adversary",
         "bloc CINC ÷ CINC of the strongest compared state outside the alliance that a member met as a state adversary "
         "in a militarized dispute or an interstate armed conflict", "last year with capability data", "cut",
         unit="ratio", pivot=1.0, swap="reciprocal", high="against", why_high="the states alone outweigh it",
         why_low="the states alone are weaker than it", missing="no such state (threats from non-state groups have no CINC)"),
]}


def empty(unit: str) -> Value:
    """A missing number (no data to compute it from)."""
    return Value(value=None, text=fmt.DASH, unit=unit)


def judge(rule_id: str, value: float | None, support: Sequence[float | None] | None = None) -> tuple[str, str]:
    """(suggests, reading) of a rule for plain numbers; interval rules take (low, high, cases) as support."""
    return RULES[rule_id].judge(value, support or ())


def make(
    rule_id: str, value: Value, *, about: str, state: str | None = None, support: list[Value] | None = None,
    years: str | None = None, caveat: str | None = None,
) -> Indicator:
    """The indicator of one rule for one number (``support``: interval bounds or the counts behind it)."""
    rule = RULES[rule_id]
    support = support or []
    suggests, reading = judge(rule_id, value.value, [s.value for s in support])
    return Indicator(
        id=rule_id if state is None else f"{rule_id}:{state}", label=rule.label, section=rule.section, state=state, about=about,
        value=value, support=support, suggests=suggests, rule=rule.text, reading=reading, side=rule.side,
        mirror=rule.mirror, years=years or rule.years, caveat=caveat,
    )


def rules_markdown() -> str:
    """The rules as the Markdown table of docs/assess.md (a test keeps the two equal)."""
    lines = ["| id | section | side | rule (generated from its thresholds) | mirror |", "|---|---|---|---|---|"]
    for r in RULES.values():
        mirror = "itself, read from the other side" if r.mirror == r.id else f"`{r.mirror}`"
        lines.append(f"| `{r.id}` | {r.section} | {r.side} | {r.text} | {mirror} |")
    return "\n".join(lines)
