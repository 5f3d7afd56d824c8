"""Balance-of-evidence rules: what each indicator suggests about membership, by a stated rule.

Each rule maps numbers to ``for`` (membership), ``against``, ``mixed`` or ``no reading`` (too
little data). The rules are conventions set out in docs/assess.md, applied mechanically; the
report lists the readings side by side and never adds them up into a verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pactscope.assess import fmt
from pactscope.assess.model import Indicator, Value

HALF = 0.5
GAP = 0.05  # alignment gap (share points) below which voting is read as level


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    section: str
    text: str
    judge: Callable[..., tuple[str, str]]


def interval(rate: float | None, low: float | None, high: float | None) -> tuple[str, str]:
    """A rate with a 95% interval: against when the whole interval is below one half, for when
    it is at or above one half, mixed when it straddles it; no reading without cases."""
    if rate is None or low is None or high is None:
        return "no reading", "no case to compute a rate from"
    if high < HALF:
        return "against", f"the whole interval ({low:.0%}–{high:.0%}) lies below 50%"
    if low >= HALF:
        return "for", f"the whole interval ({low:.0%}–{high:.0%}) lies at or above 50%"
    return "mixed", f"the interval ({low:.0%}–{high:.0%}) includes 50%"


def at_least_one_for(n: float | None) -> tuple[str, str]:
    if n is None:
        return "no reading", "no data"
    return ("for", "at least one such clause") if n >= 1 else ("against", "no such clause")


def at_least_one_against(n: float | None) -> tuple[str, str]:
    if n is None:
        return "no reading", "no data"
    return ("against", "at least one such clause") if n >= 1 else ("for", "no such clause")


def allied_adversaries(share: float | None) -> tuple[str, str]:
    if share is None:
        return "no reading", "no state adversary in the span"
    if share >= HALF:
        return "against", f"{share:.0%} of adversary-years were against allies (50% or more)"
    return "for", f"{share:.0%} of adversary-years were against allies (under 50%)"


def _some_share(share: float | None, missing: str, what: str) -> tuple[str, str]:
    """Half or more -> for; none -> against; some -> mixed; no data -> no reading. ``what`` has a
    ``{}`` where the share goes."""
    if share is None:
        return "no reading", missing
    if share >= HALF:
        return "for", what.format(f"{share:.0%}") + " (50% or more)"
    if share == 0:
        return "against", what.format("none")
    return "mixed", what.format(f"{share:.0%}") + " (some, under half)"


def assisted(share: float | None) -> tuple[str, str]:
    return _some_share(share, "no case in the ledger", "help came in {} of its cases")


def capability(share: float | None) -> tuple[str, str]:
    if share is None:
        return "no reading", "no capability data"
    if share < HALF:
        return "for", f"the other members hold {1 - share:.0%} of the alliance's CINC (more than half)"
    return "against", f"the state itself holds {share:.0%} of the alliance's CINC (half or more)"


def burden(ratio: float | None) -> tuple[str, str]:
    if ratio is None:
        return "no reading", "no spending or capability data"
    if ratio > 1:
        return "against", f"spending share is {ratio:.2f} times its capability share (above 1)"
    return "for", f"spending share is {ratio:.2f} times its capability share (1 or below)"


def alignment_gap(gap: float | None) -> tuple[str, str]:
    if gap is None:
        return "no reading", "no common votes"
    if gap >= GAP:
        return "for", f"agreement with the leader is {gap * 100:.1f} points above that with the other powers"
    if gap <= -GAP:
        return "against", f"agreement with the leader is {-gap * 100:.1f} points below that with the other powers"
    return "mixed", f"agreement with the leader is within {GAP * 100:.0f} points of that with the other powers"


def returns(share: float | None) -> tuple[str, str]:
    return _some_share(share, "no state has left", "a return followed {} of the departures")


def bloc_ratio(ratio: float | None) -> tuple[str, str]:
    if ratio is None:
        return "no reading", "no compared state outside the alliance"
    if ratio >= 1:
        return "against", f"the bloc's CINC is {ratio:.2f} times the compared state's (1 or more)"
    return "for", f"the bloc's CINC is {ratio:.2f} times the compared state's (below 1)"


RULES: dict[str, Rule] = {r.id: r for r in [
    Rule("defence_pledge", "Collective-defence clauses", "membership",
         "At least one collective-defence clause → for (a written pledge of help); none → against.", at_least_one_for),
    Rule("restrictive_clauses", "Clauses limiting other alliances or foreign bases", "membership",
         "At least one clause banning other alliances or requiring consent for foreign bases → against (a limit on the "
         "state's other options); none → for.", at_least_one_against),
    Rule("allied_adversary_share", "Adversary-years against allies", "threats",
         "Share of the state's adversary-years in which the adversary was a member of the same alliance: 50% or more → "
         "against (most interstate threats came from inside the alliance); under 50% → for (most came from outside, "
         "where the defence clause applies); no state adversary → no reading.", allied_adversaries),
    Rule("case_fulfilment", "Fulfilment rate over triggered cases", "reliability",
         "Fulfilled / triggered ledger cases with a 95% Wilson interval: the whole interval below 50% → against; at or "
         "above 50% → for; straddling 50% → mixed; no triggered case → no reading.", interval),
    Rule("member_cases_assisted", "Own cases with military or material help", "reliability",
         "Share of the state's ledger cases (any trigger coding) in which the organization sent troops or material help: "
         "50% or more → for; none → against; in between → mixed; no case → no reading.", assisted),
    Rule("war_defence_baseline", "Defence pledges honoured in wars, 1816-2007 (all alliances)", "reliability",
         "Historical rate for defence pledges in ATOP alliances, same interval rule as the fulfilment rate.", interval),
    Rule("capability_share", "Own share of the alliance's capability", "power",
         "The state's CINC share among the members in the last year with data for it: under 50% → for (the allies bring most of "
         "the capability); 50% or more → against (the state is itself the main capability).", capability),
    Rule("burden_ratio", "Spending share ÷ capability share", "power",
         "Mean over the last five years of data of the state's military-spending share divided by its CINC share: above 1 "
         "→ against (it pays more than its weight); 1 or below → for.", burden),
    Rule("leader_alignment_gap", "UN agreement with the leader minus with other powers", "alignment",
         "Mean UN vote agreement with the alliance leader minus the mean with the other powers, last five years of data: "
         "+5 points or more → for (membership matches its voting); -5 points or less → against; in between → mixed.",
         alignment_gap),
    Rule("exit_returns", "Departures followed by a return", "leaving",
         "Share of departures from full membership later followed by a return: 50% or more → for; none → against; in "
         "between → mixed; no departure → no reading.", returns),
    Rule("bloc_vs_adversary", "The states on their own against the strongest compared state outside the alliance", "alternatives",
         "Bloc CINC divided by the CINC of the strongest compared state that is not a member, last year of data: 1 or more "
         "→ against (the bloc alone matches it); below 1 → for; no such state → no reading.", bloc_ratio),
]}


def empty(unit: str) -> Value:
    """A missing number (no data to compute it from)."""
    return Value(value=None, text=fmt.DASH, unit=unit)


def judge(rule_id: str, value: float | None, support: list[float | None] | None = None) -> tuple[str, str]:
    """(suggests, reading) of a rule for plain numbers; interval rules take (low, high) as support."""
    rule = RULES[rule_id]
    if rule.judge is interval:
        low, high = (support or [None, None])[:2]
        return interval(value, low, high)
    return rule.judge(value)


def make(
    rule_id: str, value: Value, *, about: str, state: str | None = None, support: list[Value] | None = None,
) -> Indicator:
    """The indicator of one rule for one number (``support``: interval bounds or the counts behind it)."""
    rule = RULES[rule_id]
    support = support or []
    suggests, reading = judge(rule_id, value.value, [s.value for s in support])
    return Indicator(
        id=rule_id if state is None else f"{rule_id}:{state}", label=rule.label, section=rule.section, state=state, about=about,
        value=value, support=support, suggests=suggests, rule=rule.text, reading=reading,
    )
