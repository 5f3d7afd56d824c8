"""The footprint and departures tables in headless Chromium: nothing clipped at phone or laptop width."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TABLES = "#footprint table, #departures table"

# For each table: how far it is wider than its scroll box, and the widest overflow of any visible
# cell (on phones the header row is visually hidden: each stacked cell carries its own label).
MEASURE = """sel => [...document.querySelectorAll(sel)].map(t => ({
    id: t.id,
    rows: t.tBodies[0].rows.length,
    table: t.scrollWidth - t.parentElement.clientWidth,
    cell: Math.max(0, ...[...t.querySelectorAll(
        getComputedStyle(t.tHead).position === 'absolute' ? 'tbody th, tbody td' : 'th, td'
    )].map(c => c.scrollWidth - c.clientWidth)),
    height: t.getBoundingClientRect().height,
}))"""


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 812}, {"width": 1280, "height": 900}], ids=["phone", "laptop"])
@pytest.mark.parametrize("url, tables", [
    ("/alliances/CSTO", ["presence-table", "forces-table", "exercises-table", "departures-table"]),
    ("/alliances/NATO", ["departures-table"]),
])
def test_footprint_tables_fit_without_clipping(browser, live_server, viewport, url, tables, tmp_path):
    context = browser.new_context(viewport=viewport, base_url=live_server, is_mobile=viewport["width"] < 600)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    assert page.goto(url).status == 200
    page.evaluate("() => document.querySelectorAll('#footprint details').forEach(d => d.open = true)")
    measured = page.evaluate(MEASURE, TABLES)
    assert [m["id"] for m in measured] == tables
    for m in measured:
        assert m["rows"] > 0 and m["height"] > 0, m
        assert m["table"] <= 1, f"{m['id']} is {m['table']} px wider than its box"
        assert m["cell"] <= 1, f"a cell of {m['id']} clips {m['cell']} px"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert errors == []
    page.locator("#footprint").screenshot(path=str(tmp_path / f"footprint-{viewport['width']}.png"))
    context.close()
