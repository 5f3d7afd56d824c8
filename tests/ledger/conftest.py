"""Fixtures: an isolated copy of the CSTO core records, plus one small test case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pactscope.ledger.parse import RECORDS

CORE = ["csto/organization.yaml", "csto/membership.yaml", "csto/organs.yaml", "sources/csto.yaml"]

CASE = """\
id: test-case
organization: CSTO
title: Test case used by the ledger tests
start_date: 2010-06-10
end_date: 2010-06-25
parties:
  - state: KGZ
    role: threatened
    member: true
  - state: GEO
    role: other
    member: false
threat_type: domestic-unrest
territory: recognised
summary: A made-up case for the tests.
request:
  made: yes
  date: 2010-06-12
  by: the interim government
  article: "2"
  sources: [tass-uzb-note-2012]
response:
  term: consultation
  actions:
    - term: statement
      date: 2010-06-13
      sources: [tass-uzb-note-2012]
    - term: consultation
      date: 2010-06-14
      what: security council secretaries met
      sources: [tass-uzb-note-2012]
  date: 2010-06-13
  summary: Consultations only.
  sources: [tass-uzb-note-2012]
obligation:
  triggered: no
  reason: Internal unrest, not aggression by a state.
  sources: [tass-uzb-note-2012]
outcome: Ended.
sources: [tass-uzb-note-2012, rt-uzb-quits-2012]
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A records folder holding only the CSTO core files and one test case."""
    for rel in CORE:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RECORDS / rel, tmp_path / rel)
    (tmp_path / "csto" / "cases").mkdir()
    (tmp_path / "csto" / "cases" / "test-case.yaml").write_text(CASE, encoding="utf-8")
    return tmp_path
