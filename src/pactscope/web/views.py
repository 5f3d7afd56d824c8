"""Cached library results, shaped as plain values for templates and JSON.

Everything here is deterministic for a given ledger and data version, so results are kept
in-process with ``functools.lru_cache``. Callers must treat the returned values as read-only.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from enum import StrEnum
from functools import lru_cache

import polars as pl

from pactscope import codes, data, ledger, metrics
from pactscope.errors import BadArgument, UnknownCase, UnknownState, close_matches


def _rows(frame: pl.DataFrame) -> tuple[dict, ...]:
    return tuple(frame.to_dicts())


@lru_cache(maxsize=1)
def alliance_summaries() -> tuple[dict, ...]:
    """One short record per ledger organization, sorted by id."""
    led = ledger.load_ledger()
    year = dt.date.today().year
    out = []
    for org in ledger.organizations():
        out.append({
            "id": org.id,
            "name": org.names.en,
            "names": org.names.model_dump(),
            "kind": org.kind,
            "founded": org.founded.isoformat(),
            "collective_defence": org.collective_defence,
            "members": metrics.members(org.id, year).height,
            "cases": len(led.cases_of(org.id)),
        })
    return tuple(out)


@lru_cache(maxsize=32)
def alliance_record(oid: str) -> dict:
    """The organization record as JSON-ready data, with today's members and the case count."""
    org = ledger.get_organization(oid)
    record = org.model_dump(mode="json")
    record["members"] = current_members(org.id)
    record["cases"] = len(ledger.load_ledger().cases_of(org.id))
    return record


@lru_cache(maxsize=32)
def current_members(oid: str) -> list[dict]:
    """States counted as members this year."""
    return metrics.members(oid, dt.date.today().year).to_dicts()


@lru_cache(maxsize=64)
def cases(oid: str, member: str | None = None) -> tuple[dict, ...]:
    """The documented JSON form of the alliance's cases, oldest first."""
    return tuple(ledger.cases_json(oid, member=member))


def case(oid: str, case_id: str):
    """The ledger's CrisisCase ``case_id`` of organization ``oid``; UnknownCase if absent."""
    record = ledger.load_ledger().cases.get(case_id)
    if record is None or record.organization != oid:
        known = [c["id"] for c in cases(oid)]
        raise UnknownCase(f"no case {case_id!r} for {oid}", suggestions=close_matches(case_id, known))
    return record


def sources(ids) -> list[dict]:
    """Source records for source ids, in the order given, each id once."""
    known = ledger.load_ledger().sources
    seen: list[str] = []
    for sid in ids:
        if sid in known and sid not in seen:
            seen.append(sid)
    return [known[s].model_dump(mode="json") for s in seen]


@lru_cache(maxsize=32)
def membership(oid: str) -> tuple[dict, ...]:
    return _rows(ledger.membership_frame(oid))


@lru_cache(maxsize=32)
def clauses(oid: str) -> tuple[dict, ...]:
    return _rows(ledger.clauses_frame(oid))


@lru_cache(maxsize=32)
def reliability(oid: str) -> tuple[dict, ...]:
    return _rows(metrics.case_reliability(oid))


@lru_cache(maxsize=32)
def dominance(oid: str) -> pl.DataFrame:
    return metrics.dominance(oid)


@lru_cache(maxsize=32)
def burden(oid: str) -> pl.DataFrame:
    return metrics.burden(oid)


@lru_cache(maxsize=32)
def alliance_years(oid: str) -> pl.DataFrame:
    return metrics.alliance_years(oid)


class Series(StrEnum):
    """Tables behind the alliance charts and footprint sections, offered as JSON and CSV."""

    membership = "membership"
    member_years = "member-years"
    dominance = "dominance"
    burden = "burden"
    reliability = "reliability"
    presence = "presence"
    agreements = "agreements"
    forces = "forces"
    sizes = "sizes"
    exercises = "exercises"
    departures = "departures"


FOOTPRINT_FRAMES = {
    "presence": ledger.presence_frame,
    "agreements": ledger.agreements_frame,
    "forces": ledger.forces_frame,
    "sizes": ledger.sizes_frame,
    "exercises": ledger.exercises_frame,
    "departures": ledger.departures_frame,
}


def series(oid: str, name: str) -> pl.DataFrame:
    """One of the :class:`Series` tables for an alliance."""
    loaders = {
        "membership": lambda: ledger.membership_frame(oid),
        "member-years": lambda: alliance_years(oid),
        "dominance": lambda: dominance(oid),
        "burden": lambda: burden(oid),
        "reliability": lambda: metrics.case_reliability(oid),
    }
    name = Series(name).value
    return FOOTPRINT_FRAMES[name](oid) if name in FOOTPRINT_FRAMES else loaders[name]()


@lru_cache(maxsize=32)
def footprint(oid: str) -> dict[str, tuple[dict, ...]]:
    """The alliance's footprint tables (see :data:`FOOTPRINT_FRAMES`) as rows, by table name."""
    return {name: _rows(frame(oid)) for name, frame in FOOTPRINT_FRAMES.items()}


@lru_cache(maxsize=32)
def footprint_sources(oid: str) -> dict[str, dict]:
    """Every source cited by the alliance's footprint rows, by source id."""
    ids = [sid for rows in footprint(oid).values() for row in rows for sid in row["sources"]]
    return {s["id"]: s for s in sources(ids)}


@lru_cache(maxsize=32)
def dominance_latest(oid: str) -> tuple[dict, ...]:
    """Dominance rows of the latest year that has capability data."""
    frame = dominance(oid).filter(pl.col("total").is_not_null())
    if frame.is_empty():
        return ()
    return _rows(frame.filter(pl.col("year") == frame["year"].max()).sort("indicator"))


