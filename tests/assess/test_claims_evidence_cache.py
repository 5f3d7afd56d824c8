"""The figures attached to organization claims are cached by data checksum, written atomically,
and computed in memory when the cache folder cannot be written."""

from __future__ import annotations

from pactscope.assess import claims_evidence
from pactscope.reader.claims.model import Claim


def _claim() -> Claim:
    item = {"kind": "metric", "metric": "dominance", "organization": "CSTO"}
    return Claim(span=(0, 1), sentence="x", about="organization", ids=["CSTO"], field="structure",
                 asserted={"topic": "dominance"}, record=[item], verdict=None, rule="r")


def test_figures_are_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", str(tmp_path))
    calls = []
    monkeypatch.setitem(claims_evidence._FIGURES, "dominance",
                        lambda org: calls.append(org) or {"figures": f"{org}: 1 figure"})
    first, second = _claim(), _claim()
    claims_evidence.add_metric_evidence([first])
    (stored,) = tmp_path.glob("claims-figures-*.json")
    assert not list(tmp_path.glob("*.tmp"))  # written whole, then renamed
    claims_evidence.add_metric_evidence([second])
    assert calls == ["CSTO"]  # the second process-level call read the file
    assert second.record[0]["figures"] == "CSTO: 1 figure" and stored.stat().st_size > 0


def test_unwritable_cache_folder_still_gives_the_figures(monkeypatch):
    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", "/proc/no-such-dir")
    monkeypatch.setitem(claims_evidence._FIGURES, "dominance", lambda org: {"figures": f"{org} share"})
    claim = _claim()
    claims_evidence.add_metric_evidence([claim])
    assert claim.record[0]["figures"] == "CSTO share"


def test_a_change_to_the_metrics_code_names_a_new_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", str(tmp_path))
    from pactscope.data import cache

    seen = []
    real = cache.code_digest
    monkeypatch.setattr(cache, "code_digest", lambda modules: seen.extend(modules) or real(modules))
    before = claims_evidence._store()
    monkeypatch.setattr(cache, "code_digest", lambda modules: "edited")
    assert any(path.name == "metrics" and path.is_dir() for path in seen)
    assert claims_evidence._store() != before
