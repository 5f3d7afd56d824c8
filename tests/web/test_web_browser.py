"""Pages in headless Chromium: rendering, charts, links, the case filter, phone width, keyboard."""

from __future__ import annotations

import pytest

from pactscope import ledger

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
PAGES = {
    "home": "/",
    "alliance": "/alliances/CSTO",
    "case": "/alliances/CSTO/cases/arm-aze-2022-09",
    "assess": "/alliances/CSTO/members/KAZ",
    "dyad": "/dyad?a=ARM&b=AZE",
    "data": "/data",
    "reader": "/reader",
    "docs": "/docs",
}


@pytest.fixture
def offline(page, live_server):
    """Abort and record every request that leaves the test server."""
    outside: list[str] = []

    def gate(route):
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.outside = outside
    return page


def _wait_for_charts(page) -> int:
    """Wait until every chart container holds an svg or canvas; return how many there are."""
    count = page.locator(".chart[data-spec]").count()
    if count:
        page.wait_for_function(
            "() => [...document.querySelectorAll('.chart[data-spec]')]"
            ".every(c => c.querySelector('svg, canvas') || c.dataset.error)",
            timeout=20_000,
        )
        errors = page.eval_on_selector_all(".chart[data-spec]", "cs => cs.map(c => c.dataset.error).filter(Boolean)")
        assert errors == []
    return count


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_offline_with_no_errors(offline, name, tmp_path):
    page = offline
    response = page.goto(PAGES[name])
    assert response.status == 200
    assert page.locator("h1").count() == 1
    _wait_for_charts(page)
    assert page.console_errors == []
    assert page.outside == []
    page.screenshot(path=str(tmp_path / f"{name}-laptop.png"), full_page=True)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_phone_width(browser, live_server, name, tmp_path):
    context = browser.new_context(viewport=PHONE, base_url=live_server, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(PAGES[name])
    _wait_for_charts(page)
    # the page itself never scrolls sideways; wide tables scroll inside their own box
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    # a long page at phone width is tall: a slow machine needs more than the default 30 s to capture it
    page.screenshot(path=str(tmp_path / f"{name}-phone.png"), full_page=True, timeout=180_000)
    context.close()


@pytest.mark.parametrize("url, slots", [
    ("/alliances/CSTO", ["chart-members-map", "chart-membership", "chart-dominance", "chart-burden", "chart-timeline"]),
    ("/alliances/NATO", ["chart-members-map", "chart-membership", "chart-dominance", "chart-burden", "chart-timeline"]),
    ("/dyad?a=ARM&b=AZE", ["chart-agreement", "chart-capabilities"]),
])
def test_charts_render(offline, url, slots):
    page = offline
    page.goto(url)
    assert _wait_for_charts(page) == len(slots)
    for slot in slots:
        assert page.locator(f"#{slot} svg").count() >= 1
        assert page.locator(f"#{slot}").evaluate("c => c.classList.contains('rendered')")
    # the members map draws country shapes from the served world geometry
    if "chart-members-map" in slots:
        assert page.locator("#chart-members-map svg path").count() > 100
    assert page.outside == []


def test_assessment_charts_render(offline):
    from pactscope.assess import build_report

    report = build_report("CSTO", members=["KAZ"])
    expected = [f"chart-{b.id}" for s in report.sections for b in s.blocks if b.kind == "chart"]
    page = offline
    page.goto("/alliances/CSTO/members/KAZ")
    assert _wait_for_charts(page) == len(expected)
    assert page.eval_on_selector_all(".chart[data-spec]", "cs => cs.map(c => c.id)") == expected
    for slot in expected:
        assert page.locator(f"#{slot} svg").count() >= 1
    assert page.console_errors == [] and page.outside == []


def test_alliance_to_case_to_source(page):
    page.goto("/")
    page.get_by_role("link", name="Collective Security Treaty Organization").click()
    page.wait_for_url("**/alliances/CSTO")
    case = next(c for c in ledger.cases_json("CSTO") if c["id"] == "kgz-2010-06-osh")
    page.get_by_role("link", name=case["title"]).click()
    page.wait_for_url(f"**/alliances/CSTO/cases/{case['id']}")
    assert page.locator("h1").inner_text() == case["title"]
    hrefs = page.eval_on_selector_all("a.source-link", "as => as.map(a => a.getAttribute('href'))")
    assert set(case["sources"]) <= set(hrefs)
    assert all(h.startswith(("https://", "http://")) for h in hrefs)


def _visible_case_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#case-table tbody tr:not([hidden]) a",
        "as => as.map(a => a.getAttribute('href').split('/').pop())",
    )


def test_case_table_filters(page):
    page.goto("/alliances/CSTO")
    cases = ledger.cases_json("CSTO")
    assert len(_visible_case_ids(page)) == len(cases)

    page.get_by_label("Member", exact=True).select_option("KGZ")
    expected = [c["id"] for c in cases if "KGZ" in c["states"]]
    assert _visible_case_ids(page) == expected
    assert page.locator("#case-count").inner_text() == f"Showing {len(expected)} of {len(cases)} cases."

    page.get_by_label("Obligation triggered", exact=True).select_option("disputed")
    expected = [c["id"] for c in cases if "KGZ" in c["states"] and c["obligation_triggered"] == "disputed"]
    assert _visible_case_ids(page) == expected

    page.get_by_role("button", name="Clear").click()
    page.wait_for_function("() => document.querySelectorAll('#case-table tbody tr[hidden]').length === 0")

    page.get_by_role("searchbox", name="Text").fill("ethnic violence")
    assert _visible_case_ids(page) == ["kgz-2010-06-osh"]

    page.get_by_role("searchbox", name="Text").fill("")
    page.get_by_label("Response", exact=True).select_option("fact-finding-mission")
    assert _visible_case_ids(page) == [c["id"] for c in cases if c["response"] == "fact-finding-mission"]


def test_reader_example_links_to_a_case(page):
    page.goto("/reader")
    page.get_by_role("button", name="Fill in an example").click()
    page.get_by_role("button", name="Read").click()
    page.wait_for_selector(".linked-cases a")
    link = page.locator(".linked-cases a").first
    assert link.get_attribute("href") == "/alliances/CSTO/cases/arm-aze-2022-09"
    assert page.locator("mark.ref-state").count() >= 2


def test_dyad_form_by_clicking(page):
    page.goto("/dyad")
    page.get_by_label("First state").select_option(label="Kyrgyzstan")
    page.get_by_label("Second state").select_option(label="Tajikistan")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/dyad?a=703&b=702")
    assert page.locator("h1").inner_text() == "Kyrgyzstan and Tajikistan"
    _wait_for_charts(page)


def test_keyboard_skip_link_and_focus(page):
    page.goto("/alliances/CSTO")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    # focused controls show an outline
    page.focus("#f-text")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_group_assessment_by_clicking(page):
    page.goto("/alliances/CSTO")
    page.get_by_role("checkbox", name="Kazakhstan").check()
    page.get_by_role("checkbox", name="Tajikistan").check()
    page.get_by_role("button", name="Build the report").click()
    page.wait_for_url("**/alliances/CSTO/assess?members=KAZ&members=TJK*")
    assert page.locator("h1").inner_text() == "Do Kazakhstan and Tajikistan need the CSTO?"
    assert _wait_for_charts(page) >= 5
    href = page.get_by_role("link", name="Markdown").get_attribute("href")
    assert href == "/alliances/CSTO/assess/report.md?members=KAZ&members=TJK"
