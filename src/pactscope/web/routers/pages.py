"""Server-rendered pages. Deterministic pages are rendered once and kept in memory."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from pactscope import data, ledger
from pactscope.assess import charts as vl
from pactscope.assess import render_text
from pactscope.assess.render_html import render_html
from pactscope.assess.render_json import render_json
from pactscope.assess.render_md import render_md
from pactscope.errors import BadArgument, PactscopeError
from pactscope.reader import MAX_CHARS, read_text
from pactscope.web import charts, views
from pactscope.web.cache import Cached
from pactscope.web.dependencies import valid_alliance_id, valid_state
from pactscope.web.render import attachment, render

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


class ReportFormat(StrEnum):
    html = "html"
    md = "md"
    json = "json"

MAX_FORM_BYTES = 4 * MAX_CHARS  # percent-encoded text is longer than the text


def _home() -> str:
    return render("home.html", nav="home", alliances=views.alliance_summaries())


def _alliance(oid: str) -> str:
    org = ledger.get_organization(oid)
    return render(
        "alliance.html",
        nav="home",
        org=org,
        members=views.current_members(oid),
        membership=views.membership(oid),
        cases=views.cases(oid),
        clauses=views.clauses(oid),
        reliability=views.reliability(oid),
        dominance_latest=views.dominance_latest(oid),
        org_sources=views.sources(org.sources),
        charts=charts.alliance_charts(oid),
    )


def _case(oid: str, case_id: str) -> str:
    case = views.case(oid, case_id)
    return render(
        "case.html",
        nav="home",
        org=ledger.get_organization(oid),
        case=case,
        case_sources=views.sources(case.sources),
        request_sources=views.sources(case.request.sources),
        response_sources=views.sources(case.response.sources),
        obligation_sources=views.sources(case.obligation.sources),
    )


def _assess(oid: str, iso3: str) -> str:
    rep = views.report(oid, (iso3,))
    return render(
        "assess.html", nav="home", charts=True, report=rep, subtitle=render_text.subtitle(rep),
        tables=views.report_tables(rep), groups=render_text.indicator_groups(rep),
        sections={s.id: s.title for s in rep.sections}, base=f"/alliances/{oid}/members/{iso3}",
    )


def _download(oid: str, iso3: str, fmt: str) -> str:
    rep = views.report(oid, (iso3,))
    return {"html": render_html, "md": render_md, "json": render_json}[fmt](rep)


def _table(oid: str, iso3: str, table_id: str) -> str:
    tables = {t.id: t for t in views.report_tables(views.report(oid, (iso3,)))}
    if table_id not in tables:
        raise UnknownTable(f"no table {table_id!r} in this report", suggestions=views.close_matches(table_id, list(tables)) or list(tables))
    return views.table_csv(tables[table_id])


class UnknownTable(PactscopeError, LookupError):
    """A table id that the report does not hold."""


def _data() -> str:
    return render("data.html", nav="data", datasets=views.datasets(), ledger_sources=views.ledger_sources())


def _dyad(ccode_a: int | None, ccode_b: int | None) -> str:
    result = views.dyad(ccode_a, ccode_b) if ccode_a is not None else None
    return render("dyad.html", nav="dyad", choices=views.state_choices(), dyad=result,
                  charts=charts.dyad_charts(ccode_a, ccode_b) if result else {})


home_html = Cached(_home, maxsize=1)
alliance_html = Cached(_alliance, maxsize=32)
case_html = Cached(_case, maxsize=256)
data_html = Cached(_data, maxsize=1)
assess_html = Cached(_assess, maxsize=64)
downloads = Cached(_download, maxsize=64)
table_csvs = Cached(_table, maxsize=256)

CSV = "text/csv; charset=utf-8"
MEDIA = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "json": "application/json"}
dyad_html = Cached(_dyad, maxsize=128)


@router.get("/")
async def home() -> HTMLResponse:
    return HTMLResponse(await home_html())


@router.get("/alliances/{alliance_id}")
async def alliance(alliance_id: str, oid: Annotated[str, Depends(valid_alliance_id)]) -> Response:
    if alliance_id != oid:
        return RedirectResponse(f"/alliances/{oid}", status_code=308)
    return HTMLResponse(await alliance_html(oid))


@router.get("/alliances/{alliance_id}/cases/{case_id}")
async def case(alliance_id: str, case_id: str, oid: Annotated[str, Depends(valid_alliance_id)]) -> Response:
    if alliance_id != oid:
        return RedirectResponse(f"/alliances/{oid}/cases/{case_id}", status_code=308)
    return HTMLResponse(await case_html(oid, case_id))


def _member(alliance_id: str, oid: str, code: str, state: dict, rest: str = "") -> tuple[str, Response | None]:
    """ISO3 of the member and, when the address is not the canonical one, a redirect to it."""
    iso3 = state["iso3"]
    if iso3 is None:
        raise BadArgument(f"{state['name']} has no ISO3 code")
    if (alliance_id, code) != (oid, iso3):
        return iso3, RedirectResponse(f"/alliances/{oid}/members/{iso3}{rest}", status_code=308)
    return iso3, None


@router.get("/alliances/{alliance_id}/members/{code}")
async def assess(alliance_id: str, oid: Annotated[str, Depends(valid_alliance_id)],
                 state: Annotated[dict, Depends(valid_state)], code: str) -> Response:
    iso3, redirect = _member(alliance_id, oid, code, state)
    return redirect or HTMLResponse(await assess_html(oid, iso3))


@router.get("/alliances/{alliance_id}/members/{code}/report.{fmt}")
async def assess_download(alliance_id: str, oid: Annotated[str, Depends(valid_alliance_id)],
                          state: Annotated[dict, Depends(valid_state)], code: str, fmt: ReportFormat) -> Response:
    iso3, redirect = _member(alliance_id, oid, code, state, f"/report.{fmt.value}")
    body = None if redirect else await downloads(oid, iso3, fmt.value)
    return redirect or attachment(body, MEDIA[fmt.value], f"{oid.lower()}-{iso3.lower()}.{fmt.value}")


@router.get("/alliances/{alliance_id}/members/{code}/tables/{table_id}.csv")
async def assess_table(alliance_id: str, oid: Annotated[str, Depends(valid_alliance_id)],
                       state: Annotated[dict, Depends(valid_state)], code: str, table_id: str) -> Response:
    iso3, redirect = _member(alliance_id, oid, code, state, f"/tables/{table_id}.csv")
    body = None if redirect else await table_csvs(oid, iso3, table_id)
    return redirect or attachment(body, CSV, f"{oid.lower()}-{iso3.lower()}-{table_id}.csv")


@router.get("/assets/countries-110m.json")
def world_geometry() -> FileResponse:
    return FileResponse(vl.ASSETS / "countries-110m.json", media_type="application/json",
                        headers={"Cache-Control": "public, max-age=86400"})


@router.get("/data")
async def data_page() -> HTMLResponse:
    return HTMLResponse(await data_html())


@router.get("/data/{name}.bib")
def data_bib(name: str) -> Response:
    data.info(name)  # UnknownDataset -> 404 with suggestions
    return attachment(data.cite(name), "application/x-bibtex; charset=utf-8", f"{name}.bib")


@router.get("/reader")
async def reader_form() -> HTMLResponse:
    return HTMLResponse(render("reader.html", nav="reader", text="", result=None, max_chars=MAX_CHARS))


@router.post("/reader")
async def reader_submit(request: Request) -> HTMLResponse:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise BadArgument("send the text as a form (application/x-www-form-urlencoded)")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise BadArgument(f"the text is longer than {MAX_CHARS:,} characters")
    text = parse_qs(body.decode("utf-8", errors="replace")).get("text", [""])[0]
    result = await run_in_threadpool(read_text, text)
    return HTMLResponse(render("reader.html", nav="reader", text=text, result=result, max_chars=MAX_CHARS))


@router.get("/dyad")
async def dyad(a: Annotated[str | None, Query(max_length=100, description="first state, any code or name")] = None,
               b: Annotated[str | None, Query(max_length=100, description="second state, any code or name")] = None,
               ) -> HTMLResponse:
    if not (a and b):
        return HTMLResponse(await dyad_html(None, None))
    return HTMLResponse(await dyad_html(*views.dyad_codes(a, b)))


@router.get("/docs")
async def api_docs(request: Request) -> HTMLResponse:
    return HTMLResponse(await docs_html(request.app))


docs_html = Cached(lambda app: render("api_docs.html", nav="docs", schema=app.openapi()), maxsize=4)
