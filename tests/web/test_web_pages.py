"""Server-rendered pages: content from the library, links, escaping and caching."""

from __future__ import annotations

import re
from html import unescape

import pytest

from pactscope import data, ledger
from pactscope.web.routers import pages


def test_home_lists_every_alliance_with_a_link(client):
    r = client.get("/")
    assert r.status_code == 200
    for org in ledger.organizations():
        assert f'href="/alliances/{org.id}"' in r.text
        assert org.names.en in r.text
    assert "<caption>Alliances in the ledger</caption>" in r.text


def test_alliance_page_redirects_to_the_canonical_id(client):
    r = client.get("/alliances/csto", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/alliances/CSTO"
    assert client.get("/alliances/csto").url.path == "/alliances/CSTO"


def test_alliance_page_lists_every_case_with_its_filters(client):
    html = client.get("/alliances/CSTO").text
    cases = ledger.cases_json("CSTO")
    rows = re.findall(r'<tr data-members="([^"]*)" data-states="([^"]*)" data-response="([^"]*)" data-obligation="([^"]*)"', html)
    assert len(rows) == len(cases)
    for (members, states, response, obligation), case in zip(rows, cases, strict=True):
        assert states.split() == case["states"]
        assert members.split() == [p["state"] for p in case["parties"] if p["member"]]
        assert (response, obligation) == (case["response"], case["obligation_triggered"])
        assert f'href="/alliances/CSTO/cases/{case["id"]}"' in html
    assert 'id="case-filters"' in html and '<label for="f-member">' in html
    assert f"Showing {len(cases)} of {len(cases)} cases." in html  # one per CSTO case file
    # members link to their assessment pages
    assert 'href="/alliances/CSTO/members/KAZ"' in html


def test_case_page_shows_facts_and_every_source(client):
    case = next(c for c in ledger.cases_json("CSTO") if c["id"] == "arm-aze-2022-09")
    html = client.get("/alliances/CSTO/cases/arm-aze-2022-09").text
    assert unescape(case["title"]) in unescape(html)
    for url in case["sources"]:
        assert f'href="{url}"' in unescape(html)
    assert "Disputed points" in html and len(case["disputed_points"]) > 0
    for point in case["disputed_points"]:
        assert point in unescape(html)
    assert "fact finding mission" in html


def test_unknown_case_page_is_404_html(client):
    r = client.get("/alliances/CSTO/cases/no-such-case")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "no case 'no-such-case' for CSTO" in unescape(r.text)


def test_unknown_alliance_page_suggests_links(client):
    r = client.get("/alliances/NAT0")
    assert r.status_code == 404
    assert 'href="/alliances/NATO"' in r.text


HOSTILE = "<script>alert('x')</script>"


def test_hostile_query_is_escaped_in_html(client):
    r = client.get("/dyad", params={"a": HOSTILE, "b": "ARM"})
    assert r.status_code == 404
    assert "<script>alert" not in r.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in r.text


def test_hostile_path_is_escaped_in_html(client):
    r = client.get("/alliances/<img src=x onerror=alert(1)>")
    assert r.status_code == 404
    assert "<img src=x" not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_reader_escapes_the_text_and_links_cases(client):
    text = "On 13 September 2022 Azerbaijan attacked Armenia. " + HOSTILE
    r = client.post("/reader", data={"text": text})
    assert r.status_code == 200
    assert "<script>alert" not in r.text
    assert 'href="/alliances/CSTO/cases/arm-aze-2022-09"' in r.text
    # the text stays in the form for editing
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</textarea>" in r.text


def test_reader_refuses_other_encodings(client):
    r = client.post("/reader", json={"text": "x"})
    assert r.status_code == 422


def test_dyad_page_shows_each_year(client):
    r = client.get("/dyad", params={"a": "ARM", "b": "Azerbaijan"})
    assert r.status_code == 200
    assert "<h1>Armenia and Azerbaijan</h1>" in r.text
    assert re.search(r'<option value="371" selected>Armenia</option>', r.text)
    assert re.search(r'<option value="373" selected>Azerbaijan</option>', r.text)
    assert r.text.count("<th scope=\"row\">") == 2025 - 1991 + 1  # one row per year both existed
    assert "onset (MID 3564" in r.text  # the 1992 Nagorno-Karabakh dispute in GML


def test_dyad_page_without_a_pair_offers_choices(client):
    r = client.get("/dyad")
    assert r.status_code == 200
    assert '<label for="pick-a">First state</label>' in r.text
    assert 'href="/dyad?a=ARM&amp;b=AZE"' in r.text


def test_data_page_lists_every_table_with_citation(client):
    html = client.get("/data").text
    for name in data.list_datasets():
        assert f'id="table-{name}"' in html
        assert f'href="/data/{name}.bib"' in html
    bib = client.get("/data/cow_nmc.bib")
    assert bib.status_code == 200 and bib.text == data.cite("cow_nmc")
    missing = client.get("/data/cow_nmx.bib")
    assert missing.status_code == 404


def test_static_vendor_scripts_are_served(client):
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
        r = client.get(f"/static/vendor/{name}")
        assert r.status_code == 200 and len(r.content) > 50_000


def test_pages_are_rendered_once(client):
    pages.alliance_html.clear()
    first = client.get("/alliances/NATO").text
    assert client.get("/alliances/NATO").text == first
    client.get("/alliances/nato")
    assert (pages.alliance_html.misses, pages.alliance_html.hits) == (1, 2)


@pytest.mark.parametrize("url", ["/", "/alliances/CSTO", "/alliances/CSTO/cases/kgz-2010-06-osh", "/data", "/reader", "/dyad", "/docs"])
def test_every_page_has_landmarks_and_one_h1(client, url):
    html = client.get(url).text
    assert html.count("<h1") == 1
    for landmark in ("<header", "<nav", '<main id="main"', "<footer", 'class="skip" href="#main"'):
        assert landmark in html
    for table in re.findall(r"<table.*?</table>", html, flags=re.S):
        assert "<caption>" in table


def test_assessment_page_renders_the_report_with_downloads(client):
    from pactscope.assess import build_report
    from pactscope.assess.render_md import render_md

    r = client.get("/alliances/csto/members/kazakhstan")
    assert r.status_code == 200 and r.url.path == "/alliances/CSTO/members/KAZ"
    report = build_report("CSTO", members=["KAZ"])
    html = unescape(r.text)
    assert f"<h1>{report.title}</h1>" in html
    for section in report.sections:
        assert f'<section id="{section.id}"' in html
    charts = [b for s in report.sections for b in s.blocks if b.kind == "chart"]
    tables = [b for s in report.sections for b in s.blocks if b.kind == "table"]
    assert html.count('class="chart" id="chart-') == len(charts)
    for t in tables:
        assert f'href="/alliances/CSTO/members/KAZ/tables/{t.id}.csv"' in html
    for indicator in report.indicators:
        assert indicator.reading in html
    # the world map reads the geometry this app serves
    assert '"url":"/assets/countries-110m.json"' in r.text
    assert client.get("/assets/countries-110m.json").json()["type"] == "Topology"

    md = client.get("/alliances/CSTO/members/KAZ/report.md")
    assert md.status_code == 200 and md.headers["content-disposition"].endswith('filename="csto-kaz.md"')
    assert md.text.splitlines()[0] == render_md(report).splitlines()[0]
    js = client.get("/alliances/CSTO/members/KAZ/report.json").json()
    assert js["title"] == report.title and len(js["indicators"]) == len(report.indicators)
    full = client.get("/alliances/CSTO/members/KAZ/report.html")
    assert full.text.startswith("<!DOCTYPE html>") and report.title in unescape(full.text)


def test_assessment_table_csv(client):
    from pactscope.assess import build_report

    report = build_report("CSTO", members=["KAZ"])
    table = next(b for s in report.sections for b in s.blocks if b.kind == "table" and b.id == "status")
    r = client.get("/alliances/CSTO/members/KAZ/tables/status.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0].split(",")[:2] == [c.label for c in table.columns][:2]
    assert len(lines) == len(table.rows) + 1
    assert lines[1].startswith("Kazakhstan,")
    missing = client.get("/alliances/CSTO/members/KAZ/tables/statu.csv")
    assert missing.status_code == 404
    assert "no table 'statu' in this report (did you mean: status" in unescape(missing.text)


def test_assessment_of_a_non_member_is_422(client):
    r = client.get("/alliances/CSTO/members/AZE")
    assert r.status_code == 422
    assert "none of AZE is a member of CSTO today" in r.text


def test_alliance_page_embeds_the_chart_specs(client):
    html = client.get("/alliances/CSTO").text
    for slot in ("chart-members-map", "chart-membership", "chart-dominance", "chart-burden", "chart-timeline"):
        assert f'<div class="chart" id="{slot}" data-spec="{slot}-spec"' in html
        assert f'<script type="application/json" id="{slot}-spec">' in html
    for script in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
        assert f'src="/static/vendor/{script}"' in html
    # an organization without cases has no timeline slot
    assert 'id="chart-timeline"' not in client.get("/alliances/SCO").text


def test_group_assessment_page_and_its_downloads(client):
    from pactscope.assess import build_report

    r = client.get("/alliances/csto/assess", params={"region": "central-asia"})
    assert r.status_code == 200 and r.url.path == "/alliances/CSTO/assess"
    report = build_report("CSTO", region="central-asia")
    assert f"<h1>{report.title}</h1>" in unescape(r.text)
    assert 'href="/alliances/CSTO/assess/report.json?region=central-asia"' in r.text
    status = client.get("/alliances/CSTO/assess/tables/status.csv", params={"region": "central-asia"})
    assert status.headers["content-disposition"] == 'attachment; filename="csto-central-asia-status.csv"'
    names = [line.split(",")[0] for line in status.text.splitlines()[1:]]
    assert names == ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Turkmenistan"]
    two = client.get("/alliances/CSTO/assess", params=[("members", "KAZ"), ("members", "KGZ")])
    assert "Do Kazakhstan and Kyrgyzstan need the CSTO?" in unescape(two.text)
    assert 'href="/alliances/CSTO/assess/report.md?members=KAZ&amp;members=KGZ"' in two.text
    assert client.get("/alliances/CSTO/assess").status_code == 422


def test_alliance_page_offers_a_group_assessment_form(client):
    html = client.get("/alliances/CSTO").text
    assert '<form method="get" action="/alliances/CSTO/assess"' in html
    for iso in ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"):
        assert f'<input type="checkbox" name="members" value="{iso}">' in html
    assert '<option value="central-asia">' in html
