"""The ledger index and gazetteer, built once and kept in a user cache directory.

Parsing the ledger's YAML and building the gazetteer take about a second; a fresh process
loads the pickled result instead.  The cache key is a checksum of the ledger's record files
and the reader's own data files (lexicon, names, weights) and code version, so any change
rebuilds it.  When the directory cannot be written the reader simply builds in memory.
Set `PACTSCOPE_CACHE_DIR` to choose the directory, or `PACTSCOPE_NO_CACHE=1` to turn it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
import time
from importlib import resources
from pathlib import Path

from pactscope.cache_home import cache_dir, enabled
from pactscope.reader.evidence import Evidence, load_evidence

FORMAT = 6  # bump when the pickled structures change
STALE_DAYS = 14  # indexes of other versions untouched this long are removed
_lock = threading.Lock()
_loaded: tuple[Evidence, object] | None = None


def checksum() -> str:
    """Checksum of the ledger records and the reader's data and code."""
    digest = hashlib.sha256(str(FORMAT).encode())
    roots = [resources.files("pactscope.ledger").joinpath("records"), resources.files("pactscope.reader")]
    for root in roots:
        base = Path(str(root))
        for path in sorted(base.rglob("*")):
            if path.suffix in (".yaml", ".yml", ".py") and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    try:
        import pactscope.codes as codes

        for path in sorted(Path(codes.__file__).parent.glob("*.csv")):
            digest.update(path.name.encode())
            digest.update(str(path.stat().st_size).encode())
    except ImportError:
        pass
    return digest.hexdigest()[:24]


def load_or_build(family: str, key: str, build):
    """`build()`, kept as `<family>-<key>.pickle` in the cache directory for later processes."""
    if not enabled():
        return build()
    path = cache_dir() / f"{family}-{key}.pickle"
    value = _read(path) if path.exists() else None
    if value is None:
        value = build()
        _write(path, value, family)
    return value


def _read(path: Path):
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):  # stale or partial: rebuild
        return None


def _write(path: Path, value, family: str = "reader") -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Indexes of other ledger versions may belong to another installation using the same
        # directory: only those untouched for STALE_DAYS are removed.
        cutoff = time.time() - STALE_DAYS * 86400
        for old in path.parent.glob(f"{family}-*.pickle"):
            if old != path and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # unwritable cache directory: work from memory


def index():
    """(Evidence, Gazetteer) for the bundled ledger: from memory, the cache, or built."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        from pactscope.reader.gazetteer import build_gazetteer

        use_cache = enabled()
        path = cache_dir() / f"reader-{checksum()}.pickle" if use_cache else None
        value = _read(path) if path and path.exists() else None
        if value is None:
            ev = load_evidence()
            value = (ev, build_gazetteer(ev))
            if path and not ev.note:
                _write(path, value)
        _loaded = value
        return value
