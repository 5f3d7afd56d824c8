"""Reusable path and query validators: each turns user input into a canonical library value.

They are plain functions, so FastAPI runs them in a worker thread: a fuzzy name look-up never
holds the event loop. Every parameter has a length bound.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import StringConstraints

from pactscope import ledger
from pactscope.assess import report_states
from pactscope.errors import BadArgument
from pactscope.web import views

NAME_CHARS = views.MAX_NAME_CHARS
MEMBERS_ITEMS = 30  # repeated members= parameters
MEMBERS_CHARS = 400  # one members= value (a comma-separated list)

MemberList = list[Annotated[str, StringConstraints(max_length=MEMBERS_CHARS)]]
Members = Annotated[MemberList | None, Query(max_length=MEMBERS_ITEMS,
                                             description="states, repeated or comma-separated (codes or names)")]
Region = Annotated[str | None, Query(max_length=64, description="a region preset instead of members, e.g. central-asia")]


def valid_alliance_id(
    alliance_id: Annotated[str, Path(description="ledger id or abbreviation, any case (e.g. csto)", max_length=64)],
) -> str:
    """Canonical ledger id (e.g. ``CSTO``); UnknownAlliance (404 with suggestions) otherwise."""
    return ledger.resolve_org_id(alliance_id)


def valid_state(
    code: Annotated[str, Path(description="any code or name the crosswalk resolves (ISO3, COW, GW, en/ru/ar name)",
                              max_length=NAME_CHARS)],
) -> dict:
    """The crosswalk record of a state; UnknownState (404 with suggestions) otherwise."""
    return views.state(code)


def member_filter(
    member: Annotated[str | None, Query(description="keep cases in which this state is a party (code or name)",
                                        max_length=NAME_CHARS)] = None,
) -> str | None:
    """ISO3 of an optional member filter; a blank value means no filter."""
    found = views.parse_members([member] if member else [])
    if len(found) > 1:
        raise BadArgument("member: give one state", suggestions=found)
    return found[0] if found else None


def report_members(members: Members = None, region: Region = None) -> tuple[tuple[str, ...], str | None]:
    """ISO3 codes of the members and the region of an assessment; one of them is required."""
    isos = tuple(views.parse_members(members))
    report_states(isos, region)  # the library's check that members or a region were given
    return isos, region or None


def dyad_pair(a: Annotated[str, Query(max_length=NAME_CHARS, description="first state, any code or name")],
              b: Annotated[str, Query(max_length=NAME_CHARS, description="second state, any code or name")],
              ) -> tuple[int, int]:
    """COW codes of the two states of a dyad."""
    return views.dyad_codes(a, b)
