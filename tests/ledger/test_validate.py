"""validate(): the shipped ledger is clean; broken copies fail at the right file, line, field."""

from __future__ import annotations

import json

from ledger_helpers import edit, line_with

from pactscope.ledger import validate
from pactscope.ledger.jsonio import SCHEMA_PATH, schema_text


def _errors(root):
    return [p for p in validate(root) if p.is_error]


def test_shipped_ledger_has_no_errors():
    errors = [str(p) for p in validate() if p.is_error]
    assert errors == []


def test_isolated_copy_is_clean(root):
    assert _errors(root) == []


def test_schema_file_is_current():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()
    assert "CrisisCase" in json.loads(schema_text())["$defs"]


def test_missing_sources_key(root):
    path = root / "csto/membership.yaml"
    edit(path, "    sources: [tass-uzb-suspended-2012, day-uzb-suspended-2012]\n", "")
    [p] = _errors(root)
    assert (p.file, p.field) == ("csto/membership.yaml", "spells[9].sources")
    assert p.line == line_with(path, "status: suspended") - 1  # the "- state: UZB" line
    assert "missing" in p.message


def test_empty_source_list_is_a_fact_without_source(root):
    path = root / "csto/membership.yaml"
    edit(path, "sources: [tass-uzb-suspended-2012, day-uzb-suspended-2012]", "sources: []")
    [p] = _errors(root)
    assert p.field == "spells[9].sources"
    assert p.line == line_with(path, "sources: []")
    assert "no source" in p.message


def test_end_before_start(root):
    path = root / "csto/membership.yaml"
    edit(path, "  - state: AZE\n    status: member\n    start: 1993-09-24\n    end: 1999-04-20",
         "  - state: AZE\n    status: member\n    start: 1993-09-24\n    end: 1989-04-20")
    [p] = _errors(root)
    assert (p.file, p.field, p.line) == ("csto/membership.yaml", "spells[10]", line_with(path, "state: AZE"))
    assert "before start" in p.message


def test_unknown_state_code(root):
    path = root / "csto/membership.yaml"
    edit(path, "  - state: KAZ\n", "  - state: QQQ\n")
    [p] = _errors(root)
    assert (p.file, p.field, p.line) == ("csto/membership.yaml", "spells[2].state", line_with(path, "state: QQQ"))
    assert "unknown state code 'QQQ'" in p.message


def test_unknown_source_id(root):
    path = root / "csto/organs.yaml"
    edit(path, "sources: [tass-cdm-2025-05, kt-cdm-2025-05]", "sources: [tass-cdm-2025-05, no-such-source]")
    [p] = _errors(root)
    assert p.file == "csto/organs.yaml"
    assert p.field == "meetings[13].sources[1]"
    assert p.line == line_with(path, "no-such-source")
    assert "unknown source id 'no-such-source'" in p.message


def test_party_flagged_member_who_was_not(root):
    path = root / "csto/cases/test-case.yaml"
    edit(path, "  - state: GEO\n    role: other\n    member: false", "  - state: GEO\n    role: other\n    member: true")
    [p] = _errors(root)
    assert (p.file, p.field) == ("csto/cases/test-case.yaml", "parties[1].member")
    assert p.line == line_with(path, "member: true", after="state: GEO")
    assert "GEO is marked member but was not a member on 2010-06-10" in p.message


def test_member_flagged_non_member(root):
    path = root / "csto/cases/test-case.yaml"
    edit(path, "  - state: KGZ\n    role: threatened\n    member: true", "  - state: KGZ\n    role: threatened\n    member: false")
    [p] = _errors(root)
    assert p.field == "parties[0].member" and "marked non-member" in p.message


def test_bad_url(root):
    path = root / "sources/csto.yaml"
    edit(path, "url: https://tass.com/world/1964501", "url: htps//tass com/world")
    [p] = _errors(root)
    assert (p.file, p.field) == ("sources/csto.yaml", f"sources[{_index(path, 'tass-cdm-2025-05')}].url")
    assert p.line == line_with(path, "htps//tass")


def test_url_without_dotted_host(root):
    path = root / "sources/csto.yaml"
    edit(path, "url: https://tass.com/world/1964501", "url: https://tass/world/1964501")
    [p] = _errors(root)
    assert p.field.endswith(".url") and "malformed URL" in p.message


def test_misspelled_key(root):
    path = root / "csto/organization.yaml"
    edit(path, "headquarters: Moscow", "headquarter: Moscow")
    [p] = _errors(root)
    assert (p.file, p.field, p.line) == ("csto/organization.yaml", "headquarter", line_with(path, "headquarter:"))
    assert "unknown key" in p.message


def test_clause_points_to_missing_document(root):
    path = root / "csto/organization.yaml"
    edit(path, "document: peacekeeping-agreement\n", "document: peacekeeping-agrement\n")
    [p] = _errors(root)
    assert p.field.endswith(".document") and p.line == line_with(path, "peacekeeping-agrement")


def test_meeting_points_to_missing_organ(root):
    path = root / "csto/organs.yaml"
    edit(path, "organ: council-of-foreign-ministers\n", "organ: council-of-foreign-minister\n")
    [p] = _errors(root)
    assert (p.field, p.line) == ("meetings[0].organ", line_with(path, "organ: council-of-foreign-minister"))


def test_duplicate_source_id(root):
    path = root / "sources/csto.yaml"
    edit(path, "  - id: kt-cdm-2025-05\n", "  - id: tass-cdm-2025-05\n")
    problems = _errors(root)
    dup = [p for p in problems if "already used" in p.message]
    assert len(dup) == 1 and dup[0].line == line_with(path, "id: tass-cdm-2025-05", after="id: tass-cdm-2025-05")


def test_unused_source_is_only_a_warning(root):
    path = root / "sources/csto.yaml"
    path.write_text(path.read_text() + "  - id: spare\n    url: https://example.org/a\n    publisher: X\n    title: Y\n    kind: news\n")
    problems = validate(root)
    assert not [p for p in problems if p.is_error]
    assert any(p.field.endswith(".id") and "not cited" in p.message for p in problems)


def test_repeated_yaml_key(root):
    path = root / "csto/organization.yaml"
    edit(path, "headquarters: Moscow\n", "headquarters: Moscow\nheadquarters: Minsk\n")
    [p] = _errors(root)
    assert (p.field, p.line) == ("headquarters", line_with(path, "headquarters: Minsk"))


def test_problem_string_format(root):
    path = root / "csto/organization.yaml"
    edit(path, "headquarters: Moscow", "headquarter: Moscow")
    [p] = _errors(root)
    assert str(p) == f"csto/organization.yaml:{p.line}: headquarter: unknown key (misspelled?)"


def _index(path, source_id):
    ids = [line.split("id:")[1].strip() for line in path.read_text().splitlines() if line.startswith("  - id:")]
    return ids.index(source_id)


def test_single_source_classification_is_a_warning(root):
    path = root / "csto/cases/test-case.yaml"

    def flagged():
        return {p.field: p for p in validate(root) if p.file == "csto/cases/test-case.yaml"}

    found = flagged()  # the test case cites one source for each classification
    assert set(found) == {"request.sources", "response.sources", "obligation.sources"}
    assert not any(p.is_error for p in found.values()) and "one source" in found["request.sources"].message
    edit(path, "  article: \"2\"\n  sources: [tass-uzb-note-2012]", "  article: \"2\"\n  sources: [tass-uzb-note-2012, rt-uzb-quits-2012]")
    assert set(flagged()) == {"response.sources", "obligation.sources"}
