"""The war x alliance coding: one case per COW inter-state war and ATOP alliance with a member in it.

Rules (docs/reliability-war.md gives them with their reasons):

1. A case exists when a member of an ATOP alliance took part in a COW inter-state war while its
   member record was in force. The case is dated at the year the alliance was invoked: the first
   year in which a member was at war with its record in force. An alliance formed during the war
   (ATOP ``wartime``/``cowwar`` naming this war, or formed after the member entered) is a *wartime*
   alliance, dated at its formation.
2. The members are those whose records cover the year invoked (or their own later entry year),
   and who are COW system members then.
3. Members that fought each other while both records were in force: **violated** (any pledge other
   than consultation).
4. Otherwise each member at war is a member in need; each other member's pledges to it are
   invoked by the side rule and the treaty conditions (conditions.py). Defence and offence are
   honoured when the ally fought on the member's side; neutrality when it did not fight the member;
   non-aggression is invoked only when both took part in the war (kept if on the same side).
5. ``compliance="all"``: honoured only if every invoked defence or offence pledge was honoured;
   ``"sabrosky"``: honoured if at least one was.
6. No pledge invoked: **not-applicable**, with the rule that decided.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, replace

import polars as pl

from pactscope.data.cache import cached_object, checksum
from pactscope.metrics.reliability_war.conditions import Check, conditions, trigger
from pactscope.metrics.reliability_war.context import OBLIGATIONS, WarContext, context, era, member_records
from pactscope.metrics.reliability_war.rules import WarRules
from pactscope.metrics.reliability_war.war_names import WAR_NAMES

HONOURED, VIOLATED, NOT_APPLICABLE = "honoured", "violated", "not-applicable"
RESULTS = (HONOURED, VIOLATED, NOT_APPLICABLE)
STRENGTH = {ob: i for i, ob in enumerate(OBLIGATIONS)}  # defence first

# Reasons for not-applicable, most specific first: the first one met decides the row.
_NA_ORDER = (
    "condition not met",
    "condition unverifiable",
    "defence not invoked",
    "offence not invoked",
    "neutrality not invoked",
    "non-aggression: members stayed apart",
    "non-aggression: members fought on one side",
    "ally not a COW system member",
    "no other member in force",
    "consultation only",
)

CASE_SCHEMA = {
    "cowwar": pl.Int32,
    "war": pl.String,
    "atopid": pl.Int32,
    "year": pl.Int32,
    "result": pl.String,
    "reason": pl.String,
    "obligation": pl.String,
    "era": pl.String,
    "wartime": pl.Boolean,
    "members_at_war": pl.String,
    "obligated": pl.String,
    "helped": pl.String,
    "detail": pl.String,
    "silence_kept": pl.Boolean,
}


@dataclass(frozen=True)
class _Member:
    state: int
    record: dict
    since: int  # year from which it counts as a member in this case


@dataclass(frozen=True)
class _Invocation:
    state: int  # member in need
    ally: int
    obligation: str
    fought_with: bool


@functools.cache
def _alliances() -> tuple[dict[int, dict[int, list[dict]]], dict[int, set[int]], dict[int, set[int]]]:
    """ATOP records by alliance and member, alliances by member, wars each alliance was formed in."""
    records: dict[int, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    by_member: dict[int, set[int]] = defaultdict(set)
    for rec in member_records().iter_rows(named=True):
        records[rec["atopid"]][rec["member"]].append(rec)
        by_member[rec["member"]].add(rec["atopid"])
    formed: dict[int, set[int]] = defaultdict(set)
    for atopid, w in member_records().filter(pl.col("formed_in") > 0).select("atopid", "formed_in").iter_rows():
        formed[atopid].add(w)
    from pactscope.data import load

    mem = load("atop4_01_member")
    for atopid, w in mem.filter(pl.col("wartime") == 1, pl.col("cowwar") > 0).select("atopid", "cowwar").iter_rows():
        formed[atopid].add(w)
    return ({a: dict(m) for a, m in records.items()}, dict(by_member), dict(formed))


def _covering(recs: list[dict], year: int) -> dict | None:
    """The latest phase of a member's records in force in ``year``."""
    live = [r for r in recs if r["yrent"] <= year and (r["yrexit"] == 0 or r["yrexit"] >= year)]
    return max(live, key=lambda r: r["phase"]) if live else None


def _in_force_before(recs: list[dict], year: int, formed_here: bool) -> bool:
    """A record already in force when fighting began in ``year`` (same year: unless formed in this war)."""
    return any(
        (r["yrent"] < year or (r["yrent"] == year and not formed_here)) and (r["yrexit"] == 0 or r["yrexit"] >= year)
        for r in recs
    )


