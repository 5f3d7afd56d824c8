"""The disk cache of derived values: read back equal to a fresh computation, keyed by every input,
written atomically, and harmless when it cannot be written or read."""

from __future__ import annotations

import pickle

import polars as pl
import pytest

from pactscope.data import cache


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PACTSCOPE_NO_CACHE", raising=False)
    return tmp_path


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_value_is_built_once_then_read_back(cache_in):
    frame = pl.DataFrame({"a": [1, 2, None], "b": ["x", None, "z"]}, schema={"a": pl.Int8, "b": pl.String})
    build, calls = _counting((frame, {"k": 1}))
    first = cache.cached_object("test", "k1", build)
    second = cache.cached_object("test", "k1", build)
    assert calls == [1]
    assert second[0].equals(frame) and second[0].schema == frame.schema and second[1] == {"k": 1}
    assert first[0].equals(second[0])
    assert [p.name for p in cache_in.iterdir()] == ["test-k1.pickle"]  # no temporary file left


def test_off_switch_computes_every_time(cache_in, monkeypatch):
    monkeypatch.setenv("PACTSCOPE_NO_CACHE", "1")
    build, calls = _counting(3)
    assert cache.cached_object("test", "k", build) == 3 and cache.cached_object("test", "k", build) == 3
    assert calls == [1, 1] and not list(cache_in.iterdir())


def test_unwritable_directory_falls_back_to_computing(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("PACTSCOPE_NO_CACHE", raising=False)
    build, calls = _counting([1, 2])
    assert cache.cached_object("test", "k", build) == [1, 2]
    assert cache.cached_object("test", "k", build) == [1, 2]
    assert calls == [1, 1]


def test_damaged_entry_is_computed_again_and_replaced(cache_in):
    (cache_in / "test-k.pickle").write_bytes(b"\x80\x05 truncated")
    build, calls = _counting("fresh")
    assert cache.cached_object("test", "k", build) == "fresh" and calls == [1]
    assert pickle.loads((cache_in / "test-k.pickle").read_bytes()) == "fresh"


def test_value_refused_by_keep_is_not_stored(cache_in):
    assert cache.cached_object("test", "k", lambda: None, keep=lambda v: v is not None) is None
    assert not list(cache_in.iterdir())


def test_checksum_follows_each_input(tmp_path, monkeypatch):
    record = tmp_path / "r.yaml"
    record.write_text("a: 1\n")
    base = dict(datasets=["un_votes"], code=["pactscope.metrics._undl"], files=[record], extra="x")
    key = cache.checksum(**base)
    assert cache.checksum(**base) == key
    assert cache.checksum(**{**base, "extra": "y"}) != key
    assert cache.checksum(**{**base, "datasets": ["un_roll_calls"]}) != key
    assert cache.checksum(**{**base, "code": ["pactscope.metrics.votes"]}) != key
    record.write_text("a: 2\n")
    assert cache.checksum(**base) != key
    record.write_text("a: 1\n")
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert cache.checksum(**base) != key


def test_checksum_follows_a_table_rebuild(monkeypatch):
    from pactscope.data import registry

    key = cache.checksum(datasets=["un_votes"])
    original = registry.info("un_votes")
    monkeypatch.setattr(registry, "info", lambda name: {**original, "hash": "sha256:" + "0" * 64})
    assert cache.checksum(datasets=["un_votes"]) != key


def test_package_code_excludes_bundled_records_and_tables():
    files = cache._module_files("pactscope.ledger")
    assert any(f.name == "loader.py" for f in files) and any(f.name == "statuses.yaml" for f in files)
    assert not any("records" in f.parts for f in files)
    assert not any("tables" in f.parts for f in cache._module_files("pactscope.data"))


def test_cached_un_votes_equal_a_fresh_computation(cache_in):
    from pactscope.metrics import _alignment_data as D

    for series in ("voeten", "undl"):
        fresh = D._series(series)
        first = cache.cached_object("un-votes", D._cache_key(series), lambda s=series: D._series(s))
        stored = cache.cached_object("un-votes", D._cache_key(series), lambda: pytest.fail("not read back"))
        for a, b, c in zip(fresh, first, stored, strict=True):
            assert a.equals(b) and a.equals(c) and a.schema == c.schema


def test_cached_ledger_equals_the_parsed_one(cache_in):
    from pactscope.ledger import loader

    loader._load.cache_clear()
    try:
        cached = loader._load(None)  # parsed and stored
        assert list(cache_in.glob("ledger-*.pickle"))
        loader._load.cache_clear()
        assert loader._load(None) == cached == loader._parse(None)  # read back
    finally:
        loader._load.cache_clear()


def test_edited_ledger_is_parsed_again(cache_in, tmp_path):
    import shutil

    from pactscope.ledger import loader
    from pactscope.ledger.parse import RECORDS

    root = tmp_path / "records"
    shutil.copytree(RECORDS, root)
    before = loader._load(str(root))
    spells = root / "csto" / "membership.yaml"
    spells.write_text(spells.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    loader._load.cache_clear()
    try:
        assert len(list(cache_in.glob("ledger-*.pickle"))) == 1
        loader._load(str(root))
        assert len(list(cache_in.glob("ledger-*.pickle"))) == 2  # a new entry, not the old one read back
        assert loader._load(str(root)) == before
    finally:
        loader._load.cache_clear()


def test_package_version_attribute_equals_the_installed_metadata():
    """The cache key and the report footer read ``pactscope.__version__``; it must be the released one."""
    from importlib.metadata import version

    import pactscope

    assert pactscope.__version__ == version("pactscope")
    assert f"pactscope={pactscope.__version__}" in cache._versions()
