"""The coding rules of crisis cases, as functions (documented in docs/ledger.md).

``expected_trigger`` derives ``obligation.triggered`` from the request (article invoked), the
territory, the kind of threat and the organ's decision; ``response_problems`` checks the coded
strongest response against the dated actions. ``pactscope ledger validate`` reports every case
that departs from either without a recorded ``obligation.rule_exception``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactscope.ledger.schema import (
    RESPONSE_SCALE,
    ClauseType,
    CrisisCase,
    Organization,
    ResponseTerm,
    Ternary,
    Territory,
    ThreatType,
)


@dataclass(frozen=True)
class Derivation:
    """The trigger the rule gives, and which step of the rule gave it."""

    value: Ternary
    step: str


def _base_article(article: str | None) -> str | None:
    """'2(2)' -> '2'; '5' -> '5'; None stays None."""
    if article is None:
        return None
    match = re.match(r"\s*(\d+)", article)
    return match.group(1) if match else article.strip()


def clause_articles(org: Organization, kind: ClauseType) -> set[str]:
    """Articles of ``org``'s founding texts holding a clause of ``kind`` (e.g. {'4'})."""
    return {a for c in org.clauses if c.type is kind and (a := _base_article(c.article))}


def expected_trigger(case: CrisisCase, org: Organization) -> Derivation:
    """The value ``obligation.triggered`` takes by the documented rule.

    1. an organ decided to act under the collective-defence clause -> yes;
    2. a request (made yes or disputed) invoked the collective-defence article, or asked for help
       against a state's attack without naming an article -> disputed;
    3. a request invoked only a consultation article -> no;
    4. a state attacked the member's recognised territory (territory recognised or mixed) -> disputed;
    5. otherwise (domestic unrest, insurgency, clashes between members, fighting outside the
       member's recognised territory or on an undelimited border without a request) -> no.
    """
    if case.obligation.organ_invoked:
        return Derivation(Ternary.yes, "1: an organ acted under the collective-defence clause")
    asked = case.request.made is not Ternary.no
    article = _base_article(case.request.article)
    defence = clause_articles(org, ClauseType.collective_defence)
    consult = clause_articles(org, ClauseType.consultation)
    state_attack = case.threat_type is ThreatType.interstate_attack
    if asked and (article in defence or (article is None and state_attack)):
        return Derivation(Ternary.disputed, "2: the member asked for assistance and no organ acted on it")
    if asked and article in consult:
        return Derivation(Ternary.no, f"3: the request invoked consultation (Article {article}) only")
    if state_attack and case.territory in (Territory.recognised, Territory.mixed):
        return Derivation(Ternary.disputed, "4: a state attacked the member's recognised territory")
    return Derivation(Ternary.no, "5: no request for assistance and no attack on recognised territory")


def rank(term: ResponseTerm) -> int | None:
    """Place of ``term`` on the response scale (none = 0); None for request-declined."""
    return RESPONSE_SCALE.index(term) if term in RESPONSE_SCALE else None


def strongest(terms: list[ResponseTerm]) -> ResponseTerm:
    """The highest rung among ``terms`` (``none`` when there is none)."""
    ranked = [t for t in terms if rank(t) is not None]
    return max(ranked, key=lambda t: rank(t) or 0, default=ResponseTerm.none)


def response_problems(case: CrisisCase) -> list[tuple[tuple, str]]:
    """(field location, message) for every way the response coding breaks the scale rule."""
    r = case.response
    out: list[tuple[tuple, str]] = []
    if rank(r.term) is None:
        out.append((("response", "term"), f"{r.term.value!r} is not a rung of the response scale; "
                    "record it as an action and code the strongest rung given"))
        return out
    top = strongest([a.term for a in r.actions])
    if r.term is not top:
        if top is ResponseTerm.none or rank(top) < rank(r.term):  # type: ignore[operator]
            msg = (f"strongest response {r.term.value!r} has no dated action with a source; "
                   f"the strongest recorded action is {top.value!r}")
        else:
            msg = f"strongest response is coded {r.term.value!r} but an action of {top.value!r} is recorded"
        out.append((("response", "term"), msg))
    for k, a in enumerate(r.actions):
        if a.date is None:
            out.append((("response", "actions", k, "date"), f"{a.term.value} action has no date"))
    dated = [a.date for a in r.actions if a.date is not None]
    if dated and r.date != min(dated):
        out.append((("response", "date"), f"response date {r.date} is not the date of the first action ({min(dated)})"))
    if not r.actions and r.date is not None:
        out.append((("response", "date"), "response date given but no action is recorded"))
    return out
