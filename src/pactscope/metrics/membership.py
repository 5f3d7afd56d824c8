"""Who belonged to an alliance in each year: ATOP member records joined with the ledger's spells.

Coding rule (applied everywhere in the metrics): a state's status in year Y is its status on
**31 December of Y**. A state that joins on or before that day counts for Y; one that leaves
before it does not. Status is decided per state-year in this order:

1. the ledger says ``frozen`` or ``suspended`` -> that status (ATOP has no such statuses);
2. Y is within ATOP's coverage and an ATOP member record of one of the organization's ATOP ids
   covers 31 December (``yrent <= Y`` and ``yrexit`` is 0 or after Y) -> ``member``, source atop;
3. the ledger has a ``member`` spell covering 31 December -> ``member``, source ledger (years
   after ATOP ends, organizations without ATOP ids, and states or years ATOP does not code);
4. the ledger has an ``observer`` or ``partner`` spell -> that status, source ledger.

``member`` and ``frozen`` count as membership (the ledger's rule); ``suspended``, ``observer`` and
``partner`` rows are kept and marked, with ``member`` false. The columns ``atop`` and
``ledger_status`` show each source's own verdict, so disagreements stay visible.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import polars as pl

from pactscope import data
from pactscope.codes import coded_state, iso_state
from pactscope.data import coverage
from pactscope.ledger import MEMBER_STATUSES, get_organization, load_ledger, org_id
from pactscope.panels.years import current_year, year_span

SCHEMA = {
    "alliance": pl.String, "year": pl.Int32, "ccode": pl.Int32, "iso3": pl.String,
    "name": pl.String, "status": pl.String, "member": pl.Boolean, "source": pl.String,
    "atop": pl.Boolean, "ledger_status": pl.String,
}
_LEDGER_FIRST = ("frozen", "suspended")


def atop_last_year() -> int:
    """Last year the ATOP member records cover (from the data catalogue)."""
    return coverage("atop4_01_member")[1]


def _atop_records(atop_ids: tuple[int, ...]) -> pl.DataFrame:
    return (
        data.load("atop4_01_member")
        .filter(pl.col("atopid").is_in(list(atop_ids)))
        .select("atopid", "member", "yrent", "yrexit")
    )


def _atop_members(records: list[tuple], year: int) -> set[int]:
    """COW codes with an ATOP record, given as (member, yrent, yrexit) rows, covering 31 December of
    ``year`` (yrexit 0: still in; a null year matches nothing)."""
    return {m for m, enter, leave in records
            if enter is not None and enter <= year and leave is not None and (leave == 0 or leave > year)}


def _ledger_status(spells, year: int) -> dict[str, str]:
    """ISO3 -> ledger status on 31 December of ``year`` (counting statuses win a tie)."""
    day = dt.date(year, 12, 31)
    out: dict[str, str] = {}
    for s in spells:
        live = s.start <= day and (s.end is None or day < s.end)
        if live and (s.state not in out or s.status.value in MEMBER_STATUSES):
                out[s.state] = s.status.value
    return out


def first_year(alliance: str) -> int:
    """The earlier of the ledger's founding year and the first ATOP entry year of the alliance."""
    org = get_organization(org_id(alliance))
    years = [org.founded.year]
    if org.atop_ids:
        years.append(int(_atop_records(tuple(org.atop_ids))["yrent"].min()))
    return min(years)


@lru_cache(maxsize=32)
def _alliance_years(oid: str, start: int, end: int) -> pl.DataFrame:
    org = get_organization(oid)
    spells = load_ledger().spells.get(oid, ())
    records = list(_atop_records(tuple(org.atop_ids)).select("member", "yrent", "yrexit").iter_rows()) if org.atop_ids else None
    atop_end = atop_last_year()
    rows = []
    for year in range(start, end + 1):
        ledger = _ledger_status(spells, year)
        atop_codes = _atop_members(records, year) if records is not None and year <= atop_end else set()
        atop_isos = {}
        for code in atop_codes:
            iso, _ = coded_state(code, year, "cow")
            atop_isos[iso or f"COW{code}"] = code
        covered = records is not None and year <= atop_end
        for iso in sorted(set(ledger) | set(atop_isos)):
            lstatus = ledger.get(iso)
            in_atop = iso in atop_isos
            if lstatus in _LEDGER_FIRST:
                status, source = lstatus, "ledger"
            elif in_atop:
                status, source = "member", "atop"
            else:
                status, source = lstatus, "ledger"
            if iso in atop_isos:
                ccode, name = atop_isos[iso], coded_state(atop_isos[iso], year, "cow")[1]
            else:
                ccode, _, name = iso_state(iso, year)
            rows.append({
                "alliance": oid, "year": year, "ccode": ccode, "iso3": iso, "name": name,
                "status": status, "member": status in MEMBER_STATUSES, "source": source,
                "atop": in_atop if covered else None, "ledger_status": lstatus,
            })
    return pl.DataFrame(rows, schema=SCHEMA)


def alliance_years(alliance: str, years=None) -> pl.DataFrame:
    """One row per state and year the state was tied to the alliance (statuses as in the module doc).

    Columns: alliance, year, ccode, iso3, name, status, member (counts as a member), source
    ("atop" or "ledger"), atop (ATOP's verdict; null outside ATOP's years or without ATOP ids),
    ledger_status. ``years`` defaults to the alliance's first year through the current year.
    Sources: the ATOP member records (``atop4_01_member``) and the ledger's membership spells.
    """
    oid = org_id(alliance)
    start, end = year_span(years, (first_year(oid), current_year()))
    return _alliance_years(oid, start, end)


def members(alliance: str, year: int, *, include_inactive: bool = False) -> pl.DataFrame:
    """States counted as members of ``alliance`` in ``year`` (member or frozen on 31 December).

    Columns ccode, iso3, name, status and source, one row a state. ``include_inactive`` adds the
    suspended, observer and partner states, marked by their status.
    """
    frame = alliance_years(alliance, years=int(year))
    if not include_inactive:
        frame = frame.filter(pl.col("member"))
    return frame.select("ccode", "iso3", "name", "status", "source")


def member_years(years: tuple[int, int], *, include_inactive: bool = False) -> pl.DataFrame:
    """Memberships of every ledger organization in a span: columns alliance, year, iso3, status.

    Only counted memberships (member or frozen) unless ``include_inactive``."""
    frames = []
    for org in sorted(load_ledger().organizations):
        start, end = max(years[0], first_year(org)), years[1]
        if start <= end:
            frames.append(_alliance_years(org, start, end))
    cols = ["alliance", "year", "iso3", "status"]
    if not frames:
        return pl.DataFrame(schema={k: SCHEMA[k] for k in cols})
    out = pl.concat(frames)
    return (out if include_inactive else out.filter(pl.col("member"))).select(cols)
