"""Collect the evidence for one alliance and a set of states into a :class:`Report` (no rendering)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shlex
import sys
from collections.abc import Callable, Iterable
from functools import cache

from pactscope import __version__, data
from pactscope.assess import fmt
from pactscope.assess.context import Ctx, para, state_name, status_today
from pactscope.assess.formats import default_compare, report_states
from pactscope.assess.keypoints import key_points
from pactscope.assess.model import DataVersion, Footer, Report, Section, StateRef
from pactscope.assess.sections import (
    alignment,
    alternatives,
    costs,
    leaving,
    membership,
    power,
    reliability,
    threats,
)
from pactscope.codes import state_iso3
from pactscope.data import coverage
from pactscope.errors import BadArgument
from pactscope.ledger import counted_statuses, load_ledger, org_id
from pactscope.metrics.alignment import vote_series_years
from pactscope.metrics.membership import first_year
from pactscope.panels.years import year_span

SECTIONS = [
    ("membership", membership.build), ("threats", threats.build), ("reliability", reliability.build),
    ("power", power.build), ("alignment", alignment.build), ("leaving", leaving.build),
    ("alternatives", alternatives.build), ("costs", costs.build),
]
COUNTED = counted_statuses()


@cache
def ledger_version() -> str:
    """First 16 hex digits of a sha256 over the ledger's record files (path and bytes, sorted)."""
    root = load_ledger().root
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_version() -> str:
    """The package version (``pactscope.__version__``, kept equal to the installed metadata by a test;
    read without importlib.metadata, whose import costs a report's cold start tens of milliseconds)."""
    return __version__


def split_states(oid: str, states: list[str], comparisons: list[str], today: dt.date) -> tuple[list[str], list[str]]:
    """Focus members (member or frozen today) and comparison states (the rest, then ``comparisons``)."""
    focus = [s for s in states if status_today(oid, s, today)[0] in COUNTED]
    rest = [s for s in [*states, *comparisons] if s not in focus]
    return focus, list(dict.fromkeys(rest))


def _command(alliance, members, region, comparisons, years, compare_with, versus) -> str:
    if sys.argv and sys.argv[0].endswith("pactscope"):
        return shlex.join(["pactscope", *sys.argv[1:]])
    args = [repr(alliance)] + [f"{k}={v!r}" for k, v in (
        ("members", members), ("region", region), ("comparisons", comparisons), ("years", years),
        ("compare_with", compare_with), ("versus", versus)) if v]
    return f"pactscope.assess.build_report({', '.join(args)})"


def build_report(
    alliance: str, members: Iterable[str] | None = None, *, region: str | None = None,
    comparisons: Iterable[str] | None = None, years=None, compare_with: str | None = None,
    versus: Iterable[str] | None = None, today: dt.date | None = None, command: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Evidence on whether the given states need ``alliance``, section by section.

    ``members`` (names or codes) or ``region`` (a named region such as "central-asia") give the states;
    those that are not members today (member or frozen) become comparison states, as do
    ``comparisons``. ``years`` (a span such as "1992-2012") defaults to the alliance's first year through
    this year. ``compare_with`` is the second alliance in the power section (NATO by default, CSTO
    when the alliance is NATO itself). ``versus`` picks the states in the alternatives scenario
    (default: the leader and the focus members' most frequent outside adversaries).
    """
    today = today or dt.date.today()
    oid = org_id(alliance)
    states = report_states(members, region)
    extra = [state_iso3(c, "comparisons") for c in comparisons or []]
    focus, comps = split_states(oid, list(dict.fromkeys(states)), extra, today)
    if not focus:
        raise BadArgument(
            f"members: none of {', '.join(states)} is a member of {oid} today; add at least one member",
        )
    compare = org_id(compare_with, "compare_with") if compare_with else default_compare(oid)
    if compare == oid:
        compare = default_compare(oid)
    start, end = year_span(years, (first_year(oid), today.year))
    ctx = Ctx(
        oid=oid, compare=compare, start=start, end=end, nmc_end=min(end, coverage("cow_nmc")[1]),
        un_end=min(end, vote_series_years()[2]), today=today, focus=focus, comparisons=comps,
        bloc=list(dict.fromkeys(states if region else [*focus, *comps])),
    )
    ctx.leader = power.find_leader(ctx)
    picked = [state_iso3(v, "versus") for v in versus or []]
    ctx.versus, ctx.versus_default = (picked, False) if picked else (alternatives.default_versus(ctx), True)
    sections: list[Section] = []
    for name, fn in SECTIONS:
        if progress:
            progress(name)
        sections.append(fn(ctx))
    if progress:
        progress("balance")
    names = {s: state_name(s) for s in ctx.states}
    verb = "Does" if len(focus) == 1 else "Do"
    used = ctx.cites.used_datasets()
    footer = Footer(
        pactscope_version=_package_version(), generated=today,
        command=command or _command(alliance, members, region, comparisons, years, compare_with, versus),
        ledger_version=ledger_version(),
        data_versions=[DataVersion(name=n, title=data.info(n)["title"], version=data.info(n).get("pactscope:version"),
                                   hash=data.info(n)["hash"]) for n in used],
    )
    return Report(
        title=f"{verb} {fmt.listing([names[s] for s in focus])} need {fmt.org(oid)}?", alliance=oid, alliance_name=ctx.org.names.en,
        leader=ctx.leader, compare_with=compare, years=(start, end),
        states=[StateRef(iso3=s, name=names[s], role="member" if s in focus else "comparison",
                         status=status_today(oid, s, today)[0]) for s in ctx.states],
        bloc=ctx.bloc, versus=ctx.versus, sections=[*sections, _balance_section(ctx)], indicators=ctx.indicators,
        key_points=key_points(ctx.indicators),
        sources=ctx.cites.sources(), footer=footer,
    )


def _balance_section(ctx: Ctx) -> Section:
    return Section(
        id="balance", title="Balance of evidence",
        question="What does each indicator suggest, by its stated rule?",
        blocks=[para(
            "Each row applies one documented rule (shown under each indicator's name, and in docs/assess.md) to one number "
            "from the sections above. The rules are conventions that make the reading of each number explicit; the rows are not weighted or "
            "added up, and the report draws no overall conclusion."
        )],
    )
