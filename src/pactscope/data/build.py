"""Build step: raw gzipped CSV (data/raw) -> typed Parquet tables + datapackage.json.

Run with ``pactscope data build``. The step is deterministic: the same raw files give
frames with identical content, and the descriptor records the sha256 of raw and built files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import polars as pl
import yaml

from pactscope.data import paths
from pactscope.data.io import atomic_write, check_writable
from pactscope.errors import DataIntegrityError, OutputError

_INT_BOUNDS = ((pl.Int32, 2**31), (pl.Int64, 2**63))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _narrow_integers(frame: pl.DataFrame) -> pl.DataFrame:
    """Whole-number columns become Int32 where they fit (Int64 otherwise), so keys join cleanly."""
    casts = []
    for name, dtype in frame.schema.items():
        if not (dtype.is_float() or dtype.is_integer()):
            continue
        col = frame[name].drop_nulls()
        if col.len() and not (col == col.round(0)).all():
            continue
        lo, hi = (int(col.min()), int(col.max())) if col.len() else (0, 0)  # type: ignore[arg-type]
        for int_type, bound in _INT_BOUNDS:
            if -bound <= lo and hi < bound:
                casts.append(pl.col(name).cast(int_type))
                break
    return frame.with_columns(casts) if casts else frame


def read_raw(path: Path) -> pl.DataFrame:
    """Read one raw table with typed columns (integers, dates, strings)."""
    frame = pl.read_csv(path, infer_schema_length=None, try_parse_dates=True)
    return _narrow_integers(frame)


def _field_type(dtype: pl.DataType) -> str:
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Boolean:
        return "boolean"
    return "string"


def _column_description(meta: dict, col: str) -> str | None:
    """The catalogue's description of a column: by name, else by the first matching pattern."""
    if col in meta.get("columns", {}):
        return str(meta["columns"][col])
    return next((text for pattern, text in meta.get("column_patterns", {}).items() if re.fullmatch(pattern, col)), None)


def _resource(name: str, meta: dict, frame: pl.DataFrame, raw: Path, built: Path) -> dict:
    described = {col: _column_description(meta, col) for col in frame.columns}
    schema: dict = {
        "fields": [
            {"name": col, "type": _field_type(dtype), **({"description": described[col]} if described[col] else {})}
            for col, dtype in frame.schema.items()
        ]
    }
    if "primary_key" in meta:
        schema["primaryKey"] = meta["primary_key"]
    resource = {
        "name": name,
        "path": f"tables/{built.name}",
        "format": "parquet",
        "title": meta["title"],
        "bytes": built.stat().st_size,
        "hash": f"sha256:{sha256(built)}",
        "rows": frame.height,
        "sources": [{"title": meta["producer"], "path": meta["homepage"]}],
        "licenses": [{"title": meta["license"]}],
        "schema": schema,
        "pactscope:version": meta["version"],
        "pactscope:bibtex": meta["bibtex"],
        "pactscope:raw": {"path": f"data/raw/{raw.name}", "hash": f"sha256:{sha256(raw)}"},
        "pactscope:pipeline": "src/pactscope/data/build.py",
    }
    if "coverage" in meta:
        resource["pactscope:coverage"] = meta["coverage"]
    if "short" in meta:
        resource["pactscope:short"] = meta["short"]
    if "description" in meta:
        resource["description"] = meta["description"]
    return resource


def load_catalog() -> dict[str, dict]:
    catalog: dict[str, dict] = yaml.safe_load(paths.CATALOG.read_text(encoding="utf-8"))
    return catalog


def build(
    raw_dir: Path | None = None,
    out_dir: Path | None = None,
    on_table: Callable[[str], None] | None = None,
) -> dict:
    """Convert every catalogued raw table; returns the datapackage descriptor it wrote."""
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    out_dir = Path(out_dir or paths.PACKAGE_DIR)
    tables = out_dir / "tables"
    catalog = load_catalog()
    missing = [n for n in catalog if not (raw_dir / f"{n}.csv.gz").exists()]
    if missing:
        raise DataIntegrityError(f"raw tables missing from {raw_dir}: {', '.join(missing)}; `pactscope data build` "
                                 "runs in a source checkout, which holds data/raw")
    for target in (tables / "table.parquet", out_dir / "datapackage.json"):  # refuse a read-only package now
        try:
            check_writable(target)
        except OutputError as exc:
            raise OutputError(f"{exc}; the tables cannot be rebuilt in place here: run `pactscope data build` in a "
                              "writable source checkout (pip install -e .)") from None
    resources = []
    for name, meta in catalog.items():
        raw = raw_dir / f"{name}.csv.gz"
        frame = read_raw(raw)
        built = tables / f"{name}.parquet"
        with atomic_write(built) as tmp:
            frame.write_parquet(tmp, compression="zstd", statistics=False)
        resources.append(_resource(name, meta, frame, raw, built))
        if on_table:
            on_table(name)
    descriptor = {
        "profile": "data-package",
        "name": "pactscope-data",
        "title": "Open conflict and alliance data bundled with pactscope",
        "created": dt.date.today().isoformat(),
        "licenses": [{"title": "each resource carries its own licence"}],
        "resources": resources,
    }
    with atomic_write(out_dir / "datapackage.json") as tmp:
        tmp.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return descriptor
