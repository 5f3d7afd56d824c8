"""The cached ledger index, and the batch and --date options of `pactscope read`."""

import json

import pytest
from typer.testing import CliRunner

from pactscope.cli import app
from pactscope.reader import cache


def _fresh_index(monkeypatch, directory):
    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", str(directory))
    monkeypatch.delenv("PACTSCOPE_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_loaded", None)
    return cache.index()


def test_index_is_written_once_and_read_back(tmp_path, monkeypatch):
    ev, gaz = _fresh_index(monkeypatch, tmp_path)
    files = list(tmp_path.glob("reader-*.pickle"))
    assert [f.name for f in files] == [f"reader-{cache.checksum()}.pickle"]
    monkeypatch.setattr(cache, "load_evidence", lambda: pytest.fail("the index was rebuilt, not read back"))
    ev2, gaz2 = _fresh_index(monkeypatch, tmp_path)
    assert set(ev2.cases) == set(ev.cases) and len(gaz2.entries) == len(gaz.entries)


def test_unwritable_cache_directory_is_harmless(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    ev, gaz = _fresh_index(monkeypatch, blocker / "cache")  # cannot be created under a file
    assert ev.cases and gaz.entries
    assert not (blocker / "cache").exists()


def test_checksum_follows_the_reader_data(monkeypatch, tmp_path):
    before = cache.checksum()
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert cache.checksum() != before


def test_batch_jsonl_and_date(tmp_path):
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("Armenia asked the CSTO for help after Azerbaijan attacked on 13 September.", encoding="utf-8")
    two.write_text("Kazakhstan asked the CSTO for peacekeepers on 5 January 2022 during the unrest.", encoding="utf-8")
    result = CliRunner().invoke(app, ["read", str(one), str(two), "--format", "jsonl", "--date", "2022-09-14"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [line["file"] for line in lines] == [str(one), str(two)]
    assert [link["id"] for link in lines[0]["result"]["linked"]] == ["arm-aze-2022-09"]
    assert lines[0]["result"]["article_date"] == "2022-09-14"
    assert [link["id"] for link in lines[1]["result"]["linked"]] == ["kaz-2022-01-unrest"]


def test_bad_date_is_one_line(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("text", encoding="utf-8")
    result = CliRunner().invoke(app, ["read", str(one), "--date", "2022-13-40"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output
