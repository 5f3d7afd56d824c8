"""JSON API: thin routes over the library; every answer is cached per ledger and data version."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from pactscope import ledger
from pactscope.assess.render_json import render_json
from pactscope.codes import State
from pactscope.data.io import flat_for_csv
from pactscope.reader import MAX_CHARS, read_text
from pactscope.web import views
from pactscope.web.cache import Cached
from pactscope.web.dependencies import (
    NAME_CHARS,
    dyad_pair,
    member_filter,
    report_members,
    valid_alliance_id,
    valid_state,
)
from pactscope.web.render import SafeJSONResponse, attachment, dumps

router = APIRouter(prefix="/api", tags=["api"], default_response_class=SafeJSONResponse)


class ErrorBody(BaseModel):
    error: str = Field(description="what went wrong, in words")
    suggestions: list[str] = Field(description="close matches for an unknown name, else empty")


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "unknown alliance, state, case or table (with suggestions)"},
    422: {"model": ErrorBody, "description": "a parameter outside its allowed values"},
}


class AllianceSummary(BaseModel):
    id: str
    name: str
    names: dict[str, str | None]
    kind: str
    founded: str
    collective_defence: bool
    members: int = Field(description="states counted as members this year")
    cases: int = Field(description="crisis cases in the ledger")


class ReadRequest(BaseModel):
    text: str = Field(description="the article text (plain text or HTML)", max_length=MAX_CHARS)


def _encoded(value: Any) -> bytes:
    return dumps(value).encode("utf-8")


def _body(kind: str, *key: Any) -> bytes:
    """The encoded JSON body of one API answer."""
    if kind == "alliances":
        return _encoded(list(views.alliance_summaries()))
    if kind == "alliance":
        return _encoded(views.alliance_record(*key))
    if kind == "cases":
        return _encoded(list(views.cases(*key)))
    if kind == "case":
        oid, cid = key
        views.case(oid, cid)  # raises UnknownCase
        return _encoded(next(c for c in views.cases(oid) if c["id"] == cid))
    if kind == "state":
        return _encoded(views.state(*key))
    if kind == "series":
        oid, name = key
        return _encoded(views.series(oid, name).to_dicts())
    if kind == "dyad":
        result = views.dyad(*key)
        return _encoded({k: result[k] for k in ("a", "b", "rows", "sources")})
    if kind == "assess":
        return _escaped(render_json(views.report(*key))).encode("utf-8")
    if kind == "datasets":
        return _encoded(list(views.datasets()))
    raise KeyError(kind)


def _csv(oid: str, name: str) -> bytes:
    return flat_for_csv(views.series(oid, name)).write_csv().encode("utf-8")


bodies = Cached(_body, maxsize=512)
csv_bodies = Cached(_csv, maxsize=128)


@router.get("/alliances", response_model=list[AllianceSummary], summary="Alliances in the ledger")
async def alliances() -> Response:
    return _json_bytes(await bodies("alliances"))


@router.get("/alliances/{alliance_id}", summary="One alliance: names, documents, clauses, officials, members today",
            responses=ERRORS)
async def alliance(oid: Annotated[str, Depends(valid_alliance_id)]) -> Response:
    return _json_bytes(await bodies("alliance", oid))


@router.get("/alliances/{alliance_id}/cases", summary="Crisis cases of an alliance (documented case JSON), oldest first",
            responses=ERRORS)
async def cases(oid: Annotated[str, Depends(valid_alliance_id)],
          member: Annotated[str | None, Depends(member_filter)] = None) -> Response:
    return _json_bytes(await bodies("cases", oid, member))


@router.get("/alliances/{alliance_id}/cases/{case_id}", summary="One crisis case", responses=ERRORS)
async def case(oid: Annotated[str, Depends(valid_alliance_id)],
               case_id: Annotated[str, Path(max_length=NAME_CHARS)]) -> Response:
    return _json_bytes(await bodies("case", oid, case_id))


@router.get("/alliances/{alliance_id}/{series}.csv", summary="A series behind the alliance charts, as CSV",
            responses={**ERRORS, 200: {"content": {"text/csv": {}}}})
async def series_csv(oid: Annotated[str, Depends(valid_alliance_id)], series: views.Series) -> Response:
    return attachment(await csv_bodies(oid, series.value), "text/csv; charset=utf-8", f"{oid}-{series.value}.csv")


@router.get("/alliances/{alliance_id}/{series}", summary="A table behind the alliance page: a chart series (membership, dominance, burden) or a footprint table (presence, agreements, forces, sizes, exercises, departures)",
            responses=ERRORS)
async def series_json(oid: Annotated[str, Depends(valid_alliance_id)], series: views.Series) -> Response:
    return _json_bytes(await bodies("series", oid, series.value))


@router.get("/states/{code}", response_model=State, summary="A state by any code or name (en/ru/ar)",
            responses=ERRORS)
async def state(record: Annotated[dict, Depends(valid_state)]) -> Response:
    return _json_bytes(_encoded(record))


@router.get("/dyad", summary="Two states by year: ATOP pledges, shared ledger organizations, capabilities, disputes, UN agreement",
            responses=ERRORS)
async def dyad(pair: Annotated[tuple[int, int], Depends(dyad_pair)]) -> Response:
    return _json_bytes(await bodies("dyad", *pair))


@router.get("/assess", summary="The assessment report (Report JSON) for members of an alliance, or a region preset",
            responses=ERRORS)
async def assess(
    alliance: Annotated[str, Query(max_length=64, description="ledger id or abbreviation, any case")],
    who: Annotated[tuple[tuple[str, ...], str | None], Depends(report_members)],
) -> Response:
    oid = ledger.resolve_org_id(alliance)
    return _json_bytes(await bodies("assess", oid, *who))


@router.get("/datasets", summary="Every bundled table with provenance and BibTeX")
async def datasets() -> Response:
    return _json_bytes(await bodies("datasets"))


@router.post("/read", summary="Read a text: states, organizations, dates, and links to ledger cases",
             responses=ERRORS)
async def read(body: ReadRequest) -> Response:
    result = await run_in_threadpool(read_text, body.text)
    return Response(_escaped(result.to_json(indent=None)), media_type="application/json")


def _escaped(json_text: str) -> str:
    """JSON text with <, > and & written as escapes (they only occur inside strings)."""
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _json_bytes(body: bytes) -> Response:
    return Response(body, media_type="application/json")

