"""`pactscope metrics ...`: alliance metrics as tables, JSON or files.

Every command prints a rich table by default; ``--format json`` prints a JSON array of records
with the same columns (dates as ISO strings, lists as arrays); ``--out FILE`` writes CSV or
Parquet, chosen by the extension, atomically. Bad input exits with code 2.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from pactscope.cli._lazy import lazy_module
from pactscope.cli.output import Format, check_out, emit, fail
from pactscope.errors import BadArgument, PactscopeError

if TYPE_CHECKING:
    import polars as pl
else:
    pl = lazy_module("polars")  # loaded on first use: `pactscope --help` does not import polars

m = lazy_module("pactscope.metrics")

app = typer.Typer(no_args_is_help=True, help="Alliance metrics: membership, dominance, burden, reliability, threats.")


class Method(StrEnum):
    cases = "cases"
    war = "war"


class Measure(StrEnum):
    votes = "votes"
    portfolio = "portfolio"


class Series(StrEnum):
    auto = "auto"
    voeten = "voeten"
    undl = "undl"


class BurdenMeasure(StrEnum):
    nmc = "nmc"
    gdp_share = "gdp-share"
    concentration = "concentration"


BURDEN_CAPTIONS = {
    BurdenMeasure.gdp_share: "Military spending as a share of GDP (SIPRI; World Bank copy beside it); milex and GDP "
    "shares of the members with both figures; CINC shares to NMC's last year.",
    BurdenMeasure.concentration: "Largest spender's share of members' SIPRI military spending (current US$) and HHI.",
}


FormatOpt = typer.Option(None, "--format", help="table (default), json or csv")
OutOpt = typer.Option(None, "--out", help="write the rows to FILE.csv or FILE.parquet", callback=check_out)
YearsOpt = typer.Option(None, "--years", help="a year or a span such as 1992-1999")


@app.command()
def members(
    alliance: str,
    years: str | None = YearsOpt,
    inactive: bool = typer.Option(False, "--inactive", help="also list suspended, observer and partner states"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """States in ALLIANCE each year (status on 31 December; ATOP while its member records run, then the ledger)."""
    try:
        frame = m.alliance_years(alliance, years)
    except PactscopeError as exc:
        fail(exc)
    if not inactive:
        frame = frame.filter(pl.col("member"))
    emit(frame, fmt, path, f"{frame['alliance'][0] if frame.height else alliance.upper()} members")


@app.command()
def dominance(
    alliances: list[str],
    years: str | None = YearsOpt,
    indicator: str = typer.Option("cinc", "--indicator", help="cinc, milex, milper or tpop"),
    long: bool = typer.Option(False, "--long", help="one row per alliance, year and indicator, all columns"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Leader's share, HHI and members-to-half per alliance-year, alliances side by side.

    Example: pactscope metrics dominance CSTO NATO --years 1992-1999
    """
    try:
        frame = m.dominance(alliances, years) if long else m.dominance_side_by_side(alliances, years, indicator)
    except PactscopeError as exc:
        fail(exc)
    title = "Dominance" if long else f"Dominance ({indicator}): leader's share, HHI, members to pass half"
    emit(frame, fmt, path, title, f"Source: {lazy_module('pactscope.data').label('cow_nmc')}.")