def _ends_in(recs: list[dict], year: int) -> bool:
    """The member's last record in force in ``year`` ends that year, with no later phase following on."""
    return any(r["yrexit"] == year for r in recs) and not any(
        r["yrent"] <= year + 1 and (r["yrexit"] == 0 or r["yrexit"] > year) for r in recs
    )


def _pledges(rec: dict) -> list[str]:
    return [ob for ob in OBLIGATIONS if rec[ob] == 1]


def _invoked_year(war: int, members: dict[int, list[dict]], ctx: WarContext,
                  formed_here: bool) -> tuple[int, bool] | None:
    """(year invoked, wartime) for an alliance in a war, or None when no member was at war under it."""
    best: tuple[int, bool] | None = None
    for state, recs in members.items():
        ep = ctx.first_episode(war, state)
        if ep is None:
            continue
        for r in recs:
            start = max(ep.first_year, r["yrent"])
            if start > ep.last_year or not (r["yrexit"] == 0 or r["yrexit"] >= start):
                continue
            if r["yrent"] > ep.first_year and not formed_here:
                continue  # formed after the member entered, and ATOP does not date it to this war
            wartime = formed_here and r["yrent"] >= ep.first_year
            if best is None or (start, wartime) < best:
                best = (start, wartime)
    return best


def _members(war: int, year: int, members: dict[int, list[dict]], ctx: WarContext) -> dict[int, _Member]:
    """Members of the alliance in this case: record in force in the year invoked, or at their own entry."""
    out = {}
    for state, recs in members.items():
        rec, since = _covering(recs, year), year
        ep = ctx.first_episode(war, state)
        if rec is None and ep is not None and ep.first_year > year:
            rec, since = _covering(recs, ep.first_year), ep.first_year
        if rec is not None and ctx.in_system(state, since):
            out[state] = _Member(state, rec, since)
    return out


def _fights(war: int, members: dict[int, _Member], records: dict[int, list[dict]], ctx: WarContext,
            formed_here: bool) -> list[tuple[int, int, int]]:
    """(a, b, first year) for members that fought each other with both records in force."""
    pairs = []
    for a in sorted(members):
        for b, (y0, _y1) in sorted(ctx.opponents.get((war, a), {}).items()):
            if b <= a or b not in members:
                continue
            if not (_pledges(members[a].record) or _pledges(members[b].record)):
                continue
            if _in_force_before(records[a], y0, formed_here) and _in_force_before(records[b], y0, formed_here):
                pairs.append((a, b, y0))
    return pairs


def _invocations(war: int, year: int, members: dict[int, _Member], records: dict[int, list[dict]],
                 ctx: WarContext, strict: bool) -> tuple[list[_Invocation], list[str], list[str], bool]:
    """Pledges the war invoked, the reasons of those it did not, details, and non-aggression silence."""
    invoked: list[_Invocation] = []
    reasons: list[str] = []
    details: list[str] = []
    silence = False
    for n in sorted(members):
        ep = ctx.first_episode(war, n)
        if ep is None:
            continue
        when = max(ep.first_year, year)
        attacked = not ep.initiating_side
        for a in sorted(members):
            if a == n:
                continue
            rec = members[a].record
            ally_eps = ctx.episodes.get((war, a), [])
            fought_with = any(e.side == ep.side for e in ally_eps)
            for ob in _pledges(rec):
                if ob == "nonagg":
                    # Only a fight between the two could break it; that is rule 3, so here it was kept
                    # without being put to the test.
                    reasons.append("non-aggression: members stayed apart" if not ally_eps
                                   else "non-aggression: members fought on one side")
                    silence = True
                    continue
                check = trigger(ob, rec, attacked)
                if check.met:
                    check = conditions(ob, rec, n, war, when, ctx, strict=strict)
                if check.met and strict and ob in ("defense", "offense") and not ally_eps and (
                        _ends_in(records[a], when) or _ends_in(records[n], when)):
                    check = Check(False, "condition unverifiable: alliance ended in the year invoked")
                if not check.met:
                    reasons.append(check.reason)
                    details.extend(f"{ob} to {n}: {d}" for d in check.assumed)
                    continue
                if check.assumed:
                    details.append(f"{ob} to {n}: assumed met: {', '.join(check.assumed)}")
                invoked.append(_Invocation(n, a, ob, fought_with))
    return invoked, reasons, list(dict.fromkeys(details)), silence


def _strongest(obligations) -> str | None:
    obs = sorted(set(obligations), key=STRENGTH.__getitem__)
    return obs[0] if obs else None


def _codes(states) -> str:
    return " ".join(str(s) for s in sorted(set(states)))


