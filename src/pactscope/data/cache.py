"""A disk cache for values (tables, parsed records) derived from the bundled data, so a fresh process reads them
instead of computing them again.

Each entry is named by a checksum of everything it is computed from: the bundled tables it reads
(their recorded sha256, with the usual size check), the source files of the code that computes it,
the versions of pactscope, polars and pydantic (values are pickled), and any extra key the caller gives. A change to any
of these gives a new name, so a stale entry is never read. Files are written atomically (a temporary
file, then a rename); when the directory cannot be written, or an entry cannot be read, the value
is simply computed in memory.

The directory and the off switch are those of :mod:`pactscope.cache_home` (``$PACTSCOPE_CACHE_DIR``,
``PACTSCOPE_NO_CACHE=1``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pactscope.cache_home import cache_dir, enabled

FORMAT = 1  # bump when the layout of entries changes
STALE_DAYS = 3  # entries untouched this long are removed when a new one of the same kind is written
SOURCE_SUFFIXES = (".py", ".csv", ".yaml", ".json", ".tsv")
DATA_FOLDERS = {"tables", "records"}
T = TypeVar("T")


@functools.lru_cache(maxsize=64)
def _module_files(name: str) -> tuple[Path, ...]:
    """Source files of a module, or of every module and data file of a package (sorted), less the
    folders of bundled records and tables, which callers key by content."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(name)
    origin = Path(spec.origin)
    if not spec.submodule_search_locations:
        return (origin,)
    root = origin.parent
    return tuple(sorted(p for p in root.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file()
                        and not DATA_FOLDERS & set(p.relative_to(root).parts)))


@functools.cache
def _versions() -> str:
    """Versions of the packages whose objects are pickled (module attributes: importing
    importlib.metadata would cost a cold start more than the cache saves)."""
    import polars
    import pydantic

    from pactscope import __version__

    return f"pactscope={__version__};polars={polars.__version__};pydantic={pydantic.VERSION}"


def checksum(*, datasets: Iterable[str] = (), code: Iterable[str] = (), files: Iterable[Path] = (),
             extra: str = "") -> str:
    """Checksum of the inputs of one derived value (see the module docstring)."""
    from pactscope.data.registry import _checked_path, info

    digest = hashlib.sha256(f"{FORMAT}\0{_versions()}\0{extra}".encode())
    for name in datasets:
        _checked_path(name)  # a missing or damaged table is refused as when it is loaded
        digest.update(f"\0{name}\0{info(name)['hash']}".encode())
    paths = [p for module in code for p in _module_files(module)] + [Path(p) for p in files]
    for path in paths:
        digest.update(_file_digest(path))
    return digest.hexdigest()[:24]


def code_digest(paths: Iterable[Path]) -> str:
    """Checksum of source files, and of the source files inside folders, by path: nothing is imported
    (finding a module by name would import its package, polars with it)."""
    digest = hashlib.sha256()
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file())
        for file in files:
            digest.update(_file_digest(file))
    return digest.hexdigest()[:24]


_digests: dict[tuple[str, int, int], bytes] = {}


def _file_digest(path: Path) -> bytes:
    """sha256 of a file's absolute path and bytes, kept per process while its size and mtime are unchanged
    (several entries of one report hash the same code files)."""
    full = path.resolve()
    stat = full.stat()
    key = (str(full), stat.st_size, stat.st_mtime_ns)
    if key not in _digests:
        _digests[key] = hashlib.sha256(str(full).encode() + b"\0" + full.read_bytes()).digest()
    return _digests[key]


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")


def _prune(path: Path, kind: str) -> None:
    cutoff = time.time() - STALE_DAYS * 86400
    for old in path.parent.glob(f"{kind}-*"):
        try:
            if old != path and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        except OSError:
            pass


def _write(path: Path, kind: str, write: Callable[[Path], None]) -> None:
    tmp = _tmp(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # entries are pickles: keep the folder private
        write(tmp)
        os.replace(tmp, path)
        _prune(path, kind)
    except OSError:  # unwritable cache directory: work from memory
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def cached_object(kind: str, key: str, build: Callable[[], T], keep: Callable[[T], bool] = lambda _: True) -> T:
    """An object from the pickle ``kind``-``key``, else from ``build()`` (stored when ``keep`` says so)."""
    path = cache_dir() / f"{kind}-{key}.pickle"
    if enabled() and path.exists():
        try:
            with path.open("rb") as fh:
                value: T = pickle.load(fh)
            return value
        except Exception:  # noqa: BLE001 - a partial or foreign entry is computed again
            pass
    value = build()
    if enabled() and keep(value):
        def write(tmp: Path) -> None:
            with tmp.open("wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)

        _write(path, kind, write)
    return value

