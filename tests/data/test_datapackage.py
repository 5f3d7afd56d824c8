"""The bundled tables: provenance records, checksums, loading, citation."""

from __future__ import annotations

import csv
import gzip
import hashlib
from pathlib import Path

import polars as pl
import pytest

from pactscope.data import cite, descriptor, info, list_datasets, load, verify
from pactscope.data.build import load_catalog, read_raw
from pactscope.errors import UnknownDataset

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def _manifest() -> dict[str, dict[str, str]]:
    with (RAW / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def test_every_catalogued_table_is_bundled_with_full_provenance():
    resources = {r["name"]: r for r in descriptor()["resources"]}
    assert set(resources) == set(load_catalog()) == set(list_datasets())
    for name, res in resources.items():
        assert res["sources"][0]["title"] and res["sources"][0]["path"].startswith("http"), name
        assert res["licenses"][0]["title"], name
        assert res["pactscope:version"], name
        assert res["pactscope:bibtex"], name
        assert res["hash"].startswith("sha256:") and len(res["hash"]) == 7 + 64, name
        assert res["schema"]["fields"], name


def test_row_counts_match_the_raw_manifest():
    manifest = _manifest()
    for name in list_datasets():
        assert info(name)["rows"] == int(manifest[f"{name}.csv.gz"]["rows"]), name
        assert load(name).height == int(manifest[f"{name}.csv.gz"]["rows"]), name


def test_raw_copies_match_the_manifest_checksums():
    for file, row in _manifest().items():
        digest = hashlib.sha256((RAW / file).read_bytes()).hexdigest()
        assert digest == row["sha256"], file


def test_verify_passes_on_the_shipped_tables():
    checks = verify()
    assert len(checks) == len(list_datasets())
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]


def test_verify_reports_a_corrupted_table(tmp_path, monkeypatch):
    from pactscope.data import paths, registry

    copy = tmp_path / "pkg"
    (copy / "tables").mkdir(parents=True)
    for res in descriptor()["resources"]:
        src = paths.PACKAGE_DIR / res["path"]
        (copy / res["path"]).write_bytes(src.read_bytes())
    (copy / "tables" / "cow_majors.parquet").write_bytes(b"not parquet")
    (copy / "tables" / "maoz_powers.parquet").unlink()
    monkeypatch.setattr(paths, "PACKAGE_DIR", copy)
    bad = {c.name: c.detail for c in registry.verify() if not c.ok}
    assert set(bad) == {"cow_majors", "maoz_powers"}
    assert "hash" in bad["cow_majors"] and "missing" in bad["maoz_powers"]


def test_loaded_values_equal_the_raw_cells():
    # cow_nmc raw row: 365.0,2010.0,41944000.0,1027.0,66942.0,1259488.0,143618.0,53043.0,0.039084401
    row = load("cow_nmc").filter((pl.col("ccode") == 365) & (pl.col("year") == 2010)).row(0, named=True)
    assert row == {
        "ccode": 365, "year": 2010, "milex": 41944000, "milper": 1027, "irst": 66942,
        "pec": 1259488, "tpop": 143618, "upop": 53043, "cinc": 0.039084401,
    }
    assert load("cow_nmc").schema["ccode"] == pl.Int32
    assert load("cow_contdir").schema["stdate"] == pl.Date


def test_a_rebuild_reproduces_the_bundled_frames():
    for name in ["cow_states", "cow_contdir", "ucdp_acd", "atop4_01_member"]:
        rebuilt = read_raw(RAW / f"{name}.csv.gz")
        assert rebuilt.equals(load(name)), name


def test_raw_reader_keeps_every_raw_row():
    with gzip.open(RAW / "cow_majors.csv.gz", "rt", encoding="utf-8") as fh:
        raw_rows = list(csv.DictReader(fh))
    assert len(raw_rows) == load("cow_majors").height == 14


def test_cite_returns_bibtex_for_each_table_once():
    text = cite("cow_nmc", "atop_alliance", "cow_nmc")
    assert text.count("@InCollection{singeretal1972cdu,") == 1
    assert "@Article{leedsetal2002atop," in text
    assert "@Misc{voetenetal2009unga," in cite("un_votes")


def test_unknown_table_suggests_close_names():
    with pytest.raises(UnknownDataset) as err:
        info("cow_nmcc")
    assert "cow_nmc" in str(err.value)


def test_coverage_and_version_come_from_the_catalogue():
    from pactscope import data
    from pactscope.data.build import load_catalog

    catalog = load_catalog()
    assert data.coverage("cow_nmc") == tuple(catalog["cow_nmc"]["coverage"]) == (1816, 2022)
    assert data.version("cow_nmc") == catalog["cow_nmc"]["version"] == "7.0"
    assert data.last_year("gml_mid_disps") == 2010
    assert data.label("cow_nmc") == "COW NMC 7.0, 1816-2022"


def test_coverage_of_a_table_without_years_is_a_clear_error():
    import pytest

    from pactscope import data
    from pactscope.errors import DataIntegrityError

    with pytest.raises(DataIntegrityError, match="no coverage"):
        data.coverage("ps_data_version")