def _code_case(war: int, atopid: int, records: dict[int, list[dict]], formed_here: bool, ctx: WarContext,
               rules: WarRules) -> dict | None:
    when = _invoked_year(war, records, ctx, formed_here)
    if when is None:
        return None
    year, wartime = when
    members = _members(war, year, records, ctx)
    at_war = [s for s in members if ctx.first_episode(war, s) is not None]
    row = {
        "cowwar": war, "war": WAR_NAMES.get(war, f"COW war {war}"), "atopid": atopid, "year": year,
        "era": era(year), "wartime": wartime, "members_at_war": _codes(at_war), "obligated": "", "helped": "",
        "detail": "", "silence_kept": False,
    }

    def done(result: str, reason: str, obligation: str | None, **extra) -> dict:
        return row | {"result": result, "reason": reason, "obligation": obligation} | extra

    strongest = _strongest(ob for m in members.values() for ob in _pledges(m.record))
    if wartime and not rules.wartime:
        return done(NOT_APPLICABLE, "wartime alliance left out", strongest)
    fights = _fights(war, members, records, ctx, formed_here)
    if fights:
        pledged = _strongest(ob for a, b, _ in fights for ob in _pledges(members[a].record) + _pledges(members[b].record))
        detail = "; ".join(f"{a} v {b} from {y0}" for a, b, y0 in fights)
        return done(VIOLATED, "members fought each other", pledged, detail=detail)
    if strongest is None:
        return done(NOT_APPLICABLE, "consultation only", None)
    if len(members) < 2:
        return done(NOT_APPLICABLE, "no other member in force", strongest)
    invoked, reasons, details, silence = _invocations(war, year, members, records, ctx, rules.strict)
    if not invoked:
        reason = next((r for key in _NA_ORDER for r in reasons if r.startswith(key)), "no pledge owed to a member at war")
        return done(NOT_APPLICABLE, reason, strongest, detail="; ".join(details),
                    silence_kept=silence and strongest == "nonagg")
    tested = _strongest(i.obligation for i in invoked)
    military = [i for i in invoked if i.obligation in ("defense", "offense")]
    obligated = _codes(i.ally for i in military) if military else _codes(i.ally for i in invoked)
    helped = _codes(i.ally for i in invoked if i.fought_with)
    extra = {"obligated": obligated, "helped": helped, "detail": "; ".join(details)}
    if not military:
        reason = "neutrality kept" if tested == "neutral" else "non-aggression kept: members fought on one side"
        return done(HONOURED, reason, tested, **extra)
    came = [i for i in military if i.fought_with]
    stayed = sorted({i.ally for i in military if not i.fought_with})
    if rules.compliance == "all":
        if not stayed:
            return done(HONOURED, "every obligated ally fought alongside", tested, **extra)
        return done(VIOLATED, "obligated ally stayed out", tested,
                    **(extra | {"detail": "; ".join(["stayed out: " + _codes(stayed), *details])}))
    if came:
        return done(HONOURED, "an obligated ally fought alongside", tested, **extra)
    return done(VIOLATED, "no obligated ally fought alongside", tested, **extra)


def _all_cases(rules: WarRules) -> pl.DataFrame:
    """Every war x alliance case under ``rules``: the coding depends on the compliance, condition and
    wartime rules only, so presets that differ in their years share one coding."""
    frame = _coded_cases(replace(rules, preset="bf2018", last_year=None))
    if rules.last_year is not None:
        frame = frame.filter(pl.col("year") <= rules.last_year)
    return frame


WAR_TABLES = ("cow_war_inter", "cow_contdir", "cow_states", "atop4_01_member")


@functools.cache
def _coded_cases(rules: WarRules) -> pl.DataFrame:
    """The coded cases, from the disk cache while the war and ATOP tables and this package's code are unchanged."""
    return cached_object("war-cases", war_key(repr(rules)), lambda: _code_cases(rules))


def war_key(extra: str) -> str:
    """Checksum of what the war coding is computed from: its tables and this package's code."""
    return checksum(datasets=WAR_TABLES, code=("pactscope.metrics.reliability_war", "pactscope.data.registry"), extra=extra)


def _code_cases(rules: WarRules) -> pl.DataFrame:
    ctx = context()
    records, by_member, formed = _alliances()
    wars: dict[int, set[int]] = defaultdict(set)
    for (w, s) in ctx.episodes:
        wars[w].add(s)
    rows = []
    for w in sorted(wars):
        for atopid in sorted({a for s in wars[w] for a in by_member.get(s, ())}):
            row = _code_case(w, atopid, records[atopid], w in formed.get(atopid, set()), ctx, rules)
            if row is not None:
                rows.append(row)
    return pl.DataFrame(rows, schema=CASE_SCHEMA).sort("cowwar", "atopid")
