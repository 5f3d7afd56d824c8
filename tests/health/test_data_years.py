"""Data coverage years live in the data catalogue only: code and templates read them from there.

A year that starts or ends a bundled table (per ``data/catalog.yaml``) may not appear as a literal in
the package's code or templates. A line that uses such a year for another reason (a historical event,
a published paper's range) says so with the marker ``not-a-data-year`` in a comment. Full dates
(``2022-09-14``) are events, not coverage, and the reader, which parses years out of articles, is
outside the rule.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from pactscope.data.build import load_catalog

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "pactscope"
SUFFIXES = {".py", ".html", ".j2", ".jinja", ".txt"}
MARKER = "not-a-data-year"


def coverage_years() -> set[int]:
    years: set[int] = set()
    for meta in load_catalog().values():
        years.update(int(y) for y in meta.get("coverage", []))
    return years


def scanned_lines() -> Iterator[tuple[str, str]]:
    """(``file:line``, text) of every unmarked line of code and templates, less records and the reader."""
    for file in sorted(PACKAGE.rglob("*")):
        if file.suffix not in SUFFIXES or {"records", "reader"} & set(file.parts):
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if MARKER not in line:
                yield f"{file.relative_to(PACKAGE)}:{number}", line


def violations() -> list[str]:
    years = coverage_years()
    pattern = re.compile(r"(?<![\w.])(1[89]\d\d|20\d\d)(?!\w|-\d\d-\d\d)")
    found = []
    for where, line in scanned_lines():
        hits = sorted({int(y) for y in pattern.findall(line)} & years)
        if hits:
            found.append(f"{where}: {', '.join(map(str, hits))}")
    return found


def test_the_catalogue_records_coverage_years():
    years = coverage_years()
    assert 1816 in years and 2022 in years  # COW's first year; NMC v7.0's last (checked in catalog.yaml)


def test_no_data_year_is_typed_into_code_or_templates():
    found = violations()
    assert not found, "data years typed by hand; read them with pactscope.data.coverage(name):\n" + "\n".join(found)


def scan_only(source: str, tmp_path: Path, monkeypatch) -> None:
    """Point the scans at a package holding one module, x.py, with ``source``."""
    module = tmp_path / "pactscope" / "x.py"
    module.parent.mkdir()
    module.write_text(source, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "pactscope")


def test_the_scan_catches_a_typed_year(tmp_path, monkeypatch):
    scan_only('LAST_UN_YEAR = 2019\nWAR = 1816  # not-a-data-year: a marked line\n', tmp_path, monkeypatch)
    assert violations() == ["x.py:1: 2019"]


def version_violations() -> list[str]:
    """Lines that type a catalogued version (``v7.0``, ``v4.01``) instead of reading it with data.version()."""
    versions = {str(m["version"]) for m in load_catalog().values()}
    pattern = re.compile(r"\bv(\d+(?:\.\d+)+)\b")
    return [where for where, line in scanned_lines() if any(v in versions for v in pattern.findall(line))]


def test_no_data_version_is_typed_into_code_or_templates():
    found = version_violations()
    assert not found, "data versions typed by hand; read them with pactscope.data.version(name) or label(name):\n" + "\n".join(found)


def test_the_scan_catches_a_typed_version(tmp_path, monkeypatch):
    scan_only('TITLE = "NMC v7.0"\nOTHER = "v7.0"  # not-a-data-year: a marked line\n', tmp_path, monkeypatch)
    assert version_violations() == ["x.py:1"]
