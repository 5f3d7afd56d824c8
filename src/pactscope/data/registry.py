"""Access to the bundled tables: list, load, describe, cite, verify."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import polars as pl

from pactscope.data import paths
from pactscope.errors import DataIntegrityError, UnknownDataset, close_matches

T = TypeVar("T")


@functools.cache
def descriptor() -> dict:
    """The Frictionless datapackage.json of the bundled tables."""
    if not paths.DATAPACKAGE.exists():
        raise DataIntegrityError(
            f"{paths.DATAPACKAGE} is missing; rebuild it with `pactscope data build`"
        )
    package: dict = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    return package


@functools.cache
def _resources() -> dict[str, dict]:
    return {r["name"]: r for r in descriptor()["resources"]}


def list_datasets() -> list[str]:
    return sorted(_resources())


def info(name: str) -> dict:
    """The provenance record of one table (title, source, version, coverage, licence, rows, hash)."""
    try:
        return _resources()[name]
    except KeyError:
        close = close_matches(name, list_datasets())
        raise UnknownDataset(
            f"no bundled table named {name!r}; `pactscope data list` shows them all", suggestions=close
        ) from None


def coverage(name: str) -> tuple[int, int]:
    """First and last year a bundled table covers, as recorded in the data catalogue."""
    span = info(name).get("pactscope:coverage")
    if not span:
        raise DataIntegrityError(f"the catalogue records no coverage for {name!r}; add it to data/catalog.yaml")
    first, last = span
    return int(first), int(last)


def last_year(name: str) -> int:
    """Last year a bundled table covers (shorthand for ``coverage(name)[1]``)."""
    return coverage(name)[1]


def version(name: str) -> str:
    """The version of a bundled table, as recorded in the data catalogue."""
    return str(info(name)["pactscope:version"])


def label(name: str) -> str:
    """A short human label (short name, version, years) for prose and chart notes, e.g. ``COW NMC 7.0, <first>-<last>``."""
    meta = info(name)
    span = meta.get("pactscope:coverage")
    years = f", {span[0]}-{span[1]}" if span else ""
    return f"{meta.get('pactscope:short', meta['title'])} {version(name)}{years}"


DAMAGED_FIX = "run `pactscope doctor`, then reinstall pactscope or run `pactscope data build`"


def path(name: str) -> Path:
    return paths.PACKAGE_DIR / str(info(name)["path"])


def _damaged(name: str, why: str) -> DataIntegrityError:
    return DataIntegrityError(f"bundled table {name} {why}; {DAMAGED_FIX}")


def _checked_path(name: str) -> Path:
    """The table's file, refused when it is missing or its size differs from the recorded one."""
    file = path(name)
    try:
        size = file.stat().st_size
    except OSError:
        raise _damaged(name, f"is missing ({info(name)['path']})") from None
    if size != info(name)["bytes"]:
        raise _damaged(name, f"is damaged ({size:,} bytes, {info(name)['bytes']:,} recorded)")
    return file


def _read(name: str, reader: Callable[[Path], T]) -> T:
    """``reader`` applied to the table's checked file; a failed read is a damaged table."""
    file = _checked_path(name)
    try:
        return reader(file)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise _damaged(name, f"cannot be read ({type(exc).__name__})") from None


@functools.cache
def load(name: str) -> pl.DataFrame:
    """One bundled table as a polars DataFrame (read once per process, then cached)."""
    return _read(name, pl.read_parquet)


def scan(name: str) -> pl.LazyFrame:
    """One bundled table as a polars LazyFrame."""
    return pl.scan_parquet(_checked_path(name))


@functools.cache
def _bib_entries() -> dict[str, str]:
    text = paths.REFS_BIB.read_text(encoding="utf-8")
    entries: dict[str, str] = {}
    for chunk in re.split(r"\n(?=@)", text):
        match = re.match(r"@(\w+)\{([^,\s]+),", chunk.strip())
        if match and match.group(1).lower() != "comment":
            entries[match.group(2)] = chunk.strip()
    return entries


def cite(*names: str) -> str:
    """BibTeX for the given tables (each entry once, in order of first use)."""
    keys: list[str] = []
    for name in names:
        for key in info(name)["pactscope:bibtex"]:
            if key not in keys:
                keys.append(key)
    entries = _bib_entries()
    missing = [k for k in keys if k not in entries]
    if missing:
        raise DataIntegrityError(f"refs.bib lacks entries for: {', '.join(missing)}")
    return "\n\n".join(entries[k] for k in keys) + "\n"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def quick_check() -> list[Check]:
    """Cheap start-up check of every table: the file exists, has its recorded size and a readable footer."""
    checks = []
    for name in list_datasets():
        try:
            _read(name, pl.read_parquet_schema)
        except DataIntegrityError as exc:
            checks.append(Check(name, False, str(exc)))
        else:
            checks.append(Check(name, True, "size and footer ok"))
    return checks


def verify() -> list[Check]:
    """Check every bundled table against the size and sha256 recorded in the descriptor."""
    from pactscope.data.build import sha256  # the build step (and its YAML reader) only when verifying

    checks = []
    for name, resource in sorted(_resources().items()):
        file = paths.PACKAGE_DIR / resource["path"]
        if not file.exists():
            checks.append(Check(name, False, f"file {resource['path']} is missing"))
            continue
        digest = f"sha256:{sha256(file)}"
        if digest != resource["hash"]:
            checks.append(Check(name, False, f"hash {digest[:19]}... differs from recorded {resource['hash'][:19]}..."))
        elif file.stat().st_size != resource["bytes"]:
            checks.append(Check(name, False, "size differs from the recorded size"))
        else:
            checks.append(Check(name, True, f"{resource['rows']} rows, hash ok"))
    return checks
