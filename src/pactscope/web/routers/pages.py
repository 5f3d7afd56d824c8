"""Server-rendered pages. Deterministic pages are rendered once and kept in memory."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from pactscope import data, ledger, metrics
from pactscope.assess import default_compare
from pactscope.errors import BadArgument
from pactscope.reader import MAX_CHARS
from pactscope.web import charts, views
from pactscope.web.cache import Cached
from pactscope.web.dependencies import NAME_CHARS, valid_alliance_id
from pactscope.web.render import attachment, render

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

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
        footprint=views.footprint(oid),
        footprint_sources=views.footprint_sources(oid),
        charts=charts.alliance_charts(oid),
        compare=default_compare(oid),
        presets=metrics.regions(),
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
        current={m["iso3"] for m in views.current_members(oid)},
    )


def _data() -> str:
    return render("data.html", nav="data", datasets=views.datasets(), ledger_sources=views.ledger_sources())


def _dyad(ccode_a: int | None, ccode_b: int | None) -> str:
    result = views.dyad(ccode_a, ccode_b) if ccode_a is not None else None
    return render("dyad.html", nav="dyad", choices=views.state_choices(), dyad=result,
                  charts=charts.dyad_charts(ccode_a, ccode_b) if result else {}, vote_label=views.vote_data_label())


home_html = Cached(_home, maxsize=1)
alliance_html = Cached(_alliance, maxsize=32)
case_html = Cached(_case, maxsize=256)
data_html = Cached(_data, maxsize=1)
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
async def case(alliance_id: str, case_id: Annotated[str, Path(max_length=NAME_CHARS)], oid: Annotated[str, Depends(valid_alliance_id)]) -> Response:
    if alliance_id != oid:
        return RedirectResponse(f"/alliances/{oid}/cases/{case_id}", status_code=308)
    return HTMLResponse(await case_html(oid, case_id))


@router.get("/data")
async def data_page() -> HTMLResponse:
    return HTMLResponse(await data_html())


@router.get("/data/{name}.bib")
def data_bib(name: str) -> Response:
    data.info(name)  # UnknownDataset -> 404 with suggestions
    return attachment(data.cite(name), "application/x-bibtex; charset=utf-8", f"{name}.bib")


@router.get("/reader")
async def reader_form() -> HTMLResponse:
    return HTMLResponse(render("reader.html", nav="reader", text="", result=None, max_chars=MAX_CHARS,
                               claims=None, check_claims=False))


@router.post("/reader")
async def reader_submit(request: Request) -> HTMLResponse:
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        raise BadArgument("send the text as a form (application/x-www-form-urlencoded)")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise BadArgument(f"the text is longer than {MAX_CHARS:,} characters")
    form = parse_qs(body.decode("utf-8", errors="replace"))
    text, claims = form.get("text", [""])[0], form.get("claims", [""])[0] == "on"
    result = await run_in_threadpool(_read, text, claims)
    return HTMLResponse(render("reader.html", nav="reader", text=text, result=result, max_chars=MAX_CHARS,
                               claims=_claim_rows(result) if claims else None, check_claims=claims))


def _read(text: str, claims: bool):
    from pactscope.assess.reading import read_document

    return read_document(text, claims=claims)


def _claim_rows(result) -> list[dict]:
    """Each claim with its lines of text, for the template (which escapes them)."""
    from pactscope.reader.claims.render import asserted_text, record_text, verdict_label

    return [{"claim": c, "says": asserted_text(c), "label": verdict_label(c),
             "records": [(r.get("id") if c.field != "structure" else None, r.get("organization"), record_text(c, r))
                         for r in c.record]}
            for c in result.claims or []]


@router.get("/dyad")
async def dyad(a: Annotated[str | None, Query(max_length=NAME_CHARS, description="first state, any code or name")] = None,
               b: Annotated[str | None, Query(max_length=NAME_CHARS, description="second state, any code or name")] = None,
               ) -> HTMLResponse:
    if not (a and b):
        return HTMLResponse(await dyad_html(None, None))
    return HTMLResponse(await dyad_html(*await run_in_threadpool(views.dyad_codes, a, b)))


@router.get("/docs")
async def api_docs(request: Request) -> HTMLResponse:
    return HTMLResponse(await docs_html(request.app))


docs_html = Cached(lambda app: render("api_docs.html", nav="docs", schema=app.openapi()), maxsize=4)