@lru_cache(maxsize=4096)
def state_name(iso3: str) -> str:
    """English name of an ISO3 code; the code itself when the crosswalk does not know it."""
    try:
        return codes.resolve(iso3).name
    except UnknownState:  # a name for display only; unknown codes show as they are
        return iso3


@lru_cache(maxsize=512)
def state(x: str) -> dict:
    """The crosswalk record of a state given by any code or name."""
    s = codes.resolve(x)
    return {
        "name": s.name, "name_ru": s.name_ru, "name_ar": s.name_ar, "iso3": s.iso3,
        "ccode": s.ccode, "gwcode": s.gwcode, "cow_abb": s.cow_abb,
        "start_year": s.start_year, "end_year": s.end_year,
    }


@lru_cache(maxsize=1)
def vote_data_label() -> str:
    """Where the UN vote series behind the agreement charts end, from the data catalogue."""
    return f"votes to {max(data.last_year(n) for n in ('un_votes', 'undl_ga_votes', 'unga_2025_3dl'))}"


@lru_cache(maxsize=1)
def state_choices() -> tuple[dict, ...]:
    """States with a COW code, each code once under its latest name, sorted by name."""
    table = (
        codes.states_table()
        .filter(pl.col("ccode").is_not_null())
        .sort("start_year")
        .unique("ccode", keep="last")
        .sort("name_en")
    )
    return tuple({"ccode": r["ccode"], "name": r["name_en"], "iso3": r["iso3"]} for r in table.iter_rows(named=True))


@lru_cache(maxsize=1)
def datasets() -> tuple[dict, ...]:
    """Provenance record and BibTeX of every bundled table."""
    out = []
    for name in data.list_datasets():
        record = dict(data.info(name))
        record["bibtex"] = data.cite(name)
        out.append(record)
    return tuple(out)


MAX_MEMBERS = 60  # states in one members list, however given
MAX_NAME_CHARS = 100  # the longest state name or code a parameter may hold


def parse_members(values: list[str] | None) -> list[str]:
    """Members given as repeated parameters and/or comma-separated lists, as ISO3 codes."""
    items = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    if len(items) > MAX_MEMBERS:
        raise BadArgument(f"members: {len(items)} states given; at most {MAX_MEMBERS}")
    out: list[str] = []
    for item in items:
        if len(item) > MAX_NAME_CHARS:
            raise BadArgument(f"members: {item[:20]!r}… is longer than {MAX_NAME_CHARS} characters, so no state name")
        iso = codes.resolve(item).iso3
        if iso is None:
            raise BadArgument(f"state {item!r} has no ISO3 code")
        if iso not in out:
            out.append(iso)
    return out


def dyad_codes(a: str, b: str) -> tuple[int, int]:
    """COW codes of two states given by any code or name."""
    state_a, state_b = metrics.dyad_states(a, b)
    return int(state_a.ccode), int(state_b.ccode)  # type: ignore[arg-type]


@lru_cache(maxsize=128)
def dyad(ccode_a: int, ccode_b: int) -> dict:
    """The dyad profile of two states (see ``pactscope.metrics.dyad_profile``) as plain values."""
    profile = metrics.dyad_profile(ccode_a, ccode_b)
    return {
        "a": state(str(ccode_a)),
        "b": state(str(ccode_b)),
        "rows": _rows(profile.table),
        "votes": _rows(profile.votes),
        "sources": profile.sources,
    }


@lru_cache(maxsize=1)
def ledger_sources() -> tuple[dict, ...]:
    """Every source the ledger cites."""
    return _rows(ledger.sources_frame())


def dyad_capabilities(ccode_a: int, ccode_b: int) -> list[dict]:
    """The dyad's CINC scores in long form (year, state name, cinc), years with data only."""
    result = dyad(ccode_a, ccode_b)
    return [
        {"year": r["year"], "state": result[side]["name"], "cinc": r[f"cinc_{side}"]}
        for side in ("a", "b")
        for r in result["rows"]
        if r[f"cinc_{side}"] is not None
    ]


REPORTS_KEPT = 64
_reports: OrderedDict[tuple, object] = OrderedDict()
# One assessment is built at a time: each is mostly CPU-bound Python, so several at once would
# only share the interpreter lock with one another and starve the event loop that answers
# cached pages; built reports are kept (the oldest built dropped first) and read without the lock.
_report_builds = threading.Lock()


def report(oid: str, members: tuple[str, ...], region: str | None = None):
    """The assessment report of ``members`` (ISO3) or a ``region`` preset in alliance ``oid``."""
    from pactscope.assess import build_report

    key = (oid, members, region)
    if (found := _reports.get(key)) is not None:
        return found
    with _report_builds:
        if (found := _reports.get(key)) is None:  # built while this request waited
            command = f"pactscope assess {oid} " + (f"--region {region}" if region else f"--members {','.join(members)}")
            found = _reports[key] = build_report(oid, members=list(members) or None, region=region, command=command)
            while len(_reports) > REPORTS_KEPT:
                _reports.popitem(last=False)
    return found


def report_tables(rep) -> list:
    """Every table block of a report, in order."""
    return [b for s in rep.sections for b in s.blocks if b.kind == "table"]


def table_csv(table) -> str:
    """A report table as CSV: column labels, then each cell's number (or its text)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.label for c in table.columns])
    for row in table.rows:
        writer.writerow([c.value.value if c.value is not None and c.value.value is not None else c.text for c in row])
    return out.getvalue()
