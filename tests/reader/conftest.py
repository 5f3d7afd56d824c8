"""A small hand-made ledger for linker tests (independent of the bundled records)."""

from __future__ import annotations

import datetime as dt

import pytest

from pactscope.ledger.schema import CrisisCase, Meeting, Organ, Organization, Source
from pactscope.reader.evidence import Evidence
from pactscope.reader.gazetteer import build_gazetteer

SRC = ["test-source"]


def make_case(cid: str, parties: list[tuple[str, str]], start: str, end: str | None, threat: str,
              places: list[str], title: str = "a case") -> CrisisCase:
    return CrisisCase.model_validate({
        "id": cid, "organization": "CSTO", "title": title, "start_date": start, "end_date": end,
        "parties": [{"state": s, "role": r, "member": True} for s, r in parties],
        "threat_type": threat, "territory": "recognised", "summary": "test",
        "request": {"made": "yes", "by": "the government", "sources": SRC},
        "response": {"term": "statement", "summary": "a statement", "sources": SRC},
        "obligation": {"triggered": "no", "reason": "test reason", "sources": SRC},
        "outcome": "test", "places": places, "sources": SRC,
    })


@pytest.fixture(scope="session")
def small_evidence() -> Evidence:
    org = Organization.model_validate({
        "id": "CSTO",
        "names": {"en": "Collective Security Treaty Organization", "ru": "Организация Договора о коллективной безопасности",
                  "ar": "منظمة معاهدة الأمن الجماعي"},
        "abbreviations": {"en": ["CSTO"], "ru": ["ОДКБ"], "ar": []},
        "kind": "alliance", "founded": "1992-05-15", "collective_defence": True, "summary": "test",
        "documents": [], "sources": SRC,
        "officials": [{"names": {"en": "Stanislav Zas", "ru": "Станислав Зась", "ar": "ستانيسلاف زاس"},
                       "role": "Secretary General", "state": "BLR", "sources": SRC}],
    })
    organs = (
        Organ(id="summit-council", names={"en": "Collective Security Council", "ru": "Совет коллективной безопасности",
                                          "ar": "مجلس الأمن الجماعي"}, kind="summit", description="t", sources=SRC),
        Organ(id="defence-council", names={"en": "Council of Defence Ministers", "ru": "Совет министров обороны"},
              kind="ministerial council", description="t", sources=SRC),
    )
    meetings = (
        Meeting(id="m-yerevan-2022", organ="summit-council", date=dt.date(2022, 11, 23), place="Yerevan", host="ARM",
                sources=SRC),
        Meeting(id="m-bishkek-2025", organ="defence-council", date=dt.date(2025, 5, 28), place="Bishkek", host="KGZ",
                sources=SRC),
    )
    cases = [
        make_case("kaz-2022", [("KAZ", "threatened")], "2022-01-02", "2022-01-19", "domestic-unrest",
                  ["Almaty", "Алматы"]),
        make_case("arm-2022", [("ARM", "threatened"), ("AZE", "adversary")], "2022-09-13", "2022-09-14",
                  "interstate-attack", ["Jermuk", "Джермук"]),
        make_case("arm-2021", [("ARM", "threatened"), ("AZE", "adversary")], "2021-05-12", "2021-05-30",
                  "interstate-attack", ["Syunik"]),
        make_case("kgz-tjk-2022", [("KGZ", "both"), ("TJK", "both")], "2022-09-14", "2022-09-20",
                  "border-clash-between-members", ["Batken", "Isfara"]),
    ]
    source = Source(id="test-source", url="https://example.org/a", publisher="Test Wire", title="A report",
                    kind="news")
    return Evidence(organizations={"CSTO": org}, organs={"CSTO": organs}, meetings={"CSTO": meetings},
                    cases={c.id: c for c in cases}, sources={"test-source": source})


@pytest.fixture(scope="session")
def small_gazetteer(small_evidence):
    return build_gazetteer(small_evidence)
