"""The alliance page's footprint and departures sections: facts, dates, source links, escaping."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from pactscope import ledger
from pactscope.web.render import environment


def _row(html: str, row_id: str) -> str:
    """The HTML of one table row, by its id, with the <time> tags around dates taken out."""
    match = re.search(rf'<tr id="{re.escape(row_id)}">(.*?)</tr>', html, re.S)
    assert match, f"no row {row_id}"
    return re.sub(r'<time datetime="[^"]*">|</time>', "", match.group(1))


def test_csto_page_shows_the_201st_base_with_dates_and_sources(client):
    row = unescape(_row(client.get("/alliances/CSTO").text, "facility-rus-201st-base-tajikistan"))
    # checked by hand against records/csto/presence.yaml and the sources it cites
    assert "201st Russian military base" in row
    assert "Tajikistan" in row and "Russia" in row
    assert "from 2004; in use" in row  # opened 2004, known to the year
    assert '<time datetime="2012-10-05">2012-10-05</time>' in client.get("/alliances/CSTO").text
    assert "signed 2012-10-05" in row and "runs to 2042" in row
    assert "ratified: RUS 2013-04-19, RUS 2013-04-27, TJK 2013-10-01" in row
    assert "2013-04-29: 7,000 personnel" in row
    assert '<a href="http://tass.com/russia/717945" rel="noopener noreferrer" class="source-link">' in row
    assert "ITAR-TASS, 2014-02-06" in row


def test_every_footprint_row_links_every_source(client):
    html = unescape(client.get("/alliances/CSTO").text)
    known = ledger.load_ledger().sources
    for table, prefix in (("presence", "facility"), ("forces", "force"), ("exercises", "exercise"), ("departures", "departure")):
        frame = getattr(ledger, f"{table}_frame")("CSTO")
        assert frame.height > 0
        for r in frame.iter_rows(named=True):
            row = _row(html, f"{prefix}-{r['id']}")
            for sid in r["sources"]:
                assert f'href="{known[sid].url}"' in row, (r["id"], sid)


def test_csto_forces_show_declared_size_over_time(client):
    row = unescape(_row(client.get("/alliances/CSTO").text, "force-crdf-central-asia"))
    # records/csto/forces.yaml: founded 25 May 2001; 2,000 at founding, 1,500 in 2006
    assert "2001-05-25" in row
    assert row.index("2001-05-29: 2,000 personnel") < row.index("2006-05-19: 1,500 personnel")


def test_nato_page_shows_frances_1966_departure(client):
    html = client.get("/alliances/NATO").text
    row = unescape(_row(html, "departure-fra-1966-integrated-command"))
    assert "France" in row and "NATO integrated military command" in row
    assert "left 1966-03" in row and "returned 2009-04-03" in row  # Strasbourg-Kehl summit
    shape = ledger.load_ledger().sources["shape-france-1966"]
    assert f'href="{shape.url}"' in row and shape.publisher in row
    greece = unescape(_row(html, "departure-grc-1974-military-structure"))
    assert "left 1974-08" in greece and "returned 1980-10" in greece  # rejoined in October 1980
    # NATO has no footprint records yet: the sections say so
    assert "The ledger records no foreign military facilities on the territory of members of the North Atlantic" in html


def test_empty_sections_say_so_in_words(client):
    html = client.get("/alliances/SCO").text
    for sentence in (
        "The ledger records no foreign military facilities on the territory of members of the {}.",
        "The ledger records no collective forces of the {}.",
        "The ledger records no joint exercises of the {}.",
        "The ledger records no member leaving a structure of the {} while staying in the treaty.",
    ):
        assert sentence.format(ledger.get_organization("SCO").names.en) in html
    assert 'id="presence-table"' not in html and 'id="departures-table"' not in html


def test_source_links_are_escaped():
    template = environment().from_string('{% from "_macros.html" import cites %}{{ cites(ids, index) }}')
    index = {"x": {"url": 'https://e.org/?a=1&b="2"', "title": "<script>alert(1)</script>", "publisher": "A & B",
                   "date": "2020-01-01", "language": "ru"}}
    out = template.render(ids=["x", "missing"], index=index)
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'href="https://e.org/?a=1&amp;b=&#34;2&#34;"' in out
    assert 'A &amp; B, <time datetime="2020-01-01">2020-01-01</time>' in out and 'hreflang="ru"' in out
    assert out.count("<li>") == 1  # an unknown id is left out, not shown empty


def test_footprint_tables_as_json_and_csv(client):
    presence = client.get("/api/alliances/CSTO/presence").json()
    assert [r["id"] for r in presence] == ledger.presence_frame("CSTO")["id"].to_list()
    rows = list(csv.DictReader(io.StringIO(client.get("/api/alliances/NATO/departures.csv").text)))
    france = next(r for r in rows if r["id"] == "fra-1966-integrated-command")
    assert (france["state"], france["start"], france["end"]) == ("FRA", "1966-03-01", "2009-04-03")
    assert "shape-france-1966" in france["sources"].split(";")
    assert client.get("/api/alliances/SCO/exercises").json() == []


def test_csto_exercise_row_gives_dates_host_participants_and_declared_size(client):
    html = client.get("/alliances/CSTO").text
    assert '<details id="exercises">' in html  # long, so folded
    row = unescape(_row(html, "exercise-interaction-2021"))
    # records/csto/exercises.yaml: 18-23 October 2021 at Harbmaidon, Tajikistan; Belarus, Russia, Tajikistan;
    # 4,000 is the joint figure of the three drills of Combat Brotherhood-2021
    assert "2021-10-18 to 2021-10-23" in row
    assert "Tajikistan</abbr>: Harbmaidon range, Khatlon" in row
    assert ">Belarus</abbr>, <abbr title=\"RUS\">Russia</abbr>, <abbr title=\"TJK\">Tajikistan</abbr>" in row
    assert "4,000" in row and "Combat Brotherhood-2021" in row
    cancelled = unescape(_row(html, "exercise-" + ledger.exercises_frame("CSTO").filter(status="cancelled")["id"][0]))
    assert "cancelled" in cancelled and "Armenia" in cancelled


def test_force_deployment_links_to_its_case(client):
    row = unescape(_row(client.get("/alliances/CSTO").text, "force-peacekeeping-forces"))
    case = next(c for c in ledger.cases_json("CSTO") if c["id"] == "kaz-2022-01-unrest")
    assert f'<a href="/alliances/CSTO/cases/kaz-2022-01-unrest">{case["title"]}</a>' in row
