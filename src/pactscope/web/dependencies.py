"""Reusable path and query validators: each turns user input into a canonical library value."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from pactscope import ledger
from pactscope.web import views


async def valid_alliance_id(
    alliance_id: Annotated[str, Path(description="ledger id or abbreviation, any case (e.g. csto)", max_length=64)],
) -> str:
    """Canonical ledger id (e.g. ``CSTO``); UnknownAlliance (404 with suggestions) otherwise."""
    return ledger.resolve_org_id(alliance_id)


async def valid_state(
    code: Annotated[str, Path(description="any code or name the crosswalk resolves (ISO3, COW, GW, en/ru/ar name)", max_length=100)],
) -> dict:
    """The crosswalk record of a state; UnknownState (404 with suggestions) otherwise."""
    return views.state(code)


async def member_filter(
    member: Annotated[str | None, Query(description="keep cases in which this state is a party (code or name)", max_length=100)] = None,
) -> str | None:
    """ISO3 of an optional member filter."""
    return views.parse_members([member])[0] if member else None
