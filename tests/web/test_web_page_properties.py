"""Property-based run over the page routes (not in the OpenAPI schema): no 5xx, no traceback."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

text = st.text(max_size=120)
segment = st.one_of(text, st.sampled_from(["CSTO", "csto", "odkb", "NATO", "KAZ", "Armenia", "ARM", "..", "%2e%2e"]))
ALLIANCE_PATHS = ["", "/cases/{b}", "/members/{b}", "/members/{b}/report.{c}", "/members/{b}/tables/{c}.csv",
                  "/assess", "/assess/report.{c}", "/assess/tables/{c}.csv"]
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


def _ok(response) -> None:
    assert response.status_code < 500, (response.request.url, response.text[:300])
    assert "Traceback" not in response.text


@SETTINGS
@given(a=segment, b=segment, c=st.one_of(st.sampled_from(["html", "md", "json", "pdf"]), text),
       tail=st.sampled_from(ALLIANCE_PATHS),
       query=st.lists(st.tuples(st.sampled_from(["members", "region", "member", "x"]), text), max_size=3))
def test_alliance_pages_never_answer_5xx(client, a, b, c, tail, query):
    path = f"/alliances/{quote(a, safe='')}" + tail.format(b=quote(b, safe=""), c=quote(c, safe=""))
    _ok(client.get(path + ("?" + urlencode(query) if query else ""), follow_redirects=False))


@SETTINGS
@given(a=st.one_of(st.none(), text), b=st.one_of(st.none(), text), name=text)
def test_dyad_and_data_pages_never_answer_5xx(client, a, b, name):
    params = {k: v for k, v in (("a", a), ("b", b)) if v is not None}
    _ok(client.get("/dyad", params=params))
    _ok(client.get(f"/data/{quote(name, safe='')}.bib"))


@SETTINGS
@given(body=st.one_of(text, st.binary(max_size=300)),
       media=st.sampled_from(["application/x-www-form-urlencoded", "APPLICATION/X-WWW-FORM-URLENCODED; charset=latin-1",
                              "text/plain", "multipart/form-data", ""]))
def test_the_reader_form_never_answers_5xx(client, body, media):
    _ok(client.post("/reader", content=body if isinstance(body, bytes) else f"text={quote(body)}",
                    headers={"Content-Type": media} if media else {}))


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/errors.py", "/static/js/nope.js"])
def test_static_files_stay_inside_their_folder(client, path):
    r = client.get(path)
    assert r.status_code == 404