@app.command()
def burden(
    alliance: str,
    years: str | None = YearsOpt,
    measure: BurdenMeasure = typer.Option(
        BurdenMeasure.nmc, "--measure", help="nmc (milex vs CINC and population), gdp-share (SIPRI/World Bank) or concentration"
    ),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Each member's share of alliance military spending against its weight (CINC, population or GDP).

    Example: pactscope metrics burden CSTO --measure gdp-share --years 2015-2024 (not-a-data-year)
    """
    try:
        if measure is BurdenMeasure.gdp_share:
            frame = m.milex_gdp(alliance, years)
        elif measure is BurdenMeasure.concentration:
            frame = m.spending_concentration(alliance, years)
        else:
            frame = m.burden(alliance, years)
    except PactscopeError as exc:
        fail(exc)
    caption = BURDEN_CAPTIONS.get(measure) or lazy_module("pactscope.metrics.burden").GDP_NOTE
    emit(frame, fmt, path, f"{alliance.upper()} burden sharing ({measure.value})", caption)


class WarPreset(StrEnum):
    bf2018 = "bf2018"
    llm2000 = "llm2000"


class WarUnit(StrEnum):
    alliance = "alliance"
    pledge = "pledge"


class Compliance(StrEnum):
    all = "all"
    sabrosky = "sabrosky"


class Conditions(StrEnum):
    strict = "strict"
    assume_met = "assume-met"


def _war_caption(preset: str, unit: str, alliance: str | None) -> str:
    data = lazy_module("pactscope.data")
    last = lazy_module("pactscope.metrics.reliability_war.context").last_war_year()
    sources = f"{data.label('atop4_01_member')}; {data.label('cow_war_inter')} (last war {last})."
    if unit == "pledge":
        return f"Per-pledge coding (war, member, ally, pledge): not the papers' unit, no published figure. {sources}"
    if alliance is not None:
        return f"War x alliance cases of {alliance.upper()}'s ATOP records only. {sources}"
    source = lazy_module("pactscope.metrics.reliability_war.published").SOURCES[preset]
    return (f"War x alliance cases, preset {preset}; published_n / published_rate: {source}. "
            f"nonagg-silence-kept is a separate indicator, not in the overall row. {sources}")


def _war_frame(alliance: str | None, by: str | None, cases: bool, options: dict) -> tuple[pl.DataFrame, str]:
    rw = lazy_module("pactscope.metrics.reliability_war")
    preset, unit = options["preset"], options.pop("unit")
    if cases:
        if unit == "pledge":
            strict = options.get("conditions") == "strict"
            return rw.war_obligations(strict=strict, alliance=alliance), _war_caption(preset, unit, alliance)
        return rw.war_cases(alliance=alliance, **options), _war_caption(preset, unit, alliance)
    frame = rw.war_reliability(by=by, unit=unit, alliance=alliance, **options)
    return frame, _war_caption(preset, unit, alliance)


@app.command()
def reliability(
    alliance: str | None = typer.Argument(None, help="a ledger organization; optional with --method war (all alliances)"),
    member: str | None = typer.Option(None, "--member", help="only this threatened member (cases)"),
    by_member: bool = typer.Option(False, "--by-member", help="one block per threatened member (cases)"),
    method: Method = typer.Option(Method.cases, "--method", help="cases (ledger) or war (COW wars and ATOP)"),
    by: str | None = typer.Option(None, "--by", help="war method: overall, type or era"),
    preset: WarPreset = typer.Option(WarPreset.bf2018, "--preset", help="war method: bf2018 (default) or llm2000 (cases invoked to 1944)"),
    unit: WarUnit = typer.Option(WarUnit.alliance, "--unit", help="war method: alliance (war x alliance, default) or pledge"),
    compliance: Compliance | None = typer.Option(None, "--compliance", help="war method: all members (default) or sabrosky"),
    conditions: Conditions | None = typer.Option(None, "--conditions", help="war method: strict (default) or assume-met"),
    wartime: bool | None = typer.Option(None, "--wartime/--no-wartime", help="war method: alliances formed during the war in or out"),
    cases: bool = typer.Option(False, "--cases", help="war method: one row per case instead of the summary"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Did ALLIANCE help threatened members? Fulfilment rate with a Wilson 95% interval.

    Example: pactscope metrics reliability CSTO --method cases; pactscope metrics reliability --method war;
    pactscope metrics reliability --method war --cases --format csv
    """
    try:
        if method is Method.war:
            options = {"preset": preset.value, "unit": unit.value, "compliance": compliance and compliance.value,
                       "conditions": conditions and conditions.value, "wartime": wartime}
            frame, caption = _war_frame(alliance, by, cases, options)
        elif alliance is None:
            raise BadArgument("ALLIANCE: name an organization for --method cases, e.g. CSTO")
        else:
            frame = m.case_reliability(alliance, member, by_member=by_member)
            caption = "Fulfilled: triggered and answered with deployment or material aid. Rates only on triggered=yes rows."
    except (PactscopeError, ValueError) as exc:
        fail(exc)
    emit(frame, fmt, path, f"{(alliance or 'All alliances').upper()} reliability ({method.value})", caption)


def _year_list(years: str | None) -> list[int] | None:
    """The years of a span; the metric itself refuses years past its data's end, naming the last year."""
    if years is None:
        return None
    start, end = lazy_module("pactscope.panels.years").parse_years(years, last=9999)
    return list(range(start, end + 1))


@app.command()
def alignment(
    state: str,
    others: list[str],
    measure: Measure = typer.Option(Measure.votes, "--measure", help="votes (UN General Assembly) or portfolio (ATOP)"),
    years: str | None = YearsOpt,
    series: Series = typer.Option(
        Series.auto, "--series", help="UN votes: auto (Voeten, then the UN Digital Library after Voeten's last year), voeten or undl"
    ),
    split: str | None = typer.Option(
        None, "--split", help="a date such as 2022-02-24: agreement before and after it, side by side (UN Digital Library)"
    ),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Alignment of STATE with OTHERS (states, or EU): UN vote agreement or alliance-portfolio similarity.

    Example: pactscope metrics alignment KAZ RUS CHN USA EU --years 2018-2025 (not-a-data-year); add
    --split 2022-02-24 (not-a-data-year)
    for the windows before and after a date. The series column names the vote table of each row.
    """
    try:
        if split is not None:
            frame = m.alignment_before_after(state, others, cut=_date(split))
            title = f"Alignment of {state} before and after {split}"
        else:
            span = _year_list(years)
            if measure is Measure.votes:
                frame = m.alignment_with(state, others, years=span, series=series.value)
            else:
                frame = m.portfolio_similarity_with(state, others, years=span)
            title = f"Alignment of {state} ({measure.value})"
    except (PactscopeError, ValueError) as exc:
        fail(exc)
    emit(frame, fmt, path, title)


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise BadArgument(f"--split: {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-02-24") from None


@app.command()
def votes(
    states: list[str],
    topic: str = typer.Option("ukraine", "--topic", help="ukraine (68/262 and 2022 on) or ukraine-all (every one since 2014)"),  # not-a-data-year
    years: str | None = YearsOpt,
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """How STATES voted on a topic's UN General Assembly resolutions, beside Russia, the US and China.

    Example: pactscope metrics votes KAZ KGZ TJK UZB --topic ukraine --format csv
    """
    try:
        span = _year_list(years)
        frame = m.resolution_votes(states, topic, years=span)
    except (PactscopeError, ValueError) as exc:
        fail(exc)
    caption = "Totals count the record's votes; non-voting: listed without a vote. Source column: the table of each record."
    emit(frame, fmt, path, f"UN General Assembly votes: {topic}", caption)


@app.command()
def threats(
    state: str,
    alliance: str | None = typer.Option(None, "--alliance", help="check adversaries against this alliance only"),
    years: str | None = YearsOpt,
    mids: str = typer.Option("gml-then-cow", "--mids", help="gml-then-cow, gml, cow, both or none"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """STATE's armed conflicts (UCDP) and disputes (MIDs) by year, and whether the adversary was an ally."""
    try:
        frame = m.threats(state, alliance, years, mids=mids)
    except PactscopeError as exc:
        fail(exc)
    emit(frame, fmt, path, f"Threat environment of {state}")


@app.command("exit")
def exit_(
    alliance: str,
    clauses: bool = typer.Option(False, "--clauses", help="json/--out: the clauses instead of the precedents"),
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """Withdrawal terms of ALLIANCE and the states that left it, with what they joined next."""
    try:
        terms = m.exit_clauses(alliance)
        cases = m.exit_precedents(alliance)
    except PactscopeError as exc:
        fail(exc)
    if fmt is Format.json or path is not None:
        emit(terms if clauses else cases, fmt, path, "")
        return
    emit(terms, None, None, f"{alliance.upper()} exit clauses")
    emit(cases, None, None, f"{alliance.upper()} exit precedents")


@app.command()
def coalition(
    states: list[str] = typer.Argument(None, help="states of the bloc (names or codes)"),
    region: str | None = typer.Option(None, "--region", "--preset", help="a named region such as central-asia or south-caucasus (an unknown name lists them all)"),
    versus: list[str] = typer.Option(None, "--versus", help="a potential adversary (repeat the option)"),
    alliance: str = typer.Option("CSTO", "--alliance", help="the alliance the bloc would replace"),
    overlap: bool = typer.Option(False, "--overlap", help="show the bloc states' memberships instead"),
    years: str | None = YearsOpt,
    fmt: Format | None = FormatOpt,
    path: Path | None = OutOpt,
) -> None:
    """A hypothetical bloc's CINC, milex, milper and tpop against ALLIANCE and adversaries."""
    try:
        if overlap:
            frame = m.coalition_overlap(states or None, region=region, years=years)
        else:
            frame = m.coalition(states or None, region=region, alliance=alliance, versus=versus or None, years=years)
    except PactscopeError as exc:
        fail(exc)
    emit(frame, fmt, path, "Coalition scenario", f"Source: {lazy_module('pactscope.data').label('cow_nmc')}.")
