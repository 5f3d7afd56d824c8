"""Does a war meet an ATOP pledge's casus foederis? Triggers and treaty conditions for one pledge."""

from __future__ import annotations

from dataclasses import dataclass

from pactscope.metrics.reliability_war.context import CONDITIONS, WarContext


@dataclass(frozen=True)
class Check:
    """Outcome of the casus-foederis check: ``met``, the rule that decided, and what was assumed."""

    met: bool
    reason: str
    assumed: tuple[str, ...] = ()


def trigger(obligation: str, record: dict, attacked: bool) -> Check:
    """The side rule: defence covers a member on the attacked side, offence one on the initiating side,
    a neutrality pledge marked ``neucoatt`` or ``neuconpr`` only a member that was attacked."""
    if obligation == "defense" and not attacked:
        return Check(False, "defence not invoked: the member's side began the war")
    if obligation == "offense" and attacked:
        return Check(False, "offence not invoked: the member's side was attacked")
    if obligation == "neutral" and not attacked and (record.get("neucoatt") == 1 or record.get("neuconpr") == 1):
        return Check(False, "neutrality not invoked: pledged only if the member is attacked")
    return Check(True, "invoked")


def conditions(obligation: str, record: dict, state: int, war: int, year: int, ctx: WarContext,
               *, strict: bool) -> Check:
    """Treaty conditions of the ally's ``record`` for ``state`` in ``war`` entered (or invoked) in ``year``.

    Named adversary or specific conflict: met when a state named in ``statthr1``/``statthr2`` fought
    ``state``; with no state named the condition cannot be checked. Location: met when an opponent
    active in ``year`` is directly contiguous with ``state``. Number: two or more opponents active in
    ``year``. Demands: cannot be checked. Unverifiable conditions are not met when ``strict``, else
    assumed met (and listed in ``assumed``).
    """
    adv, loc, con, num, dem, _npr, _att = (record.get(c) == 1 if c else False for c in CONDITIONS[obligation])
    rivals = ctx.opponents.get((war, state), {})
    active = [c for c, (y0, y1) in rivals.items() if y0 <= year <= y1]
    named: set[int] = {c for c in (record.get("statthr1"), record.get("statthr2")) if c and c != state}
    unverifiable: list[str] = []
    for flag, label in ((adv, "adversary"), (con, "conflict")):
        if not flag:
            continue
        if not named:
            unverifiable.append(label)
        elif not named & set(rivals):
            names = ", ".join(str(c) for c in sorted(named))
            return Check(False, f"condition not met: {label}", (f"named {names} did not fight {state}",))
    if loc and not any(ctx.contiguous(state, c, year) for c in active):
        return Check(False, "condition not met: location", (f"no opponent of {state} contiguous in {year}",))
    if num and len(active) < 2:
        return Check(False, "condition not met: number of attackers", (f"{len(active)} opponent(s) in {year}",))
    if dem:
        unverifiable.append("demands")
    if unverifiable and strict:
        return Check(False, "condition unverifiable: " + ", ".join(unverifiable))
    return Check(True, "met", tuple(unverifiable))
