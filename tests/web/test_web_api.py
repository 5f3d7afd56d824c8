"""JSON API: status codes, shapes, case-insensitivity, suggestions, 422s and escaping."""

from __future__ import annotations

import json

import polars as pl
import pytest

from pactscope import data, ledger, metrics
from pactscope.ledger.parse import RECORDS


def test_alliances_lists_every_ledger_organization(client):
    r = client.get("/api/alliances")
    assert r.status_code == 200
    body = r.json()
    assert [a["id"] for a in body] == [o.id for o in ledger.organizations()]
    csto = next(a for a in body if a["id"] == "CSTO")
    assert csto["name"] == "Collective Security Treaty Organization"
    assert csto["collective_defence"] is True
    assert csto["cases"] == len(ledger.cases_json("CSTO"))
    assert set(csto) == {"id", "name", "names", "kind", "founded", "collective_defence", "members", "cases"}


@pytest.mark.parametrize("alias", ["CSTO", "csto", "CsTo", "ОДКБ", " csto "])
def test_alliance_is_case_insensitive(client, alias):
    r = client.get(f"/api/alliances/{alias}")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "CSTO"
    assert body["names"]["ru"] == "Организация Договора о коллективной безопасности"
    assert {m["iso3"] for m in body["members"]} >= {"RUS", "BLR", "KAZ", "KGZ", "TJK"}
    assert body["cases"] == len(ledger.cases_json("CSTO"))


def test_unknown_alliance_is_404_with_suggestions(client):
    r = client.get("/api/alliances/CSTX")
    assert r.status_code == 404
    body = r.json()
    assert set(body) == {"error", "suggestions"}
    assert "CSTO" in body["suggestions"]
    assert "CSTX" in body["error"]


def test_cases_match_the_documented_case_json(client):
    r = client.get("/api/alliances/csto/cases")
    assert r.status_code == 200
    assert r.json() == json.loads(json.dumps(ledger.cases_json("CSTO")))
    assert len(r.json()) == len(list((RECORDS / "csto" / "cases").glob("*.yaml")))


@pytest.mark.parametrize("member", ["ARM", "arm", "Armenia", "371", "Армения"])
def test_cases_filtered_by_member_accept_any_state_name(client, member):
    r = client.get("/api/alliances/CSTO/cases", params={"member": member})
    assert r.status_code == 200
    ids = [c["id"] for c in r.json()]
    assert ids == [c["id"] for c in ledger.cases_json("CSTO", member="ARM")]
    assert "arm-aze-2022-09" in ids and "kgz-2010-06-osh" not in ids


def test_cases_unknown_member_is_404(client):
    r = client.get("/api/alliances/CSTO/cases", params={"member": "Narnia"})
    assert r.status_code == 404
    assert r.json()["error"].startswith("unknown state 'Narnia'")


def test_one_case_and_an_unknown_case(client):
    r = client.get("/api/alliances/csto/cases/arm-aze-2022-09")
    assert r.status_code == 200
    case = r.json()
    assert case["request"]["made"] == "yes" and case["request"]["article"] == "4"
    assert case["response"] == "fact-finding-mission"
    assert case["obligation_triggered"] == "disputed"
    r = client.get("/api/alliances/CSTO/cases/arm-aze-2022-10")
    assert r.status_code == 404
    assert "arm-aze-2022-09" in r.json()["suggestions"]
    # a case of another organization is not found under the CSTO
    nato_case = ledger.cases_json("NATO")[0]["id"]
    assert client.get(f"/api/alliances/CSTO/cases/{nato_case}").status_code == 404


@pytest.mark.parametrize("code", ["ARM", "arm", "371", "Armenia", "армения", "أرمينيا"])
def test_state_by_any_code_or_name(client, code):
    r = client.get(f"/api/states/{code}")
    assert r.status_code == 200
    body = r.json()
    assert (body["iso3"], body["ccode"], body["gwcode"], body["name"]) == ("ARM", 371, 371, "Armenia")


def test_unknown_state_is_404_with_suggestions(client):
    r = client.get("/api/states/Armenai")
    assert r.status_code == 404
    assert "Armenia" in r.json()["suggestions"]


