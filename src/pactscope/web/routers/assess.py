"""Assessment pages: the report of ``pactscope.assess`` rendered live, with its downloads."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from pactscope.assess import MEDIA_TYPES, ReportFormat, render_text
from pactscope.assess import charts as vl
from pactscope.assess import render as render_report
from pactscope.errors import BadArgument, UnknownTable, close_matches
from pactscope.web import views
from pactscope.web.cache import Cached
from pactscope.web.dependencies import NAME_CHARS, report_members, valid_alliance_id, valid_state
from pactscope.web.render import attachment, render

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

CSV = "text/csv; charset=utf-8"
MEDIA = MEDIA_TYPES


Key = tuple[str, tuple[str, ...], str | None]  # alliance id, member ISO3 codes, region preset


def _links(key: Key) -> tuple[str, str]:
    """Base address and query string of a report's page and downloads."""
    oid, members, region = key
    if region is None and len(members) == 1:
        return f"/alliances/{oid}/members/{members[0]}", ""
    params = [("members", m) for m in members] + ([("region", region)] if region else [])
    return f"/alliances/{oid}/assess", urlencode(params)


def _page(*key) -> str:
    rep = views.report(*key)
    base, query = _links(key)
    return render(
        "assess.html", nav="home", charts=True, report=rep, subtitle=render_text.subtitle(rep),
        tables=views.report_tables(rep), groups=render_text.indicator_groups(rep),
        sections={s.id: s.title for s in rep.sections}, base=base, query=f"?{query}" if query else "",
    )


def _download(fmt: str, *key) -> str:
    return render_report(views.report(*key), fmt)


def _table(table_id: str, *key) -> str:
    tables = {t.id: t for t in views.report_tables(views.report(*key))}
    if table_id not in tables:
        close = close_matches(table_id, list(tables)) or list(tables)
        raise UnknownTable(f"no table {table_id!r} in this report", suggestions=close)
    return views.table_csv(tables[table_id])


pages = Cached(_page, maxsize=64)
downloads = Cached(_download, maxsize=64)
table_csvs = Cached(_table, maxsize=256)


def _member_key(alliance_id: str, oid: str, code: str, state: dict, rest: str) -> tuple[Key, Response | None]:
    """The report key of one member and, when the address is not the canonical one, a redirect to it."""
    iso3 = state["iso3"]
    if iso3 is None:
        raise BadArgument(f"{state['name']} has no ISO3 code")
    redirect = None
    if (alliance_id, code) != (oid, iso3):
        redirect = RedirectResponse(f"/alliances/{oid}/members/{iso3}{rest}", status_code=308)
    return (oid, (iso3,), None), redirect


Who = Annotated[tuple[tuple[str, ...], str | None], Depends(report_members)]


def _group_key(request: Request, alliance_id: str, oid: str, who: tuple[tuple[str, ...], str | None],
               rest: str) -> tuple[Key, Response | None]:
    """The report key of several members or a region, with a redirect when the alliance id is not canonical."""
    key = (oid, *who)
    redirect = None
    if alliance_id != oid:
        query = f"?{request.url.query}" if request.url.query else ""
        redirect = RedirectResponse(f"/alliances/{oid}/assess{rest}{query}", status_code=308)
    return key, redirect


@router.get("/alliances/{alliance_id}/members/{code}")
async def member_page(alliance_id: str, code: str, oid: Annotated[str, Depends(valid_alliance_id)],
                      state: Annotated[dict, Depends(valid_state)]) -> Response:
    key, redirect = _member_key(alliance_id, oid, code, state, "")
    return redirect or HTMLResponse(await pages(*key))


@router.get("/alliances/{alliance_id}/members/{code}/report.{fmt}")
async def member_download(alliance_id: str, code: str, fmt: ReportFormat, oid: Annotated[str, Depends(valid_alliance_id)],
                          state: Annotated[dict, Depends(valid_state)]) -> Response:
    key, redirect = _member_key(alliance_id, oid, code, state, f"/report.{fmt.value}")
    return redirect or attachment(await downloads(fmt.value, *key), MEDIA[fmt.value], _filename(key, fmt.value))


@router.get("/alliances/{alliance_id}/members/{code}/tables/{table_id}.csv")
async def member_table(alliance_id: str, code: str, table_id: Annotated[str, Path(max_length=NAME_CHARS)], oid: Annotated[str, Depends(valid_alliance_id)],
                       state: Annotated[dict, Depends(valid_state)]) -> Response:
    key, redirect = _member_key(alliance_id, oid, code, state, f"/tables/{table_id}.csv")
    return redirect or attachment(await table_csvs(table_id, *key), CSV, _filename(key, "csv", table_id))


@router.get("/alliances/{alliance_id}/assess")
async def group_page(request: Request, alliance_id: str, oid: Annotated[str, Depends(valid_alliance_id)],
                     who: Who) -> Response:
    key, redirect = _group_key(request, alliance_id, oid, who, "")
    return redirect or HTMLResponse(await pages(*key))


@router.get("/alliances/{alliance_id}/assess/report.{fmt}")
async def group_download(request: Request, alliance_id: str, fmt: ReportFormat,
                         oid: Annotated[str, Depends(valid_alliance_id)], who: Who) -> Response:
    key, redirect = _group_key(request, alliance_id, oid, who, f"/report.{fmt.value}")
    return redirect or attachment(await downloads(fmt.value, *key), MEDIA[fmt.value], _filename(key, fmt.value))


@router.get("/alliances/{alliance_id}/assess/tables/{table_id}.csv")
async def group_table(request: Request, alliance_id: str, table_id: Annotated[str, Path(max_length=NAME_CHARS)], oid: Annotated[str, Depends(valid_alliance_id)],
                      who: Who) -> Response:
    key, redirect = _group_key(request, alliance_id, oid, who, f"/tables/{table_id}.csv")
    return redirect or attachment(await table_csvs(table_id, *key), CSV, _filename(key, "csv", table_id))


def _filename(key: Key, ext: str, table_id: str | None = None) -> str:
    oid, members, region = key
    who = region or "-".join(m.lower() for m in members)
    return f"{oid.lower()}-{who}{'-' + table_id if table_id else ''}.{ext}"


@router.get("/assets/countries-110m.json")
def world_geometry() -> FileResponse:
    """The world geometry of the chart module, for the members maps."""
    return FileResponse(vl.ASSETS / "countries-110m.json", media_type="application/json",
                        headers={"Cache-Control": "public, max-age=86400"})
