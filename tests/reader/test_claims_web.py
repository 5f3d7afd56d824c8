"""The web reader page shows each claim beside its evidence, escaped, right-to-left text in <bdi>."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pactscope.web import create_app


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), base_url="http://127.0.0.1") as c:
        yield c


def test_reader_page_sets_claims_beside_the_record(client):
    text = ("When Azerbaijan attacked Armenia in September 2022, the CSTO did nothing <script>alert(1)</script>. "
            "عندما هاجمت أذربيجان أرمينيا في سبتمبر 2022، تجاهلت منظمة معاهدة الأمن الجماعي الأمر.")
    page = client.post("/reader", data={"text": text, "claims": "on"}).text
    assert "Claims beside the record" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<bdi dir="auto">عندما هاجمت' in page
    assert page.count("<strong>partly</strong>") == 2
    assert 'href="/alliances/CSTO/cases/arm-aze-2022-09"' in page
    assert "fact-finding-mission" in page  # the ledger's value beside the claim


def test_reader_page_without_the_box_checks_no_claims(client):
    page = client.post("/reader", data={"text": "In January 2022 the CSTO sent troops to Kazakhstan."}).text
    assert "Claims beside the record" not in page
    assert 'name="claims"' in page