def test_series_json_and_csv_hold_the_metric_values(client):
    expected = metrics.dominance("CSTO")
    rows = client.get("/api/alliances/CSTO/dominance").json()
    assert len(rows) == expected.height
    first = expected.filter((pl.col("year") == 2010) & (pl.col("indicator") == "milex")).row(0, named=True)
    got = next(r for r in rows if r["year"] == 2010 and r["indicator"] == "milex")
    assert got["leader"] == first["leader"] == "RUS"
    assert got["leader_share"] == pytest.approx(first["leader_share"])
    r = client.get("/api/alliances/csto/burden.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].split(",")[:3] == ["alliance", "year", "iso3"]
    assert len(lines) == metrics.burden("CSTO").height + 1


def test_dyad_rows_agree_with_the_raw_tables(client):
    r = client.get("/api/dyad", params={"a": "Armenia", "b": "AZE"})
    assert r.status_code == 200
    body = r.json()
    assert body["a"]["iso3"] == "ARM" and body["b"]["iso3"] == "AZE"
    rows = {row["year"]: row for row in body["rows"]}
    assert min(rows) == 1991
    mids = data.load("gml_mid_ddydisps").filter((pl.col("ccode1") == 371) & (pl.col("ccode2") == 373))
    onset_years = set(mids.filter(pl.col("gmlmidonset") == 1)["year"].to_list())
    assert onset_years and all(rows[y]["gmlmidonset"] == 1 for y in onset_years)
    nmc = data.load("cow_nmc").filter((pl.col("ccode") == 373) & (pl.col("year") == 2000)).row(0, named=True)
    assert rows[2000]["milex_b"] == nmc["milex"]
    # both in the CIS in 2000, so the ledger ties them; ATOP pledges as in its dyad-year table
    assert "CIS" in rows[2000]["ledger_shared"]
    atop = data.load("atop_alliance").filter(
        (pl.col("ccode1") == 371) & (pl.col("ccode2") == 373) & (pl.col("year") == 2000))
    assert rows[2000]["atop_defense"] == (atop["atop_defense"].max() if atop.height else 0)
    # the order of the pair decides which side is "a"
    flipped = {row["year"]: row for row in client.get("/api/dyad", params={"a": "AZE", "b": "ARM"}).json()["rows"]}
    assert flipped[2000]["milex_a"] == nmc["milex"]


@pytest.mark.parametrize("url", [
    "/api/dyad?a=ARM",  # b missing
    "/api/dyad?a=ARM&b=armenia",  # the same state twice
    "/api/alliances/CSTO/nonsense",  # not a series
    "/api/alliances/CSTO/cases?member=" + "x" * 200,  # over the length limit
])
def test_bad_parameters_are_422_json(client, url):
    r = client.get(url)
    assert r.status_code == 422
    body = r.json()
    assert set(body) == {"error", "suggestions"}
    assert body["error"]


def test_read_endpoint_links_a_case(client):
    r = client.post("/api/read", json={"text": "On 13 September 2022 Azerbaijan attacked Armenia; Yerevan asked the CSTO for help."})
    assert r.status_code == 200
    body = r.json()
    assert body["states"][:2] == ["AZE", "ARM"]
    assert [link["id"] for link in body["linked"]][0] == "arm-aze-2022-09"
    assert client.post("/api/read", json={}).status_code == 422


def test_datasets_endpoint_lists_every_bundled_table(client):
    body = client.get("/api/datasets").json()
    assert [d["name"] for d in body] == data.list_datasets()
    nmc = next(d for d in body if d["name"] == "cow_nmc")
    assert nmc["rows"] == data.load("cow_nmc").height
    assert "singeretal1972cdu" in nmc["bibtex"]


HOSTILE = "<script>alert('x')</script>"
HOSTILE_SEGMENT = "<img src=x onerror=alert(1)>"  # no slash, so it stays one path segment


def test_hostile_path_is_escaped_in_json(client):
    r = client.get(f"/api/alliances/{HOSTILE_SEGMENT}")
    assert r.status_code == 404
    assert "<img" not in r.text and "\\u003cimg" in r.text
    assert HOSTILE_SEGMENT in r.json()["error"]  # escaped, not dropped


def test_hostile_query_is_escaped_in_json(client):
    r = client.get("/api/alliances/CSTO/cases", params={"member": HOSTILE})
    assert r.status_code == 404
    assert "<script>" not in r.text
    assert HOSTILE in r.json()["error"]


def test_openapi_is_served_and_docs_use_no_cdn(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/alliances", "/api/alliances/{alliance_id}", "/api/alliances/{alliance_id}/cases",
                 "/api/states/{code}", "/api/dyad", "/api/assess", "/api/read"]:
        assert path in spec["paths"]
    assert not any(p.startswith("/alliances") for p in spec["paths"])  # pages stay out of the schema
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/states/{code}" in docs.text
    assert "cdn" not in docs.text.lower() and "swagger-ui-bundle" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_unknown_api_route_is_json_404(client):
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json() == {"error": "Not Found", "suggestions": []}


def test_security_headers(client):
    r = client.get("/api/alliances")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_assess_returns_the_report_json(client):
    from pactscope.assess import build_report

    r = client.get("/api/assess", params={"alliance": "csto", "members": "KAZ,Kyrgyzstan"})
    assert r.status_code == 200
    body = r.json()
    expected = build_report("CSTO", members=["KAZ", "KGZ"])
    assert body["title"] == expected.title == "Do Kazakhstan and Kyrgyzstan need the CSTO?"
    assert [s["iso3"] for s in body["states"]] == ["KAZ", "KGZ"]
    assert [s["id"] for s in body["sections"]] == [s.id for s in expected.sections]
    assert [(i["id"], i["suggests"]) for i in body["indicators"]] == [(i.id, i.suggests) for i in expected.indicators]
    # repeated parameters mean the same as a comma-separated list
    again = client.get("/api/assess", params=[("alliance", "CSTO"), ("members", "KAZ"), ("members", "KGZ")])
    assert again.json()["indicators"] == body["indicators"]


def test_assess_by_region(client):
    body = client.get("/api/assess", params={"alliance": "CSTO", "region": "central-asia"}).json()
    roles = {s["iso3"]: s["role"] for s in body["states"]}
    assert roles == {"KAZ": "member", "KGZ": "member", "TJK": "member", "UZB": "comparison", "TKM": "comparison"}


@pytest.mark.parametrize("params, status, needle", [
    ({"alliance": "CSTO"}, 422, "give members or a region"),
    ({"alliance": "CSTO", "members": "AZE"}, 422, "none of AZE is a member"),
    ({"alliance": "CSTO", "region": "mars"}, 422, "no region 'mars'"),
    ({"members": "KAZ"}, 422, "alliance"),
    ({"alliance": "CSTX", "members": "KAZ"}, 404, "no organization 'CSTX'"),
    ({"alliance": "CSTO", "members": "Kazakstan"}, 404, "unknown state 'Kazakstan'"),
])
def test_assess_errors(client, params, status, needle):
    r = client.get("/api/assess", params=params)
    assert r.status_code == status
    assert needle in r.json()["error"]
    if status == 404:
        assert r.json()["suggestions"]
