"""The HTML reports in headless Chromium: every chart draws, no console errors, no table cut or
hidden behind a scroll at 1280 or 375 px, citation links land on their source, and nothing is
fetched from the network."""

from __future__ import annotations

import pytest

from pactscope.assess import build_report

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def report_file(tmp_path_factory, default_html):
    path = tmp_path_factory.mktemp("report") / "csto-central-asia.html"
    path.write_text(default_html, encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [1280, 375])
def test_report_renders_offline(browser, report_file, default_report, tmp_path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems, outside = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (outside.append(r.request.url), r.abort()))
    page.goto(report_file.as_uri())
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.vega')].every(d => d.querySelector('svg, canvas') || d.classList.contains('chart-error'))",
        timeout=30_000,
    )
    charts = page.eval_on_selector_all("div.vega", "ds => ds.map(d => [d.id, !!d.querySelector('svg, canvas')])")
    drawn = [b.id for s in default_report.sections for b in s.blocks if b.kind == "chart"]
    assert len(charts) == len(drawn) >= 11 and all(ok for _, ok in charts), charts
    assert problems == [] and outside == []
    missing = page.eval_on_selector_all(
        "a[href^='#src-']", "as => as.map(a => a.getAttribute('href')).filter(h => !document.querySelector(h))")
    assert missing == []
    assert page.locator("a[href^='#src-']").count() > 100
    if width == 375:  # the page itself never scrolls sideways on a phone; wide tables scroll in their box
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=False)
    assert (tmp_path / f"report-{width}.png").stat().st_size > 10_000
    page.close()


def test_citation_link_scrolls_to_its_source(browser, report_file):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(report_file.as_uri())
    link = page.locator("sup.cite a").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()
    page.close()


@pytest.fixture(scope="module")
def report_files(tmp_path_factory, reports):
    from pactscope.assess import render

    folder = tmp_path_factory.mktemp("reports")
    extra = {"nato-turkey-csto": build_report("NATO", members=["Turkey"], compare_with="CSTO")}
    out = {}
    for name, report in {**reports, **extra}.items():
        out[name] = folder / f"{name}.html"
        out[name].write_text(render(report, "html"), encoding="utf-8")
    return out


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", ["csto-central-asia", "csto-armenia", "nato-turkey-csto"])
def test_no_column_is_clipped(browser, report_files, name, width):
    """The three checked reports: every table fits its box (on a phone as cards with each column's label),
    the page does not scroll sideways, and the console stays clean."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(report_files[name].as_uri())
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.vega')].every(d => d.querySelector('svg, canvas') || d.classList.contains('chart-error'))",
        timeout=30_000,
    )
    clipped = page.eval_on_selector_all(
        ".table-wrap", "ws => ws.filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.querySelector('table').id)")
    assert clipped == [] and problems == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert page.locator(".chart-error").count() == 0
    if width == 1280:
        box = page.locator("#table-cases-focus th:has-text('Strongest response')").bounding_box()
        assert box and box["x"] + box["width"] <= width  # the response column is in view, not behind a scroll
    assert page.locator(".key-for li").count() >= 5 and page.locator(".key-against li").count() >= 5
    page.close()
